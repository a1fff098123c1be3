// The security and CORS headers are computed once at start (src/plugins/security.ts);
// they must stay exactly what @fastify/helmet and @fastify/cors send with the same
// options, and a header a route sets itself must win over the global one.
import Fastify from 'fastify'
import fastifyHelmet from '@fastify/helmet'
import cors from '@fastify/cors'
import t from 'tap'
import { buildApp } from '../src/app.js'
import { CORS_OPTIONS, HELMET_OPTIONS, helmetHeaders } from '../src/plugins/security.js'
import { fixedClock } from '../src/lib/clock.js'
import { TODAY } from './helper.js'

/** Headers that differ by nature between two servers (per request, per body, per route). */
const VARYING = new Set(['x-request-id', 'etag', 'cache-control', 'content-type', 'content-length', 'date', 'connection', 'x-ratelimit-limit', 'x-ratelimit-remaining', 'x-ratelimit-reset'])

function fixedHeaders (headers: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(headers).filter(([name]) => !VARYING.has(name)).sort(([a], [b]) => a.localeCompare(b)))
}

async function reference (origin: '*' | string[]) {
  const app = Fastify()
  // @fastify/helmet declares its own copy of helmet's option types.
  await app.register(fastifyHelmet, HELMET_OPTIONS as Parameters<typeof fastifyHelmet>[1])
  await app.register(cors, { origin, ...CORS_OPTIONS })
  app.get('/v1/sources', async () => ({}))
  await app.ready()
  return app
}

t.test('helmetHeaders() is what helmet sets, computed by helmet', async (t) => {
  const headers = helmetHeaders()
  t.equal(headers['content-security-policy'], "default-src 'none';frame-ancestors 'none';base-uri 'none';form-action 'none'")
  t.equal(headers['x-frame-options'], 'SAMEORIGIN')
  t.notOk('x-xss-protection' in headers, 'switched-off headers stay off')
  t.throws(() => helmetHeaders({ contentSecurityPolicy: { directives: { defaultSrc: ['bad value;'] } } }), 'an invalid option fails at start')
})

for (const origins of ['*', ['https://ok.example']] as const) {
  t.test(`the API's security and CORS headers are @fastify/helmet's and @fastify/cors's (origins ${JSON.stringify(origins)})`, async (t) => {
    const api = await buildApp({ databasePath: ':memory:', seed: false, clock: fixedClock(TODAY), corsOrigins: origins === '*' ? '*' : [...origins] })
    t.teardown(() => api.close())
    const ref = await reference(origins === '*' ? '*' : [...origins])
    t.teardown(() => ref.close())
    const requests = [
      { method: 'GET' as const, url: '/v1/sources' },
      { method: 'GET' as const, url: '/v1/sources', headers: { origin: 'https://ok.example' } },
      { method: 'GET' as const, url: '/v1/sources', headers: { origin: 'https://evil.example' } },
      { method: 'GET' as const, url: '/v1/no-such-route' },
      { method: 'OPTIONS' as const, url: '/v1/sponsors', headers: { origin: 'https://ok.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization' } }
    ]
    for (const request of requests) {
      const ours = await api.inject(request)
      const theirs = await ref.inject(request)
      t.equal(ours.statusCode, theirs.statusCode, `${request.method} ${request.url} ${JSON.stringify(request.headers ?? {})}: status`)
      t.same(fixedHeaders(ours.headers), fixedHeaders(theirs.headers), `${request.method} ${request.url} ${JSON.stringify(request.headers ?? {})}: headers`)
      t.match(ours.headers['x-request-id'], /^[0-9a-f-]{36}$/)
    }
  })
}

t.test('a header a route sets itself wins over the global one', async (t) => {
  const app = await buildApp({ databasePath: ':memory:', seed: false, clock: fixedClock(TODAY) })
  t.teardown(() => app.close())
  const policy = "default-src 'self'; img-src 'self' data:"
  app.get('/own-policy', { schema: { hide: true } }, async (_request, reply) => {
    reply.header('content-security-policy', policy).type('text/html').send('<p>page</p>')
    return reply
  })
  const res = await app.inject('/own-policy')
  t.equal(res.headers['content-security-policy'], policy)
  t.equal(res.headers['x-content-type-options'], 'nosniff', 'the other headers stay')
})
