// Lists of contracts and sponsors are answered from JSON that SQLite writes (listJson):
// each record must be the record the object path reads (list, get), with the response
// schema's keys in the schema's order, for every seeded record, on any day.
import t from 'tap'
import type { JsonPage, PageRequest } from '../src/lib/paging.js'
import { Contract } from '../src/resources/contracts/schemas.js'
import { Sponsor } from '../src/resources/sponsors/schemas.js'
import { readDataset } from '../src/seed/dataset.js'
import { etagOfRecord } from '../src/plugins/caching.js'
import { build, TODAY } from './helper.js'

const days = ['1990-01-01', '2017-01-19', '2026-06-15', '2040-01-01']

/** What the two repositories share: both reads of a page, without filters. */
interface Reads {
  list: (filters: Record<string, never>, page: PageRequest, today: string) => { rows: object[], nextCursor: string | null }
  listJson: (filters: Record<string, never>, page: PageRequest, today: string) => JsonPage
}

t.test('every contract and sponsor, as listJson writes it and as list reads it', async (t) => {
  const api = await build(t, { seed: readDataset('seed') })
  const { contracts, sponsors } = api.app.repos
  for (const day of days) {
    const cases: Array<[string, Reads, { properties: object }, string]> = [['contracts', contracts, Contract, 'startsOn'], ['sponsors', sponsors, Sponsor, 'name'], ['contracts by end', contracts, Contract, '-endsOn'], ['sponsors by country', sponsors, Sponsor, 'country']]
    for (const [name, repo, schema, sort] of cases) {
      // Page by page: the object path's records with the schema's keys in order, as
      // JSON.stringify writes them, joined as the page's JSON must be.
      const keys = Object.keys(schema.properties)
      const ordered = (record: object) => JSON.stringify(Object.fromEntries(keys.map((key) => [key, (record as Record<string, unknown>)[key]])))
      let cursor: string | undefined
      let records = 0
      const wrong: string[] = []
      do {
        const page = { sort, limit: 7, cursor }
        const objects = repo.list({}, page, day)
        const json = repo.listJson({}, page, day)
        if (json.json.toString('utf8') !== objects.rows.map(ordered).join(',') || json.nextCursor !== objects.nextCursor) wrong.push(cursor ?? 'first page')
        records += objects.rows.length
        cursor = objects.nextCursor ?? undefined
      } while (cursor !== undefined)
      t.ok(records > 30, `${name}: ${records} records`)
      t.same(wrong, [], `${name} on ${day}: every page the same, keys in the schema's order`)
    }
  }
})

t.test('one record: GET answers the bytes SQL writes, which are JSON.stringify of the record (its ETag)', async (t) => {
  const api = await build(t, { seed: readDataset('seed') })
  const { contracts, sponsors } = api.app.repos
  for (const day of days) {
    const cases: Array<[string, { get: (id: string, today: string) => object | undefined, getJson: (id: string, today: string) => Buffer | undefined }, string[]]> = [
      ['contracts', contracts, api.app.sqlite.prepare<[], string>('select id from contracts').pluck().all()],
      ['sponsors', sponsors, api.app.sqlite.prepare<[], string>('select id from sponsors').pluck().all()]
    ]
    for (const [name, repo, ids] of cases) {
      // Not reordered here: a write's ETag is etagOfRecord(get(id)), a read's the hash of these bytes.
      const wrong = ids.filter((id) => repo.getJson(id, day)?.toString('utf8') !== JSON.stringify(repo.get(id, day)))
      t.same(wrong, [], `${name} on ${day}: ${ids.length} records, each the same text`)
      t.equal(repo.getJson('no-such-id', day), undefined)
    }
  }
  const read = await api.get('/v1/sponsors/alibaba-group')
  t.equal(read.headers.etag, etagOfRecord(sponsors.get('alibaba-group', TODAY)), 'the ETag a write compares If-Match with')
  t.equal(read.headers['content-type'], 'application/json; charset=utf-8')
  const contract = await api.get('/v1/contracts/alibaba-group-top-2017-2028')
  t.equal(contract.headers.etag, etagOfRecord(contracts.get('alibaba-group-top-2017-2028', TODAY)))
  t.equal((await api.get('/v1/contracts/alibaba-group-top-2017-2028', { 'if-none-match': contract.headers.etag as string })).status, 304)
  const missing = await api.get('/v1/sponsors/nobody')
  t.same([missing.status, missing.body.code], [404, 'SPONSOR_NOT_FOUND'])
})

t.test('the list body is the envelope of the list schema around the records', async (t) => {
  const api = await build(t, { seed: readDataset('seed') })
  const response = await api.get('/v1/contracts?limit=3&sort=-endsOn')
  t.equal(response.headers['content-type'], 'application/json; charset=utf-8')
  t.same(Object.keys(response.body), ['data', 'meta'])
  t.same(response.body.meta, { total: response.body.meta.total, limit: 3, nextCursor: response.body.meta.nextCursor })
  t.type(response.body.meta.nextCursor, 'string')
  const again = await api.get(`/v1/contracts?limit=3&sort=-endsOn&cursor=${response.body.meta.nextCursor as string}`)
  t.not(again.body.data[0].id, response.body.data[2].id, 'the cursor continues the list')
  t.same((await api.get('/v1/sponsors?status=none')).text, '{"data":[],"meta":{"total":0,"limit":20,"nextCursor":null}}', 'an empty page')
  t.same(response.body.data.map((c: { id: string }) => c.id), api.app.repos.contracts.list({}, { sort: '-endsOn', limit: 3 }, '2026-06-15').rows.map((c) => c.id))
})
