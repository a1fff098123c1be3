// POST, PUT, PATCH and DELETE for one resource. Every write is one synchronous
// SQLite transaction: check the key's precondition (If-Match), the references and the
// integrity rules, write the record, its links and its search document, record the
// change in the audit trail. Any failure rolls all of it back.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { FastifyReply, FastifyRequest } from 'fastify'
import type { TSchema } from 'typebox'
import { Type } from 'typebox'
import { ApiError, inUse, type FieldError } from '../lib/errors.js'
import { noSuchRecord } from './references.js'
import { IdempotencyHeaders, idempotencyHooks } from '../lib/idempotency.js'
import { etagOfRecord, matchesEtag } from '../plugins/caching.js'
import { problemResponse } from '../plugins/problems.js'
import type { Duplicate } from '../repositories/integrity.js'
import type { Reference } from '../resources/resource.js'
import type { Change } from '../schemas/changes.js'
import { IdParams, IdParamsOf, Ref } from '../schemas/common.js'

/** `*` or a comma-separated list of entity tags (RFC 9110). */
const IF_MATCH = '^(\\*|(W/)?"[^"]*"( *, *(W/)?"[^"]*")*)$'

/** The write body's fields with the record's id: what is validated, checked and stored. */
export type WithId<Input extends { id: string }> = Omit<Input, 'id'> & { id: string }

export interface WriteSpec<Input extends { id: string }, Read> {
  /** The resource's singular name. */
  kind: string
  /** Plural path segment and tag, e.g. "sponsors". */
  path: Change['resource']
  schemas: { Create: TSchema, Patch: TSchema, Read: TSchema }
  /** The `{id}` parameter, e.g. with an example id of this resource; default IdParams. */
  params?: typeof IdParams | ReturnType<typeof IdParamsOf>
  get: (id: string, today: string) => Read | undefined
  /** The stored record in write-body form (related records by id). */
  toInput: (record: Read) => Input
  upsert: (input: WithId<Input>) => void
  remove: (id: string) => void
  /** What a new id is made from when the client gives none. */
  baseId: (body: Omit<Input, 'id'>) => string
  /** What `baseId` uses, for the documentation: "name", "first sponsor and start year"… */
  idFrom: string
  /** Ids the record points at, by body field (one id for a single-valued field). */
  references: (input: WithId<Input>) => Reference[]
  /** Integrity rules beyond references; throw a 409 ApiError. */
  check?: (input: WithId<Input>) => void
  /** Another record with the same natural key (never the record itself); a 409 DUPLICATE_RECORD names it. */
  duplicateOf?: (input: WithId<Input>) => Duplicate | undefined
  /** The natural key, for the documentation: "URL", "name (any case, former names too)"… */
  naturalKey?: string
}

/** "Sponsor Ltd., Ünïcode!" → "sponsor-ltd-unicode" */
export function slugify (text: string): string {
  return text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase()
    .replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 80).replace(/-+$/, '')
}

/**
 * A body Ajv has validated against its route's schema. The type provider cannot resolve
 * the type of a schema known only through this factory's type parameters, so it is
 * stated here, once.
 */
function validated<T> (body: unknown): T {
  return body as T
}

