// Building blocks shared by every resource: ids, partial dates, summaries, the list
// envelope and the RFC 9457 problem document. Schemas with an `$id` are registered
// once (see plugins/schemas.ts) and appear as named components in the OpenAPI document.
import { Type, type Static, type TProperties, type TSchema } from 'typebox'
import { PARTIAL_DATE_PATTERN } from '../lib/partial-date.js'

/** A reference to a registered schema that keeps its static type for handlers. */
export function Ref<T extends TSchema> (schema: T) {
  const { $id: id }: { $id?: string } = schema
  if (id === undefined) throw new Error('Ref() needs a schema with an $id')
  return Type.Unsafe<Static<T>>(Type.Ref(id))
}

/** A string enum published as `{ type: string, enum: [...] }`. */
export function StringEnum<const T extends readonly string[]> (values: T, options: Record<string, unknown> = {}) {
  return Type.Unsafe<T[number]>({ type: 'string', enum: [...values], ...options })
}

export function Nullable<T extends TSchema> (schema: T) {
  return Type.Union([schema, Type.Null()])
}

/** Longest name of anything (sponsor, category, Games, participant, place). */
export const NAME_MAX = 200
/** Longest source title. */
export const TITLE_MAX = 300
/** Longest URL. */
export const URL_MAX = 2000
/** Longest cursor this API issues: a sort key of up to 200 characters, each escaped in JSON, and an id. */
export const CURSOR_MAX = 2048
/** Counts and sequence numbers: integers JSON parsers read exactly. */
export const COUNT_MAX = Number.MAX_SAFE_INTEGER

/** A count or sequence number, published as int64 with its bounds. */
export function Count (options: { minimum?: number, description?: string } = {}) {
  return Type.Integer({ format: 'int64', minimum: 0, maximum: COUNT_MAX, ...options })
}

const ID_RULES = {
  minLength: 1,
  maxLength: 100,
  pattern: '^[a-z0-9]+(-[a-z0-9]+)*$',
  description: 'A stable, URL-safe slug of lowercase letters, digits and single hyphens.'
}

export const Id = Type.String({ $id: 'Id', ...ID_RULES, examples: ['alibaba-group'] })

export const PartialDate = Type.String({
  $id: 'PartialDate',
  format: 'partial-date',
  maxLength: 10,
  pattern: PARTIAL_DATE_PATTERN,
  description: 'An ISO 8601 date of the precision the source gives: "2017", "2017-01" or "2017-01-19".',
  examples: ['2017-01']
})

/** A PartialDate reference with its own description. */
export function PartialDateRef (description: string) {
  return Type.Unsafe<string>({ $ref: 'PartialDate', description })
}

/** A full calendar date, YYYY-MM-DD (2019-02-30 is rejected). */
export function Day (description = 'A full calendar date, YYYY-MM-DD.') {
  // No example: Swagger UI would pre-fill it as a filter in "Try it out".
  return Type.String({ format: 'date', maxLength: 10, description })
}

export const CountryCode = Type.String({
  $id: 'CountryCode',
  minLength: 2,
  maxLength: 2,
  pattern: '^[A-Z]{2}$',
  description: 'ISO 3166-1 alpha-2 country code.',
  examples: ['CN']
})

export const Summary = Type.Object({
  id: Ref(Id),
  name: Type.String({ minLength: 1, maxLength: NAME_MAX })
}, {
  $id: 'Summary',
  additionalProperties: false,
  description: 'A related record, embedded as its id and name.',
  examples: [{ id: 'alibaba-group', name: 'Alibaba Group' }]
})

/** A real source of the seed data, for the examples of the schemas that embed sources. */
export const SOURCE_EXAMPLE = {
  id: 'insidethegames-2017-01-19-alibaba-top-sponsor',
  title: 'Alibaba Group announced as Olympic TOP sponsor until 2028',
  url: 'http://www.insidethegames.biz/articles/1045986/alibaba-group-announced-as-olympic-top-sponsor-until-2028'
}

