import { readFileSync } from 'node:fs';
import { PACKAGE_ROOT } from '../package-root.js';

/** Where the rule docs live: SARIF helpUri and the docs links point here. */
export const HOMEPAGE = 'https://github.com/haproxy-lint/haproxy-lint';

export function ruleDocsUrl(id: string): string {
  return `${HOMEPAGE}/blob/main/docs/rules/${id}.md`;
}

let cachedVersion: string | undefined;

/** The package version, read from package.json. */
export function version(): string {
  if (cachedVersion === undefined) {
    try {
      cachedVersion = (JSON.parse(readFileSync(new URL('package.json', PACKAGE_ROOT), 'utf8')) as { version: string }).version;
    } catch {
      cachedVersion = '0.0.0';
    }
  }
  return cachedVersion;
}
