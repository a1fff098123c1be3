// Security headers (helmet) for a JSON API, with a looser policy for the Swagger UI
// page, and CORS: reads open to the configured origins (any by default), writes
// allowed from the same origins with the headers they need.
import fp from 'fastify-plugin'
import cors from '@fastify/cors'
import helmet from '@fastify/helmet'

export interface SecurityOptions {
  /** Origins allowed by CORS; '*' allows any. */
  corsOrigins: '*' | string[]
}

/** The Swagger UI page's own policy: its scripts and styles, nothing from elsewhere. */
export const DOCS_CSP = "default-src 'self'; base-uri 'self'; frame-ancestors 'self'; img-src 'self' data:; object-src 'none'; script-src 'self'; script-src-attr 'none'; style-src 'self' 'unsafe-inline'; font-src 'self' data:; connect-src 'self'"

export default fp<SecurityOptions>(async function security (app, options) {
  await app.register(helmet, {
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
  })
  await app.register(cors, {
    origin: options.corsOrigins === '*' ? '*' : options.corsOrigins,
    methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
    allowedHeaders: ['Authorization', 'Content-Type', 'If-Match', 'If-None-Match', 'X-Request-Id'],
    exposedHeaders: ['ETag', 'Link', 'Location', 'Retry-After', 'X-Request-Id', 'X-RateLimit-Limit', 'X-RateLimit-Remaining', 'X-RateLimit-Reset'],
    maxAge: 600
  })
}, { name: 'security' })
