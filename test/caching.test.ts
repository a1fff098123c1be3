// The in-memory response cache: repeated reads skip the handler, and anything that
// changes the answer (a write here, a commit by another process, a new day) is seen.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Sqlite from 'better-sqlite3'
import t from 'tap'
import { build, contract, category, dataset, keyFor, sponsor } from './helper.js'

const data = dataset({
  categories: [category('k')],
  sponsors: [sponsor('a', { name: 'Alpha' }), sponsor('b', { name: 'Beta' }), sponsor('c', { name: 'Gamma' })],
  contracts: [contract('a-top', { sponsors: ['a'], categories: ['k'], startsOn: '2020', endsOn: '2026-06-15' })]
})

t.test('a repeated read is served from memory, with its headers', async (t) => {
  const api = await build(t, { seed: data })
  let calls = 0
  const list = api.app.repos.sponsors.listJson.bind(api.app.repos.sponsors)
  api.app.repos.sponsors.listJson = (...args) => { calls++; return list(...args) }
  const first = await api.get('/v1/sponsors?limit=2')
  const second = await api.get('/v1/sponsors?limit=2')
  t.equal(calls, 1, 'the handler ran once')
  t.equal(second.text, first.text)
  t.equal(second.headers.etag, first.headers.etag)
  t.equal(second.headers.link, first.headers.link, 'the Link header is kept')
  t.equal(second.headers['cache-control'], 'public, max-age=60')
  t.equal((await api.get('/v1/sponsors?limit=2', { 'if-none-match': first.headers.etag as string })).status, 304)
  await api.get('/v1/sponsors?limit=3')
  t.equal(calls, 2, 'another URL is another entry')
})

t.test('a write through the API is seen at once', async (t) => {
  const api = await build(t, { seed: data })
  t.equal((await api.get('/v1/sponsors/b')).body.name, 'Beta')
  await api.request({ method: 'PATCH', url: '/v1/sponsors/b', headers: keyFor(api).headers, payload: { name: 'Bravo' } })
  t.equal((await api.get('/v1/sponsors/b')).body.name, 'Bravo')
})

t.test('a commit by another process is seen within 10 ms', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'cache-'))
  t.teardown(() => rmSync(dir, { recursive: true, force: true }))
  const file = join(dir, 'api.db')
  const api = await build(t, { seed: data, databasePath: file })
  t.equal((await api.get('/v1/sponsors/c')).body.name, 'Gamma')
  const other = new Sqlite(file)
  other.prepare("update sponsors set name = 'Golf' where id = 'c'").run()
  other.close()
  await new Promise((resolve) => setTimeout(resolve, 20))
  t.equal((await api.get('/v1/sponsors/c')).body.name, 'Golf')
})

t.test('a new day is seen at once (statuses depend on it)', async (t) => {
  let day = '2026-06-15'
  const api = await build(t, { seed: data, clock: { today: () => day, now: () => `${day}T00:00:00.000Z` } })
  t.equal((await api.get('/v1/contracts/a-top')).body.status, 'active')
  t.same((await api.get('/v1/contracts')).body.data.map((c: { status: string }) => c.status), ['active'])
  t.same((await api.get('/v1/sponsors?sort=id')).body.data.map((s: { status: string }) => s.status), ['active', 'none', 'none'])
  day = '2026-06-16'
  t.equal((await api.get('/v1/contracts/a-top')).body.status, 'expired')
  t.same((await api.get('/v1/contracts')).body.data.map((c: { status: string }) => c.status), ['expired'], 'lists too: their JSON is written by SQLite with today bound')
  t.same((await api.get('/v1/sponsors?sort=id')).body.data.map((s: { status: string }) => s.status), ['former', 'none', 'none'])
})

t.test('the cache can be turned off', async (t) => {
  const api = await build(t, { seed: data, responseCacheEntries: 0 })
  let calls = 0
  const get = api.app.repos.sponsors.getJson.bind(api.app.repos.sponsors)
  api.app.repos.sponsors.getJson = (...args) => { calls++; return get(...args) }
  await api.get('/v1/sponsors/a')
  await api.get('/v1/sponsors/a')
  t.equal(calls, 2)
})
