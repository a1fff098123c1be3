// Route-level hooks run in the order lib/route-hooks.ts declares, whichever plugin adds
// its hook first: the order app.ts registers the plugins in does not matter.
import t from 'tap'
import Fastify, { type FastifyPluginAsync, type onRequestHookHandler, type RouteOptions } from 'fastify'
import fp from 'fastify-plugin'
import { Type } from 'typebox'
import { addRouteHook, ROUTE_HOOK_ORDER, routeHookNames, type RouteHookName } from '../../src/lib/route-hooks.js'
import auth from '../../src/plugins/auth.js'
import caching from '../../src/plugins/caching.js'
import rateLimit from '../../src/plugins/rate-limit.js'
import readOnly from '../../src/plugins/read-only.js'
import strictQuery from '../../src/plugins/strict-query.js'

function permutations<T> (items: readonly T[]): T[][] {
  if (items.length <= 1) return [[...items]]
  return items.flatMap((item, i) => permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]))
}

t.test('addRouteHook puts each hook at its declared place, around the route\'s own', async (t) => {
  const named = ROUTE_HOOK_ORDER.onRequest.filter((name) => name !== 'route')
  for (const order of permutations(named)) {
    const own: onRequestHookHandler = (_request, _reply, done) => { done() }
    const route = { method: 'GET', url: '/', handler: () => 'ok', onRequest: own } satisfies RouteOptions
    for (const name of order) addRouteHook(route, 'onRequest', name, (_request, _reply, done) => { done() })
    t.same(routeHookNames(route, 'onRequest'), ['read-only', 'auth', 'rate-limit', 'route', 'cache'], order.join(', '))
    t.equal([route.onRequest].flat()[3], own, 'the route\'s own hook is kept')
  }
  const route: RouteOptions = { method: 'GET', url: '/', handler: () => 'ok' }
  addRouteHook(route, 'preValidation', 'strict-query', (_request, _reply, done) => { done() })
  t.same(routeHookNames(route, 'preValidation'), ['strict-query'])
})

// Stands in for the database plugin the auth and caching plugins depend on; no hook runs here.
const database = fp(async () => {}, { name: 'database' })

const plugins: Record<string, FastifyPluginAsync> = {
  auth,
  caching: async (app) => { await app.register(caching, { cacheControl: 'public', maxEntries: 10, trustProxy: false, corsOrigins: '*' }) },
  'rate-limit': async (app) => { await app.register(rateLimit, { max: 10, trustProxy: false }) },
  'read-only': async (app) => { await app.register(readOnly, {}) },
  'strict-query': strictQuery
}

t.test('the plugins give every route the same hooks whatever order they are registered in', async (t) => {
  const seen = new Set<string>()
  for (const order of permutations(Object.keys(plugins))) {
    const app = Fastify()
    await app.register(database)
    for (const name of order) await app.register(fp(plugins[name] ?? (async () => {})))
    const hooks: Record<string, { onRequest: string[], preValidation: string[] }> = {}
    app.addHook('onRoute', (route: RouteOptions) => {
      hooks[`${String(route.method)} ${route.url}`] = { onRequest: routeHookNames(route, 'onRequest'), preValidation: routeHookNames(route, 'preValidation') }
    })
    const querystring = Type.Object({ limit: Type.Optional(Type.Integer()) })
    app.get('/v1/things', { schema: { querystring } }, async () => [])
    app.post('/v1/things', { config: { scope: 'write' } }, async () => ({}))
    app.get('/v1/audit', { config: { scope: 'read' } }, async () => [])
    await app.ready()
    t.same(hooks, {
      'GET /v1/things': { onRequest: ['rate-limit', 'cache'], preValidation: ['strict-query'] },
      // Fastify's HEAD twin of a GET: the cache keeps GETs alone.
      'HEAD /v1/things': { onRequest: ['rate-limit'], preValidation: ['strict-query'] },
      'POST /v1/things': { onRequest: ['read-only', 'auth', 'rate-limit'], preValidation: [] },
      'GET /v1/audit': { onRequest: ['auth', 'rate-limit'], preValidation: [] },
      'HEAD /v1/audit': { onRequest: ['auth', 'rate-limit'], preValidation: [] }
    }, order.join(', '))
    seen.add(order.join())
    await app.close()
  }
  t.equal(seen.size, 120, 'every order of the five plugins')
})

t.test('a hook name outside the declared order does not type-check', async (t) => {
  // @ts-expect-error: 'logging' has no place in ROUTE_HOOK_ORDER.onRequest
  const name: RouteHookName<'onRequest'> = 'logging'
  t.equal(name, 'logging')
})
