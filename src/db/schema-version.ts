// The schema version of a database: its latest applied migration. A snapshot travels
// with it (X-Schema-Version) and a replica takes only a copy whose schema is its own.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type Sqlite from 'better-sqlite3'

export interface Migration {
  /** drizzle-kit's tag, e.g. "0009_api_keys_replicate_scope". */
  tag: string
  /** Its journal timestamp, stored as created_at in __drizzle_migrations. */
  when: number
}

/** The newest migration in a drizzle-kit migrations folder. */
export function latestMigration (migrationsFolder: string): Migration {
  const journal = JSON.parse(readFileSync(join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as { entries: Migration[] }
  const last = journal.entries.at(-1)
  if (last === undefined) throw new Error(`no migrations in ${migrationsFolder}`)
  return { tag: last.tag, when: last.when }
}

/** The journal timestamp of the newest migration applied to a database (null: none). */
export function appliedMigration (sqlite: Sqlite.Database): number | null {
  const table = sqlite.prepare("select 1 from sqlite_master where type = 'table' and name = '__drizzle_migrations'").get()
  if (table === undefined) return null
  const at = sqlite.prepare<[], { at: number | null }>('select max(created_at) as at from __drizzle_migrations').get()?.at ?? null
  return at === null ? null : Number(at)
}
