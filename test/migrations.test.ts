// Migrations applied to a database that already holds data keep all of it: a table
// rebuild (0004 rebuilds sponsors) must not cascade-delete the rows that refer to it.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import t from 'tap'
import { openDatabase } from '../src/db/open.js'
import { readModelDrift } from '../src/db/read-model.js'
import { createRepositories } from '../src/repositories/index.js'
import { loadDataset, readDataset } from '../src/seed/dataset.js'

interface Journal { entries: Array<{ idx: number, tag: string }> }

/** A copy of migrations/ holding only the first `count` migrations. */
function firstMigrations (dir: string, count: number): string {
  const folder = join(dir, 'migrations')
  cpSync('migrations', folder, { recursive: true })
  const journal = JSON.parse(readFileSync(join(folder, 'meta', '_journal.json'), 'utf8')) as Journal
  for (const entry of journal.entries.slice(count)) rmSync(join(folder, `${entry.tag}.sql`))
  journal.entries = journal.entries.slice(0, count)
  writeFileSync(join(folder, 'meta', '_journal.json'), JSON.stringify(journal))
  return folder
}

function counts (sqlite: import('better-sqlite3').Database): Record<string, number> {
  const tables = sqlite.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '__drizzle%' and name not like 'search_fts%' order by name").all() as Array<{ name: string }>
  return Object.fromEntries(tables.map(({ name }) => [name, (sqlite.prepare(`select count(*) as n from "${name}"`).get() as { n: number }).n]))
}

/**
 * The seed as today's code stores it, copied into an older schema: the tables and
 * (non-generated) columns that schema has. Today's repositories cannot write to it
 * directly once later migrations add tables they use.
 */
function copyInto (target: import('better-sqlite3').Database, dataset: ReturnType<typeof readDataset>): void {
  const current = openDatabase({ path: ':memory:', migrationsFolder: 'migrations' })
  try {
    loadDataset(current.sqlite, createRepositories(current.db), dataset)
    const tables = target.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '__drizzle%' and name not like 'search_fts%' order by name").pluck().all() as string[]
    target.pragma('foreign_keys = off')
    target.transaction(() => {
      for (const table of tables) {
        const columns = (target.pragma(`table_info("${table}")`) as Array<{ name: string }>).map(({ name }) => `"${name}"`).join(', ')
        const insert = target.prepare(`insert into "${table}" (${columns}) values (${columns.split(', ').map(() => '?').join(', ')})`)
        for (const row of current.sqlite.prepare(`select ${columns} from "${table}"`).raw().all() as unknown[][]) insert.run(...row)
      }
    })()
    target.pragma('foreign_keys = on')
  } finally {
    current.sqlite.close()
  }
}

t.test('every later migration keeps the data of a seeded database at 0003', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'migrations-'))
  t.teardown(() => rmSync(dir, { recursive: true, force: true }))
  const path = join(dir, 'old.db')

  const old = openDatabase({ path, migrationsFolder: firstMigrations(dir, 4) })
  // Before 0004 every sponsor had a country.
  const seed = readDataset('seed')
  seed.sponsors = seed.sponsors.map((sponsor) => ({ ...sponsor, country: sponsor.country ?? 'ZZ' }))
  copyInto(old.sqlite, seed)
  const before = counts(old.sqlite)
  const sponsorsBefore = old.sqlite.prepare('select * from sponsors order by id').all()
  old.sqlite.close()
  t.ok(before.contract_sponsors! > 0 && before.sponsor_sources! > 0 && before.meeting_sponsors! > 0, 'the old database has rows referring to sponsors')

  const current = openDatabase({ path, migrationsFolder: 'migrations' })
  t.teardown(() => current.sqlite.close())
  const applied = current.sqlite.prepare('select count(*) as n from __drizzle_migrations').get() as { n: number }
  const journal = JSON.parse(readFileSync('migrations/meta/_journal.json', 'utf8')) as Journal
  t.equal(applied.n, journal.entries.length, 'all migrations applied')
  const after = counts(current.sqlite)
  t.same(Object.fromEntries(Object.keys(before).map((name) => [name, after[name]])), before, 'every table has the rows it had')
  t.same(current.sqlite.prepare('select * from sponsors order by id').all(), sponsorsBefore, 'sponsors are unchanged')
  t.same(current.sqlite.pragma('foreign_key_check'), [], 'no dangling foreign keys')
  t.same(readModelDrift(current.db), [], 'the read model (0012, 0013) is filled in for the records already stored')
  t.equal(after.contract_embeds, before.contracts, 'a read-model row per contract')
  t.equal(current.sqlite.pragma('foreign_keys', { simple: true }), 1, 'foreign keys are on')
  const indexes = current.sqlite.prepare("select name from sqlite_master where type = 'index' and tbl_name = 'sponsors' and name not like 'sqlite_%' order by name").all()
  t.same(indexes, [{ name: 'sponsors_country_id_idx' }, { name: 'sponsors_country_idx' }, { name: 'sponsors_country_sort_idx' }, { name: 'sponsors_name_idx' }])
})
