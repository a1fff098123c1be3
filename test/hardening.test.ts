import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Writable } from 'node:stream'
import Sqlite from 'better-sqlite3'
import t from 'tap'
import { snapshot } from '../src/db/snapshot.js'
import { loggerOptions } from '../src/logger.js'
import { build, dataset, keyFor, sponsor } from './helper.js'

const newSponsor = (id: string) => ({ id, name: `Sponsor ${id}`, country: 'US', headquarters: null, industry: null, website: null, description: null, sources: ['src'] })

t.test('security headers suit a JSON API, and the docs page gets its own policy', async (t) => {
  const api = await build(t)
  const res = await api.get('/v1/sources')
  t.equal(res.headers['content-security-policy'], "default-src 'none';frame-ancestors 'none';base-uri 'none';form-action 'none'")
  t.equal(res.headers['x-content-type-options'], 'nosniff')
  t.equal(res.headers['referrer-policy'], 'no-referrer')
  t.equal(res.headers['cross-origin-resource-policy'], 'cross-origin')
  t.ok(res.headers['strict-transport-security'])
  const docs = await api.get('/docs/')
  t.match(docs.headers['content-security-policy'], /script-src 'self';/)
  t.notMatch(docs.headers['content-security-policy'], /https:|unsafe-eval/, 'nothing from other origins')
})

t.test('CORS: open to any origin by default, or only the configured ones', async (t) => {
  const open = await build(t)
  const preflight = await open.request({ method: 'OPTIONS', url: '/v1/sponsors', headers: { origin: 'https://app.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type' } })
  t.equal(preflight.status, 204)
  t.equal(preflight.headers['access-control-allow-origin'], '*')
  t.match(preflight.headers['access-control-allow-headers'], /Authorization/)
  t.match((await open.get('/v1/sources', { origin: 'https://app.example' })).headers['access-control-expose-headers'], /ETag.*Link/)
  const closed = await build(t, { corsOrigins: ['https://ok.example'] })
  t.equal((await closed.get('/v1/sources', { origin: 'https://ok.example' })).headers['access-control-allow-origin'], 'https://ok.example')
  t.notOk((await closed.get('/v1/sources', { origin: 'https://evil.example' })).headers['access-control-allow-origin'])
})

t.test('behind a trusted proxy, each client has its own rate limit', async (t) => {
  const api = await build(t, { rateLimitMax: 1, trustProxy: true })
  t.equal((await api.get('/v1/sources', { 'x-forwarded-for': '203.0.113.1' })).status, 200)
  t.equal((await api.get('/v1/sources', { 'x-forwarded-for': '203.0.113.2' })).status, 200, 'another client')
  t.equal((await api.get('/v1/sources', { 'x-forwarded-for': '203.0.113.1' })).status, 429)
})

t.test('TRUST_PROXY=1, as deploy/ runs behind nginx: one hop is trusted for the client and the origin', async (t) => {
  const api = await build(t, { seed: dataset({ sponsors: [sponsor('a'), sponsor('b')] }), rateLimitMax: 1, trustProxy: 1 })
  const via = (client: string) => ({ 'x-forwarded-for': client, 'x-forwarded-proto': 'https', 'x-forwarded-host': 'api.example.org' })
  const first = await api.get('/v1/sponsors?limit=1', via('203.0.113.1'))
  t.equal(first.status, 200)
  t.match(first.headers.link, /^<https:\/\/api\.example\.org\/v1\/sponsors\?limit=1&cursor=/, 'links name the public origin')
  t.equal((await api.get('/v1/sponsors?limit=1', via('203.0.113.2'))).status, 200, 'another client behind the same proxy has its own limit')
  t.equal((await api.get('/v1/sponsors?limit=1', via('203.0.113.1'))).status, 429)
})

