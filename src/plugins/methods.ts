// What HTTP methods mean here, before CORS and routing get a say:
// - a method that takes no body here (GET, HEAD, DELETE, OPTIONS) ignores an empty body
//   whatever its Content-Type (many clients send `Content-Type: application/json` on
//   every request);
// - an OPTIONS request that is not a CORS preflight answers like the rest of the API:
//   204 with `Allow` listing the path's methods, or a 404 problem for an unknown path.
import fp from 'fastify-plugin'
import type { FastifyReply, FastifyRequest, RouteOptions } from 'fastify'
import { ApiError } from '../lib/errors.js'

const WITH_BODY = new Set(['POST', 'PUT', 'PATCH'])

interface Pattern { test: RegExp, methods: Set<string> }

function toPattern (url: string): RegExp {
  const source = url.split('/').map((segment) => segment.startsWith(':') ? '[^/]+' : segment === '*' ? '.*' : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('/')
  return new RegExp(`^${source}/?$`)
}

export default fp(async function methods (app) {
  const patterns = new Map<string, Pattern>()
  app.addHook('onRoute', (route: RouteOptions) => {
    if (route.url.includes('*')) return
    const methods = Array.isArray(route.method) ? route.method : [route.method]
    const pattern = patterns.get(route.url) ?? { test: toPattern(route.url), methods: new Set<string>() }
    for (const method of methods) pattern.methods.add(method)
    if (pattern.methods.has('GET')) pattern.methods.add('HEAD')
    patterns.set(route.url, pattern)
  })

  function allowed (path: string): string[] {
    const found = new Set<string>()
    for (const pattern of patterns.values()) {
      if (pattern.test.test(path)) for (const method of pattern.methods) found.add(method)
    }
    return found.size === 0 ? [] : [...found, 'OPTIONS']
  }

  // Synchronous: it runs on every request, and a promise per request is measurable.
  app.addHook('onRequest', (request: FastifyRequest, reply: FastifyReply, done: (error?: Error) => void) => {
    const headers = request.headers
    if (!WITH_BODY.has(request.method) && headers['transfer-encoding'] === undefined && (headers['content-length'] === undefined || headers['content-length'] === '0')) {
      delete headers['content-type']
    }
    if (request.method !== 'OPTIONS' || (headers.origin !== undefined && headers['access-control-request-method'] !== undefined)) { done(); return }
    const path = request.url.split('?')[0] ?? request.url
    const methods = allowed(path)
    if (methods.length === 0) { done(new ApiError('ROUTE_NOT_FOUND', `No route at ${path}. The API lives under /v1; see /docs.`)); return }
    // Answered here: a callback hook that sends a reply does not call done.
    reply.code(204).header('allow', methods.join(', ')).send()
  })
}, { name: 'methods' })
