// HTTP caching for reads: every 200 GET carries a strong ETag (a hash of the bytes sent)
// and the configured Cache-Control; If-None-Match answers 304. Writes are no-store.
import { createHash } from 'node:crypto'
import fp from 'fastify-plugin'
import type { RouteOptions } from 'fastify'

export function etagOf (payload: string): string {
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

export default fp<{ cacheControl: string }>(async function caching (app, options) {
  app.addHook('onRoute', (route: RouteOptions) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method]
    if (!methods.includes('GET') || route.schema === undefined) return
    const response = ((route.schema as { response?: Record<string, unknown> }).response ??= {})
    response[304] ??= { description: 'Not Modified: the ETag in If-None-Match is current.', type: 'null' }
  })

  app.addHook('onSend', async (request, reply, payload) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      reply.header('cache-control', 'no-store')
      return payload
    }
    if (reply.statusCode !== 200 || typeof payload !== 'string') return payload
    // What a key may read (the audit trail) is nobody else's to cache.
    const personal = (request.routeOptions.config as { scope?: string } | undefined)?.scope !== undefined
    // Single-record handlers set the record's ETag themselves (see etagOfRecord).
    const etag = (reply.getHeader('etag') as string | undefined) ?? etagOf(payload)
    reply.header('etag', etag)
    reply.header('cache-control', personal ? 'private, no-cache' : options.cacheControl)
    if (matchesEtag(request.headers['if-none-match'], etag, true)) {
      reply.code(304)
      reply.removeHeader('content-type')
      reply.removeHeader('content-length')
      return ''
    }
    return payload
  })
}, { name: 'caching' })