t.test('under pressure, requests get a 503 problem with Retry-After', async (t) => {
  const lines: string[] = []
  const stream = new Writable({ write (chunk: Buffer, _encoding, done) { lines.push(chunk.toString()); done() } })
  const api = await build(t, { maxEventLoopDelay: 20, pressureSampleInterval: 5, logger: loggerOptions('info', { stream }) })
  t.equal((await api.get('/health')).status, 200)
  const until = Date.now() + 300
  while (Date.now() < until) { /* block the event loop */ }
  await new Promise((resolve) => setTimeout(resolve, 15))
  const res = await api.get('/v1/sources')
  t.equal(res.status, 503)
  t.equal(res.headers['retry-after'], '5')
  t.equal(res.body.code, 'OVERLOADED')
  t.match(res.body.detail, /^The server is overloaded \(eventLoopDelay(: the event loop was busy for a whole sample| \d+ ms)\); retry in 5 s\.$/)
  const refused = lines.filter((line) => line.includes('request refused'))
  t.ok(refused.length > 0 && refused.every((line) => line.includes('"level":40') && line.includes('"code":"OVERLOADED"') && !line.includes('"stack"')),
    'a refusal is logged as a warning with its code, without a stack')
})

t.test('a read-only replica refuses writes with a 503 naming the primary', async (t) => {
  const api = await build(t, { seed: dataset({ sponsors: [sponsor('acme')] }), readOnly: true, primaryUrl: 'https://primary.example' })
  const res = await api.request({ method: 'POST', url: '/v1/sponsors', headers: keyFor(api).headers, payload: newSponsor('x') })
  t.equal(res.status, 503)
  t.equal(res.body.code, 'READ_ONLY')
  t.equal(res.body.detail, 'This server is a read-only replica; send writes to https://primary.example.')
  t.equal(res.headers.link, '<https://primary.example>; rel="primary"')
  t.equal((await api.request({ method: 'DELETE', url: '/v1/sponsors/acme' })).status, 503, 'before any key check')
  t.equal((await api.get('/v1/sponsors/acme')).status, 200, 'reads are served')
})

t.test('logs carry request headers but never credentials; 500s are logged, not shown', async (t) => {
  const lines: string[] = []
  const stream = new Writable({ write (chunk: Buffer, _encoding, done) { lines.push(chunk.toString()); done() } })
  const api = await build(t, { logger: loggerOptions('info', { stream }) })
  const { headers } = keyFor(api)
  await api.request({ method: 'POST', url: '/v1/sponsors', headers: { ...headers, 'user-agent': 'log-test' }, payload: newSponsor('logged') })
  const log = lines.join('')
  t.match(log, /"user-agent":"log-test"/, 'headers are logged')
  t.match(log, /"authorization":"\[redacted\]"/)
  t.notOk(log.includes(headers.authorization?.slice(7) ?? 'none'), 'the key never appears')
  api.app.sqlite.close()
  const failed = await api.get('/v1/sponsors/logged')
  t.equal(failed.status, 500)
  t.notMatch(failed.text, /at |\.ts|sqlite/i, 'no stack trace in the response')
  t.match(lines.join(''), /"level":50.*request failed/, 'the error is logged')
})

t.test('a snapshot taken under write load opens and passes integrity_check', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'snapshot-'))
  t.teardown(() => rmSync(dir, { recursive: true, force: true }))
  const api = await build(t, { databasePath: join(dir, 'primary.db'), seed: dataset({}) })
  const { headers } = keyFor(api)
  let writing = true
  let written = 0
  const writer = (async () => {
    while (writing) {
      const res = await api.request({ method: 'POST', url: '/v1/sponsors', headers, payload: newSponsor(`load-${written}`) })
      if (res.status === 201) written++
      await new Promise((resolve) => setImmediate(resolve))
    }
  })()
  await new Promise((resolve) => setTimeout(resolve, 100))
  const target = join(dir, 'replica.db')
  const { pages } = await snapshot(join(dir, 'primary.db'), target)
  writing = false
  await writer
  t.ok(pages > 0)
  t.ok(written > 0, `${written} writes while the snapshot ran`)
  const copy = new Sqlite(target, { readonly: true })
  t.teardown(() => copy.close())
  t.equal(copy.pragma('integrity_check', { simple: true }), 'ok')
  const copied = (copy.prepare("select count(*) as n from sponsors where id like 'load-%'").get() as { n: number }).n
  t.ok(copied <= written, `the snapshot holds ${copied} of ${written} writes, each whole`)
  t.equal((copy.prepare('select count(*) as n from sponsors s where not exists (select 1 from sponsor_sources l where l.sponsor_id = s.id)').get() as { n: number }).n, 0, 'no sponsor without its sources: no half-written write')
  await t.rejects(snapshot(join(dir, 'primary.db'), target), /exists/, 'never overwrites')
})
