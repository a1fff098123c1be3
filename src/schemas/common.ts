// Building blocks shared by every resource: ids, partial dates, summaries, the list
// envelope and the RFC 9457 problem document. Schemas with an `$id` are registered
// once (see plugins/schemas.ts) and appear as named components in the OpenAPI document.
import { Type, type Static, type TSchema } from 'typebox'
import { PARTIAL_DATE_PATTERN } from '../lib/partial-date.js'

/** A reference to a registered schema that keeps its static type for handlers. */
export function Ref<T extends TSchema> (schema: T) {
  const id = (schema as { $id?: string }).$id
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

export const Id = Type.String({
  $id: 'Id',
  minLength: 1,
  maxLength: 100,
  pattern: '^[a-z0-9]+(-[a-z0-9]+)*$',
  description: 'A stable, URL-safe slug of lowercase letters, digits and single hyphens.',
  examples: ['alibaba-group']
})

export const PartialDate = Type.String({
  $id: 'PartialDate',
  format: 'partial-date',
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
  return Type.String({ format: 'date', description })
}

export const CountryCode = Type.String({
  $id: 'CountryCode',
  pattern: '^[A-Z]{2}$',
  description: 'ISO 3166-1 alpha-2 country code.',
  examples: ['CN']
})

export const Summary = Type.Object({
  id: Type.String(),
  name: Type.String()
}, {
  $id: 'Summary',
  additionalProperties: false,
  description: 'A related record, embedded as its id and name.',
  examples: [{ id: 'alibaba-group', name: 'Alibaba Group' }]
})

export const SourceSummary = Type.Object({
  id: Type.String(),
  title: Type.String(),
  url: Type.String({ format: 'uri' })
}, {
  $id: 'SourceSummary',
  additionalProperties: false,
  description: 'A source a fact was read from, embedded as its id, title and URL.'
})

export const ListMeta = Type.Object({
  total: Type.Integer({ minimum: 0, description: 'Records matching the filters, over all pages.' }),
  limit: Type.Integer({ minimum: 1, maximum: 100 }),
  nextCursor: Nullable(Type.String({ description: 'Pass as `cursor` to read the next page; null on the last page.' }))
}, { $id: 'ListMeta', additionalProperties: false })

export const ValidationIssue = Type.Object({
  path: Type.String({ description: 'Where the problem is, e.g. /query/limit or /body/sponsors/0.' }),
  message: Type.String()
}, { $id: 'ValidationIssue', additionalProperties: false })

export const Problem = Type.Object({
  type: Type.String({ description: 'A URI reference naming the kind of problem.' }),
  title: Type.String(),
  status: Type.Integer({ minimum: 400, maximum: 599 }),
  detail: Type.String(),
  instance: Type.Optional(Type.String({ description: 'The request path that failed.' })),
  code: Type.String({ description: 'A stable machine-readable error code.' }),
  requestId: Type.Optional(Type.String()),
  errors: Type.Optional(Type.Array(Ref(ValidationIssue)))
}, {
  $id: 'Problem',
  additionalProperties: false,
  description: 'An RFC 9457 problem document.',
  examples: [{
    type: '/problems/not-found',
    title: 'Not Found',
    status: 404,
    detail: 'No sponsor with id "acme".',
    instance: '/v1/sponsors/acme',
    code: 'SPONSOR_NOT_FOUND',
    requestId: 'req-1'
  }]
})

export const IdParams = Type.Object({ id: Ref(Id) }, { additionalProperties: false })

export const Limit = Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20, description: 'Page size, 1–100.' }))
export const Cursor = Type.Optional(Type.String({ minLength: 1, maxLength: 512, description: 'The `meta.nextCursor` of the previous page.' }))

/** `sort` accepts each field ascending or, with a `-` prefix, descending. */
export function SortParam<const F extends readonly string[]> (fields: F, fallback: F[number]) {
  const values = fields.flatMap((field) => [field, `-${field}`])
  return Type.Optional(StringEnum(values as Array<F[number] | `-${F[number]}`>, {
    default: fallback,
    description: `Sort field; prefix with - for descending. Ties are broken by id. Default ${fallback}.`
  }))
}

/** The envelope every list answers with. */
export function ListOf<T extends TSchema> (item: T, id: string) {
  return Type.Object({
    data: Type.Array(Ref(item)),
    meta: Ref(ListMeta)
  }, { $id: id, additionalProperties: false })
}

export const sharedSchemas = [Id, PartialDate, CountryCode, Summary, SourceSummary, ListMeta, ValidationIssue, Problem]

/**
 * The write shapes of a resource from its writable fields: `Input` (a stored record,
 * as in the seed files: id required), `Create` (POST and PUT bodies: id optional) and
 * `Patch` (PATCH bodies: any non-empty subset of the fields).
 */
export function writeSchemas<const P extends Record<string, TSchema>> (name: string, writable: P) {
  const Input = Type.Object({ id: Ref(Id), ...writable }, { $id: `${name}Input`, additionalProperties: false })
  const Create = Type.Object({ id: Type.Optional(Ref(Id)), ...writable }, {
    $id: `${name}Create`,
    additionalProperties: false,
    description: `A ${name.toLowerCase()} to create or replace. Without an id, one is made from the name and kept unique.`
  })
  const Patch = Type.Partial(Type.Object(writable), {
    $id: `${name}Patch`,
    additionalProperties: false,
    minProperties: 1,
    description: 'The fields to change; the others keep their values. Arrays are replaced whole.'
  })
  return { Input, Create, Patch }
}

export const SourceIds = (what = 'sources') => Type.Array(Ref(Id), { minItems: 1, maxItems: 50, uniqueItems: true, description: `Ids of the ${what}.` })
