// Contract fuzzing: thousands of generated requests over every operation in the OpenAPI
// document — valid values from each parameter's schema and broken ones (wrong types,
// huge and unicode strings, SQL and FTS syntax, path traversal, numbers Fastify's
// coercion would accept, over-long path segments, deep and duplicate-key JSON, wrong
// content types). Pass: no 5xx, every answer documented and valid against its schema
// (checked by the helper), no internals in any answer (no FST_ code, no SQLite message,
// no text/plain error), and the database passes integrity_check afterwards.
// FC_SEED replays a run; FUZZ_RUNS sets the count (default 5000).
import fc from 'fast-check'
import t from 'tap'
import { readDataset } from '../src/seed/dataset.js'
import { build, keyFor } from './helper.js'

interface Parameter { name: string, in: 'path' | 'query' | 'header', required?: boolean, schema?: Record<string, unknown> }
interface Operation { parameters?: Parameter[], requestBody?: unknown }
type Doc = { paths: Record<string, Record<string, Operation>>, components: { schemas: Record<string, Record<string, unknown>> } }

const seed = process.env.FC_SEED === undefined ? 7 : Number(process.env.FC_SEED)
const runs = Number(process.env.FUZZ_RUNS ?? 5000)

const NASTY = [
  '', ' ', ' 5', '0x10', '1e309', '-1', '99.0', 'NaN', 'Infinity', 'null', 'true', '[]', '{}',
  "' OR 1=1 --", '"; DROP TABLE sponsors; --', '"unbalanced', '*', 'NEAR(', 'a AND', '(', 'title:x', '^',
  '../../etc/passwd', '..%2F..%2Fetc', '%00', '\u0000', 'ü', '𝔘𝔫𝔦𝔠𝔬𝔡𝔢', '🏅🏅', 'x'.repeat(101), 'x'.repeat(600), '2019-02-30', '2019-13-45', 'yesterday'
]

function resolve (doc: Doc, schema: Record<string, unknown> | undefined): Record<string, unknown> {
  if (schema === undefined) return {}
  const ref = schema.$ref
  return typeof ref === 'string' ? resolve(doc, doc.components.schemas[ref.replace('#/components/schemas/', '')]) : schema
}

/** A value a parameter's schema accepts (one of a few), as text. */
function valid (doc: Doc, raw: Record<string, unknown> | undefined, ids: string[]): fc.Arbitrary<string> {
  const schema = resolve(doc, raw)
  if (Array.isArray(schema.enum)) return fc.constantFrom(...(schema.enum as string[]))
  if (schema.type === 'integer') return fc.integer({ min: (schema.minimum as number | undefined) ?? 0, max: (schema.maximum as number | undefined) ?? 1000 }).map(String)
  if (schema.format === 'date') return fc.date({ min: new Date('1980-01-01'), max: new Date('2040-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10))
  if (schema.format === 'partial-date') return fc.constantFrom('2018', '2019-01', '2019-01-23', '2024-02-29')
  if (schema.pattern === '^[A-Z]{2}$') return fc.constantFrom('CN', 'US', 'JP', 'ZZ')
  if (typeof schema.pattern === 'string' && schema.pattern.startsWith('^[a-z0-9]')) return fc.constantFrom(...ids)
  return fc.oneof(fc.constantFrom('alibaba', 'happiness health', 'cloud', 'bach'), fc.string({ minLength: 1, maxLength: 20 }))
}

function value (doc: Doc, schema: Record<string, unknown> | undefined, ids: string[]): fc.Arbitrary<string> {
  return fc.oneof({ weight: 3, arbitrary: valid(doc, schema, ids) }, { weight: 2, arbitrary: fc.constantFrom(...NASTY) }, { weight: 1, arbitrary: fc.string({ maxLength: 50, unit: 'binary' }) })
}

/** Words that betray the framework or the database. */
const INTERNALS = /FST_|SQLITE|no such column|syntax error|fts5|unterminated string|Invalid Preflight|content-type is set to/i

const body = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)),
  fc.constantFrom(
    '{"name":"A","name":"B","country":"CH","headquarters":null,"industry":null,"website":null,"description":null,"sources":["insidethegames-2019-01-23-bach-welcomes-alibaba"]}',
    `${'['.repeat(5000)}${']'.repeat(5000)}`,
    '{"__proto__":{"polluted":true}}',
    '{"sponsor":"alibaba-group","date":"2018-12","summary":"A fact.","sources":["insidethegames-2019-01-23-bach-welcomes-alibaba"]}',
    '{"constructor":{"prototype":{"x":1}}}',
    '{"sponsors":["alibaba-group"],"categories":["cloud-services"],"programme":"TOP","signedOn":null,"startsOn":"2020","endsOn":"2019","games":[],"territory":"worldwide","endedEarly":false,"notes":null,"sources":["insidethegames-2019-01-23-bach-welcomes-alibaba"]}',
    '{"name":"' + 'x'.repeat(200_000) + '"}',
    'not json at all', ''
  )
)

