/** HAProxy time values (`500`, `2s`, `1m`, `100ms`, `10us`): milliseconds, or undefined when unreadable. */
export function parseTime(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const match = /^(\d+)(us|ms|s|m|h|d)?$/.exec(text.trim());
  if (!match) return undefined;
  const value = Number(match[1]);
  switch (match[2]) {
    case 'us': return value / 1000;
    case undefined:
    case 'ms': return value;
    case 's': return value * 1000;
    case 'm': return value * 60_000;
    case 'h': return value * 3_600_000;
    case 'd': return value * 86_400_000;
  }
  return undefined;
}
