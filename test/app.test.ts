import { readFileSync } from 'node:fs'
import t from 'tap'
import { build, dataset, keyFor, sponsor } from './helper.js'

t.test('health and readiness', async (t) => {
  const api = await build(t)
  t.same((await api.get('/health')).body, { status: 'ok' })
  t.same((await api.get('/ready')).body, { status: 'ready' })
})

t.test('readiness fails with a 503 problem when the database is gone; reads get a masked 500', async (t) => {
  const api = await build(t, { seed: dataset({ sponsors: [sponsor('acme')] }) })
  api.app.sqlite.close()
  const ready = await api.get('/ready')
  t.equal(ready.status, 503)
  t.equal(ready.headers['retry-after'], '5')
  t.equal(ready.body.code, 'DATABASE_UNAVAILABLE')
  const read = await api.get('/v1/sponsors/acme', { 'x-request-id': 'trace-me' })
  t.equal(read.status, 500)
  t.same(read.body, {
    type: '/problems/internal-error',
    title: 'Internal Server Error',
    status: 500,
    detail: 'An unexpected error occurred. It has been logged; quote the requestId when reporting it.',
    instance: '/v1/sponsors/acme',
    code: 'INTERNAL_ERROR',
    requestId: 'trace-me'
  })
  t.notMatch(read.text, /sqlite|database|select|at /i, 'no SQL, driver message or stack trace')
})

t.test('unknown routes are 404 problems', async (t) => {
  const api = await build(t)
  for (const [method, url] of [['GET', '/v2/sponsors'], ['GET', '/v1/nothing'], ['POST', '/v1/games'], ['DELETE', '/v1/search']]) {
    const res = await api.request({ method: method ?? 'GET', url: url ?? '/' })
    t.equal(res.status, 404)
    t.equal(res.headers['content-type'], 'application/problem+json; charset=utf-8')
    t.same(res.body, {
      type: '/problems/not-found',
      title: 'Not Found',
      status: 404,
      detail: `No route ${method ?? ''} ${url ?? ''}. The API lives under /v1; see /docs.`,
      instance: url,
      code: 'ROUTE_NOT_FOUND',
      requestId: res.headers['x-request-id']
    })
  }
})

t.test('request ids: a sane caller id is echoed, anything else replaced', async (t) => {
  const api = await build(t)
  t.equal((await api.get('/health', { 'x-request-id': 'abc-123' })).headers['x-request-id'], 'abc-123')
  const replaced = (await api.get('/health', { 'x-request-id': 'bad id <script>' })).headers['x-request-id']
  t.match(replaced, /^[0-9a-f-]{36}$/)
})

t.test('Swagger UI and the OpenAPI document are served', async (t) => {
  const api = await build(t)
  const docs = await api.get('/docs')
  t.equal(docs.status, 200)
  t.match(docs.headers['content-type'], /text\/html/)
  t.match(docs.text, /swagger-ui/)
  const asset = await api.get('/docs/static/swagger-ui-bundle.js')
  t.equal(asset.status, 200, 'UI assets are served from the package, not a CDN')
  const doc = await api.get('/openapi.json')
  t.equal(doc.status, 200)
  t.equal(doc.body.openapi, '3.1.0')
})

t.test('a GET ignores any body it is sent', async (t) => {
  const api = await build(t)
  const badJson = await api.request({ method: 'GET', url: '/v1/sources', headers: { 'content-type': 'application/json' }, payload: '{"a":' })
  t.equal(badJson.status, 200)
  const xml = await api.request({ method: 'GET', url: '/v1/sources', headers: { 'content-type': 'application/xml' }, payload: '<a/>' })
  t.equal(xml.status, 200)
})

t.test('malformed URLs and over-long path segments are 400 problems', async (t) => {
  const api = await build(t)
  const long = await api.get(`/v1/sponsors/${'a'.repeat(600)}`)
  t.equal(long.status, 400)
  t.equal(long.headers['content-type'], 'application/problem+json; charset=utf-8')
  t.equal(long.body.code, 'PATH_SEGMENT_TOO_LONG')
  const bad = await api.get('/v1/sponsors/%E0%A4%A')
  t.equal(bad.status, 400)
  t.equal(bad.body.code, 'BAD_URL')
  t.equal(bad.body.type, '/problems/invalid-request')
})

t.test('problem documents stay within their documented lengths, however long the request', async (t) => {
  const api = await build(t)
  const { headers } = keyFor(api)
  const field = 'f'.repeat(5000)
  const res = await api.request({ method: 'POST', url: '/v1/sources', headers, payload: { [field]: 1, title: 'T', url: 'https://example.org', publisher: null, publishedOn: null } })
  t.equal(res.status, 400)
  t.equal(res.body.errors[0].path.length, 300, 'a long field name is cut in errors[].path')
  t.ok(res.body.errors[0].path.endsWith('…'))
  t.ok(res.body.detail.length <= 1000, 'and in detail')
  const longPath = await api.get(`/v2/${'p'.repeat(3000)}`)
  t.equal(longPath.status, 404)
  t.equal(longPath.body.instance.length, 1000, 'instance is cut too')
})

t.test('rate limiting answers 429 problems with Retry-After when configured', async (t) => {
  const api = await build(t, { rateLimitMax: 2 })
  t.equal((await api.get('/v1/sources')).status, 200)
  t.equal((await api.get('/v1/sources')).status, 200)
  const limited = await api.get('/v1/sources')
  t.equal(limited.status, 429)
  t.ok(Number(limited.headers['retry-after']) > 0)
  t.equal(limited.body.code, 'RATE_LIMITED')
  t.match(limited.body.detail, /^More than 2 requests a minute from this client; retry in \d+ s\.$/)
})

t.test('the served document names the origin it was served from; the committed copy stays relative', async (t) => {
  const committed = JSON.parse(readFileSync('openapi/openapi.json', 'utf8')) as { servers: Array<{ url: string }> }
  t.same(committed.servers.map((s) => s.url), ['/'], 'openapi/openapi.json keeps a relative server')
  const forwarded = { host: 'api.example.org:8443', 'x-forwarded-proto': 'https', 'x-forwarded-host': 'sponsors.example.com' }

  const direct = await build(t)
  const plain = await direct.get('/openapi.json', { host: 'localhost:3000' })
  t.same(plain.body.servers.map((s: { url: string }) => s.url), ['http://localhost:3000'])
  t.match(plain.headers.vary, /\bHost, X-Forwarded-Host, X-Forwarded-Proto$/, 'caches key the document on the origin it names')
  const ignored = await direct.get('/openapi.json', forwarded)
  t.same(ignored.body.servers.map((s: { url: string }) => s.url), ['http://api.example.org:8443'], 'X-Forwarded-* are ignored without TRUST_PROXY')
  t.same((direct.app.swagger() as { servers?: Array<{ url: string }> }).servers?.map((s) => s.url), ['/'], 'the generated document itself is untouched')

  const proxied = await build(t, { trustProxy: true })
  const behind = await proxied.get('/openapi.json', forwarded)
  t.same(behind.body.servers.map((s: { url: string }) => s.url), ['https://sponsors.example.com'], 'behind a trusted proxy, its forwarded origin')
})
