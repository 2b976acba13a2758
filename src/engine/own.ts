/**
 * Reading settings objects by a name that comes from the user (a backend, a rule option): only own
 * properties count, never what every object inherits (`constructor`, `__proto__`, `toString`…).
 */
export function ownValue<T>(record: Readonly<Record<string, T>> | undefined, key: string): T | undefined {
  return record !== undefined && Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
}
