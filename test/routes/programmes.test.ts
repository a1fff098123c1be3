import t from 'tap'
import { build, category, contract, dataset, game, keyFor, programme, source, sponsor } from '../helper.js'

const data = dataset({
  sources: [source('fact-file', { title: 'Olympic Marketing Fact File', url: 'https://example.org/fact-file' })],
  games: [
    game('seoul-1988', 1988, { name: 'Seoul 1988', startsOn: '1988-09-17', endsOn: '1988-10-02' }),
    game('calgary-1988', 1988, { name: 'Calgary 1988', season: 'winter', startsOn: '1988-02-13', endsOn: '1988-02-28' }),
    game('barcelona-1992', 1992, { name: 'Barcelona 1992' }),
    game('paris-2024', 2024, { name: 'Paris 2024' })
  ],
  categories: [category('drinks'), category('film'), category('cards'), category('cloud')],
  sponsors: [
    sponsor('cola', { name: 'Cola' }),
    sponsor('film', { name: 'Film' }),
    sponsor('amex', { name: 'Amex' }),
    sponsor('cloud', { name: 'Cloud' })
  ],
  contracts: [
    contract('cola-1', { sponsors: ['cola'], categories: ['drinks'], startsOn: '1985', endsOn: null }),
    contract('film-1', { sponsors: ['film'], categories: ['film'], startsOn: '1986-03', endsOn: '1988-12' }),
    // Ends the day before TOP II starts: a TOP I partner only.
    contract('amex-1', { sponsors: ['amex'], categories: ['cards'], startsOn: '1985', endsOn: '1988-12-31' }),
    // Starts the day after TOP I ends.
    contract('cloud-1', { sponsors: ['cloud'], categories: ['cloud'], startsOn: '1989-01-01', endsOn: '1990' })
  ],
  programmes: [
    programme('top-ii', '1989', '1992', { name: 'TOP II', partnerCount: 12, revenue: 172000000, sources: ['fact-file'] }),
    programme('top-i', '1985', '1988', { name: 'TOP I', partnerCount: 9, revenue: 96000000, notes: 'The first edition.', sources: ['fact-file', 'src'] }),
    programme('top-2021-2024', '2021', '2024', { name: 'TOP 2021–2024' })
  ]
})

const ids = (body: { data: Array<{ id: string }> }) => body.data.map((p) => p.id)

t.test('GET /v1/programmes lists editions oldest first, with derived partners and Games', async (t) => {
  const api = await build(t, { seed: data })
  const res = await api.get('/v1/programmes')
  t.equal(res.status, 200)
  t.same(ids(res.body), ['top-i', 'top-ii', 'top-2021-2024'])
  t.same(res.body.meta, { total: 3, limit: 20, nextCursor: null })
  t.same(res.body.data[0], {
    id: 'top-i',
    name: 'TOP I',
    startsOn: '1985',
    endsOn: '1988',
    partnerCount: 9,
    revenue: 96000000,
    notes: 'The first edition.',
    partners: [{ id: 'amex', name: 'Amex' }, { id: 'cola', name: 'Cola' }, { id: 'film', name: 'Film' }],
    games: [{ id: 'calgary-1988', name: 'Calgary 1988' }, { id: 'seoul-1988', name: 'Seoul 1988' }],
    sources: [
      { id: 'fact-file', title: 'Olympic Marketing Fact File', url: 'https://example.org/fact-file' },
      { id: 'src', title: 'Title of src', url: 'https://example.org/src' }
    ]
  })
  t.same(res.body.data[1].partners, [{ id: 'cloud', name: 'Cloud' }, { id: 'cola', name: 'Cola' }], 'overlap, not containment; an open-ended contract runs on')
  t.same(res.body.data[1].games, [{ id: 'barcelona-1992', name: 'Barcelona 1992' }])
  t.same(res.body.data[2].partners, [{ id: 'cola', name: 'Cola' }])
  t.same(res.body.data[2].games, [{ id: 'paris-2024', name: 'Paris 2024' }])
  t.equal(res.body.data[2].partnerCount, null)
  t.equal(res.body.data[2].revenue, null)
})

