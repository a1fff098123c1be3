// Keyset pagination over a few hundred generated rows: every record exactly once, in
// order, in both directions; cursors survive inserts; Link headers lead on.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Sqlite from 'better-sqlite3'
import t, { type Test } from 'tap'
import { build, category, contract, dataset, meeting, sponsor, type Api } from './helper.js'
import { loadDataset } from '../src/seed/dataset.js'

// null: a sponsor whose country no source states; it sorts as "".
const COUNTRIES = ['CN', 'US', 'JP', 'FR', 'DE', null]
const sponsors = Array.from({ length: 250 }, (_, i) => sponsor(`s-${String(i).padStart(3, '0')}`, {
  // Many equal names and countries: ties must be broken by id.
  name: `Company ${String(i % 37).padStart(2, '0')}`,
  country: COUNTRIES[i % COUNTRIES.length] ?? null
}))
const categories = sponsors.map((s) => category(`k-${s.id}`))
const contracts = sponsors.map((s, i) => contract(`c-${s.id}`, { sponsors: [s.id], categories: [`k-${s.id}`], startsOn: `${2000 + (i % 20)}`, endsOn: i % 3 === 0 ? null : `${2021 + (i % 10)}` }))
const meetings = sponsors.slice(0, 120).map((s, i) => meeting(`m-${s.id}`, { sponsors: [s.id], date: i % 2 === 0 ? `${2010 + (i % 9)}` : `${2010 + (i % 9)}-0${1 + (i % 9)}-1${i % 9}` }))
const data = dataset({ sponsors, categories, contracts, meetings })

async function walk (t: Test, api: Api, path: string, limit: number): Promise<Array<Record<string, unknown>>> {
  const seen: Array<Record<string, unknown>> = []
  let url: string | undefined = `${path}${path.includes('?') ? '&' : '?'}limit=${limit}`
  let pages = 0
  while (url !== undefined) {
    const res = await api.get(url)
    t.equal(res.status, 200, url)
    seen.push(...res.body.data)
    pages++
    const link = res.headers.link as string | undefined
    if (res.body.meta.nextCursor === null) {
      t.notOk(link, 'no Link on the last page')
      url = undefined
    } else {
      const match = /^<http:\/\/[^/]+(\/[^>]+)>; rel="next"$/.exec(link ?? '')
      t.ok(match, 'Link rel="next" is present')
      url = match?.[1]
    }
    if (pages > 500) throw new Error('pagination does not end')
  }
  return seen
}

function sortedCopy<T> (rows: T[], key: (row: T) => string | number, descending: boolean): T[] {
  return [...rows].sort((a, b) => {
    const [x, y] = [key(a), key(b)]
    const byKey = x < y ? -1 : x > y ? 1 : 0
    const byId = String((a as { id: string }).id) < String((b as { id: string }).id) ? -1 : 1
    const order = byKey !== 0 ? byKey : byId
    return descending ? -order : order
  })
}

t.test('sponsors: every sort, both directions, each record exactly once', async (t) => {
  const api = await build(t, { seed: data })
  for (const field of ['name', 'country', 'id'] as const) {
    for (const descending of [false, true]) {
      const sort = `${descending ? '-' : ''}${field}`
      const seen = await walk(t, api, `/v1/sponsors?sort=${sort}`, 17)
      const expected = sortedCopy(sponsors, (s) => s[field] ?? '', descending).map((s) => s.id)
      t.same(seen.map((s) => s.id), expected, `sort=${sort}`)
    }
  }
})

t.test('contracts and meetings walk in date order both ways', async (t) => {
  const api = await build(t, { seed: data })
  for (const sort of ['startsOn', '-startsOn', 'endsOn', '-endsOn']) {
    const seen = await walk(t, api, `/v1/contracts?sort=${sort}`, 23)
    t.equal(seen.length, contracts.length, sort)
    t.equal(new Set(seen.map((c) => c.id)).size, contracts.length, `${sort}: no duplicates`)
  }
  const asc = await walk(t, api, '/v1/meetings?sort=date', 11)
  const desc = await walk(t, api, '/v1/meetings?sort=-date', 11)
  t.equal(asc.length, meetings.length)
  t.same(desc.map((m) => m.id), asc.map((m) => m.id).reverse(), 'descending is ascending reversed')
})

