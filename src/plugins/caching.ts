// HTTP caching for reads. Every 200 GET carries a strong ETag and the configured
// Cache-Control; If-None-Match answers 304. Public reads are also kept in memory,
// keyed on the URL and the database's version, so a repeated read costs what a static
// route costs: the version changes with every write (this connection's total_changes,
// other processes' commits through PRAGMA data_version) and with the date (statuses
// are derived from today). Writes are no-store.
import { createHash } from 'node:crypto'
import fp from 'fastify-plugin'
import type { FastifyRequest, onRequestHookHandler, RouteOptions } from 'fastify'
import { dataVersionOf } from '../db/version.js'
import { addRouteHook } from '../lib/route-hooks.js'
import { responsesOf } from '../lib/route-schema.js'

export function etagOf (payload: string | Buffer): string {
  return `"${createHash('sha1').update(payload).digest('base64url')}"`
}

/** The ETag of a single record: a hash of its JSON, the same for reads and writes. */
export function etagOfRecord (record: unknown): string {
  return etagOf(JSON.stringify(record))
}

/** True when an If-None-Match / If-Match header lists this ETag (or is "*"). */
export function matchesEtag (header: string | undefined, etag: string, weak: boolean): boolean {
  if (header === undefined) return false
  return header.split(',').some((candidate) => {
    const tag = candidate.trim()
    if (tag === '*') return true
    return tag === etag || (weak && tag.startsWith('W/') && tag.slice(2) === etag)
  })
}

interface Cached {
  payload: Buffer
  etag: string
  contentType: string
  /** The headers a hit answers with besides the fixed ones: ETag, Cache-Control, Link. */
  headers: Record<string, string>
}

export interface CachingOptions {
  cacheControl: string
  /** Responses kept in memory; 0 turns the response cache off. */
  maxEntries: number
}

/** Requests answered from the cache: onSend leaves them as they are. */
const fromCache = new WeakSet<FastifyRequest>()

export default fp<CachingOptions>(async function caching (app, options) {
  // The data's version (see db/version.ts: another process's write shows within
  // DATA_VERSION_MS) and today's date, on which statuses depend.
  // Looked up per request: a replica replaces its connection (replaceDatabase).
  const dataVersion = () => dataVersionOf(app.sqlite)()
  const entries = new Map<string, Cached>()
  let cachedVersion = ''

  function currentVersion (): string {
    return `${dataVersion()}:${app.clock.today()}`
  }

  const isPublic = (request: FastifyRequest) => request.routeOptions.config.scope === undefined
  const keyOf = (request: FastifyRequest) => `${request.protocol}://${request.host}${request.url}`

  app.addHook('onRoute', (route: RouteOptions) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method]
    if (!methods.includes('GET') || route.schema === undefined) return
    const response = responsesOf(route.schema)
    response[304] ??= { description: 'Not Modified: the ETag in If-None-Match is current.', type: 'null' }
    // Only public /v1/ reads are kept: the hook is added to those routes alone.
    const scope = route.config?.scope
    if (options.maxEntries > 0 && route.url.startsWith('/v1/') && scope === undefined) addRouteHook(route, 'onRequest', 'cache', serveFromCache)
  })

  const cacheable = (request: FastifyRequest) =>
    request.method === 'GET' && isPublic(request) && request.routeOptions.url?.startsWith('/v1/') === true

  // A hit is answered from the route's last onRequest hook (lib/route-hooks.ts): after
  // the rate limit and load shedding, before parsing and validation (a cached URL passed
  // them already).
  const serveFromCache: onRequestHookHandler = function (request, reply, done) {
    if (request.method !== 'GET') { done(); return }
    const version = currentVersion()
    if (version !== cachedVersion) {
      entries.clear()
      cachedVersion = version
    }
    const hit = entries.get(keyOf(request))
    if (hit === undefined) { done(); return }
    fromCache.add(request)
    reply.headers(hit.headers)
    if (matchesEtag(request.headers['if-none-match'], hit.etag, true)) reply.code(304).send()
    else reply.type(hit.contentType).send(hit.payload)
  }

  // Callback style: a hit passes here too, and an async hook would cost it a promise.
  app.addHook('onSend', (request, reply, payload, done) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      reply.header('cache-control', 'no-store')
      done(null, payload)
      return
    }
    // A body is a string to serialise, or JSON a list already wrote as bytes (listResponse).
    const bytes = Buffer.isBuffer(payload) && String(reply.getHeader('content-type')).startsWith('application/json')
    if (fromCache.has(request) || reply.statusCode !== 200 || (typeof payload !== 'string' && !bytes)) {
      done(null, payload)
      return
    }
    // What a key may read (the audit trail) is nobody else's to cache.
    const personal = !isPublic(request)
    // Encoded once: the hash, the socket and the cache all take these bytes (a string
    // would be encoded to UTF-8 for the hash and again for the socket).
    const body = bytes ? payload : Buffer.from(payload as string)
    // Single-record handlers set the record's ETag themselves (see etagOfRecord).
    const set = reply.getHeader('etag')
    const etag = typeof set === 'string' ? set : etagOf(body)
    reply.header('etag', etag)
    reply.header('cache-control', personal ? 'private, no-cache' : options.cacheControl)
    if (options.maxEntries > 0 && cacheable(request)) {
      const oldest = entries.keys().next()
      if (entries.size >= options.maxEntries && oldest.done !== true) entries.delete(oldest.value)
      const header = reply.getHeader('link')
      const link = typeof header === 'string' ? header : undefined
      entries.set(keyOf(request), {
        payload: body,
        etag,
        contentType: String(reply.getHeader('content-type') ?? 'application/json; charset=utf-8'),
        headers: { etag, 'cache-control': options.cacheControl, ...(link === undefined ? {} : { link }) }
      })
    }
    if (matchesEtag(request.headers['if-none-match'], etag, true)) {
      reply.code(304)
      reply.removeHeader('content-type')
      reply.removeHeader('content-length')
      done(null, '')
      return
    }
    done(null, body)
  })
}, { name: 'caching', dependencies: ['database'] })
