import t from 'tap'
import { build, category, contract, dataset, meeting, source, sponsor } from '../helper.js'
import type { Dataset } from '../../src/seed/dataset.js'

const data: Dataset = {
  ...dataset({
    sources: [source('fact-src', { title: 'Fact source', url: 'https://example.org/fact' })],
    categories: [category('cloud'), category('food', { name: 'Retail Food' })],
    sponsors: [sponsor('acme', { name: 'Acme' }), sponsor('other')],
    contracts: [
      contract('acme-1', { sponsors: ['acme'], categories: ['food'], signedOn: '2016-11', startsOn: '2017', endsOn: '2017-06-16', endedEarly: true }),
      contract('acme-2', { sponsors: ['acme'], categories: ['cloud'], signedOn: '2017-01-19', startsOn: '2017-01', endsOn: '2028' }),
      contract('other-1', { sponsors: ['other'], categories: ['cloud'], startsOn: '2029', endsOn: '2032' })
    ],
    meetings: [meeting('acme-meeting', { sponsors: ['acme'], date: '2017-01-19', summary: 'Announcement in Davos.' })]
  }),
  facts: [
    { id: 'acme-store', sponsor: 'acme', date: '2018-12', summary: 'Opened a store.', sources: ['fact-src'] },
    { id: 'acme-year', sponsor: 'acme', date: '2017', summary: 'A year-precision fact.', sources: ['fact-src'] }
  ]
}

t.test('a sponsor\'s timeline is in date order, partial dates before fuller ones of the same period', async (t) => {
  const api = await build(t, { seed: data })
  const res = await api.get('/v1/sponsors/acme/timeline')
  t.equal(res.status, 200)
  const events = res.body.data.map((e: { date: string, kind: string, subject: { id: string } }) => [e.date, e.kind, e.subject.id])
  t.same(events, [
    ['2016-11', 'contract-signed', 'acme-1'],
    ['2017', 'contract-started', 'acme-1'],
    ['2017', 'fact', 'acme-year'],
    ['2017-01', 'contract-started', 'acme-2'],
    ['2017-01-19', 'contract-signed', 'acme-2'],
    ['2017-01-19', 'meeting', 'acme-meeting'],
    ['2017-06-16', 'contract-ended-early', 'acme-1'],
    ['2018-12', 'fact', 'acme-store'],
    ['2028', 'contract-ends', 'acme-2']
  ])
  t.equal(res.body.meta.total, 9)
  const store = res.body.data.find((e: { subject: { id: string } }) => e.subject.id === 'acme-store')
  t.same(store, {
    date: '2018-12',
    kind: 'fact',
    summary: 'Opened a store.',
    subject: { type: 'fact', id: 'acme-store' },
    sources: [{ id: 'fact-src', title: 'Fact source', url: 'https://example.org/fact' }]
  })
  const early = res.body.data.find((e: { kind: string }) => e.kind === 'contract-ended-early')
  t.equal(early.summary, 'The TOP contract for Retail Food ended early, before its term.')
})

t.test('future starts are scheduled; unknown sponsors are 404', async (t) => {
  const api = await build(t, { seed: data })
  const other = await api.get('/v1/sponsors/other/timeline')
  t.same(other.body.data.map((e: { kind: string }) => e.kind), ['contract-starts', 'contract-ends'])
  t.equal((await api.get('/v1/sponsors/nobody/timeline')).status, 404)
})

t.test('the timeline pages, newest first on request, and survives an insert between pages', async (t) => {
  const api = await build(t, { seed: data })
  const all = (await api.get('/v1/sponsors/acme/timeline')).body.data as Array<{ date: string, kind: string, subject: { id: string } }>
  const key = (e: { date: string, kind: string, subject: { id: string } }) => `${e.date} ${e.kind} ${e.subject.id}`

  const walk = async (query: string) => {
    const seen: string[] = []
    let url: string | null = `/v1/sponsors/acme/timeline?${query}`
    while (url !== null) {
      const page = await api.get(url)
      t.equal(page.status, 200)
      t.ok(page.body.data.length <= 4)
      seen.push(...page.body.data.map(key))
      const next = page.body.meta.nextCursor as string | null
      url = next === null ? null : `/v1/sponsors/acme/timeline?${query}&cursor=${next}`
    }
    return seen
  }
  t.same(await walk('limit=4'), all.map(key), 'pages of 4 give the whole timeline once, in order')
  t.same(await walk('limit=4&sort=-date'), all.map(key).reverse(), 'sort=-date gives it newest first')

  const first = await api.get('/v1/sponsors/acme/timeline?limit=3')
  t.match(first.body.meta, { total: 9, limit: 3, nextCursor: /^[A-Za-z0-9_-]+$/ })
  t.match(String(first.headers.link), /rel="next"$/)
  // An event that sorts before the cursor appears after the first page was read.
  const fact = { id: 'acme-early', sponsor: 'acme', date: '2016', summary: 'An early fact.', sources: ['fact-src'] }
  api.app.sqlite.prepare('insert into sponsor_facts (id, sponsor_id, date, summary) values (?, ?, ?, ?)').run(fact.id, fact.sponsor, fact.date, fact.summary)
  const second = await api.get(`/v1/sponsors/acme/timeline?limit=3&cursor=${first.body.meta.nextCursor as string}`)
  t.same(second.body.data.map(key), all.slice(3, 6).map(key), 'the next page starts where the last ended')

  const wrongSort = await api.get(`/v1/sponsors/acme/timeline?sort=-date&cursor=${first.body.meta.nextCursor as string}`)
  t.equal(wrongSort.status, 400, 'a cursor only works with its sort')
})

t.test('a change of name is on the timeline, at the last date of the former name', async (t) => {
  const renamed = dataset({
    sponsors: [sponsor('atos', { name: 'Atos', formerNames: [{ name: 'Sema Group', from: null, until: '2001' }, { name: 'Atos Origin', from: '2004', until: '2011-07' }, { name: 'Undated', from: null, until: null }] })]
  })
  const api = await build(t, { seed: renamed })
  const res = await api.get('/v1/sponsors/atos/timeline')
  t.equal(res.status, 200)
  t.same(res.body.data.map((e: { date: string, kind: string, summary: string, subject: { type: string, id: string } }) => [e.date, e.kind, e.summary, `${e.subject.type}:${e.subject.id}`]), [
    ['2001', 'name-changed', 'Went by Sema Group until 2001, then by Atos Origin.', 'sponsor:atos'],
    ['2011-07', 'name-changed', 'Went by Atos Origin until 2011-07, then by Undated.', 'sponsor:atos']
  ], 'a former name without an end date has no event')
  t.same(res.body.data[0].sources.map((s: { id: string }) => s.id), ['src'], 'the sponsor\'s sources')
})

t.test('two changes of name on the same date are two events, page by page', async (t) => {
  const twice = dataset({
    sponsors: [sponsor('twice', { name: 'Twice Ltd', formerNames: [{ name: 'First', from: null, until: '2001' }, { name: 'Second', from: '2001', until: '2001' }] })]
  })
  const api = await build(t, { seed: twice })
  const first = await api.get('/v1/sponsors/twice/timeline?limit=1')
  t.equal(first.body.meta.total, 2)
  const second = await api.get(`/v1/sponsors/twice/timeline?limit=1&cursor=${String(first.body.meta.nextCursor)}`)
  t.same([...first.body.data, ...second.body.data].map((e: { summary: string }) => e.summary), [
    'Went by First until 2001, then by Second.',
    'Went by Second until 2001, then by Twice Ltd.'
  ])
})
