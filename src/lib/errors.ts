// Named errors in the spirit of fastify's lib/errors.js. The error handler turns any
// of them into an RFC 9457 problem document; `errors` carries per-field details.

export interface FieldError {
  path: string
  message: string
}

export class ApiError extends Error {
  readonly code: string
  readonly statusCode: number
  readonly type: string
  readonly title: string
  readonly errors: FieldError[] | undefined
  readonly headers: Record<string, string> | undefined

  constructor (code: string, statusCode: number, title: string, detail: string, options: { errors?: FieldError[], headers?: Record<string, string> } = {}) {
    super(detail)
    this.name = 'ApiError'
    this.code = code
    this.statusCode = statusCode
    this.title = title
    this.type = problemType(statusCode)
    this.errors = options.errors
    this.headers = options.headers
  }
}

const PROBLEM_TYPES: Record<number, string> = {
  400: 'invalid-request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not-found',
  405: 'method-not-allowed',
  409: 'conflict',
  412: 'precondition-failed',
  413: 'payload-too-large',
  414: 'uri-too-long',
  415: 'unsupported-media-type',
  429: 'rate-limited',
  500: 'internal-error',
  503: 'service-unavailable'
}

/** Problem `type` URIs are relative references, documented in the README. */
export function problemType (status: number): string {
  return `/problems/${PROBLEM_TYPES[status] ?? (status >= 500 ? 'internal-error' : 'invalid-request')}`
}

export function notFound (resource: string, id: string): ApiError {
  return new ApiError(`${resource.toUpperCase()}_NOT_FOUND`, 404, 'Not Found', `No ${resource} with id "${id}".`)
}

export function badRequest (detail: string, errors?: FieldError[]): ApiError {
  return new ApiError('INVALID_REQUEST', 400, 'Bad Request', detail, errors === undefined ? {} : { errors })
}

/** A query parameter that is well formed but does not make sense. */
export function badParameter (name: string, message: string): ApiError {
  return badRequest(`Query parameter "${name}" ${message}.`, [{ path: `/query/${name}`, message }])
}
