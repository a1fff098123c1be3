// The read model (contract_embeds, sponsor_embeds) is what contract and sponsor reads
// answer from: after every kind of write it must say what the link tables say, and the
// API must show the change at once.
import t from 'tap'
import { readModelDrift } from '../src/db/read-model.js'
import { readDataset } from '../src/seed/dataset.js'
import { build, category, contract, dataset, game, keyFor, source, sponsor } from './helper.js'

t.test('the seeded database: a row per contract and sponsor, equal to its link tables', async (t) => {
  const api = await build(t, { seed: readDataset('seed') })
  t.same(readModelDrift(api.app.db), [])
  const counts = api.app.sqlite.prepare(`select
    (select count(*) from contracts) as contracts, (select count(*) from contract_embeds) as contractRows,
    (select count(*) from contract_embeds where sponsors = '[]' or sources = '[]') as contractsEmpty,
    (select count(*) from sponsors) as sponsors, (select count(*) from sponsor_embeds) as sponsorRows`).get() as Record<string, number>
  t.equal(counts.contractRows, counts.contracts)
  t.equal(counts.sponsorRows, counts.sponsors)
  t.equal(counts.contractsEmpty, 0, 'every seeded contract names a sponsor and a source')
  const alibaba = await api.get('/v1/contracts?sponsor=alibaba-group')
  t.ok(alibaba.body.data.length > 0)
  t.ok(alibaba.body.data.every((row: { sponsors: Array<{ id: string }> }) => row.sponsors.some((s) => s.id === 'alibaba-group')))
})