export function registerWrites<Input extends { id: string }, Read> (app: Parameters<FastifyPluginAsyncTypebox>[0], spec: WriteSpec<Input, Read>): void {
  /** A POST or PUT body: the fields, with or without the id. */
  type Body = Omit<Input, 'id'> & { id?: string }
  const singular = spec.kind
  const tags = [spec.path]
  const config = { scope: 'write' as const }
  const params = spec.params ?? IdParams
  const Name = singular[0]?.toUpperCase() + singular.slice(1)
  const IfMatch = Type.Object({
    'if-match': Type.Optional(Type.String({ maxLength: 1000, pattern: IF_MATCH, description: 'The ETag of the record as last read (or `*`); a stale one answers 412.' }))
  })

  /** What PUT and PATCH answer. */
  const unique = spec.naturalKey === undefined ? '' : ` A ${singular} is unique by its ${spec.naturalKey}: a duplicate is a 409 DUPLICATE_RECORD whose \`existing\` names the record it repeats.`
  const changedResponses = {
    200: Ref(spec.schemas.Read),
    409: problemResponse(`The ${singular} would break an integrity rule${spec.naturalKey === undefined ? '' : ` or repeat another ${singular}'s ${spec.naturalKey}`}.`),
    412: problemResponse('If-Match does not match the current ETag.')
  }

  function uniqueId (base: string): string {
    const stem = base === '' ? singular : base
    if (!app.repos.integrity.exists(spec.kind, stem)) return stem
    for (let n = 2; ; n++) {
      const candidate = `${stem.slice(0, 95)}-${n}`
      if (!app.repos.integrity.exists(spec.kind, candidate)) return candidate
    }
  }

  function checkReferences (input: WithId<Input>): void {
    const errors: FieldError[] = []
    for (const { field, kind, ids } of spec.references(input)) {
      const named = typeof ids === 'string' ? [{ path: `/body/${field}`, id: ids }] : ids.map((id, index) => ({ path: `/body/${field}/${index}`, id }))
      for (const { path, id } of named) {
        if (!app.repos.integrity.exists(kind, id)) errors.push({ path, message: `no ${kind} has id "${id}"` })
      }
    }
    const first = errors[0]
    if (first !== undefined) {
      throw new ApiError('UNKNOWN_REFERENCE', `Field "${first.path.slice(6).replace(/\//g, '.')}" names a record that does not exist: ${first.message}.`, { errors })
    }
  }

  function checkDuplicate (input: WithId<Input>): void {
    const duplicate = spec.duplicateOf?.(input)
    if (duplicate !== undefined) {
      throw new ApiError('DUPLICATE_RECORD', `The ${singular} "${duplicate.id}" already has this ${duplicate.by}; change that one instead of making a second.`,
        { existing: { id: duplicate.id, href: `/v1/${spec.path}/${duplicate.id}` } })
    }
  }

  function checkPrecondition (request: FastifyRequest, current: Read): void {
    const header = request.headers['if-match']
    if (header !== undefined && !matchesEtag(header, etagOfRecord(current), false)) {
      throw new ApiError('PRECONDITION_FAILED', `The ${singular} has changed since the ETag in If-Match was read; read it again and retry.`)
    }
  }

  /**
   * The one transaction every create, replace and update goes through: `create` is the
   * new record, `update` makes the next version of the current one.
   */
  function save (request: FastifyRequest, id: string, next: { create: WithId<Input> } | { update: (current: Read) => WithId<Input> }): Read {
    const today = app.clock.today()
    const creating = 'create' in next
    return app.sqlite.transaction(() => {
      const current = spec.get(id, today)
      let input: WithId<Input>
      if ('create' in next) {
        if (current !== undefined) throw new ApiError('DUPLICATE_ID', `A ${singular} with id "${id}" already exists.`)
        input = next.create
      } else {
        if (current === undefined) throw noSuchRecord(app.repos, singular, id)
        checkPrecondition(request, current)
        input = next.update(current)
      }
      checkReferences(input)
      checkDuplicate(input)
      spec.check?.(input)
      spec.upsert(input)
      app.repos.changes.record({
        at: app.clock.now(),
        key: request.apiKey!,
        action: creating ? 'create' : 'update',
        resource: spec.path,
        recordId: id,
        before: current === undefined ? null : spec.toInput(current),
        after: input
      })
      const saved = spec.get(id, today)
      if (saved === undefined) throw new Error(`${singular} ${id} vanished inside its own transaction`)
      return saved
    })()
  }

  function respond (reply: FastifyReply, record: Read) {
    return reply.header('etag', etagOfRecord(record)).send(record)
  }

  app.post(`/${spec.path}`, {
    config,
    ...idempotencyHooks(app),
    schema: {
      tags,
      operationId: `create${Name}`,
      summary: `Create a ${singular}`,
      description: `Stores a new ${singular} and answers 201 with it, its ETag and a Location header. Related records are given by id and must exist. Without an \`id\`, one is made from the ${spec.idFrom} (a slug, with -2, -3… when taken). Needs a write-scoped key; the change is recorded in /v1/changes.${unique}`,
      headers: IdempotencyHeaders,
      body: Ref(spec.schemas.Create),
      response: {
        201: { ...Ref(spec.schemas.Read), description: `The ${singular} as stored; Location gives its URL.` },
        409: problemResponse(`The id is taken, the ${singular} breaks an integrity rule${spec.naturalKey === undefined ? '' : ` or repeats another ${singular}'s ${spec.naturalKey}`}, or a request with this Idempotency-Key is still running.`),
        422: problemResponse('The Idempotency-Key was used with a different request (method, path or body).')
      }
    }
  }, async (request, reply) => {
    const body = validated<Body>(request.body)
    const id = body.id ?? uniqueId(slugify(spec.baseId(body)))
    const record = save(request, id, { create: { ...body, id } })
    reply.code(201).header('location', `/v1/${spec.path}/${id}`)
    return respond(reply, record)
  })

  /** PUT and PATCH: the same parameters, precondition header and answers, another body. */
  const change = (operation: string, summary: string, description: string, body: TSchema) => ({
    config,
    schema: { tags, operationId: `${operation}${Name}`, summary, description, params, headers: IfMatch, body: Ref(body), response: changedResponses }
  })

  app.put(`/${spec.path}/:id`, change('replace', `Replace a ${singular}`,
    `Replaces every field of an existing ${singular} (PUT does not create: POST does). Send \`If-Match\` with the ETag you read to fail with 412 rather than overwrite someone else's change. Needs a write-scoped key.`,
    spec.schemas.Create
  ), async (request, reply) => {
    const { id } = request.params
    const body = validated<Body>(request.body)
    if (body.id !== undefined && body.id !== id) {
      throw new ApiError('ID_MISMATCH', `The body's id "${body.id}" differs from the URL's "${id}"; ids cannot be changed.`, { errors: [{ path: '/body/id', message: `must be "${id}" or absent` }] })
    }
    return respond(reply, save(request, id, { update: () => ({ ...body, id }) }))
  })

  app.patch(`/${spec.path}/:id`, change('update', `Change some fields of a ${singular}`,
    `Merges the given fields into the ${singular}; fields left out keep their values, arrays are replaced whole, and the result is checked as a whole. Honours \`If-Match\` like PUT. Needs a write-scoped key.`,
    spec.schemas.Patch
  ), async (request, reply) => {
    const { id } = request.params
    const patch = validated<Partial<Omit<Input, 'id'>>>(request.body)
    return respond(reply, save(request, id, { update: (current) => ({ ...spec.toInput(current), ...patch, id }) }))
  })

  app.delete(`/${spec.path}/:id`, {
    config,
    schema: {
      tags,
      operationId: `delete${Name}`,
      summary: `Delete a ${singular}`,
      description: `Deletes the ${singular} and answers 204. A ${singular} that other records still refer to is not deleted (409 names them). Honours \`If-Match\`. Needs a write-scoped key.`,
      params,
      headers: IfMatch,
      response: {
        204: { description: 'Deleted.', type: 'null' },
        409: problemResponse(`Other records still refer to this ${singular}.`),
        412: problemResponse('If-Match does not match the current ETag.')
      }
    }
  }, async (request, reply) => {
    const { id } = request.params
    const today = app.clock.today()
    app.sqlite.transaction(() => {
      const current = spec.get(id, today)
      if (current === undefined) throw noSuchRecord(app.repos, singular, id)
      checkPrecondition(request, current)
      const referrers = app.repos.integrity.referencesTo(spec.kind, id)
      if (referrers.length > 0) {
        throw inUse(singular, `The ${singular} "${id}" is still referred to by ${referrers.join(', ')}; change or delete those first.`)
      }
      spec.remove(id)
      app.repos.changes.record({ at: app.clock.now(), key: request.apiKey!, action: 'delete', resource: spec.path, recordId: id, before: spec.toInput(current), after: null })
    })()
    reply.code(204)
  })
}
