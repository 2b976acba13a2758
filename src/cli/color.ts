/** ANSI styling, on only when asked for: a TTY, FORCE_COLOR or --color; never with NO_COLOR or --no-color. */
export interface Colors {
  enabled: boolean;
  bold(text: string): string;
  dim(text: string): string;
  underline(text: string): string;
  red(text: string): string;
  yellow(text: string): string;
  cyan(text: string): string;
  green(text: string): string;
}

const wrap = (open: number, close: number) => (text: string) => `\u001b[${open}m${text}\u001b[${close}m`;

export function colors(enabled: boolean): Colors {
  if (!enabled) {
    const id = (text: string) => text;
    return { enabled, bold: id, dim: id, underline: id, red: id, yellow: id, cyan: id, green: id };
  }
  return {
    enabled,
    bold: wrap(1, 22), dim: wrap(2, 22), underline: wrap(4, 24),
    red: wrap(31, 39), yellow: wrap(33, 39), cyan: wrap(36, 39), green: wrap(32, 39),
  };
}

/** --color/--no-color win, then FORCE_COLOR, then NO_COLOR, then whether the stream is a terminal. */
export function shouldColor(flag: boolean | undefined, env: NodeJS.ProcessEnv, isTTY: boolean | undefined): boolean {
  if (flag !== undefined) return flag;
  const force = env.FORCE_COLOR;
  if (force !== undefined && force !== '') return !['0', 'false'].includes(force.toLowerCase());
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.TERM === 'dumb') return false;
  return isTTY === true;
}
