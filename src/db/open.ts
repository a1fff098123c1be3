// Opens the SQLite file, applies pending migrations and switches integrity checks on.
import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import Sqlite from 'better-sqlite3'
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3'
import { migrate } from 'drizzle-orm/better-sqlite3/migrator'
import * as schema from './schema.js'

export type Db = BetterSQLite3Database<typeof schema> & { $client: Sqlite.Database }

export interface Database {
  sqlite: Sqlite.Database
  db: Db
  /** True when this open created the schema from nothing (a new database). */
  fresh: boolean
}

export interface OpenOptions {
  path: string
  migrationsFolder: string
}

export function openDatabase ({ path, migrationsFolder }: OpenOptions): Database {
  if (path !== ':memory:' && !path.startsWith('file:')) mkdirSync(dirname(path), { recursive: true })
  const sqlite = new Sqlite(path)
  try {
    sqlite.pragma('journal_mode = WAL')
    sqlite.pragma('synchronous = NORMAL')
    sqlite.pragma('busy_timeout = 5000')
    const db = drizzle(sqlite, { schema })
    const fresh = !hasAppliedMigrations(sqlite)
    // Drizzle applies all pending migrations in one transaction, where SQLite ignores
    // PRAGMA foreign_keys. A table-rebuild migration run with foreign keys ON would
    // cascade-delete child rows, so migrate with them OFF and check afterwards.
    sqlite.pragma('foreign_keys = OFF')
    migrate(db, { migrationsFolder })
    sqlite.pragma('foreign_keys = ON')
    const broken = sqlite.pragma('foreign_key_check') as unknown[]
    if (broken.length > 0) {
      throw new Error(`database ${path} has ${broken.length} rows whose foreign keys point nowhere (PRAGMA foreign_key_check)`)
    }
    return { sqlite, db, fresh }
  } catch (error) {
    sqlite.close()
    throw error
  }
}

function hasAppliedMigrations (sqlite: Sqlite.Database): boolean {
  const table = sqlite.prepare("select 1 from sqlite_master where type = 'table' and name = '__drizzle_migrations'").get()
  if (table === undefined) return false
  const row = sqlite.prepare('select count(*) as n from __drizzle_migrations').get() as { n: number }
  return row.n > 0
}
