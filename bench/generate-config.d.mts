/** A large, realistic haproxy.cfg of about `lines` lines (bench/generate-config.mjs). */
export function generateConfig(lines?: number): string;