t.test(`${runs} generated requests: no 5xx, every answer as documented`, async (t) => {
  t.comment(`fast-check seed ${seed}`)
  const api = await build(t, { seed: readDataset('seed') })
  const doc = api.app.swagger() as unknown as Doc
  const { headers } = keyFor(api)
  const ids = ['alibaba-group', 'cloud-services', 'alibaba-group-top-2017-2028', 'bach-ma-lausanne-2019-01-23', 'la-2028', 'alibaba-tmall-olympic-store-2018', 'visa', 'nobody', 'insidethegames-2019-01-23-bach-welcomes-alibaba']
  const operations = Object.entries(doc.paths).flatMap(([path, item]) => Object.entries(item).map(([method, op]) => ({ path, method: method.toUpperCase(), op })))
  const request = fc.constantFrom(...operations).chain(({ path, method, op }) => {
    const params = op.parameters ?? []
    const pathParams = params.filter((p) => p.in === 'path')
    const queryParams = params.filter((p) => p.in === 'query')
    return fc.record({
      path: fc.tuple(...pathParams.map((p) => value(doc, p.schema, ids))).map((values) =>
        values.reduce((url, v, i) => url.replace(`{${pathParams[i]?.name ?? ''}}`, encodeURIComponent(v)), path)),
      query: fc.subarray(queryParams).chain((chosen) => fc.tuple(...chosen.map((p) => value(doc, p.schema, ids).map((v) => [p.name, v] as const)))),
      extra: fc.option(fc.constantFrom(['colour', 'red'] as const, ['limit', '5'] as const), { nil: undefined }),
      body: op.requestBody === undefined ? fc.constant(undefined) : body,
      contentType: fc.constantFrom('application/json', 'application/json', 'text/plain', 'application/x-www-form-urlencoded'),
      withKey: fc.boolean()
    }).map((r) => ({ ...r, method }))
  })

  let serverErrors = 0
  const leaks: string[] = []
  /** An error that is not a problem document in our words. */
  const leak = (label: string, res: { status: number, headers: Record<string, unknown>, text: string }) => {
    if (res.status < 400) return
    if (!/^application\/problem\+json/.test(String(res.headers['content-type'])) || INTERNALS.test(res.text)) leaks.push(`${label} → ${res.status} ${res.text.slice(0, 200)}`)
  }
  await fc.assert(fc.asyncProperty(request, async (r) => {
    const pairs: Array<[string, string]> = [...r.query, ...(r.extra === undefined ? [] : [r.extra])].map(([k, v]) => [k, v])
    const search = new URLSearchParams(pairs).toString()
    const res = await api.request({
      method: r.method,
      url: `${r.path}${search === '' ? '' : `?${search}`}`,
      headers: { ...(r.withKey ? headers : {}), ...(r.body === undefined ? {} : { 'content-type': r.contentType }) },
      payload: r.body
    })
    if (res.status >= 500) serverErrors++
    leak(`${r.method} ${r.path}`, res)
    return res.status < 500
  }), { seed, numRuns: runs })
  t.equal(serverErrors, 0, 'no 5xx')
  // Every path, asked with methods and headers clients send by habit.
  for (const path of Object.keys(doc.paths).map((p) => p.replace(/\{[^}]+\}/g, 'alibaba-group'))) {
    for (const [method, extra] of [['OPTIONS', {}], ['DELETE', { 'content-type': 'application/json' }], ['DELETE', { 'content-type': 'text/plain' }], ['GET', { 'content-type': 'application/json' }]] as const) {
      const res = await api.app.inject({ method, url: path, headers: { ...headers, ...extra } })
      leak(`${method} ${path}`, { status: res.statusCode, headers: res.headers, text: res.body })
      if (res.statusCode >= 500) serverErrors++
    }
  }
  t.equal(serverErrors, 0, 'no 5xx for habitual methods either')
  t.same(leaks, [], 'no FST_ code, SQLite message or text/plain error reaches a client')
  t.equal(api.app.sqlite.pragma('integrity_check', { simple: true }), 'ok', 'the database is intact')
  t.same(api.app.sqlite.pragma('foreign_key_check'), [], 'no dangling reference')
})
