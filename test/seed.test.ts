import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import t from 'tap'
import { openDatabase } from '../src/db/open.js'
import { createRepositories } from '../src/repositories/index.js'
import { loadDataset, readDataset, readRetired, seedDatabase, validateDataset } from '../src/seed/dataset.js'
import { build, category, contract, dataset, fact, meeting, source, sponsor } from './helper.js'

function dumpAll (sqlite: import('better-sqlite3').Database): Record<string, unknown[]> {
  const tables = sqlite.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '__drizzle%' and name not like 'search_fts%' order by name").all() as Array<{ name: string }>
  return Object.fromEntries(tables.map(({ name }) => [name, sqlite.prepare(`select * from "${name}" order by 1, 2`).all()]))
}

t.test('the reviewed seed serves the article\'s facts', async (t) => {
  const api = await build(t, { seed: readDataset('seed') })
  const cn = await api.get('/v1/sponsors?country=CN')
  const alibaba = cn.body.data.find((s: { id: string }) => s.id === 'alibaba-group')
  t.ok(alibaba, 'Alibaba Group is listed for country=CN')
  t.equal(alibaba.name, 'Alibaba Group')
  t.ok(alibaba.sources.some((s: { url: string }) => s.url.includes('insidethegames.biz/articles/1074576')), 'with the 2019-01-23 article as a source')

  const contract = (await api.get('/v1/sponsors/alibaba-group/contracts')).body.data[0]
  t.same(contract.categories.map((c: { id: string }) => c.id), ['cloud-services', 'e-commerce-platform-services'])
  t.equal(contract.endsOn, '2028')
  t.same(contract.games.map((g: { id: string }) => g.id), ['pyeongchang-2018', 'tokyo-2020', 'beijing-2022', 'paris-2024', 'milano-cortina-2026', 'la-2028'])

  const holders = await api.get('/v1/categories/cloud-services/holders?on=2019-01-23')
  t.same(holders.body.data.map((h: { sponsor: { id: string } }) => h.sponsor.id), ['alibaba-group'])

  const meeting = (await api.get('/v1/meetings/bach-ma-lausanne-2019-01-23')).body
  t.equal(meeting.date, '2019-01-23')
  t.same(meeting.location, { city: 'Lausanne', country: 'CH' })
  t.same(meeting.participants.map((p: { name: string }) => p.name), ['Thomas Bach', 'Jack Ma'])
  const speakers = new Set(meeting.quotes.map((q: { speaker: string }) => q.speaker))
  t.same([...speakers].sort(), ['Jack Ma', 'Thomas Bach'], 'every quote is attributed to a participant')
  t.ok(meeting.quotes.some((q: { speaker: string, text: string }) => q.speaker === 'Jack Ma' && q.text.includes('happiness and health')))

  const games = await api.get('/v1/games?limit=100')
  t.same(games.body.data.map((g: { year: number }) => g.year).filter((year: number) => year >= 2018), [2018, 2020, 2022, 2024, 2026, 2028, 2030, 2032])
})

t.test('seeding is idempotent and restores reviewed values', async (t) => {
  const { sqlite, db } = openDatabase({ path: ':memory:', migrationsFolder: 'migrations' })
  t.teardown(() => sqlite.close())
  const repos = createRepositories(db)
  const data = readDataset('seed')
  loadDataset(sqlite, repos, data)
  const once = dumpAll(sqlite)
  loadDataset(sqlite, repos, data)
  t.same(dumpAll(sqlite), once, 'a second run changes nothing')
  sqlite.prepare("update sponsors set name = 'Edited' where id = 'alibaba-group'").run()
  sqlite.prepare("delete from meeting_quotes where meeting_id = 'bach-ma-lausanne-2019-01-23'").run()
  loadDataset(sqlite, repos, data)
  t.same(dumpAll(sqlite), once, 'a run after manual edits restores the reviewed data')
})

