// Security headers for a JSON API, with a looser policy for the Swagger UI page, and
// CORS: reads open to the configured origins (any by default), writes allowed from the
// same origins with the headers they need.
// The security headers never change, so helmet computes them once, at start, and one
// synchronous onRequest hook sets them together with the request id (and, for the
// default `*` origin, the CORS headers, which do not depend on the request either).
// Helmet's own Fastify plugin rebuilt its middleware and re-parsed the CSP on every
// request. A header a route sets itself (the docs page's CSP) wins: it is set later.
import type { IncomingMessage, ServerResponse } from 'node:http'
import fp from 'fastify-plugin'
import cors from '@fastify/cors'
import helmet, { type HelmetOptions } from 'helmet'

export interface SecurityOptions {
  /** Origins allowed by CORS; '*' allows any. */
  corsOrigins: '*' | string[]
}

/** The Swagger UI page's own policy: its scripts and styles, nothing from elsewhere. */
export const DOCS_CSP = "default-src 'self'; base-uri 'self'; frame-ancestors 'self'; img-src 'self' data:; object-src 'none'; script-src 'self'; script-src-attr 'none'; style-src 'self' 'unsafe-inline'; font-src 'self' data:; connect-src 'self'"

export const HELMET_OPTIONS: HelmetOptions = {
  // A JSON API loads nothing and may not be framed.
  contentSecurityPolicy: {
    useDefaults: false,
    directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"], baseUri: ["'none'"], formAction: ["'none'"] }
  },
  // Browsers on other origins may read the API (CORS decides which).
  crossOriginResourcePolicy: { policy: 'cross-origin' },
  // Headers that concern HTML documents, not JSON: each costs bytes on every response.
  crossOriginOpenerPolicy: false,
  originAgentCluster: false,
  xDnsPrefetchControl: false,
  xDownloadOptions: false,
  xPermittedCrossDomainPolicies: false,
  xXssProtection: false
}

export const CORS_OPTIONS = {
  methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
  allowedHeaders: ['Authorization', 'Content-Type', 'If-Match', 'If-None-Match', 'X-Request-Id'],
  exposedHeaders: ['ETag', 'Link', 'Location', 'Retry-After', 'X-Request-Id', 'X-RateLimit-Limit', 'X-RateLimit-Remaining', 'X-RateLimit-Reset'],
  maxAge: 600
}

/** The headers helmet sets with these options, in its order (computed by helmet itself). */
export function helmetHeaders (options: HelmetOptions = HELMET_OPTIONS): Record<string, string> {
  const headers: Record<string, string> = {}
  const response = {
    setHeader (name: string, value: string | number) { headers[name.toLowerCase()] = String(value) },
    removeHeader (name: string) { Reflect.deleteProperty(headers, name.toLowerCase()) }
  }
  let failure: unknown
  helmet(options)({} as IncomingMessage, response as unknown as ServerResponse, (error?: unknown) => { failure = error })
  if (failure !== undefined) throw failure instanceof Error ? failure : new Error('helmet rejected its options', { cause: failure })
  return headers
}

export default fp<SecurityOptions>(async function security (app, options) {
  const anyOrigin = options.corsOrigins === '*'
  // What @fastify/cors sets on every non-preflight response when any origin may read.
  const corsHeaders: Record<string, string> = anyOrigin
    ? { 'access-control-allow-origin': '*', 'access-control-expose-headers': CORS_OPTIONS.exposedHeaders.join(', ') }
    : {}
  const fixed = Object.entries({ ...helmetHeaders(), ...corsHeaders })
  app.addHook('onRequest', (request, reply, done) => {
    reply.header('x-request-id', request.id)
    for (const [name, value] of fixed) reply.header(name, value)
    done()
  })
  const corsOptions = { origin: options.corsOrigins, ...CORS_OPTIONS }
  if (anyOrigin) {
    // The headers above cover every simple request; the plugin, in its own context,
    // only answers preflights (its OPTIONS route and hook see nothing else).
    await app.register(async (preflight) => { await preflight.register(cors, corsOptions) })
  } else {
    await app.register(cors, corsOptions)
  }
}, { name: 'security' })
