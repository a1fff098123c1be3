// Opens the SQLite file, applies pending migrations and switches integrity checks on.
import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import Sqlite from 'better-sqlite3'
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3'
import { migrate } from 'drizzle-orm/better-sqlite3/migrator'

export type Db = BetterSQLite3Database & { $client: Sqlite.Database }

export interface Database {
  sqlite: Sqlite.Database
  db: Db
}

export interface OpenOptions {
  path: string
  migrationsFolder: string
}

export function openDatabase ({ path, migrationsFolder }: OpenOptions): Database {
  if (path !== ':memory:' && !path.startsWith('file:')) mkdirSync(dirname(path), { recursive: true })
  const sqlite = new Sqlite(path)
  try {
    // Chosen deliberately (see BENCHMARKS.md): WAL lets readers and one writer work at
    // once and other processes (keys, snapshot, seed) open the file while the server
    // runs; synchronous=NORMAL is durable across process crashes in WAL mode (a power
    // loss can lose the last commits, never corrupt); a 16 MiB page cache keeps the
    // indexes of a large database in memory; no mmap and no exclusive locking, which
    // would lock the command-line tools out.
    sqlite.pragma('journal_mode = WAL')
    sqlite.pragma('synchronous = NORMAL')
    sqlite.pragma('busy_timeout = 5000')
    sqlite.pragma('cache_size = -16384')
    sqlite.pragma('temp_store = MEMORY')
    const db = drizzle(sqlite)
    // Drizzle applies all pending migrations in one transaction, where SQLite ignores
    // PRAGMA foreign_keys. A table-rebuild migration run with foreign keys ON would
    // cascade-delete child rows, so migrate with them OFF and check afterwards.
    sqlite.pragma('foreign_keys = OFF')
    const before = appliedMigrations(sqlite)
    migrate(db, { migrationsFolder })
    sqlite.pragma('foreign_keys = ON')
    // The check reads every reference, so it runs when migrations changed something.
    const broken = appliedMigrations(sqlite) === before ? [] : foreignKeyProblems(sqlite)
    if (broken.length > 0) {
      throw new Error(`database ${path} has ${broken.length} rows whose foreign keys point nowhere (PRAGMA foreign_key_check)`)
    }
    return { sqlite, db }
  } catch (error) {
    sqlite.close()
    throw error
  }
}

/** The rows PRAGMA foreign_key_check reports. */
function foreignKeyProblems (sqlite: Sqlite.Database): unknown[] {
  const rows = sqlite.pragma('foreign_key_check')
  return Array.isArray(rows) ? rows : []
}

function appliedMigrations (sqlite: Sqlite.Database): number {
  const table = sqlite.prepare("select 1 from sqlite_master where type = 'table' and name = '__drizzle_migrations'").get()
  if (table === undefined) return 0
  return sqlite.prepare<[], { n: number }>('select count(*) as n from __drizzle_migrations').get()?.n ?? 0
}
