// One error shape, made in one place: every error leaves as an RFC 9457 problem
// document, and every route's schema lists the problems it can answer with.
import fp from 'fastify-plugin'
import type { FastifyError, FastifyReply, FastifyRequest, RouteOptions } from 'fastify'
import { ApiError, errorOf, problemType, type ErrorCode, type ExistingRecord, type FieldError } from '../lib/errors.js'
import { responsesOf } from '../lib/route-schema.js'
import { clip } from '../lib/text.js'
import { PROBLEM_TEXT_MAX } from '../schemas/common.js'

const PROBLEM = 'application/problem+json'

/** Most entries in a problem's `errors[]` (the rest are counted in `detail`). */
export const ERRORS_MAX = 50

const WHERE: Record<string, string> = { querystring: 'query', params: 'path', body: 'body', headers: 'header' }

interface Problem {
  type: string
  title: string
  status: number
  detail: string
  instance: string
  code: ErrorCode
  requestId: string
  errors?: FieldError[]
  existing?: ExistingRecord
}

/** A problem of a catalogued code, for the request that failed. */
function problemOf (code: ErrorCode, detail: string, request: FastifyRequest, extra: { errors?: FieldError[], existing?: ExistingRecord } = {}): Problem {
  const { status, title } = errorOf(code)
  return { type: problemType(status), title, status, detail, instance: request.url.split('?')[0] ?? request.url, code, requestId: request.id, ...extra }
}

function message (issue: { message?: string, keyword: string, params: Record<string, unknown> }): string {
  const params = issue.params
  if (Array.isArray(params.allowedValues)) return `must be one of: ${params.allowedValues.join(', ')}`
  return issue.message ?? 'is invalid'
}

function validationErrors (error: FastifyError): FieldError[] {
  const where = WHERE[error.validationContext ?? 'body'] ?? 'body'
  // A nullable field reports each anyOf branch; keep the one about the value's real type.
  const issues = (error.validation ?? []).filter((issue) => issue.keyword !== 'anyOf')
  const meaningful = issues.filter((issue) => !(issue.keyword === 'type' && issue.params.type === 'null'))
  const seen = new Set<string>()
  return (meaningful.length > 0 ? meaningful : issues).map((issue) => {
    const { params } = issue
    const path = `/${where}${issue.instancePath}`
    if (typeof params.missingProperty === 'string') return { path: `${path}/${params.missingProperty}`, message: 'is required' }
    if (typeof params.additionalProperty === 'string') {
      return { path: `${path}/${params.additionalProperty}`, message: where === 'query' ? 'is not a known query parameter' : 'is not an allowed field' }
    }
    return { path, message: message({ ...issue, params }) }
  }).filter((issue) => {
    // One entry per place: the first rule it breaks.
    if (seen.has(issue.path)) return false
    seen.add(issue.path)
    return true
  })
}

function label (path: string): string {
  const [, where, ...rest] = path.split('/')
  const name = rest.join('.')
  return where === 'query' ? `Query parameter "${name}"` : where === 'path' ? `Path parameter "${name}"` : where === 'header' ? `Header "${name}"` : name === '' ? 'The body' : `Field "${name}"`
}

/** "Field "x" is required." or "3 mistakes: Field "x" is required; …". */
export function describe (errors: FieldError[]): string {
  const first = errors[0]
  if (first === undefined) return 'The request is invalid.'
  if (errors.length === 1) return `${label(first.path)} ${first.message}.`
  const listed = errors.slice(0, ERRORS_MAX).map((issue) => `${label(issue.path)} ${issue.message}`).join('; ')
  return `${errors.length} mistakes: ${listed}.`
}

/** Fastify's own errors, in our words (their codes and messages never reach a client). */
function frameworkProblem (error: FastifyError, request: FastifyRequest): Problem {
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return problemOf('MALFORMED_JSON', 'The body is not valid JSON (keys named __proto__ or constructor are refused too).', request)
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return problemOf('EMPTY_BODY', 'This operation needs a JSON body; none was sent.', request)
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_INVALID_TYPE':
    case 'FST_ERR_CTP_EMPTY_TYPE':
      return problemOf('UNSUPPORTED_MEDIA_TYPE', `Request bodies must be application/json (Content-Type was ${request.headers['content-type'] ?? 'none'}).`, request)
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return problemOf('BODY_TOO_LARGE', `The body is larger than the limit of ${request.routeOptions.bodyLimit ?? 0} bytes.`, request)
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return problemOf('INVALID_CONTENT_LENGTH', 'The body\'s length does not match its Content-Length header.', request)
    case 'FST_ERR_BAD_URL':
    case 'FST_ERR_INVALID_URL':
      return problemOf('BAD_URL', 'The URL is malformed.', request)
    case 'FST_ERR_MAX_PARAM_LENGTH':
      return problemOf('PATH_SEGMENT_TOO_LONG', 'A path segment is too long to be an id.', request)
  }
  const status = error.statusCode ?? 500
  if (status === 413) return problemOf('BODY_TOO_LARGE', 'The body is larger than the configured limit.', request)
  if (status === 415) return problemOf('UNSUPPORTED_MEDIA_TYPE', 'Request bodies must be application/json.', request)
  if (status >= 400 && status < 500) return problemOf('BAD_REQUEST', 'The request cannot be read.', request)
  return problemOf('INTERNAL_ERROR', 'An unexpected error occurred. It has been logged; quote the requestId when reporting it.', request)
}