/** The seed's source for the meeting the API started from (Bach and Jack Ma, Lausanne, 2019-01-23). */
export const MEETING_SOURCE_EXAMPLE = {
  id: 'insidethegames-2019-01-23-bach-welcomes-alibaba',
  title: 'Bach welcomes Alibaba Group executive chairman for talks in Lausanne',
  url: 'https://www.insidethegames.biz/articles/1074576/bach-welcomes-alibaba-group-executive-chairman-for-talks-in-lausanne'
}

export const SourceSummary = Type.Object({
  id: Ref(Id),
  title: Type.String({ minLength: 1, maxLength: TITLE_MAX }),
  url: Type.String({ format: 'uri', pattern: '^https?://', maxLength: URL_MAX })
}, {
  $id: 'SourceSummary',
  additionalProperties: false,
  description: 'A source a fact was read from, embedded as its id, title and URL.',
  examples: [SOURCE_EXAMPLE]
})

const pageMeta = {
  total: Count({ description: 'Records matching the filters, over all pages.' }),
  limit: Type.Integer({ format: 'int32', minimum: 1, maximum: 100 }),
  nextCursor: Nullable(Type.String({ minLength: 1, maxLength: CURSOR_MAX, pattern: '^[A-Za-z0-9_-]+$', description: 'Pass as `cursor` to read the next page; null on the last page.' }))
}

/** The `meta` of a page, with extra fields for a list that has them. */
export function PageMeta<P extends Record<string, TSchema>> (extra: P) {
  return Type.Object({ ...extra, ...pageMeta }, { additionalProperties: false })
}

export const ListMeta = Type.Object(pageMeta, { $id: 'ListMeta', additionalProperties: false })

/** Longest text in a problem document; longer texts are cut (see plugins/problems.ts). */
export const PROBLEM_TEXT_MAX = 1000

export const ValidationIssue = Type.Object({
  path: Type.String({ minLength: 1, maxLength: 300, description: 'Where the problem is, e.g. /query/limit or /body/sponsors/0.' }),
  message: Type.String({ minLength: 1, maxLength: 300 })
}, { $id: 'ValidationIssue', additionalProperties: false })


export const IdParams = Type.Object({ id: Ref(Id) }, { additionalProperties: false })

/**
 * `{id}` with an example id of one resource from the seed, for Swagger UI's "Try it out".
 * The Id rules are inlined: @fastify/swagger drops a `$ref`'s sibling keywords.
 */
export function IdParamsOf (example: string) {
  return Type.Object({ id: Type.String({ ...ID_RULES, examples: [example] }) }, { additionalProperties: false })
}

export const Limit = Type.Optional(Type.Integer({ format: 'int32', minimum: 1, maximum: 100, default: 20, description: 'Page size, 1–100.' }))
export const Cursor = Type.Optional(Type.String({ minLength: 1, maxLength: CURSOR_MAX, pattern: '^[A-Za-z0-9_-]+$', description: 'The `meta.nextCursor` of the previous page.' }))

/** `sort` accepts each field ascending or, with a `-` prefix, descending. */
export function SortParam<const F extends readonly string[]> (fields: F, fallback: F[number]) {
  const values = fields.flatMap((field: F[number]) => [field, `-${field}` as const])
  return Type.Optional(StringEnum(values, {
    default: fallback,
    description: `Sort field; prefix with - for descending. Ties are broken by id. Default ${fallback}.`
  }))
}

/** A list's query: its filters, then `sort` (over `fields`, default `fallback`), `limit` and `cursor`. */
export function ListQuery<const F extends readonly string[], P extends TProperties> (fields: F, fallback: F[number], filters: P) {
  return Type.Object({ ...filters, sort: SortParam(fields, fallback), limit: Limit, cursor: Cursor }, { additionalProperties: false })
}

