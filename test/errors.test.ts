// What a client sees when it gets something wrong: every mistake at once, one code per
// kind of mistake, and never a framework's or the database's own words.
import t from 'tap'
import { build, dataset, keyFor, source, sponsor } from './helper.js'

const data = dataset({ sources: [source('news')], sponsors: [sponsor('cola', { name: 'Cola' })] })

t.test('a body with several mistakes answers one 400 listing them all', async (t) => {
  const api = await build(t, { seed: data })
  const { headers } = keyFor(api)
  const res = await api.request({
    method: 'POST',
    url: '/v1/sponsors',
    headers,
    payload: { name: 'Acme', country: 'usa', headquarters: '', industry: 7, website: 'ftp://acme.example', description: null, sources: ['news'], colour: 'red' }
  })
  t.equal(res.status, 400)
  t.equal(res.body.code, 'VALIDATION_FAILED')
  t.same(res.body.errors.map((e: { path: string }) => e.path).sort(), ['/body/colour', '/body/country', '/body/headquarters', '/body/industry', '/body/website'])
  t.match(res.body.detail, /^5 mistakes: /)
  t.match(res.body.detail, /Field "colour" is not an allowed field/)
})

t.test('one code per kind of mistake', async (t) => {
  const api = await build(t, { seed: data })
  const abc = await api.get('/v1/sponsors?limit=abc')
  const big = await api.get('/v1/sponsors?limit=101')
  t.equal(abc.status, 400)
  t.equal(big.status, 400)
  t.equal(abc.body.code, 'VALIDATION_FAILED')
  t.equal(big.body.code, 'VALIDATION_FAILED')
  t.same(abc.body.errors[0].path, '/query/limit')
  t.same(big.body.errors[0].path, '/query/limit')
})

t.test('framework errors in our words: malformed JSON, empty body, media type, size', async (t) => {
  const api = await build(t, { seed: data, bodyLimit: 1024 })
  const { headers } = keyFor(api)
  const send = (payload: string, type = 'application/json') => api.request({ method: 'POST', url: '/v1/sources', headers: { ...headers, 'content-type': type }, payload })
  const cases: Array<[string, string, number, string]> = [
    ['{"title": ', 'application/json', 400, 'MALFORMED_JSON'],
    ['', 'application/json', 400, 'EMPTY_BODY'],
    ['title=x', 'application/x-www-form-urlencoded', 415, 'UNSUPPORTED_MEDIA_TYPE'],
    [JSON.stringify({ title: 'x'.repeat(2000) }), 'application/json', 413, 'BODY_TOO_LARGE']
  ]
  for (const [payload, type, status, code] of cases) {
    const res = await send(payload, type)
    t.equal(res.status, status, code)
    t.equal(res.body.code, code)
    t.match(res.headers['content-type'], /^application\/problem\+json/)
    t.notMatch(res.body.detail, /FST_|content-type is set to/)
  }
})

t.test('DELETE ignores an empty body whatever its Content-Type', async (t) => {
  const api = await build(t, { seed: data })
  const { headers } = keyFor(api)
  for (const type of ['application/json', 'text/plain']) {
    await api.request({ method: 'POST', url: '/v1/sources', headers, payload: { id: 'gone', title: 'Gone', publisher: null, publishedOn: null, url: `https://example.org/${type}` } })
    const res = await api.request({ method: 'DELETE', url: '/v1/sources/gone', headers: { ...headers, 'content-type': type } })
    t.equal(res.status, 204, `${type}: ${res.text}`)
  }
})

t.test('OPTIONS without preflight headers: 204 with Allow, or a 404 problem', async (t) => {
  const api = await build(t, { seed: data })
  const list = await api.app.inject({ method: 'OPTIONS', url: '/v1/sponsors' })
  t.equal(list.statusCode, 204)
  t.equal(list.headers.allow, 'GET, HEAD, POST, OPTIONS')
  const one = await api.app.inject({ method: 'OPTIONS', url: '/v1/sponsors/cola' })
  t.equal(one.headers.allow, 'GET, HEAD, PUT, PATCH, DELETE, OPTIONS')
  const none = await api.app.inject({ method: 'OPTIONS', url: '/nowhere' })
  t.equal(none.statusCode, 404)
  t.match(none.headers['content-type'], /^application\/problem\+json/)
  t.equal(none.json().code, 'ROUTE_NOT_FOUND')
  const preflight = await api.app.inject({ method: 'OPTIONS', url: '/v1/sponsors', headers: { origin: 'https://app.example', 'access-control-request-method': 'POST' } })
  t.equal(preflight.statusCode, 204)
  t.equal(preflight.headers['access-control-allow-origin'], '*')
})

t.test('a create with only the required fields answers 201 for every resource, the rest defaulted', async (t) => {
  const api = await build(t, { seed: dataset({ sources: [source('news')], sponsors: [sponsor('cola', { name: 'Cola' })], categories: [] }) })
  const { headers } = keyFor(api)
  const post = (url: string, payload: object) => api.request({ method: 'POST', url, headers, payload })
  const created = {
    source: await post('/v1/sources', { title: 'A new source', url: 'https://example.org/new' }),
    sponsor: await post('/v1/sponsors', { name: 'Acme', sources: ['news'] }),
    category: await post('/v1/categories', { name: 'Anvils', sources: ['news'] }),
    meeting: await post('/v1/meetings', { date: '2020', location: { city: null, country: null }, sponsors: ['cola'], participants: [{ name: 'A', role: null, organisation: null }], summary: 'Met.', sources: ['news'] })
  }
  const contract = await post('/v1/contracts', { sponsors: ['acme'], categories: ['anvils'], startsOn: '2021', sources: ['news'] })
  for (const [kind, res] of Object.entries({ ...created, contract })) t.equal(res.status, 201, `${kind}: ${res.text}`)
  t.match(created.source.body, { publisher: null, publishedOn: null })
  t.match(created.sponsor.body, { country: null, headquarters: null, industry: null, website: null, description: null })
  t.match(created.meeting.body, { quotes: [] })
  t.match(contract.body, { programme: 'TOP', signedOn: null, endsOn: null, games: [], territory: 'worldwide', endedEarly: false, notes: null })
  const doc = api.app.swagger() as unknown as { components: { schemas: Record<string, { required?: string[] }> } }
  t.same(doc.components.schemas.ContractCreate?.required, ['sponsors', 'categories', 'startsOn', 'sources'], 'the document says what is required')
  const patched = await api.request({ method: 'PATCH', url: '/v1/contracts/acme-top-2021', headers, payload: { notes: 'x' } })
  t.equal(patched.status, 200, patched.text)
  t.equal(patched.body.territory, 'worldwide', 'PATCH does not apply create defaults')
})
