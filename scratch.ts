import { openDatabase } from './src/db/open.js'
const { sqlite } = openDatabase({ path: ':memory:', migrationsFolder: 'migrations' })
for (let i = 0; i < 300; i++) sqlite.prepare("insert into contracts(id, starts_on, ends_on) values (?, ?, ?)").run('c' + i, String(2000 + i % 20), String(2020 + i % 12))
for (const analyze of [false, true]) {
  if (analyze) sqlite.exec('analyze')
  for (const v of [null, '2026-06-15']) console.log(analyze, v, sqlite.prepare('explain query plan select count(*) from contracts where starts_first > ?').all(v))
}