t.test('filtered pages keep the filter and the total', async (t) => {
  const api = await build(t, { seed: data })
  const seen = await walk(t, api, '/v1/sponsors?country=JP', 7)
  t.equal(seen.length, sponsors.filter((s) => s.country === 'JP').length)
  t.ok(seen.every((s) => s.country === 'JP'))
  const first = await api.get('/v1/sponsors?country=JP&limit=7')
  t.equal(first.body.meta.total, seen.length)
})

t.test('a cursor stays right after inserts before and after it', async (t) => {
  const api = await build(t, { seed: data })
  const first = await api.get('/v1/sponsors?sort=id&limit=10')
  const lastId = first.body.data[9].id as string
  t.equal(lastId, 's-009')
  // New rows sort both before the cursor and right after it.
  loadDataset(api.app.sqlite, api.app.repos, dataset({ sponsors: [sponsor('a-first'), sponsor('s-009a'), sponsor('s-009b')] }))
  const next = await api.get(`/v1/sponsors?sort=id&limit=3&cursor=${first.body.meta.nextCursor as string}`)
  t.same(next.body.data.map((s: { id: string }) => s.id), ['s-009a', 's-009b', 's-010'])
  t.equal(next.body.meta.total, 253)
})

t.test('a cursor belongs to its sort', async (t) => {
  const api = await build(t, { seed: data })
  const first = await api.get('/v1/sponsors?sort=name&limit=5')
  const other = await api.get(`/v1/sponsors?sort=-name&limit=5&cursor=${first.body.meta.nextCursor as string}`)
  t.equal(other.status, 400)
  t.same(other.body.errors, [{ path: '/query/cursor', message: 'was issued for sort "name", not "-name"' }])
  const forged = Buffer.from(JSON.stringify(['name', { x: 1 }, 'id'])).toString('base64url')
  t.equal((await api.get(`/v1/sponsors?cursor=${forged}`)).status, 400)
  const tooLong = 'a'.repeat(513)
  t.equal((await api.get(`/v1/sponsors?cursor=${tooLong}`)).status, 400)
})

t.test('a cursor made from the longest sort key the API accepts still pages', async (t) => {
  // 200 characters that JSON escapes to six bytes each: the longest cursor there is.
  const escaped = '\u0001'.repeat(200)
  // 200 astral characters: four bytes each in UTF-8.
  const astral = '\u{1F3C5}'.repeat(200)
  const api = await build(t, {
    seed: dataset({
      sponsors: [
        sponsor(`a-${'x'.repeat(98)}`, { name: escaped }),
        sponsor(`b-${'x'.repeat(98)}`, { name: astral }),
        sponsor('c', { name: 'Z' })
      ]
    })
  })
  let url = '/v1/sponsors?sort=name&limit=1'
  const names: string[] = []
  for (let page = 0; page < 3; page++) {
    const res = await api.get(url)
    t.equal(res.status, 200, `page ${page + 1}`)
    names.push(res.body.data[0].name)
    const next = res.body.meta.nextCursor as string | null
    if (next === null) break
    if (page === 0) t.ok(next.length > 1500, `the first cursor is long (${next.length} characters)`)
    url = `/v1/sponsors?sort=name&limit=1&cursor=${next}`
  }
  t.same(names, [escaped, 'Z', astral].sort(), 'every sponsor once, in name order')
})

t.test('a list total is counted once per data version, and never goes stale', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'totals-'))
  t.teardown(() => rmSync(dir, { recursive: true, force: true }))
  const path = join(dir, 'api.db')
  // No response cache: every request reaches the repository.
  const api = await build(t, { databasePath: path, seed: data, responseCacheEntries: 0 })
  const total = async (url: string) => (await api.get(url)).body.meta.total as number
  const first = await api.get('/v1/sponsors?country=CN&limit=5')
  const counted = first.body.meta.total as number
  t.equal(await total(`/v1/sponsors?country=CN&limit=5&cursor=${first.body.meta.nextCursor as string}`), counted, 'the next page has the same total')

  // A write through this connection.
  api.app.sqlite.prepare("insert into sponsors (id, name, country) values ('cn-new', 'New', 'CN')").run()
  t.equal(await total('/v1/sponsors?country=CN&limit=5'), counted + 1, 'a write by the API process is counted at once')

  // A write by another process, seen through PRAGMA data_version.
  const other = new Sqlite(path)
  other.prepare("insert into sponsors (id, name, country) values ('cn-other', 'Other', 'CN')").run()
  other.close()
  await new Promise((resolve) => setTimeout(resolve, 20))
  t.equal(await total('/v1/sponsors?country=CN&limit=5'), counted + 2, 'a write by another process is counted within milliseconds')
})
