// HTTP caching for reads. Every 200 GET carries a strong ETag and the configured
// Cache-Control; If-None-Match answers 304. Public reads are also kept in memory,
// keyed on the request and the database's version, so a repeated read costs what a
// static route costs: the version changes with every write (this connection's
// total_changes, other processes' commits through PRAGMA data_version) and with the date
// (statuses are derived from today). Writes are no-store.
//
// Over HTTP a hit is answered at the server's front door (lib/front-door.ts), before
// Fastify routes it: the stored response with every header Fastify sent when it made it,
// but the request's own id, and the rate limit's count. So that the stored headers are
// right for the request, the key is made of what they depend on: the URL, the Host and
// X-Forwarded-Host/-Proto headers (the Link header's origin), the Origin header when
// CORS allows a list of origins, and the peer's address when trusting a proxy depends on
// it. A request the door declines (not a GET, not stored, the server under pressure or
// closing) goes through Fastify, whose route hook answers the same hits (as under
// `inject`, which has no server).
import { hash } from 'node:crypto'
import type { IncomingMessage } from 'node:http'
import { performance } from 'node:perf_hooks'
import fp from 'fastify-plugin'
import type { FastifyRequest, onRequestHookHandler, RouteOptions } from 'fastify'
import { dataVersionOf } from '../db/version.js'
import { clientAddress, type TrustProxy } from '../lib/client-address.js'
import type { Answer } from '../lib/front-door.js'
import { requestIdOf } from '../lib/request-id.js'
import { addRouteHook } from '../lib/route-hooks.js'
import { responsesOf } from '../lib/route-schema.js'

export function etagOf (payload: string | Buffer): string {
  // One-shot: no Hash object per response (about 1 µs of a small record's read).
  return `"${hash('sha1', payload, 'base64url')}"`
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
  /**
   * What the front door answers a hit with: the headers Fastify sent, in its order, as
   * name, value, …, with a marker where the request's id and rate limit count go.
   */
  head: Head
  /** The same for a 304 (no Content-Type; Content-Length 0, as Fastify sends it). */
  head304: Head
}

export interface CachingOptions {
  cacheControl: string
  /** Responses kept in memory; 0 turns the response cache off. */
  maxEntries: number
  /** As the app's trustProxy and CORS settings: what a stored response's headers depend on. */
  trustProxy: TrustProxy
  corsOrigins: '*' | string[]
}

/** Requests answered from the cache: onSend leaves them as they are. */
const fromCache = new WeakSet<FastifyRequest>()

/** Where a stored header block takes the request's id, and its rate limit count. */
const REQUEST_ID = Symbol('x-request-id')
const RATE_LIMIT = Symbol('x-ratelimit')
type Head = Array<string | typeof REQUEST_ID | typeof RATE_LIMIT>

/** A stored header block filled in for one request (see Cached.head). */
function headersFor (head: Head, id: string, rate: string[] | undefined): string[] {
  const out: string[] = []
  for (const part of head) {
    if (part === REQUEST_ID) out.push('x-request-id', id)
    else if (part === RATE_LIMIT) { if (rate !== undefined) out.push(...rate) } else out.push(part)
  }
  return out
}

/** The stored headers without the request's own: what a hit Fastify routed adds to the ones its hooks set. */
function storedHeaders (head: Head): Record<string, string> {
  const parts = head.filter((part): part is string => typeof part === 'string')
  const headers: Record<string, string> = {}
  for (let i = 0; i < parts.length; i += 2) headers[parts[i] ?? ''] = parts[i + 1] ?? ''
  return headers
}

/** Log levels at which Fastify logs every request. */
const INFO_OR_BELOW = new Set(['trace', 'debug', 'info'])

/** Headers that belong to one request, never to a stored response; the door writes Content-Length itself. */
const PER_REQUEST = new Set(['x-ratelimit-remaining', 'x-ratelimit-reset', 'retry-after', 'content-length', 'date', 'connection', 'keep-alive'])

function header (req: IncomingMessage, name: string): string {
  const value = req.headers[name]
  return Array.isArray(value) ? value.join(',') : value ?? ''
}

/** The cache key of a raw request (see the top of this file). */
export function cacheKey (options: Pick<CachingOptions, 'trustProxy' | 'corsOrigins'>): (req: IncomingMessage) => string {
  const byPeer = options.trustProxy !== true && options.trustProxy !== false && typeof options.trustProxy !== 'number'
  const byOrigin = options.corsOrigins !== '*'
  // Joined by a line feed, which no request line or header value can hold.
  return (req) => {
    let key = `${req.url ?? ''}\n${header(req, 'host')}\n${header(req, 'x-forwarded-host')}\n${header(req, 'x-forwarded-proto')}`
    if (byOrigin) key += `\n${header(req, 'origin')}`
    if (byPeer) key += `\n${req.socket.remoteAddress ?? ''}`
    return key
  }
}

