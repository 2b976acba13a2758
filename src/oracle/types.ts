/** Shared types of the `haproxy -c` oracle. */

export type Verdict =
  | 'accepted'
  | 'rejected-missing-file'
  | 'rejected-dns'
  | 'rejected-syntax'
  | 'rejected-other'
  | 'timeout';

export const VERDICTS: readonly Verdict[] = [
  'accepted',
  'rejected-missing-file',
  'rejected-dns',
  'rejected-syntax',
  'rejected-other',
  'timeout',
];

/** Why one `[ALERT]` line was raised. `summary` lines ("Fatal errors found…") carry no cause of their own. */
export type AlertKind = 'missing-file' | 'dns' | 'syntax' | 'environment' | 'other' | 'summary';

export interface Message {
  /** the file HAProxy names with the line (as given to `-f`) */
  file?: string;
  /** 1-based line in the checked file, when HAProxy names one */
  line?: number;
  message: string;
}

export interface Alert extends Message {
  kind: AlertKind;
}

export interface CheckResult {
  verdict: Verdict;
  /** haproxy's exit code; null when it was killed (timeout) */
  exitCode: number | null;
  alerts: Alert[];
  warnings: Message[];
  /** host names that were mapped to 127.0.0.1 through a private hosts file (hosts: 'loopback') */
  loopbackHosts?: string[];
}
