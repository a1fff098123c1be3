// The error catalogue: every code a problem document can carry, with its status and
// title, in one table. Throw sites name a code and a detail (`new ApiError(code, detail)`);
// the OpenAPI document publishes the codes as an enum and the README lists them (a test
// keeps the three identical). One code per kind of mistake.

export const ERRORS = {
  VALIDATION_FAILED: { status: 400, title: 'Bad Request', meaning: 'A path or query parameter, header or body field breaks its documented rule; `errors[]` lists every mistake (up to 50).' },
  MALFORMED_JSON: { status: 400, title: 'Bad Request', meaning: 'The body is not valid JSON (or uses `__proto__`/`constructor` keys).' },
  EMPTY_BODY: { status: 400, title: 'Bad Request', meaning: 'The operation needs a JSON body and none was sent.' },
  INVALID_CONTENT_LENGTH: { status: 400, title: 'Bad Request', meaning: 'The body is shorter or longer than its Content-Length.' },
  BAD_URL: { status: 400, title: 'Bad Request', meaning: 'The URL cannot be decoded.' },
  PATH_SEGMENT_TOO_LONG: { status: 400, title: 'Bad Request', meaning: 'A path segment is too long to be an id.' },
  INVALID_SEARCH_QUERY: { status: 400, title: 'Bad Request', meaning: 'With `mode=advanced`, `q` is not a valid full-text query.' },
  UNKNOWN_REFERENCE: { status: 400, title: 'Bad Request', meaning: 'A body field names a related record that does not exist.' },
  ID_MISMATCH: { status: 400, title: 'Bad Request', meaning: 'A PUT body\'s `id` differs from the URL\'s.' },
  BAD_REQUEST: { status: 400, title: 'Bad Request', meaning: 'The request cannot be read for another reason.' },
  UNAUTHORIZED: { status: 401, title: 'Unauthorized', meaning: 'No API key, or one that is unknown or revoked.' },
  FORBIDDEN: { status: 403, title: 'Forbidden', meaning: 'The API key lacks the scope the operation needs.' },
  ROUTE_NOT_FOUND: { status: 404, title: 'Not Found', meaning: 'No such route (the API lives under /v1).' },
  REQUEST_TIMEOUT: { status: 408, title: 'Request Timeout', meaning: 'The request did not arrive in full within `REQUEST_TIMEOUT_MS`; the connection is closed.' },
  DUPLICATE_ID: { status: 409, title: 'Conflict', meaning: 'A POST names an id that is taken.' },
  DUPLICATE_RECORD: { status: 409, title: 'Conflict', meaning: 'The record repeats an existing one\'s natural key (a source\'s URL, a sponsor\'s current or former name in any case, the same sponsors holding a category over an overlapping term, a meeting\'s date, sponsors and city); `existing` names it.' },
  INVALID_TERM: { status: 409, title: 'Conflict', meaning: 'A contract ends before it starts.' },
  CATEGORY_HELD: { status: 409, title: 'Conflict', meaning: 'A contract of other sponsors holds the category over an overlapping term (TOP exclusivity); `existing` names it.' },
  IDEMPOTENCY_KEY_IN_PROGRESS: { status: 409, title: 'Conflict', meaning: 'A request with this Idempotency-Key is still being processed; retry shortly.' },
  PRECONDITION_FAILED: { status: 412, title: 'Precondition Failed', meaning: 'If-Match does not match the record\'s current ETag.' },
  BODY_TOO_LARGE: { status: 413, title: 'Content Too Large', meaning: 'The body is larger than the configured limit.' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, title: 'Unsupported Media Type', meaning: 'The body is not `application/json`.' },
  IDEMPOTENCY_KEY_REUSED: { status: 422, title: 'Unprocessable Content', meaning: 'The Idempotency-Key was used with a different request (method, path or body).' },
  RATE_LIMITED: { status: 429, title: 'Too Many Requests', meaning: 'Too many requests from this client; see Retry-After.' },
  HEADERS_TOO_LARGE: { status: 431, title: 'Request Header Fields Too Large', meaning: 'The request\'s URL and headers together are larger than the server accepts (16 KiB, Node\'s limit); the connection is closed.' },
  INTERNAL_ERROR: { status: 500, title: 'Internal Server Error', meaning: 'An unexpected error; the requestId finds it in the logs.' },
  OVERLOADED: { status: 503, title: 'Service Unavailable', meaning: 'The server is overloaded; see Retry-After.' },
  READ_ONLY: { status: 503, title: 'Service Unavailable', meaning: 'A write was sent to a read-only replica; the detail names the primary.' },
  DATABASE_UNAVAILABLE: { status: 503, title: 'Service Unavailable', meaning: 'The database does not answer (readiness check).' },
  SHUTTING_DOWN: { status: 503, title: 'Service Unavailable', meaning: 'The server is shutting down (readiness check during `SHUTDOWN_DELAY_MS`); it still answers other requests until it closes.' },
  UPSTREAM_UNAVAILABLE: { status: 503, title: 'Service Unavailable', meaning: 'Sent by the nginx of deploy/ when no server behind it answers (writes and the audit trail need the primary).' }
} as const satisfies Record<string, { status: number, title: string, meaning: string }>