/** The envelope every list answers with (named after its item, e.g. SponsorList); its example is a page of the item's example. */
export function ListOf<T extends TSchema> (item: T & { $id?: string, examples?: unknown[] }, id = `${item.$id ?? ''}List`) {
  const { examples } = item
  const example = examples?.[0]
  if (example === undefined) throw new Error(`ListOf(${id}): the item schema needs an example`)
  return Type.Object({
    data: Type.Array(Ref(item), { maxItems: 100, description: 'One page, at most `limit` records.' }),
    meta: Ref(ListMeta)
  }, {
    $id: id,
    additionalProperties: false,
    examples: [{ data: [example], meta: { total: 1, limit: 20, nextCursor: null } }]
  })
}

export const sharedSchemas = [Id, PartialDate, CountryCode, Summary, SourceSummary, ListMeta, ValidationIssue]

/**
 * What a create may leave out, and what it then stores: null for a nullable field, false
 * for a boolean, [] for a list that may be empty, the only value of a one-value enum.
 * Undefined when the field is required.
 */
export function createDefault (schema: TSchema): { value: unknown } | undefined {
  const s: { anyOf?: Array<{ type?: unknown }>, type?: unknown, minItems?: number, enum?: unknown[] } = schema
  if (s.anyOf?.some((branch) => branch.type === 'null') === true) return { value: null }
  if (s.type === 'boolean') return { value: false }
  if (s.type === 'array' && (s.minItems ?? 0) === 0) return { value: [] }
  if (Array.isArray(s.enum) && s.enum.length === 1) return { value: s.enum[0] }
  return undefined
}

/** The fields of a create body: the ones with a default become optional and carry it. */
function withCreateDefaults (writable: Record<string, TSchema>, defaults: Record<string, unknown>): Record<string, TSchema> {
  return Object.fromEntries(Object.entries(writable).map(([key, schema]) => {
    const fallback = key in defaults ? { value: defaults[key] } : createDefault(schema)
    return [key, fallback === undefined ? schema : Type.Optional({ ...schema, default: fallback.value })]
  }))
}

/**
 * The write shapes of a resource from its writable fields: `Input` (a stored record,
 * as in the seed files: id required), `Create` (POST and PUT bodies: id optional, and
 * every field with a default — see createDefault — optional) and `Patch` (PATCH bodies:
 * any non-empty subset of the fields).
 */
export function writeSchemas<const P extends Record<string, TSchema>> (name: string, writable: P, examples: { create: Record<string, unknown>, patch: Record<string, unknown> }, defaults: Partial<Record<keyof P, unknown>> = {}) {
  const Input = Type.Object({ id: Ref(Id), ...writable }, { $id: `${name}Input`, additionalProperties: false })
  const Create = Type.Unsafe<Static<typeof Input> | Omit<Static<typeof Input>, 'id'>>(Type.Object({ id: Type.Optional(Ref(Id)), ...withCreateDefaults(writable, defaults) }, {
    $id: `${name}Create`,
    additionalProperties: false,
    description: `A ${name.toLowerCase()} to create (POST) or replace (PUT). Without an id, one is made from the name and kept unique. Only the \`required\` fields must be sent: a field left out takes its default (null, false, [], the only allowed value, or the one the field's schema shows), on PUT too — PUT replaces the whole record, so leaving a field out resets it.`,
    examples: [examples.create]
  }))
  const Patch = Type.Partial(Type.Object(writable), {
    $id: `${name}Patch`,
    additionalProperties: false,
    minProperties: 1,
    description: 'The fields to change; the others keep their values. Arrays are replaced whole.',
    examples: [examples.patch]
  })
  return { Input, Create, Patch }
}

/** Most related records of one kind a record can name (sources, sponsors, categories, Games). */
export const REFS_MAX = 50

/** Embedded related records: at most REFS_MAX, as the write schemas allow. */
export function Embedded<T extends TSchema> (item: T, description?: string) {
  return Type.Array(item, { maxItems: REFS_MAX, ...(description === undefined ? {} : { description }) })
}

/** Ids of related records in a write body: unique, 1–REFS_MAX of them unless told. */
export const RefIds = (what: string, options: { minItems?: number } = {}) => Type.Array(Ref(Id), { minItems: 1, maxItems: REFS_MAX, uniqueItems: true, description: `Ids of the ${what}.`, ...options })

/** The sources a record cites. */
export const SourceIds = () => RefIds('sources')