t.test('every kind of write keeps it in step, and reads show the change at once', async (t) => {
  const api = await build(t, {
    seed: dataset({
      sources: [source('news', { title: 'News', url: 'https://example.com/news' }), source('release', { title: 'Release', url: 'https://example.com/release' })],
      games: [game('paris-2024', 2024, { name: 'Paris 2024' }), game('la-2028', 2028, { name: 'Los Angeles 2028' })],
      categories: [category('cloud', { name: 'Cloud' }), category('drinks', { name: 'Drinks' })],
      sponsors: [sponsor('alibaba', { name: 'Alibaba', sources: ['news'] }), sponsor('cola', { name: 'Cola' }), sponsor('dairy', { name: 'Dairy' })],
      contracts: [
        contract('alibaba-top', { sponsors: ['alibaba'], categories: ['cloud'], games: ['paris-2024'], startsOn: '2017-01', endsOn: '2028', sources: ['news', 'release'] }),
        contract('drinks-top', { sponsors: ['cola', 'dairy'], categories: ['drinks'], startsOn: '2019', endsOn: '2032' })
      ]
    })
  })
  const { headers } = keyFor(api)
  const write = async (method: string, url: string, payload?: object) => {
    const response = await api.request({ method, url, headers, payload })
    t.ok(response.status < 300, `${method} ${url} answers ${response.status}`)
    t.same(readModelDrift(api.app.db), [], `in step after ${method} ${url}`)
    return response
  }
  const ids = (list: Array<{ id: string, name?: string, title?: string }>) => list.map((item) => item.name ?? item.title ?? item.id)
  t.same(readModelDrift(api.app.db), [])

  // Renames of what a contract or sponsor embeds.
  await write('PATCH', '/v1/sponsors/alibaba', { name: 'Alibaba Group' })
  t.same(ids((await api.get('/v1/contracts/alibaba-top')).body.sponsors), ['Alibaba Group'])
  await write('PATCH', '/v1/categories/cloud', { name: 'Cloud Services' })
  // Games are reference data without write routes: renamed the way a data migration would.
  api.app.sqlite.prepare("update games set name = 'Paris 2024 (Summer)' where id = 'paris-2024'").run()
  await write('PATCH', '/v1/sources/news', { title: 'News, corrected' })
  let alibaba = (await api.get('/v1/contracts/alibaba-top')).body
  t.same([ids(alibaba.categories), ids(alibaba.games), ids(alibaba.sources)], [['Cloud Services'], ['Paris 2024 (Summer)'], ['News, corrected', 'Release']])
  t.same(ids((await api.get('/v1/sponsors/alibaba')).body.sources), ['News, corrected'])
  await write('PATCH', '/v1/sources/release', { url: 'https://example.com/release-2' })
  alibaba = (await api.get('/v1/contracts?category=cloud')).body.data[0]
  t.equal(alibaba.sources[1].url, 'https://example.com/release-2', 'a list shows the new url')

  // A contract's links replaced, reordered, added to; former names set and cleared.
  await write('PATCH', '/v1/contracts/drinks-top', { sponsors: ['dairy', 'cola'], games: ['la-2028', 'paris-2024'], sources: ['release'] })
  const drinks = (await api.get('/v1/contracts/drinks-top')).body
  t.same([ids(drinks.sponsors), ids(drinks.games), ids(drinks.sources)], [['Dairy', 'Cola'], ['Los Angeles 2028', 'Paris 2024 (Summer)'], ['Release']])
  await write('PATCH', '/v1/sponsors/cola', { formerNames: [{ name: 'Coca-Cola Export', from: '1930', until: '1985' }], sources: ['release', 'news'] })
  const cola = (await api.get('/v1/sponsors/cola')).body
  t.same([cola.formerNames, ids(cola.sources)], [[{ name: 'Coca-Cola Export', from: '1930', until: '1985' }], ['Release', 'News, corrected']])
  await write('PATCH', '/v1/sponsors/cola', { formerNames: [] })
  t.same((await api.get('/v1/sponsors/cola')).body.formerNames, [])

  // New records, then deletions.
  const created = await write('POST', '/v1/sponsors', { name: 'Visa', country: 'US', sources: ['news'] })
  t.same(ids((await api.get(`/v1/sponsors/${created.body.id as string}`)).body.sources), ['News, corrected'])
  const deal = await write('POST', '/v1/contracts', { sponsors: [created.body.id], categories: ['drinks'], startsOn: '2033', endsOn: '2036', games: [], sources: ['news'] })
  t.same(ids((await api.get(`/v1/contracts/${deal.body.id as string}`)).body.sponsors), ['Visa'])
  const statusOf = async (id: string) => [(await api.get(`/v1/sponsors/${id}`)).body.status, (await api.get(`/v1/sponsors?q=${id}`)).body.data.find((s: { id: string }) => s.id === id)?.status]
  t.same(await statusOf(created.body.id as string), ['active', 'active'], 'an upcoming contract makes its sponsor active')
  await write('PATCH', `/v1/contracts/${deal.body.id as string}`, { startsOn: '2001', endsOn: '2004' })
  t.same(await statusOf(created.body.id as string), ['former', 'former'], 'a contract that ended makes it former')
  await write('DELETE', `/v1/contracts/${deal.body.id as string}`)
  t.same(await statusOf(created.body.id as string), ['none', 'none'], 'without contracts it is none')
  await write('DELETE', `/v1/sponsors/${created.body.id as string}`)
  const rows = api.app.sqlite.prepare('select (select count(*) from contract_embeds) as contracts, (select count(*) from sponsor_embeds) as sponsors').get()
  t.same(rows, { contracts: 2, sponsors: 3 }, 'a deleted record takes its read-model row with it')

  // A write refused half-way changes nothing.
  const before = (await api.get('/v1/contracts/drinks-top')).text
  const refused = await api.request({ method: 'PATCH', url: '/v1/contracts/drinks-top', headers, payload: { sponsors: ['cola', 'nobody'] } })
  t.equal(refused.status, 400)
  t.equal(refused.body.code, 'UNKNOWN_REFERENCE')
  t.equal((await api.get('/v1/contracts/drinks-top')).text, before)
  t.same(readModelDrift(api.app.db), [])

  // Writes that do not go through the API (a tool, a migration) are caught by the triggers too.
  api.app.sqlite.prepare("update contract_sponsors set position = 1 - position where contract_id = 'drinks-top'").run()
  api.app.sqlite.prepare("update sponsors set name = 'Mengniu Dairy' where id = 'dairy'").run()
  t.same(readModelDrift(api.app.db), [])
  api.app.sqlite.prepare("update contract_sources set position = 1 - position where contract_id = 'alibaba-top'").run()
  api.app.sqlite.prepare("update contract_games set position = 1 - position where contract_id = 'drinks-top'").run()
  api.app.sqlite.prepare("update contract_categories set category_id = 'cloud' where contract_id = 'drinks-top'").run()
  api.app.sqlite.prepare("update sponsor_sources set position = 1 - position where sponsor_id = 'cola'").run()
  api.app.sqlite.prepare("insert into sponsor_names (sponsor_id, position, name) values ('dairy', 0, 'Inner Mongolia Mengniu')").run()
  api.app.sqlite.prepare("update sponsor_names set until_on = '2004' where sponsor_id = 'dairy'").run()
  t.same(readModelDrift(api.app.db), [])
  t.same(ids((await api.get('/v1/contracts/alibaba-top')).body.sources), ['Release', 'News, corrected'])
  t.same((await api.get('/v1/sponsors/dairy')).body.formerNames, [{ name: 'Inner Mongolia Mengniu', from: null, until: '2004' }])
  api.app.sqlite.prepare("delete from sponsor_names where sponsor_id = 'dairy'").run()
  t.same(readModelDrift(api.app.db), [])
  api.app.sqlite.prepare("update contract_embeds set games = '[]' where contract_id = 'drinks-top'").run()
  t.same(readModelDrift(api.app.db), [{ table: 'contract_embeds', id: 'drinks-top', columns: ['games', 'body'] }], 'the check sees a row that differs')
  api.app.sqlite.prepare("delete from sponsor_embeds where sponsor_id = 'dairy'").run()
  t.same(readModelDrift(api.app.db).filter((drift) => drift.table === 'sponsor_embeds'), [{ table: 'sponsor_embeds', id: 'dairy', columns: ['*'] }], 'and a row that is missing')
  const broken = await api.get('/v1/sponsors/dairy')
  t.same([broken.status, broken.body.code], [500, 'INTERNAL_ERROR'], 'a missing row is a fault, not a 404')
  t.notMatch(broken.text, /read model|sponsor_embeds/, 'and its detail stays in the log')
})

