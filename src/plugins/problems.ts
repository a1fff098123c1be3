// One error shape, made in one place: every error leaves as an RFC 9457 problem
// document, and every route's schema lists the problems it can answer with.
import fp from 'fastify-plugin'
import type { FastifyError, FastifyReply, FastifyRequest, RouteOptions } from 'fastify'
import { ApiError, problemType, type FieldError } from '../lib/errors.js'
import { clip } from '../lib/text.js'
import { PROBLEM_TEXT_MAX } from '../schemas/common.js'

const PROBLEM = 'application/problem+json'

const STATUS_TITLES: Record<number, string> = {
  400: 'Bad Request',
  404: 'Not Found',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable'
}

const WHERE: Record<string, string> = { querystring: 'query', params: 'path', body: 'body', headers: 'header' }

interface Problem {
  type: string
  title: string
  status: number
  detail: string
  instance: string
  code: string
  requestId: string
  errors?: FieldError[]
}

function validationErrors (error: FastifyError): FieldError[] {
  const where = WHERE[error.validationContext ?? 'body'] ?? 'body'
  // A nullable field reports each anyOf branch; keep the one about the value's real type.
  const issues = (error.validation ?? []).filter((issue) => issue.keyword !== 'anyOf')
  const meaningful = issues.filter((issue) => !(issue.keyword === 'type' && (issue.params as { type?: unknown }).type === 'null'))
  const seen = new Set<string>()
  return (meaningful.length > 0 ? meaningful : issues).filter((issue) => {
    const key = issue.instancePath
    if (seen.has(key)) return false
    seen.add(key)
    return true
  }).map((issue) => {
    const params = issue.params as Record<string, unknown>
    let path = `/${where}${issue.instancePath}`
    let message = issue.message ?? 'is invalid'
    if (typeof params.missingProperty === 'string') {
      path += `/${params.missingProperty}`
      message = 'is required'
    } else if (typeof params.additionalProperty === 'string') {
      path += `/${params.additionalProperty}`
      message = where === 'query' ? 'is not a known query parameter' : 'is not an allowed field'
    } else if (Array.isArray(params.allowedValues)) {
      message = `must be one of: ${params.allowedValues.join(', ')}`
    }
    return { path, message }
  })
}

function describe (errors: FieldError[]): string {
  const first = errors[0]
  if (first === undefined) return 'The request is invalid.'
  const [, where, ...rest] = first.path.split('/')
  const name = rest.join('.')
  const label = where === 'query' ? `Query parameter "${name}"` : where === 'path' ? `Path parameter "${name}"` : name === '' ? 'The body' : `Field "${name}"`
  return `${label} ${first.message}.`
}

function toProblem (error: FastifyError, request: FastifyRequest): { problem: Problem, headers?: Record<string, string> | undefined } {
  const base = { instance: request.url.split('?')[0] ?? request.url, requestId: request.id }
  if (error instanceof ApiError) {
    const problem: Problem = { type: error.type, title: error.title, status: error.statusCode, detail: error.message, code: error.code, ...base }
    if (error.errors !== undefined) problem.errors = error.errors
    return { problem, headers: error.headers }
  }
  if (error.validation !== undefined) {
    const errors = validationErrors(error)
    return { problem: { type: problemType(400), title: 'Bad Request', status: 400, detail: describe(errors), code: 'VALIDATION_FAILED', errors, ...base } }
  }
  const status = error.statusCode ?? 500
  if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
    const given = request.headers['content-type'] ?? 'none'
    return { problem: { type: problemType(415), title: 'Unsupported Media Type', status: 415, detail: `Request bodies must be application/json (Content-Type was ${given}).`, code: 'UNSUPPORTED_MEDIA_TYPE', ...base } }
  }
  if (status >= 400 && status < 500) {
    // Fastify's own client errors (bad JSON, wrong media type, body too large) carry safe messages.
    return {
      problem: {
        type: problemType(status),
        title: STATUS_TITLES[status] ?? 'Bad Request',
        status,
        detail: error.message,
        code: error.code ?? 'BAD_REQUEST',
        ...base
      }
    }
  }
  return {
    problem: {
      type: problemType(500),
      title: 'Internal Server Error',
      status: 500,
      detail: 'An unexpected error occurred. It has been logged; quote the requestId when reporting it.',
      code: 'INTERNAL_ERROR',
      ...base
    }
  }
}

/** Cuts the texts of a problem to their documented lengths (they may quote the request). */
function bounded (problem: Problem): Problem {
  const out: Problem = { ...problem, detail: clip(problem.detail, PROBLEM_TEXT_MAX), instance: clip(problem.instance, PROBLEM_TEXT_MAX) }
  if (problem.errors !== undefined) {
    out.errors = problem.errors.slice(0, 50).map((issue) => ({ path: clip(issue.path, 300), message: clip(issue.message, 300) }))
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
  const path = request.url.split('?')[0] ?? request.url
  const tooLong = error.code === 'FST_ERR_MAX_PARAM_LENGTH'
  // Raised before the onRequest hooks, so the request id is set here.
  reply.header('x-request-id', request.id)
  void sendProblem(reply, {
    type: problemType(400),
    title: 'Bad Request',
    status: 400,
    detail: tooLong ? 'A path segment is too long to be an id.' : 'The URL is malformed.',
    instance: path,
    code: tooLong ? 'PATH_SEGMENT_TOO_LONG' : 'BAD_URL',
    requestId: request.id
  })
}

/** A response of the shared Problem schema, for a route's `response` map. */
export function problemResponse (description: string) {
  return { description, content: { [PROBLEM]: { schema: { $ref: 'Problem' } } } }
}

/** Adds the problem responses a route can answer with to its schema. */
function documentProblems (route: RouteOptions): void {
  const schema = route.schema
  if (schema === undefined || (schema as { hide?: boolean }).hide === true) return
  const response = (schema.response ??= {}) as Record<string, unknown>
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
    if (problem.status >= 500) request.log.error({ err: error }, 'request failed')
    return sendProblem(reply, problem, headers)
  })

  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? request.url
    return sendProblem(reply, {
      type: problemType(404),
      title: 'Not Found',
      status: 404,
      detail: `No route ${request.method} ${path}. The API lives under /v1; see /docs.`,
      instance: path,
      code: 'ROUTE_NOT_FOUND',
      requestId: request.id
    })
  })
}, { name: 'problems' })
