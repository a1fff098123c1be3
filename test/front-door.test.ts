// Response cache hits answered at the server's front door (lib/front-door.ts), before
// Fastify routes them: over real HTTP, each must be the response Fastify itself sends
// for the same request (an app with the cache off), header for header, in the same
// order, but for the request's own id and the rate limit's count.
import dns from 'node:dns'
import { request as httpRequest } from 'node:http'
import { Writable } from 'node:stream'
import Fastify from 'fastify'
import t, { type Test } from 'tap'
import type { App } from '../src/app.js'
import { loggerOptions } from '../src/logger.js'
import { build, contract, dataset, keyFor, sponsor, category, type Api } from './helper.js'

interface Raw { status: number, headers: Array<[string, string]>, body: Buffer }

function get (port: number, path: string, headers: Record<string, string> = {}): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, headers: { host: 'api.test', ...headers } }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (chunk: Buffer) => chunks.push(chunk))
      res.on('end', () => {
        const pairs: Array<[string, string]> = []
        for (let i = 0; i < res.rawHeaders.length; i += 2) pairs.push([res.rawHeaders[i]?.toLowerCase() ?? '', res.rawHeaders[i + 1] ?? ''])
        resolve({ status: res.statusCode ?? 0, headers: pairs, body: Buffer.concat(chunks) })
      })
    })
    req.on('error', reject)
    req.end()
  })
}

/** The headers that differ from one request to the next, whoever answers. */
const OWN = new Set(['x-request-id', 'date', 'x-ratelimit-remaining', 'x-ratelimit-reset'])
const comparable = (raw: Raw) => raw.headers.map(([name, value]) => (OWN.has(name) ? [name, '…'] : [name, value]))
const header = (raw: Raw, name: string) => raw.headers.find(([n]) => n === name)?.[1]

const data = dataset({
  sponsors: [sponsor('acme', { name: 'Acme Corporation', description: 'Ådelsteen – pâtisserie' }), sponsor('globex')],
  categories: [category('cloud-services')],
  contracts: [contract('acme-top', { sponsors: ['acme'], categories: ['cloud-services'], startsOn: '2017-01', endsOn: '2028' })]
})

async function listening (t: Test, options: Parameters<typeof build>[1] = {}): Promise<{ api: Api, port: number, answered: () => number }> {
  const api = await build(t, { seed: data, ...options })
  let answered = 0
  const door = api.app.frontDoor.answer
  if (door !== null) api.app.frontDoor.answer = (req, res) => { const done = door(req, res); if (done) answered++; return done }
  await api.app.listen({ port: 0, host: '127.0.0.1' })
  const address = api.app.server.address()
  return { api, port: typeof address === 'object' && address !== null ? address.port : 0, answered: () => answered }
}

const URLS = [
  '/v1/sponsors/acme',
  '/v1/sponsors?limit=1',
  '/v1/contracts?activeOn=2020-07-24',
  '/v1/categories/cloud-services/holders?on=2019-01-23',
  '/v1/search?q=acme',
  '/v1/games?limit=5'
]

t.test('a hit at the door is the response Fastify sends, header for header and byte for byte', async (t) => {
  for (const rateLimitMax of [0, 100]) {
    const cached = await listening(t, { rateLimitMax, responseCacheEntries: 100 })
    const uncached = await listening(t, { rateLimitMax, responseCacheEntries: 0 })
    for (const url of URLS) {
      const miss = await get(cached.port, url)
      const before = cached.answered()
      const hit = await get(cached.port, url)
      t.equal(cached.answered(), before + 1, `${url}: the door answered the repeat`)
      const fastify = await get(uncached.port, url)
      t.equal(hit.status, 200, url)
      t.same(comparable(hit), comparable(fastify), `${url} (rate limit ${rateLimitMax}): the same headers in the same order`)
      t.same(comparable(miss), comparable(fastify), `${url}: the miss too`)
      t.ok(hit.body.equals(fastify.body), `${url}: the same bytes`)
      const etag = header(hit, 'etag') ?? ''
      const notModified = await get(cached.port, url, { 'if-none-match': etag })
      const fastify304 = await get(uncached.port, url, { 'if-none-match': etag })
      t.same([notModified.status, notModified.body.length], [304, 0], `${url}: If-None-Match`)
      t.same(comparable(notModified), comparable(fastify304), `${url}: its 304 is Fastify's`)
    }
    t.equal(cached.answered(), URLS.length * 2, 'every repeat and 304 came from the door')
    t.equal(uncached.answered(), 0, 'an app with the cache off has no door')
  }
})

t.test('the door gives each request its own id, as Fastify does', async (t) => {
  const { port } = await listening(t)
  await get(port, '/v1/sponsors/acme')
  t.equal(header(await get(port, '/v1/sponsors/acme', { 'x-request-id': 'trace-42' }), 'x-request-id'), 'trace-42', 'a sane caller id is kept')
  const made = header(await get(port, '/v1/sponsors/acme', { 'x-request-id': 'not a token!' }), 'x-request-id') ?? ''
  t.match(made, /^[0-9a-f-]{36}$/, 'anything else gets a new one')
  t.not(header(await get(port, '/v1/sponsors/acme'), 'x-request-id'), made)
})

t.test('hits at the door count against the rate limit, and the 429 comes from Fastify', async (t) => {
  const { port, answered } = await listening(t, { rateLimitMax: 3 })
  const remaining = []
  for (let i = 0; i < 3; i++) remaining.push(header(await get(port, '/v1/sponsors/acme'), 'x-ratelimit-remaining'))
  t.same(remaining, ['2', '1', '0'])
  t.equal(answered(), 2)
  const limited = await get(port, '/v1/sponsors/acme')
  t.equal(limited.status, 429)
  t.equal(JSON.parse(limited.body.toString()).code, 'RATE_LIMITED')
  t.ok(Number(header(limited, 'retry-after')) > 0)
  t.equal(answered(), 2, 'the door declined the request over the limit')
})