t.test('the triggers that keep it are all there after every migration', async (t) => {
  // A later migration that rebuilds one of these tables (as drizzle-kit does for some
  // column changes) drops the table's triggers with it: it must create them again.
  const api = await build(t)
  const names = api.app.sqlite.prepare("select name from sqlite_master where type = 'trigger' and (name like '%embeds%' or name like '%contracts_end%') order by name").pluck().all()
  t.same(names, [
    'categories_contract_embeds_categories_ai', 'categories_contract_embeds_categories_au',
    'contract_categories_embeds_ad', 'contract_categories_embeds_ai', 'contract_categories_embeds_au',
    'contract_embeds_body_ai', 'contract_embeds_body_au',
    'contract_games_embeds_ad', 'contract_games_embeds_ai', 'contract_games_embeds_au',
    'contract_sources_embeds_ad', 'contract_sources_embeds_ai', 'contract_sources_embeds_au',
    'contract_sponsors_contracts_end_ad', 'contract_sponsors_contracts_end_ai', 'contract_sponsors_contracts_end_au', 'contract_sponsors_embeds_ad', 'contract_sponsors_embeds_ai', 'contract_sponsors_embeds_au',
    'contracts_contracts_end_ad', 'contracts_contracts_end_ai', 'contracts_contracts_end_au',
    'contracts_embeds_ad', 'contracts_embeds_ai', 'contracts_embeds_body_au',
    'games_contract_embeds_games_ai', 'games_contract_embeds_games_au',
    'sources_contract_embeds_sources_ai', 'sources_contract_embeds_sources_au',
    'sources_sponsor_embeds_sources_ai', 'sources_sponsor_embeds_sources_au',
    'sponsor_embeds_body_ai', 'sponsor_embeds_body_au',
    'sponsor_names_embeds_ad', 'sponsor_names_embeds_ai', 'sponsor_names_embeds_au',
    'sponsor_sources_embeds_ad', 'sponsor_sources_embeds_ai', 'sponsor_sources_embeds_au',
    'sponsors_contract_embeds_sponsors_ai', 'sponsors_contract_embeds_sponsors_au',
    'sponsors_embeds_ad', 'sponsors_embeds_ai', 'sponsors_embeds_body_au'
  ])
})

