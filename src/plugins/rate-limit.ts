// Requests a minute per client (@fastify/rate-limit), answered with a 429 problem. The
// limiter runs at its place among the routes' onRequest hooks (lib/route-hooks.ts), on
// every route registered after this plugin.
import fp from 'fastify-plugin'
import rateLimit from '@fastify/rate-limit'
import type { RouteOptions } from 'fastify'
import { ApiError } from '../lib/errors.js'
import { addRouteHook } from '../lib/route-hooks.js'

export interface RateLimitOptions {
  /** Requests a minute per client. */
  max: number
}

export default fp<RateLimitOptions>(async function limit (app, options) {
  await app.register(rateLimit, {
    max: options.max,
    timeWindow: 60_000,
    // Not on its own: the hook below puts the limiter in its place.
    global: false,
    errorResponseBuilder: (_request, context) => new ApiError(
      'RATE_LIMITED',
      `More than ${context.max} requests a minute from this client; retry in ${Math.ceil(context.ttl / 1000)} s.`
    )
  })
  const limiter = app.rateLimit()
  app.addHook('onRoute', (route: RouteOptions) => {
    addRouteHook(route, 'onRequest', 'rate-limit', limiter)
  })
}, { name: 'rate-limit' })
