import t from 'tap'
import { build, category, contract, dataset, game, meeting, source, sponsor } from '../helper.js'

const data = dataset({
  sources: [source('news', { title: 'News', url: 'https://example.org/news' })],
  games: [game('paris-2024', 2024), game('la-2028', 2028)],
  categories: [category('cloud'), category('drinks')],
  sponsors: [
    sponsor('acme', { name: 'Acme', country: 'CN', headquarters: 'Hangzhou', sources: ['news', 'src'] }),
    sponsor('bolt', { name: 'Bolt', country: 'US' }),
    sponsor('crux', { name: 'Crux', country: 'CN', formerNames: [{ name: 'Schlumberger Sema', from: '2001', until: '2002-03' }, { name: 'Atos Origin', from: null, until: null }] })
  ],
  contracts: [
    contract('acme-1', { sponsors: ['acme'], categories: ['cloud'], startsOn: '2017-01', endsOn: '2028', games: ['paris-2024', 'la-2028'] }),
    contract('bolt-1', { sponsors: ['bolt'], categories: ['drinks'], startsOn: '2010', endsOn: '2020', games: [] })
  ],
  meetings: [
    meeting('m-acme', { sponsors: ['acme'], date: '2019-01-23' }),
    meeting('m-bolt', { sponsors: ['bolt'], date: '2015' })
  ]
})

t.test('GET /v1/sponsors lists sponsors by name with the list envelope', async (t) => {
  const api = await build(t, { seed: data })
  const res = await api.get('/v1/sponsors')
  t.equal(res.status, 200)
  t.same(res.body, {
    data: [
      {
        id: 'acme',
        name: 'Acme',
        country: 'CN',
        headquarters: 'Hangzhou',
        industry: null,
        website: null,
        description: null,
        formerNames: [],
        status: 'active',
        sources: [
          { id: 'news', title: 'News', url: 'https://example.org/news' },
          { id: 'src', title: 'Title of src', url: 'https://example.org/src' }
        ]
      },
      { id: 'bolt', name: 'Bolt', country: 'US', headquarters: null, industry: null, website: null, description: null, formerNames: [], status: 'former', sources: [{ id: 'src', title: 'Title of src', url: 'https://example.org/src' }] },
      { id: 'crux', name: 'Crux', country: 'CN', headquarters: null, industry: null, website: null, description: null, formerNames: [{ name: 'Schlumberger Sema', from: '2001', until: '2002-03' }, { name: 'Atos Origin', from: null, until: null }], status: 'none', sources: [{ id: 'src', title: 'Title of src', url: 'https://example.org/src' }] }
    ],
    meta: { total: 3, limit: 20, nextCursor: null }
  })
  t.notOk(res.headers.link, 'no Link header on the last page')
})

t.test('sponsor filters combine', async (t) => {
  const api = await build(t, { seed: data })
  const ids = async (query: string) => (await api.get(`/v1/sponsors?${query}`)).body.data.map((s: { id: string }) => s.id)
  t.same(await ids('country=CN'), ['acme', 'crux'])
  t.same(await ids('country=CN&status=active'), ['acme'])
  t.same(await ids('status=former'), ['bolt'], 'former: every contract has ended')
  t.same(await ids('status=none'), ['crux'], 'none: never held a contract, not former')
  t.same(await ids('country=CN&status=none'), ['crux'])
  t.same(await ids('category=drinks'), ['bolt'])
  t.same(await ids('games=la-2028'), ['acme'])
  t.same(await ids('activeOn=2015-06-01'), ['bolt'])
  t.same(await ids('activeOn=2028-12-31'), ['acme'])
  t.same(await ids('activeOn=2029-01-01'), [])
  t.same(await ids('q=CR'), ['crux'])
  t.same(await ids('q=schlumberger'), ['crux'], 'q matches a former name')
  t.same(await ids('q=atos%20orig'), ['crux'])
  t.same(await ids('sort=-name'), ['crux', 'bolt', 'acme'])
  t.same(await ids('sort=country'), ['acme', 'crux', 'bolt'])
})