t.test('with foreign keys off (as migrations run), REPLACE and DELETE keep it in step too', async (t) => {
  const api = await build(t, { seed: readDataset('seed') })
  const sqlite = api.app.sqlite
  sqlite.pragma('foreign_keys = off')
  t.teardown(() => sqlite.pragma('foreign_keys = on'))
  // A REPLACE deletes and inserts the row: no update trigger fires, and (without
  // recursive triggers) no delete trigger either.
  sqlite.prepare("insert or replace into contracts (id, starts_on, ends_on) values ('alibaba-group-top-2017-2028', '2017-01', '2020')").run()
  sqlite.prepare("insert or replace into sponsors (id, name, country) values ('alibaba-group', 'Alibaba (renamed)', 'CN')").run()
  sqlite.prepare("insert or replace into categories (id, name) values ('cloud-services', 'Cloud (renamed)')").run()
  const source = sqlite.prepare<[], { id: string }>("select source_id as id from contract_sources where contract_id = 'alibaba-group-top-2017-2028' limit 1").get()
  sqlite.prepare("insert or replace into sources (id, title, publisher, url) values (?, 'Renamed', 'Someone', 'https://example.com/renamed')").run(source?.id)
  t.same(readModelDrift(api.app.db), [])
  // A delete that does not cascade leaves no read-model row behind to trip a later rename.
  sqlite.prepare("delete from contracts where id = 'alibaba-group-top-2017-2028'").run()
  t.equal(sqlite.prepare("select count(*) as n from contract_embeds where contract_id = 'alibaba-group-top-2017-2028'").pluck().get(), 0)
  sqlite.prepare("update sponsors set name = 'Alibaba Group' where id = 'alibaba-group'").run()
  t.same(readModelDrift(api.app.db), [])
})

t.test('the schema stays readable by SQLite before 3.44 (no ordered aggregates in triggers)', async (t) => {
  // An ordered aggregate (json_group_array(… ORDER BY …)) in a trigger makes the whole
  // file unreadable to older SQLite (Debian 12's sqlite3 is 3.40): every statement
  // fails with "malformed database schema".
  const api = await build(t)
  const schema = api.app.sqlite.prepare<[], { name: string, sql: string }>("select name, sql from sqlite_master where sql is not null").all()
  t.same(schema.filter(({ sql }) => /(group_array|group_concat|group_object)\([^()]*(\([^()]*\)[^()]*)*\border by\b/i.test(sql)).map(({ name }) => name), [])
  t.ok(schema.some(({ sql }) => /json_group_array\(json\(j\)\) from \(select .* order by/i.test(sql)), 'the triggers order in a subquery instead')
})

t.test('a record whose read-model row is missing is a fault (500), not a 404 or a shorter page', async (t) => {
  const api = await build(t, {
    seed: dataset({
      sources: [source('news', { title: 'News', url: 'https://example.com/news' })],
      categories: [category('cloud', { name: 'Cloud' })],
      sponsors: [sponsor('alibaba', { name: 'Alibaba', sources: ['news'] }), sponsor('cola', { name: 'Cola', sources: ['news'] })],
      contracts: [contract('alibaba-top', { sponsors: ['alibaba'], categories: ['cloud'], startsOn: '2017', endsOn: '2028', sources: ['news'] })]
    })
  })
  api.app.sqlite.prepare("delete from sponsor_embeds where sponsor_id = 'alibaba'").run()
  api.app.sqlite.prepare("delete from contract_embeds where contract_id = 'alibaba-top'").run()
  t.same(readModelDrift(api.app.db).map((drift) => drift.id).sort(), ['alibaba', 'alibaba-top'])
  for (const url of ['/v1/sponsors/alibaba', '/v1/sponsors', '/v1/contracts/alibaba-top', '/v1/contracts']) {
    const response = await api.get(url)
    t.equal(response.status, 500, `${url} answers 500`)
    t.equal(response.body.code, 'INTERNAL_ERROR', `${url} answers the catalogue's problem`)
  }
  t.equal((await api.get('/v1/sponsors/cola')).status, 200, 'a record with its row reads as before')
  t.equal((await api.get('/v1/sponsors/nobody')).status, 404, 'an unknown id is still a 404')
})