t.test('sort and keyset paging', async (t) => {
  const api = await build(t, { seed: data })
  t.same(ids((await api.get('/v1/programmes?sort=-startsOn')).body), ['top-2021-2024', 'top-ii', 'top-i'])
  t.same(ids((await api.get('/v1/programmes?sort=name')).body), ['top-2021-2024', 'top-i', 'top-ii'])
  const first = await api.get('/v1/programmes?limit=2')
  t.same(ids(first.body), ['top-i', 'top-ii'])
  t.equal(first.body.meta.total, 3)
  t.match(first.headers.link, /rel="next"/)
  const second = await api.get(`/v1/programmes?limit=2&cursor=${first.body.meta.nextCursor as string}`)
  t.same(ids(second.body), ['top-2021-2024'])
  t.equal(second.body.meta.nextCursor, null)
  t.equal((await api.get('/v1/programmes?sort=revenue')).status, 400)
  t.equal((await api.get(`/v1/programmes?sort=name&cursor=${first.body.meta.nextCursor as string}`)).status, 400, 'a cursor belongs to its sort')
})

t.test('GET /v1/programmes/{id}: the edition, 304 on a current ETag, 404 problem', async (t) => {
  const api = await build(t, { seed: data })
  const res = await api.get('/v1/programmes/top-ii')
  t.equal(res.status, 200)
  t.equal(res.body.name, 'TOP II')
  t.equal(res.body.partnerCount, 12)
  const cached = await api.get('/v1/programmes/top-ii', { 'if-none-match': res.headers.etag as string })
  t.equal(cached.status, 304)
  const list = await api.get('/v1/programmes')
  t.equal((await api.get('/v1/programmes', { 'if-none-match': list.headers.etag as string })).status, 304)
  const missing = await api.get('/v1/programmes/top-ix')
  t.equal(missing.status, 404)
  t.equal(missing.body.code, 'PROGRAMME_NOT_FOUND')
  t.equal(missing.body.detail, 'No TOP programme edition with id "top-ix".')
})

t.test('partners follow contract writes', async (t) => {
  const api = await build(t, { seed: data })
  const { headers } = keyFor(api)
  const before = (await api.get('/v1/programmes/top-2021-2024')).body
  const created = await api.request({
    method: 'POST',
    url: '/v1/contracts',
    headers,
    payload: { sponsors: ['amex'], categories: ['cards'], programme: 'TOP', signedOn: null, startsOn: '2024-06', endsOn: '2028', games: [], territory: 'worldwide', endedEarly: false, notes: null, sources: ['src'] }
  })
  t.equal(created.status, 201)
  const after = (await api.get('/v1/programmes/top-2021-2024', { 'if-none-match': '' })).body
  t.not(after, before)
  t.same(after.partners, [{ id: 'amex', name: 'Amex' }, { id: 'cola', name: 'Cola' }])
})

t.test('the programme filter on /v1/contracts and /v1/sponsors', async (t) => {
  const api = await build(t, { seed: data })
  t.same(ids((await api.get('/v1/contracts?programme=top-i')).body), ['amex-1', 'cola-1', 'film-1'])
  t.same(ids((await api.get('/v1/contracts?programme=top-ii')).body), ['cola-1', 'cloud-1'])
  t.same(ids((await api.get('/v1/contracts?programme=top-i&category=film')).body), ['film-1'])
  t.same(ids((await api.get('/v1/sponsors?programme=top-i')).body), ['amex', 'cola', 'film'])
  t.same(ids((await api.get('/v1/sponsors?programme=top-ii&sort=-name')).body), ['cola', 'cloud'])
  for (const url of ['/v1/contracts?programme=top-ix', '/v1/sponsors?programme=top-ix']) {
    const res = await api.get(url)
    t.equal(res.status, 400, url)
    t.same(res.body.errors, [{ path: '/query/programme', message: 'names no known TOP programme edition ("top-ix")' }], url)
  }
})

t.test('a source a programme cites cannot be deleted', async (t) => {
  const api = await build(t, { seed: data })
  const res = await api.request({ method: 'DELETE', url: '/v1/sources/fact-file', headers: keyFor(api).headers })
  t.equal(res.status, 409)
  t.match(res.body.detail, /programme "top-i" \(\/v1\/programmes\/top-i\), programme "top-ii" \(\/v1\/programmes\/top-ii\)/)
})
