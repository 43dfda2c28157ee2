/**
 * One read-only IndexedDB transaction driven with the raw API and native promises, for the hot
 * read paths where Dexie's per-request wrapping is most of the cost (the related-coverage query:
 * ~45 small requests). A request's promise settles inside its success event, so awaiting it keeps
 * the transaction active, as long as nothing else is awaited in between (no timers, no messages).
 * The transaction commits by itself once its last request is answered: a reader never waits for
 * that, and nothing of Dexie's transaction zone follows the caller.
 */

/** Reads of one object store, shaped like the subset of Dexie's Table that callers use. */
export interface StoreReader<T> {
  get(key: string): Promise<T | undefined>;
  bulkGet(keys: readonly string[]): Promise<(T | undefined)[]>;
  count(): Promise<number>;
  where(index: string): { equals(key: string): { limit(n: number): { primaryKeys(): Promise<string[]> } } };
}

function request<T>(r: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error ?? new Error('IndexedDB request failed'));
  });
}

function storeReader<T>(store: IDBObjectStore): StoreReader<T> {
  return {
    get: (key) => request(store.get(key) as IDBRequest<T | undefined>),
    bulkGet: (keys) => Promise.all(keys.map((k) => request(store.get(k) as IDBRequest<T | undefined>))),
    count: () => request(store.count()),
    where: (index) => ({
      equals: (key) => ({
        limit: (n) => ({
          primaryKeys: () => request(store.index(index).getAllKeys(key, n) as IDBRequest<string[]>),
        }),
      }),
    }),
  };
}

/**
 * Readers for `names` in one new read-only transaction of `idb` (throws synchronously when the
 * database is closing or a store is missing: the caller falls back to its Dexie path).
 */
export function readOnlyStores<M extends Record<string, unknown>>(
  idb: IDBDatabase,
  names: readonly (keyof M & string)[],
): { [K in keyof M]: StoreReader<M[K]> } {
  const tx = idb.transaction(names as string[], 'readonly');
  return Object.fromEntries(names.map((n) => [n, storeReader(tx.objectStore(n))])) as {
    [K in keyof M]: StoreReader<M[K]>;
  };
}
