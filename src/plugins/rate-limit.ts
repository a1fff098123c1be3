// Requests a minute per client, answered with a 429 problem: a fixed window per client
// that starts with its first request (as @fastify/rate-limit's local store counted), its
// state on every response in `X-RateLimit-Limit`, `-Remaining` and `-Reset` (seconds
// to the window's end), and `Retry-After` on a 429. The limiter runs at its place among
// the routes' onRequest hooks (lib/route-hooks.ts), on every route registered after this
// plugin; a response cache hit answered before the router (lib/front-door.ts) counts
// through the same window.
import type { IncomingMessage } from 'node:http'
import fp from 'fastify-plugin'
import type { onRequestHookHandler, RouteOptions } from 'fastify'
import { ApiError } from '../lib/errors.js'
import { addRouteHook } from '../lib/route-hooks.js'
import { clientAddress, rateLimitKey, type TrustProxy } from '../lib/client-address.js'

export interface RateLimitOptions {
  /** Requests a minute per client. */
  max: number
  /** As the app's trustProxy: which address the client is. */
  trustProxy: TrustProxy
  /** Clients remembered at once (the least recently seen are forgotten first). */
  clients?: number
  /** Milliseconds since the epoch; a test may set the time. */
  now?: () => number
}

/** One request counted: the headers it answers with, and whether it is over the limit. */
export interface RateCount {
  exceeded: boolean
  /** Header names and values, alternating (`X-RateLimit-*`, and `Retry-After` when exceeded). */
  headers: string[]
  /** Whole seconds until the client's window ends. */
  resetSeconds: number
}

export interface RateLimiter {
  /** Counts one request of the client that sent `req`. */
  count: (req: IncomingMessage) => RateCount
}

declare module 'fastify' {
  interface FastifyInstance {
    /** The rate limit, when RATE_LIMIT_MAX is above 0; otherwise null. */
    rateLimiter: RateLimiter | null
  }
}

const WINDOW_MS = 60_000

export function createRateLimiter (options: RateLimitOptions): RateLimiter {
  const { max } = options
  const now = options.now ?? Date.now
  const size = options.clients ?? 5000
  const addressOf = clientAddress(options.trustProxy)
  const windows = new Map<string, { requests: number, startedAt: number }>()
  const limit = String(max)
  return {
    count (req) {
      const at = now()
      const key = rateLimitKey(addressOf(req))
      let window = windows.get(key)
      if (window === undefined || window.startedAt + WINDOW_MS <= at) window = { requests: 0, startedAt: at }
      window.requests++
      // Most recently seen last: the first key is the one to forget.
      windows.delete(key)
      windows.set(key, window)
      if (windows.size > size) windows.delete(windows.keys().next().value ?? key)
      const resetSeconds = Math.ceil((window.startedAt + WINDOW_MS - at) / 1000)
      const reset = String(resetSeconds)
      const exceeded = window.requests > max
      const headers = exceeded
        ? ['x-ratelimit-limit', limit, 'x-ratelimit-remaining', '0', 'x-ratelimit-reset', reset, 'retry-after', reset]
        : ['x-ratelimit-limit', limit, 'x-ratelimit-remaining', String(max - window.requests), 'x-ratelimit-reset', reset]
      return { exceeded, headers, resetSeconds }
    }
  }
}

export default fp<RateLimitOptions>(async function limit (app, options) {
  const limiter = createRateLimiter(options)
  app.decorate('rateLimiter', limiter)
  // Synchronous: it runs on every request.
  const hook: onRequestHookHandler = (request, reply, done) => {
    const { exceeded, headers, resetSeconds } = limiter.count(request.raw)
    for (let i = 0; i < headers.length; i += 2) reply.header(headers[i] ?? '', headers[i + 1])
    if (!exceeded) { done(); return }
    done(new ApiError('RATE_LIMITED', `More than ${options.max} requests a minute from this client; retry in ${resetSeconds} s.`))
  }
  app.addHook('onRoute', (route: RouteOptions) => {
    addRouteHook(route, 'onRequest', 'rate-limit', hook)
  })
}, { name: 'rate-limit' })
