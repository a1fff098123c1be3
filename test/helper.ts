// A fresh app on a fresh in-memory database per test, a fixed "today", and a client
// that checks every response against the OpenAPI document: its status must be
// documented for that operation and its body must validate against that schema.
import { Ajv, type ValidateFunction } from 'ajv'
import formats from 'ajv-formats'
import type { Test } from 'tap'
import { buildApp, type App, type AppOptions } from '../src/app.js'
import { fixedClock } from '../src/lib/clock.js'
import { partialDateFormat } from '../src/lib/formats.js'
import { emptyDataset, type Dataset } from '../src/seed/dataset.js'
import type { SourceInput } from '../src/resources/sources/schemas.js'
import type { SponsorInput } from '../src/resources/sponsors/schemas.js'
import type { ContractInput } from '../src/resources/contracts/schemas.js'
import type { MeetingInput } from '../src/resources/meetings/schemas.js'
import type { GameInput } from '../src/resources/games/schemas.js'
import type { CategoryInput } from '../src/resources/categories/schemas.js'
import type { FactInput } from '../src/resources/facts/schemas.js'
import type { ProgrammeInput } from '../src/resources/programmes/schemas.js'

export const TODAY = '2026-06-15'

export interface Response {
  status: number
  headers: Record<string, string | string[] | number | undefined>
  // Any JSON the API sends: tests read fields straight off it and assert them, and the
  // response checker has already validated it against the OpenAPI document.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any
  text: string
}

export interface Api {
  app: App
  get: (url: string, headers?: Record<string, string>) => Promise<Response>
  request: (options: { method: string, url: string, headers?: Record<string, string>, payload?: string | object }) => Promise<Response>
}

/** Builds the app on an in-memory database, seeded with nothing unless told. */
export async function build (t: Test, options: Partial<AppOptions> = {}): Promise<Api> {
  const app = await buildApp({ databasePath: ':memory:', seed: false, clock: fixedClock(TODAY), ...options })
  t.teardown(() => app.close())
  await app.ready()
  const check = responseChecker(app.swagger() as unknown as OpenApi)

  const request: Api['request'] = async (opts) => {
    const response = await app.inject({ method: opts.method as 'GET', url: opts.url, headers: opts.headers, payload: opts.payload })
    const isJson = /json/.test(String(response.headers['content-type'] ?? ''))
    const result: Response = {
      status: response.statusCode,
      headers: response.headers,
      body: isJson && response.body !== '' ? response.json() : undefined,
      text: response.body
    }
    const problem = check(opts.method, opts.url, result)
    if (problem !== undefined) t.fail(problem)
    return result
  }
  return { app, request, get: (url, headers) => request({ method: 'GET', url, headers }) }
}

interface OpenApi {
  paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema: unknown }>, headers?: Record<string, { $ref?: string, required?: boolean }> }> }>>
  components: { schemas: Record<string, unknown>, headers?: Record<string, { required?: boolean, schema?: { type?: string } }> }
}

function rewriteRefs (value: unknown): unknown {
  if (Array.isArray(value)) return value.map(rewriteRefs)
  if (value === null || typeof value !== 'object') return value
  const out: Record<string, unknown> = {}
  for (const [key, inner] of Object.entries(value)) {
    out[key] = key === '$ref' && typeof inner === 'string' ? inner.replace('#/components/schemas/', '') : rewriteRefs(inner)
  }
  return out
}

/** An Ajv that knows the document's component schemas by name. */
export function documentAjv (schemas: Record<string, unknown>): Ajv {
  const ajv = new Ajv({ strict: false, allErrors: true })
  ;(formats as unknown as (ajv: Ajv) => Ajv)(ajv)
  partialDateFormat(ajv)
  for (const [name, schema] of Object.entries(schemas)) {
    ajv.addSchema({ ...(rewriteRefs(schema) as object), $id: name })
  }
  return ajv
}

interface HeaderObject { $ref?: string, required?: boolean, schema?: { type?: string } }

/** A response's documented headers, references resolved, by lower-case name. */
function documentedHeaders (doc: OpenApi, headers: Record<string, HeaderObject> = {}): Array<[string, HeaderObject]> {
  return Object.entries(headers).map(([name, header]) => {
    const resolved = header.$ref === undefined ? header : doc.components.headers?.[header.$ref.replace('#/components/headers/', '')] ?? {}
    return [name.toLowerCase(), resolved]
  })
}

