/**
 * A HAProxy configuration manual split into numbered chapters.
 *
 * Chapters are recognised by a column-0 "N.N. Title" line directly followed by
 * a line of dashes, which is how every manual from 2.6 to 3.5-dev formats them
 * (the table of contents at the top has no underline, so it is skipped).
 */
export interface Chapter {
  /** "4.2", "12.7.1" … (without trailing dot) */
  number: string;
  title: string;
  /** first line of the chapter body (after the underline), 0-based */
  start: number;
  /** end of the chapter body: start of the next chapter of any level */
  end: number;
}

export interface Manual {
  file: string;
  lines: string[];
  chapters: Chapter[];
}

const CHAPTER_RE = /^(\d+(?:\.\d+)*)\.?\s+(\S.*?)\s*$/;

export function parseManual(file: string, text: string): Manual {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const heads: { number: string; title: string; line: number }[] = [];
  for (let i = 0; i + 1 < lines.length; i++) {
    const m = CHAPTER_RE.exec(lines[i]!);
    if (m && /^-{3,}\s*$/.test(lines[i + 1]!)) heads.push({ number: m[1]!, title: m[2]!, line: i });
  }
  const chapters = heads.map((h, k) => ({
    number: h.number,
    title: h.title,
    start: h.line + 2,
    end: k + 1 < heads.length ? heads[k + 1]!.line : lines.length,
  }));
  return { file, lines, chapters };
}

/** First chapter whose title matches, optionally restricted to a chapter number prefix. */
export function findChapter(manual: Manual, title: RegExp, under?: string): Chapter | undefined {
  return manual.chapters.find(
    (c) => title.test(c.title) && (under === undefined || c.number === under || c.number.startsWith(under + '.')),
  );
}

/** The chapter plus all its sub-chapters, as one line range. */
export function chapterWithChildren(manual: Manual, chapter: Chapter): { start: number; end: number } {
  let end = chapter.end;
  for (const c of manual.chapters) {
    if (c.number.startsWith(chapter.number + '.')) end = Math.max(end, c.end);
  }
  return { start: chapter.start, end };
}