t.test('GET /v1/sponsors/{id} answers the sponsor or a 404 problem', async (t) => {
  const api = await build(t, { seed: data })
  const ok = await api.get('/v1/sponsors/bolt')
  t.equal(ok.status, 200)
  t.equal(ok.body.name, 'Bolt')
  const missing = await api.get('/v1/sponsors/nobody', { 'x-request-id': 'req-42' })
  t.equal(missing.status, 404)
  t.equal(missing.headers['content-type'], 'application/problem+json; charset=utf-8')
  t.same(missing.body, {
    type: '/problems/not-found',
    title: 'Not Found',
    status: 404,
    detail: 'No sponsor with id "nobody".',
    code: 'SPONSOR_NOT_FOUND',
    instance: '/v1/sponsors/nobody',
    requestId: 'req-42'
  })
})

t.test('a malformed id is a 400 naming the path parameter', async (t) => {
  const api = await build(t, { seed: data })
  for (const id of ['UPPER', 'a_b', 'x'.repeat(101), '..%2F..%2Fetc']) {
    const res = await api.get(`/v1/sponsors/${id}`)
    t.equal(res.status, 400, id)
    t.equal(res.body.errors[0].path, '/path/id', id)
  }
})

t.test('GET /v1/sponsors/{id}/contracts and /meetings are the sponsor\'s', async (t) => {
  const api = await build(t, { seed: data })
  const contracts = await api.get('/v1/sponsors/acme/contracts')
  t.equal(contracts.status, 200)
  t.same(contracts.body.data.map((c: { id: string }) => c.id), ['acme-1'])
  t.same(contracts.body.meta, { total: 1, limit: 20, nextCursor: null })
  const none = await api.get('/v1/sponsors/crux/contracts')
  t.same(none.body, { data: [], meta: { total: 0, limit: 20, nextCursor: null } })
  const meetings = await api.get('/v1/sponsors/bolt/meetings')
  t.same(meetings.body.data.map((m: { id: string }) => m.id), ['m-bolt'])
  t.equal((await api.get('/v1/sponsors/nobody/contracts')).status, 404)
  t.equal((await api.get('/v1/sponsors/nobody/meetings')).status, 404)
})

t.test('bad list parameters answer 400 problems naming the parameter', async (t) => {
  const api = await build(t, { seed: data })
  const cases: Array<[string, string, string]> = [
    ['limit=0', '/query/limit', 'must be >= 1'],
    ['limit=101', '/query/limit', 'must be <= 100'],
    ['limit=1e309', '/query/limit', 'must be a whole number written in decimal digits'],
    ['limit=0x10', '/query/limit', 'must be a whole number written in decimal digits'],
    ['limit=%205', '/query/limit', 'must be a whole number written in decimal digits'],
    ['limit=abc', '/query/limit', 'must be a whole number written in decimal digits'],
    ['sort=height', '/query/sort', 'must be one of: name, -name, country, -country, id, -id'],
    ['status=retired', '/query/status', 'must be one of: active, former, none'],
    ['country=cn', '/query/country', 'must match pattern "^[A-Z]{2}$"'],
    ['activeOn=2019-02-30', '/query/activeOn', 'must match format "date"'],
    ['activeOn=yesterday', '/query/activeOn', 'must match format "date"'],
    ['category=nothing', '/query/category', 'names no known category ("nothing")'],
    ['games=atlantis-1996', '/query/games', 'names no known Olympic Games edition ("atlantis-1996")'],
    ['cursor=not-a-cursor', '/query/cursor', 'is not a cursor this API issued'],
    ['colour=red', '/query/colour', 'is not a known query parameter']
  ]
  for (const [query, path, message] of cases) {
    const res = await api.get(`/v1/sponsors?${query}`)
    t.equal(res.status, 400, query)
    t.same(res.body.errors, [{ path, message }], query)
    t.equal(res.body.type, '/problems/invalid-request', query)
    t.match(res.body.detail, /^Query parameter "\w+" /, query)
  }
})