t.test('re-seeding removes the records the reviewed data withdrew (seed/retired.json)', async (t) => {
  const { sqlite, db } = openDatabase({ path: ':memory:', migrationsFolder: 'migrations' })
  t.teardown(() => sqlite.close())
  const repos = createRepositories(db)
  // What an earlier release seeded: a contract under its old id, a meeting and the sources only they cite.
  const before = dataset({
    sources: [source('copy'), source('aggregator'), source('cited-by-user')],
    sponsors: [sponsor('s')],
    categories: [category('k')],
    contracts: [contract('s-top-1998-2028', { sponsors: ['s'], categories: ['k'], startsOn: '1998', endsOn: '2028', sources: ['copy'] })],
    meetings: [meeting('m-unsupported', { sponsors: ['s'], sources: ['aggregator'] })]
  })
  loadDataset(sqlite, repos, before)
  // A record added through the API since, citing a source the review withdrew.
  repos.facts.upsert(fact('user-fact', 's', { sources: ['cited-by-user'] }))
  const after = dataset({
    sponsors: [sponsor('s')],
    categories: [category('k')],
    contracts: [contract('s-top-1997-2028', { sponsors: ['s'], categories: ['k'], startsOn: '1997', endsOn: '2028' })]
  })
  const retired = {
    contracts: [{ id: 's-top-1998-2028', replacedBy: 's-top-1997-2028', reason: 'renamed with its start' }],
    meetings: [{ id: 'm-unsupported', replacedBy: null, reason: 'no source' }],
    sources: ['copy', 'aggregator', 'cited-by-user', 'never-seeded'].map((id) => ({ id, replacedBy: null, reason: 'withdrawn' }))
  }
  const { retirement } = seedDatabase(sqlite, repos, after, retired)
  t.same(retirement, {
    removed: ['contract "s-top-1998-2028"', 'meeting "m-unsupported"', 'source "copy"', 'source "aggregator"'],
    kept: [{ record: 'source "cited-by-user"', referrers: ['fact "user-fact" (/v1/facts/user-fact)'] }]
  }, 'referrers go first; a source a user\'s record still cites stays')
  const ids = (table: string) => sqlite.prepare(`select id from ${table} order by id`).pluck().all()
  t.same(ids('contracts'), ['s-top-1997-2028'], 'the old id no longer stands beside its replacement')
  t.same(ids('meetings'), [])
  t.same(ids('sources'), ['cited-by-user', 'src'])
  t.same(sqlite.prepare('select count(*) from contract_sponsors').pluck().get(), 1, 'its links went with it')
  t.same(seedDatabase(sqlite, repos, after, retired).retirement.removed, [], 'a second run has nothing left to remove')

  t.throws(() => seedDatabase(sqlite, repos, after, { contracts: [{ id: 's-top-1997-2028', replacedBy: null, reason: 'x' }] }), { name: 'SeedError', message: 'seed/retired.json: contracts "s-top-1997-2028" is retired but still in seed/contracts.json' })
  t.throws(() => seedDatabase(sqlite, repos, after, { contracts: [{ id: 'old', replacedBy: 'ghost', reason: 'x' }] }), { name: 'SeedError', message: 'seed/retired.json: contracts "old" is replaced by "ghost", which seed/contracts.json does not hold' })
  t.throws(() => seedDatabase(sqlite, repos, after, { widgets: [{ id: 'w', replacedBy: null, reason: 'x' }] }), { name: 'SeedError', message: 'seed/retired.json: no resource "widgets"' })

  const dir = mkdtempSync(join(tmpdir(), 'retired-'))
  t.teardown(() => { rmSync(dir, { recursive: true, force: true }) })
  t.same(readRetired(dir), {}, 'no file, nothing retired')
  writeFileSync(join(dir, 'retired.json'), '{"meetings": [{"id": "m"}]}')
  t.throws(() => readRetired(dir), /retired\.json: meetings record 0: must be \{ "id", "replacedBy" \(an id or null\), "reason" \(at most 500 characters\) \}/)
  writeFileSync(join(dir, 'retired.json'), JSON.stringify({ meetings: [{ id: 'm', replacedBy: null, reason: 'x'.repeat(501) }] }))
  t.throws(() => readRetired(dir), /meetings record 0: must be/, 'a reason too long for a 301\'s body')
  writeFileSync(join(dir, 'retired.json'), '{"meetings": {}}')
  t.throws(() => readRetired(dir), /retired\.json: meetings must be a list/)
  writeFileSync(join(dir, 'retired.json'), '{ not json')
  t.throws(() => readRetired(dir), /retired\.json: not valid JSON/)
  t.throws(() => seedDatabase(sqlite, repos, after, { games: [{ id: 'old-games', replacedBy: null, reason: 'x' }] }), { name: 'SeedError', message: 'seed/retired.json: games cannot be removed' }, 'a resource without deletes cannot retire records')
  writeFileSync(join(dir, 'retired.json'), '[]')
  t.throws(() => readRetired(dir), /retired\.json: must hold an object of record lists by resource/)
})

t.test('the reviewed list of withdrawn records agrees with the data', async (t) => {
  const retired = readRetired('seed')
  const data = readDataset('seed')
  const { sqlite, db } = openDatabase({ path: ':memory:', migrationsFolder: 'migrations' })
  t.teardown(() => sqlite.close())
  t.same(seedDatabase(sqlite, createRepositories(db), data, retired).retirement, { removed: [], kept: [] }, 'valid against the data; a new database holds none of them')
  t.ok((retired.contracts ?? []).some((r) => r.id === 'samsung-top-1998-2028' && r.replacedBy === 'samsung-top-1997-2016'), 'a contract renamed with its corrected start is listed')
})