/** Returns a description of what is wrong with a response, or undefined. */
function responseChecker (doc: OpenApi): (method: string, url: string, response: Response) => string | undefined {
  const ajv = documentAjv(doc.components.schemas)
  const routes = Object.keys(doc.paths).map((path) => ({
    path,
    pattern: new RegExp(`^${path.replace(/\{[^}]+\}/g, '[^/]*')}$`)
  }))
  const validators = new Map<string, ValidateFunction>()
  const headerValidators = new Map<string, ValidateFunction>()

  return (method, url, response) => {
    const pathname = url.split('?')[0] ?? url
    const route = routes.find((candidate) => candidate.pattern.test(pathname))
    if (route === undefined) {
      // Outside the document: only the unknown-route problem and the docs pages.
      if (pathname.startsWith('/docs') || pathname === '/openapi.json') return undefined
      return response.status === 404 && response.headers['content-type'] === 'application/problem+json; charset=utf-8'
        ? undefined
        : `${method} ${url}: undocumented route answered ${response.status}`
    }
    const operation = doc.paths[route.path]?.[method.toLowerCase()]
    if (operation === undefined) return undefined
    const documented = operation.responses[String(response.status)]
    if (documented === undefined) return `${method} ${url}: status ${response.status} is not documented`
    for (const [name, header] of documentedHeaders(doc, documented.headers)) {
      const value = response.headers[name]
      if (value === undefined) {
        if (header.required === true) return `${method} ${url}: ${response.status} lacks the documented header ${name}`
        continue
      }
      const key = JSON.stringify(header.schema ?? {})
      let validate = headerValidators.get(key)
      if (validate === undefined) {
        validate = ajv.compile(header.schema ?? {})
        headerValidators.set(key, validate)
      }
      const text = String(value)
      const typed = header.schema?.type === 'integer' && /^-?[0-9]+$/.test(text) ? Number(text) : text
      if (!validate(typed)) return `${method} ${url}: header ${name}: ${text} does not match its documented schema: ${ajv.errorsText(validate.errors)}`
    }
    if (response.status === 204 || response.status === 304) return response.text === '' ? undefined : `${method} ${url}: ${response.status} with a body`
    const contentType = String(response.headers['content-type'] ?? '').split(';')[0] ?? ''
    const content = documented.content?.[contentType]
    if (content === undefined) return `${method} ${url}: content type ${contentType} is not documented for ${response.status}`
    const key = `${route.path} ${method} ${response.status} ${contentType}`
    let validate = validators.get(key)
    if (validate === undefined) {
      validate = ajv.compile(rewriteRefs(content.schema) as object)
      validators.set(key, validate)
    }
    // A JSON body is checked as parsed; any other (HTML, SVG) as the text it is.
    if (!validate(/json/.test(contentType) ? response.body : response.text)) {
      return `${method} ${url}: body does not match the documented schema: ${ajv.errorsText(validate.errors)}`
    }
    return undefined
  }
}

// Fixtures: small valid records that tests adjust and load through the seed loader.

export function source (id: string, overrides: Partial<SourceInput> = {}): SourceInput {
  return { id, title: `Title of ${id}`, publisher: 'Test Publisher', url: `https://example.org/${id}`, publishedOn: '2020-01-01', ...overrides }
}

export function sponsor (id: string, overrides: Partial<SponsorInput> = {}): SponsorInput {
  return { id, name: `Sponsor ${id}`, country: 'US', headquarters: null, industry: null, website: null, description: null, sources: ['src'], ...overrides }
}

export function category (id: string, overrides: Partial<CategoryInput> = {}): CategoryInput {
  return { id, name: `Category ${id}`, description: null, sources: ['src'], ...overrides }
}

export function game (id: string, year: number, overrides: Partial<GameInput> = {}): GameInput {
  return { id, name: `Games ${year}`, season: 'summer', year, city: 'City', country: 'FR', startsOn: null, endsOn: null, sources: ['src'], ...overrides }
}

export function contract (id: string, overrides: Partial<ContractInput> = {}): ContractInput {
  return {
    id,
    sponsors: [],
    categories: [],
    programme: 'TOP',
    signedOn: null,
    startsOn: '2017',
    endsOn: '2020',
    games: [],
    territory: 'worldwide',
    endedEarly: false,
    notes: null,
    sources: ['src'],
    ...overrides
  }
}

export function programme (id: string, startsOn: string, endsOn: string, overrides: Partial<ProgrammeInput> = {}): ProgrammeInput {
  return { id, name: `Programme ${id}`, startsOn, endsOn, partnerCount: null, revenue: null, notes: null, sources: ['src'], ...overrides }
}

export function meeting (id: string, overrides: Partial<MeetingInput> = {}): MeetingInput {
  return {
    id,
    date: '2019-01-23',
    location: { city: 'Lausanne', country: 'CH' },
    sponsors: [],
    participants: [{ name: 'Thomas Bach', role: 'President', organisation: 'International Olympic Committee' }],
    summary: `Meeting ${id}`,
    quotes: [],
    sources: ['src'],
    ...overrides
  }
}

export function fact (id: string, sponsor: string, overrides: Partial<FactInput> = {}): FactInput {
  return { id, sponsor, date: '2018-12', summary: `Fact ${id}`, sources: ['src'], ...overrides }
}

/** A dataset with one source, "src", plus whatever is given. */
export function dataset (parts: Partial<Dataset>): Dataset {
  return { ...emptyDataset(), ...parts, sources: [source('src'), ...(parts.sources ?? [])] }
}

/** A fresh API key of the given scope and its Authorization header. */
export function keyFor (api: Api, scope: 'read' | 'write' | 'replicate' = 'write', name = `${scope}-key`): { id: string, headers: Record<string, string> } {
  const { key, token } = api.app.repos.keys.create(name, scope, '2026-06-15T12:00:00.000Z')
  return { id: key.id, headers: { authorization: `Bearer ${token}` } }
}