t.test('a write is seen at once: the door never answers with an older version', async (t) => {
  const { api, port, answered } = await listening(t)
  const first = await get(port, '/v1/sponsors/globex')
  await get(port, '/v1/sponsors/globex')
  t.equal(answered(), 1)
  const patched = await api.request({ method: 'PATCH', url: '/v1/sponsors/globex', headers: { ...keyFor(api).headers, 'content-type': 'application/json' }, payload: { industry: 'Everything' } })
  t.equal(patched.status, 200)
  const after = await get(port, '/v1/sponsors/globex')
  t.equal(answered(), 1, 'the first read after the write went through Fastify')
  t.equal(JSON.parse(after.body.toString()).industry, 'Everything')
  t.not(header(after, 'etag'), header(first, 'etag'))
})

t.test('what a stored response depends on is part of its key: host, forwarded origin, CORS origin', async (t) => {
  const proxied = await listening(t, { trustProxy: true })
  const link = async (headers: Record<string, string>) => header(await get(proxied.port, '/v1/sponsors?limit=1', headers), 'link') ?? ''
  t.match(await link({ 'x-forwarded-host': 'a.example', 'x-forwarded-proto': 'https' }), /^<https:\/\/a\.example\//)
  t.match(await link({ 'x-forwarded-host': 'b.example', 'x-forwarded-proto': 'https' }), /^<https:\/\/b\.example\//)
  t.match(await link({ 'x-forwarded-host': 'a.example', 'x-forwarded-proto': 'https' }), /^<https:\/\/a\.example\//, 'a hit keeps its own origin')
  t.equal(proxied.answered(), 1)

  const cors = await listening(t, { corsOrigins: ['https://ok.example'] })
  const allowed = async (origin: string) => header(await get(cors.port, '/v1/sponsors/acme', { origin }), 'access-control-allow-origin')
  t.equal(await allowed('https://ok.example'), 'https://ok.example')
  t.equal(await allowed('https://evil.example'), undefined)
  t.equal(await allowed('https://ok.example'), 'https://ok.example', 'from the door')
  t.equal(await allowed('https://evil.example'), undefined, 'from the door')
  t.equal(cors.answered(), 2)
})

t.test('a hit at the door is logged like any request', async (t) => {
  const lines: string[] = []
  const stream = new Writable({ write (chunk: Buffer, _encoding, done) { lines.push(chunk.toString()); done() } })
  const { port, answered } = await listening(t, { logger: loggerOptions('info', { stream }) })
  await get(port, '/v1/sponsors/acme')
  lines.length = 0
  await get(port, '/v1/sponsors/acme', { 'x-request-id': 'door-1', authorization: 'Bearer secret' })
  t.equal(answered(), 1)
  const logged = lines.map((line) => JSON.parse(line) as { reqId: string, msg: string, req?: { url: string, ip: string, headers: Record<string, string> }, res?: { statusCode: number }, responseTime?: number })
  t.same(logged.map((line) => [line.reqId, line.msg]), [['door-1', 'incoming request'], ['door-1', 'request completed']])
  t.same([logged[0]?.req?.url, logged[0]?.req?.ip], ['/v1/sponsors/acme', '127.0.0.1'])
  t.equal(logged[0]?.req?.headers.authorization, '[redacted]', 'with the same redaction')
  t.equal(logged[1]?.res?.statusCode, 200)
  t.type(logged[1]?.responseTime, 'number')
})

t.test('a closing server\'s door answers nothing: Fastify refuses new requests', async (t) => {
  const { api, port } = await listening(t)
  await get(port, '/v1/sponsors/acme')
  const app: App = api.app
  const door = app.frontDoor.answer
  await app.close()
  t.equal(door?.({ method: 'GET', url: '/v1/sponsors/acme', headers: {} } as never, {} as never), false)
})

t.test('when the database fails, the door leaves the request to Fastify: a problem, not a crash', async (t) => {
  const { api, port, answered } = await listening(t)
  await get(port, '/v1/sponsors/acme')
  api.app.sqlite.close()
  const failed = await get(port, '/v1/sponsors/acme')
  t.equal(answered(), 0)
  t.ok(failed.status >= 500, `answered ${failed.status}`)
  t.match(header(failed, 'content-type'), /^application\/problem\+json/)
  t.equal((await get(port, '/health')).status, 200, 'the server still answers')
})

t.test('HOST=localhost binds every address Fastify alone would bind (the door is not a serverFactory)', async (t) => {
  const lookup = dns.lookup
  // As on hosts where localhost resolves to ::1 first.
  const patched = ((host: string, options: unknown, callback: unknown) => host === 'localhost' && typeof options === 'object' && options !== null && (options as { all?: boolean }).all === true
    ? (callback as (error: null, addresses: Array<{ address: string, family: number }>) => void)(null, [{ address: '::1', family: 6 }, { address: '127.0.0.1', family: 4 }])
    : (lookup as (...args: unknown[]) => void)(host, options, callback)) as typeof dns.lookup
  dns.lookup = patched
  t.teardown(() => { dns.lookup = lookup })
  const bound = async (app: { listen: (o: { port: number, host: string }) => Promise<string>, addresses: () => Array<string | { address: string }>, close: () => Promise<void> }) => {
    await app.listen({ port: 0, host: 'localhost' })
    const addresses = app.addresses().map((a) => (typeof a === 'string' ? a : a.address)).sort()
    await app.close()
    return addresses
  }
  const api = await build(t, { seed: data })
  const plain = Fastify()
  t.same(await bound(api.app), await bound(plain))
})