/**
 * Every resource has two codes of its own, named after its singular (src/resources):
 * `SPONSOR_NOT_FOUND` (404) and `SPONSOR_IN_USE` (409). src/resources/catalogue.ts
 * lists them with the codes above.
 */
export const RECORD_ERRORS = {
  NOT_FOUND: { status: 404, title: 'Not Found' },
  IN_USE: { status: 409, title: 'Conflict' }
} as const

export type RecordErrorCode = `${string}_${keyof typeof RECORD_ERRORS}`
export type ErrorCode = keyof typeof ERRORS | RecordErrorCode

/** A code's status and title. */
export function errorOf (code: ErrorCode): { status: number, title: string } {
  if (isFixed(code)) return ERRORS[code]
  return code.endsWith('_IN_USE') ? RECORD_ERRORS.IN_USE : RECORD_ERRORS.NOT_FOUND
}

function isFixed (code: string): code is keyof typeof ERRORS {
  return Object.hasOwn(ERRORS, code)
}

export interface FieldError {
  path: string
  message: string
}

/** The record a 409 DUPLICATE_RECORD (or CATEGORY_HELD) conflicts with. */
export interface ExistingRecord {
  id: string
  href: string
}

export interface ApiErrorOptions {
  errors?: FieldError[]
  headers?: Record<string, string>
  existing?: ExistingRecord
}

export class ApiError extends Error {
  readonly code: ErrorCode
  readonly statusCode: number
  readonly type: string
  readonly title: string
  readonly errors: FieldError[] | undefined
  readonly headers: Record<string, string> | undefined
  readonly existing: ExistingRecord | undefined

  constructor (code: ErrorCode, detail: string, options: ApiErrorOptions = {}) {
    super(detail)
    this.name = 'ApiError'
    this.code = code
    const { status, title } = errorOf(code)
    this.statusCode = status
    this.title = title
    this.type = problemType(this.statusCode)
    this.errors = options.errors
    this.headers = options.headers
    this.existing = options.existing
  }
}

const PROBLEM_TYPES: Record<number, string> = {
  400: 'invalid-request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not-found',
  405: 'method-not-allowed',
  408: 'request-timeout',
  409: 'conflict',
  412: 'precondition-failed',
  413: 'payload-too-large',
  414: 'uri-too-long',
  415: 'unsupported-media-type',
  422: 'unprocessable',
  429: 'rate-limited',
  431: 'headers-too-large',
  500: 'internal-error',
  503: 'service-unavailable'
}

/** Problem `type` URIs are relative references, described in docs/conventions.md. */
export function problemType (status: number): string {
  return `/problems/${PROBLEM_TYPES[status] ?? (status >= 500 ? 'internal-error' : 'invalid-request')}`
}

/**
 * A record of this kind (a resource's singular name) has no such id; `label` names the kind
 * in words, `withdrawn` the reason when the reviewed data withdrew that id.
 */
export function notFound (kind: string, id: string, label = kind, withdrawn?: string): ApiError {
  const why = withdrawn === undefined ? '.' : `: the reviewed data withdrew it (${withdrawn.replace(/\.$/, '')}).`
  return new ApiError(`${upper(kind)}_NOT_FOUND`, `No ${label} with id "${id}"${why}`)
}

export function inUse (kind: string, detail: string): ApiError {
  return new ApiError(`${upper(kind)}_IN_USE`, detail)
}

function upper (kind: string): string {
  return kind.toUpperCase()
}

/** A query parameter that is well formed but does not make sense: one kind of mistake with schema failures. */
export function badParameter (name: string, message: string): ApiError {
  return new ApiError('VALIDATION_FAILED', `Query parameter "${name}" ${message}.`, { errors: [{ path: `/query/${name}`, message }] })
}