t.test('a bad record stops the seed with its file and field, and writes nothing', async (t) => {
  const { sqlite, db } = openDatabase({ path: ':memory:', migrationsFolder: 'migrations' })
  t.teardown(() => sqlite.close())
  const repos = createRepositories(db)
  const good = dataset({ sponsors: [sponsor('ok')], categories: [category('k')] })
  const cases: Array<[string, ReturnType<typeof dataset>, RegExp]> = [
    ['bad country', dataset({ sponsors: [sponsor('ok'), sponsor('bad', { country: 'cn' })] }), /^seed\/sponsors\.json: record 1 \(id "bad"\), field \/country: must match pattern/],
    ['impossible date', dataset({ sponsors: [sponsor('ok')], categories: [category('k')], contracts: [contract('c', { sponsors: ['ok'], categories: ['k'], startsOn: '2019-02-30' })] }), /^seed\/contracts\.json: record 0 \(id "c"\), field \/startsOn: must match format "partial-date"/],
    ['unknown field', dataset({ categories: [{ ...category('k'), colour: 'red' } as never] }), /^seed\/categories\.json: record 0 \(id "k"\), field \/: must NOT have additional properties \(colour\)/],
    ['unknown reference', dataset({ sponsors: [sponsor('ok')], categories: [category('k')], contracts: [contract('c', { sponsors: ['ok', 'ghost'], categories: ['k'] })] }), /^seed\/contracts\.json: record 0 \(id "c"\), field \/sponsors\/1: no sponsors record with id "ghost"/],
    ['no sources', dataset({ sponsors: [sponsor('ok', { sources: [] })] }), /field \/sources: must NOT have fewer than 1 items/],
    ['duplicate id', dataset({ sponsors: [sponsor('ok'), sponsor('ok')] }), /^seed\/sponsors\.json: record 1: duplicate id "ok"/],
    ['end before start', dataset({ sponsors: [sponsor('ok')], categories: [category('k')], contracts: [contract('c', { sponsors: ['ok'], categories: ['k'], startsOn: '2020-05', endsOn: '2020-04' })] }), /field \/endsOn: ends before it starts/]
  ]
  for (const [name, data, message] of cases) {
    t.throws(() => loadDataset(sqlite, repos, data), { name: 'SeedError', message }, name)
    t.same(dumpAll(sqlite).sponsors, [], `${name}: nothing written`)
  }
  loadDataset(sqlite, repos, good)
  t.equal((dumpAll(sqlite).sponsors ?? []).length, 1)
})

t.test('readDataset names a file that is not a JSON array', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'seed-'))
  t.teardown(() => rmSync(dir, { recursive: true, force: true }))
  cpSync('seed', join(dir, 'seed'), { recursive: true })
  t.doesNotThrow(() => { validateDataset(readDataset(join(dir, 'seed'))) })
  writeFileSync(join(dir, 'seed', 'games.json'), '{ not json')
  t.throws(() => readDataset(join(dir, 'seed')), /games\.json: not valid JSON/)
  writeFileSync(join(dir, 'seed', 'games.json'), '{"id": "x"}')
  t.throws(() => readDataset(join(dir, 'seed')), /games\.json: must hold a JSON array/)
  t.ok(readFileSync('seed/sponsors.json', 'utf8').includes('alibaba-group'))
})

t.test('temporal questions and search against the reviewed seed', async (t) => {
  const api = await build(t, { seed: readDataset('seed') })
  const contractsOn = async (day: string) => (await api.get(`/v1/sponsors/alibaba-group/contracts?activeOn=${day}`)).body.data.length
  t.equal(await contractsOn('2016-06-01'), 0, 'no Alibaba contract before 2017')
  t.equal(await contractsOn('2028-12-31'), 1, 'the contract "through 2028" runs to 31 December 2028')
  t.equal(await contractsOn('2029-01-01'), 0)

  const january = await api.get('/v1/meetings?from=2019-01-01&to=2019-01-31')
  t.same(january.body.data.map((m: { id: string }) => m.id), ['bach-ma-lausanne-2019-01-23'])

  const found = await api.get('/v1/search?q=happiness%20health')
  t.same(found.body.data.map((h: { type: string, id: string }) => `${h.type}:${h.id}`), ['meeting:bach-ma-lausanne-2019-01-23'])

  const timeline = (await api.get('/v1/sponsors/alibaba-group/timeline')).body.data as Array<{ date: string, kind: string, sources: unknown[] }>
  t.ok(timeline.length >= 8)
  const days = timeline.map((e) => e.date.length === 4 ? `${e.date}-01-01` : e.date.length === 7 ? `${e.date}-01` : e.date)
  t.same(days, [...days].sort(), 'in date order')
  t.ok(timeline.every((e) => e.sources.length > 0), 'every event has a source')
  t.same(timeline.map((e) => e.kind).filter((k) => k.startsWith('contract')), ['contract-signed', 'contract-started', 'contract-ends'])
  t.ok(timeline.some((e) => e.kind === 'fact' && e.date === '2018-12'), 'the Tmall store of December 2018')
})
