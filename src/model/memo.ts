/** A Map or WeakMap. */
interface Store<K, V> {
  get(key: K): V | undefined;
  set(key: K, value: V): unknown;
}

/**
 * The value cached under `key`, computed on first use. Rules share per-file work this way
 * (keyed by the ConfigFile, a Section or a Line in a WeakMap, so nothing outlives the file).
 */
export function memo<K, V>(store: Store<K, V>, key: K, compute: () => V): V {
  let value = store.get(key);
  if (value === undefined) {
    value = compute();
    store.set(key, value);
  }
  return value;
}
