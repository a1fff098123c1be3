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
    return { sqlite, db }
  } catch (error) {
    sqlite.close()
    throw error
  }
}