export default fp<CachingOptions>(async function caching (app, options) {
  // The data's version (see db/version.ts: another process's write shows within
  // DATA_VERSION_MS) and today's date, on which statuses depend.
  // Looked up per request: a replica replaces its connection (replaceDatabase).
  const dataVersion = () => dataVersionOf(app.sqlite)()
  const entries = new Map<string, Cached>()
  let cachedVersion = ''
  const keyOf = cacheKey(options)

  function currentVersion (): string {
    return `${dataVersion()}:${app.clock.today()}`
  }

  /** The entry stored for a request, after dropping every entry of an older version. */
  function lookup (req: IncomingMessage): Cached | undefined {
    const version = currentVersion()
    if (version !== cachedVersion) {
      entries.clear()
      cachedVersion = version
    }
    return entries.get(keyOf(req))
  }

  const isPublic = (request: FastifyRequest) => request.routeOptions.config.scope === undefined

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

  // A hit Fastify routed is answered from the route's last onRequest hook
  // (lib/route-hooks.ts): after the rate limit and load shedding, before parsing and
  // validation (a cached URL passed them already).
  const serveFromCache: onRequestHookHandler = function (request, reply, done) {
    if (request.method !== 'GET') { done(); return }
    const hit = lookup(request.raw)
    if (hit === undefined) { done(); return }
    fromCache.add(request)
    if (matchesEtag(request.headers['if-none-match'], hit.etag, true)) reply.headers(storedHeaders(hit.head304)).code(304).send()
    else reply.headers(storedHeaders(hit.head)).send(hit.payload)
  }

  // An app without a server front door (a bare test instance) answers hits in the route hook alone.
  if (options.maxEntries > 0 && app.hasDecorator('frontDoor')) app.frontDoor.answer = frontDoorAnswer()

  /**
   * A hit at the front door: what the route hook above answers, with what the hooks
   * before it add (request id, the security and CORS headers stored with the response,
   * the rate limit's count, the request's log lines), declining whatever Fastify must
   * decide (the rate limit exceeded, load shedding, a server closing).
   */
  function frontDoorAnswer (): Answer {
    let closing = false
    app.addHook('preClose', (done) => { closing = true; done() })
    let underPressure = (): boolean => false
    app.addHook('onReady', (done) => {
      if (app.hasDecorator('isUnderPressure')) underPressure = () => app.isUnderPressure()
      done()
    })
    const log = app.log
    const logs = () => INFO_OR_BELOW.has(log.level)
    const addressOf = clientAddress(options.trustProxy)
    return (req, res) => {
      if (req.method !== 'GET' || closing || req.url?.startsWith('/v1/') !== true) return false
      const hit = lookup(req)
      if (hit === undefined || underPressure()) return false
      const limited = app.rateLimiter?.count(req)
      if (limited?.exceeded === true) return false
      const id = requestIdOf(req.headers['x-request-id'])
      const child = logs() ? log.child({ reqId: id }) : undefined
      const started = child === undefined ? 0 : performance.now()
      child?.info({ req: { method: req.method, url: req.url, ip: addressOf(req), headers: req.headers } }, 'incoming request')
      let status = 200
      if (matchesEtag(req.headers['if-none-match'], hit.etag, true)) {
        status = 304
        const headers = headersFor(hit.head304, id, limited?.headers)
        headers.push('content-length', '0')
        res.writeHead(304, headers)
        res.end()
      } else {
        const headers = headersFor(hit.head, id, limited?.headers)
        headers.push('content-length', String(hit.payload.length))
        res.writeHead(200, headers)
        res.end(hit.payload)
      }
      child?.info({ res: { statusCode: status }, responseTime: performance.now() - started }, 'request completed')
      return true
    }
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
    // A redirect from a withdrawn id (routes/read.ts) gets the reads' freshness, never "forever".
    if (reply.statusCode === 301) reply.header('cache-control', options.cacheControl)
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
      const contentType = String(reply.getHeader('content-type') ?? 'application/json; charset=utf-8')
      const stored: Array<[string, string] | [typeof REQUEST_ID | typeof RATE_LIMIT]> = []
      for (const [name, value] of Object.entries({ ...reply.getHeaders(), 'content-type': contentType })) {
        if (name === 'x-request-id') stored.push([REQUEST_ID])
        else if (name === 'x-ratelimit-limit') stored.push([RATE_LIMIT])
        else if (PER_REQUEST.has(name) || value === undefined) continue
        else for (const one of Array.isArray(value) ? value : [value]) stored.push([name, String(one)])
      }
      // Without a rate limit on this request, where a limiter's count would go is the end.
      if (!stored.some(([part]) => part === RATE_LIMIT)) stored.push([RATE_LIMIT])
      entries.set(keyOf(request.raw), {
        payload: body,
        etag,
        head: stored.flat(),
        head304: stored.filter(([part]) => part !== 'content-type').flat()
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
