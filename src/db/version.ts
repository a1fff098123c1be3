// A cheap token that changes whenever the database's data may have changed: this
// connection's total_changes() (every row it writes) and PRAGMA data_version (commits
// by other connections and processes). Used to keep caches (responses, list totals)
// no older than the data.
import type Sqlite from 'better-sqlite3'

/** How long another process's commit may go unseen: data_version touches the WAL index. */
export const DATA_VERSION_MS = 10

const versions = new WeakMap<Sqlite.Database, () => string>()
/** Numbers connections, so that a replaced one (a replica's new copy) is a new version. */
let connections = 0

/** The data-version function of a connection (one per connection, made on first use). */
export function dataVersionOf (sqlite: Sqlite.Database): () => string {
  let version = versions.get(sqlite)
  if (version !== undefined) return version
  // total_changes() counts every row this connection changes: free to ask each time.
  const ownChanges = sqlite.prepare('select total_changes()').pluck()
  const dataVersion = sqlite.prepare<[], number>('pragma data_version').pluck()
  let other = 0
  let checkedAt = 0
  const connection = ++connections
  version = () => {
    const now = Date.now()
    if (now - checkedAt >= DATA_VERSION_MS) {
      other = dataVersion.get() ?? 0
      checkedAt = now
    }
    return `${connection}.${other}:${String(ownChanges.get())}`
  }
  versions.set(sqlite, version)
  return version
}

/**
 * A small memo of values valid for one data version: `get(key, make)` answers the
 * remembered value for `key`, or runs `make` and remembers it. Everything is dropped
 * when the data version moves; at most `size` values are kept.
 */
export function createMemo<T> (sqlite: Sqlite.Database, size = 500): (key: string, make: () => T) => T {
  const dataVersion = dataVersionOf(sqlite)
  const values = new Map<string, { value: T }>()
  let valuesVersion = ''
  return (key, make) => {
    const version = dataVersion()
    if (version !== valuesVersion) {
      values.clear()
      valuesVersion = version
    }
    const known = values.get(key)
    if (known !== undefined) return known.value
    const value = make()
    const oldest = values.keys().next()
    if (values.size >= size && oldest.done !== true) values.delete(oldest.value)
    values.set(key, { value })
    return value
  }
}

/** List totals (counts) for one data version, by the list's filters. */
export function createTotals (sqlite: Sqlite.Database, size = 500): (key: string, count: () => number) => number {
  return createMemo<number>(sqlite, size)
}