function toProblem (error: FastifyError, request: FastifyRequest): { problem: Problem, headers?: Record<string, string> | undefined } {
  if (error instanceof ApiError) {
    const extra = { ...(error.errors === undefined ? {} : { errors: error.errors }), ...(error.existing === undefined ? {} : { existing: error.existing }) }
    return { problem: problemOf(error.code, error.message, request, extra), headers: error.headers }
  }
  if (error.validation !== undefined) {
    const errors = validationErrors(error)
    return { problem: problemOf('VALIDATION_FAILED', describe(errors), request, { errors }) }
  }
  return { problem: frameworkProblem(error, request) }
}

/** Cuts the texts of a problem to their documented lengths (they may quote the request). */
function bounded (problem: Problem): Problem {
  const out: Problem = { ...problem, detail: clip(problem.detail, PROBLEM_TEXT_MAX), instance: clip(problem.instance, PROBLEM_TEXT_MAX) }
  if (problem.errors !== undefined) {
    out.errors = problem.errors.slice(0, ERRORS_MAX).map((issue) => ({ path: clip(issue.path, 300), message: clip(issue.message, 300) }))
  }
  return out
}

export function sendProblem (reply: FastifyReply, problem: Problem, headers?: Record<string, string>): FastifyReply {
  if (headers !== undefined) reply.headers(headers)
  return reply.code(problem.status).type(PROBLEM).send(bounded(problem))
}

/**
 * Errors Fastify raises before routing (a malformed URL, a path segment over
 * maxParamLength). Passed as the `frameworkErrors` server option.
 */
export function frameworkErrors (error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  // Raised before the onRequest hooks, so the request id is set here.
  reply.header('x-request-id', request.id)
  void sendProblem(reply, frameworkProblem(error, request))
}

/** A response of the shared Problem schema, for a route's `response` map. */
export function problemResponse (description: string) {
  return { description, content: { [PROBLEM]: { schema: { $ref: 'Problem' } } } }
}

/** Adds the problem responses a route can answer with to its schema. */
function documentProblems (route: RouteOptions): void {
  const schema = route.schema
  if (schema === undefined || schema.hide === true) return
  const response = responsesOf(schema)
  const add = (status: number, description: string) => { response[status] ??= problemResponse(description) }
  if (schema.querystring !== undefined || schema.params !== undefined || schema.body !== undefined) {
    add(400, 'The request is invalid: a parameter or field is malformed, unknown or out of range.')
  }
  if (schema.params !== undefined) add(404, 'No record has this id.')
  if (schema.body !== undefined) {
    add(413, 'The body is larger than the configured limit.')
    add(415, 'The body is not application/json.')
  }
  add(429, 'Too many requests from this client; retry after the Retry-After header\'s seconds.')
  add(503, 'Overloaded, or a write sent to a read-only replica; see Retry-After or the detail.')
  add(500, 'An unexpected error; the requestId identifies it in the logs.')
}

export default fp(async function problems (app) {
  app.addHook('onRoute', documentProblems)

  app.setErrorHandler((error: FastifyError, request, reply) => {
    const { problem, headers } = toProblem(error, request)
    // A 503 the API chose (overload, a read-only replica, the readiness check) is an
    // answer, not a fault: a warning without a stack, which under overload would cost
    // the loop more than the refusal saves. Anything else 5xx is logged with its stack.
    if (error instanceof ApiError && problem.status === 503) request.log.warn({ code: problem.code, detail: problem.detail }, 'request refused')
    else if (problem.status >= 500) request.log.error({ err: error }, 'request failed')
    return sendProblem(reply, problem, headers)
  })

  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? request.url
    return sendProblem(reply, problemOf('ROUTE_NOT_FOUND', `No route ${request.method} ${path}. The API lives under /v1; see /docs.`, request))
  })
}, { name: 'problems' })
