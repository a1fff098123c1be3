// The response headers the API sends, added to the generated OpenAPI document: route
// schemas describe bodies, while these come from hooks (request id, rate limit, ETag,
// caching, Link, Location, WWW-Authenticate). test/helper.ts checks every response
// carries the headers documented as required for it.
import { RATE_LIMIT_MAX_LIMIT } from '../config.js'

const intHeader = (description: string, required: boolean, minimum: number, maximum: number) =>
  ({ description, required, schema: { type: 'integer', format: 'int32', minimum, maximum } })

const RATE_LIMIT_NOTE = 'Sent while rate limiting is on (RATE_LIMIT_MAX > 0), on every response of a routed request.'

export const HEADERS = {
  'X-Request-Id': {
    description: 'The request\'s id: the caller\'s X-Request-Id when it is 1–64 letters, digits or `._:-`, otherwise a new UUID. Quote it when reporting a problem.',
    required: true,
    schema: { type: 'string', minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9._:-]+$' }
  },
  'X-RateLimit-Limit': intHeader(`Requests a client may make per minute. ${RATE_LIMIT_NOTE}`, false, 1, RATE_LIMIT_MAX_LIMIT),
  'X-RateLimit-Remaining': intHeader(`Requests left in the current minute. ${RATE_LIMIT_NOTE}`, false, 0, RATE_LIMIT_MAX_LIMIT),
  'X-RateLimit-Reset': intHeader(`Seconds until the current minute's allowance resets. ${RATE_LIMIT_NOTE}`, false, 0, 60),
  'Retry-After': intHeader('Seconds to wait before trying again: always on a 429, on a 503 when the wait is known.', false, 0, 86_400),
  ETag: {
    description: 'A strong validator of the representation: send it in If-None-Match to get a 304 when nothing changed, or in If-Match to make a write conditional.',
    required: true,
    schema: { type: 'string', maxLength: 200, pattern: '^(W/)?"[^"]*"$' }
  },
  'Cache-Control': {
    description: 'How long shared caches may keep the answer (CACHE_CONTROL; `private, no-cache` for what a key may read).',
    required: true,
    schema: { type: 'string', minLength: 1, maxLength: 200 }
  },
  'Access-Control-Allow-Origin': {
    description: 'CORS: which browser origins may read the answer (CORS_ORIGINS, `*` by default); sent when the request\'s Origin is allowed.',
    required: false,
    schema: { type: 'string', minLength: 1, maxLength: 2000 }
  },
  Link: {
    description: 'The next page\'s absolute URL as `<…>; rel="next"`, when there is one.',
    required: false,
    schema: { type: 'string', maxLength: 4096, pattern: '^<[^>]+>; rel="next"$' }
  },
  Location: {
    description: 'The new record\'s path; on a 301, the path of the record that replaced a withdrawn id.',
    required: true,
    schema: { type: 'string', maxLength: 200, pattern: '^/v1/[a-z]+/[a-z0-9-]+$' }
  },
  'Idempotent-Replayed': {
    description: 'Sent on the answer of a POST with an Idempotency-Key: `true` when this is the stored answer of an earlier request with that key, replayed; `false` on the first answer, now stored.',
    required: false,
    schema: { type: 'string', enum: ['true', 'false'] }
  },
  'WWW-Authenticate': {
    description: 'The Bearer challenge (RFC 6750), with `error="invalid_token"` when a key was sent but not accepted.',
    required: true,
    schema: { type: 'string', maxLength: 200, pattern: '^Bearer ' }
  }
} as const

type HeaderName = keyof typeof HEADERS

interface Operation {
  parameters?: Array<{ in: string, name: string }>
  responses?: Record<string, { headers?: Record<string, unknown> }>
}

const ref = (name: HeaderName) => ({ $ref: `#/components/headers/${name}` })

/** Which headers a response of `method` with `status` carries. */
function headersFor (method: string, status: string, operation: Operation): HeaderName[] {
  const out: HeaderName[] = ['X-Request-Id', 'Access-Control-Allow-Origin']
  if (/^[234]/.test(status)) out.push('X-RateLimit-Limit', 'X-RateLimit-Remaining', 'X-RateLimit-Reset')
  if (status === '429' || status === '503') out.push('Retry-After')
  if (status === '401') out.push('WWW-Authenticate')
  if (method === 'get' && status === '200') {
    out.push('ETag', 'Cache-Control')
    if (operation.parameters?.some((parameter) => parameter.in === 'query' && parameter.name === 'cursor') === true) out.push('Link')
  }
  if (method === 'get' && status === '304') out.push('ETag')
  if (method === 'get' && status === '301') out.push('Location', 'Cache-Control')
  if ((method === 'put' || method === 'patch') && status === '200') out.push('ETag')
  if (method === 'post' && status === '201') out.push('ETag', 'Location')
  if (method === 'post' && /^[24]/.test(status)) out.push('Idempotent-Replayed')
  return out
}

/** @fastify/swagger's transformObject: documents the headers of every response. */
export function documentHeaders<T extends object> (doc: T): T {
  const openapi = doc as unknown as { paths?: Record<string, Record<string, Operation>>, components?: Record<string, unknown> }
  openapi.components = { ...openapi.components, headers: HEADERS }
  for (const pathItem of Object.values(openapi.paths ?? {})) {
    for (const [method, operation] of Object.entries(pathItem)) {
      for (const [status, response] of Object.entries(operation.responses ?? {})) {
        const headers: Record<string, unknown> = { ...response.headers }
        for (const name of headersFor(method, status, operation)) headers[name] = ref(name)
        response.headers = headers
      }
    }
  }
  return doc
}
