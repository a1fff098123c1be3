// GET /v1/<plural>/{id} for one resource: the record with its ETag, or a 404 problem.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { Static, TSchema } from 'typebox'
import { noSuchRecord } from './references.js'
import { etagOf, etagOfRecord } from '../plugins/caching.js'
import { Ref, type IdParamsOf } from '../schemas/common.js'
import { Withdrawn } from '../schemas/withdrawn.js'

export interface GetSpec<T extends TSchema> {
  /** The resource's singular name. */
  kind: string
  /** Plural path segment and tag, e.g. "sponsors". */
  path: string
  /** The `{id}` parameter with an example id of this resource. */
  params: ReturnType<typeof IdParamsOf>
  /** The record's registered schema. */
  schema: T
  get: (id: string) => Static<T> | undefined
  /**
   * The record as JSON bytes, where the repository writes it in SQL: answered as they
   * are, with the ETag of those bytes, which is etagOfRecord of get's record (the same
   * text: test/json-rows.test.ts).
   */
  getJson?: ((id: string) => Buffer | undefined) | undefined
}

/** Registers GET /<path>/:id (operation id `get<Kind>`); `text` is its summary and description. */
export function getById<T extends TSchema> (app: Parameters<FastifyPluginAsyncTypebox>[0], spec: GetSpec<T>, text: { summary: string, description: string }): void {
  register(app, spec, text)
}

/** The route itself, over any schema: the type parameter has done its work at the call site. */
function register (app: Parameters<FastifyPluginAsyncTypebox>[0], spec: GetSpec<TSchema>, text: { summary: string, description: string }): void {
  app.get(`/${spec.path}/:id`, {
    schema: {
      tags: [spec.path],
      operationId: `get${spec.kind[0]?.toUpperCase() ?? ''}${spec.kind.slice(1)}`,
      summary: text.summary,
      description: text.description,
      params: spec.params,
      response: {
        200: Ref(spec.schema),
        301: { ...Ref(Withdrawn), description: 'Moved Permanently: the reviewed data withdrew this id and another record replaced it; Location is that record\'s URL.' }
      }
    }
  }, async (request, reply) => {
    const { id } = request.params
    if (spec.getJson !== undefined) {
      const json = spec.getJson(id)
      if (json !== undefined) return reply.header('etag', etagOf(json)).type('application/json; charset=utf-8').send(json)
    } else {
      const record = spec.get(id)
      if (record !== undefined) return reply.header('etag', etagOfRecord(record)).send(record)
    }
    // Not stored. An id the reviewed data withdrew (seed/retired.json) says where it went.
    const gone = app.withdrawn(spec.path, id)
    // A replacement deleted since (through the API) leaves only the reason.
    if (gone?.replacedBy == null || !app.repos.integrity.exists(spec.kind, gone.replacedBy)) throw noSuchRecord(app.repos, spec.kind, id, gone?.reason)
    const href = (request.routeOptions.url ?? `/v1/${spec.path}/:id`).replace(':id', encodeURIComponent(gone.replacedBy))
    return reply.code(301).header('location', href).send({ id, replacedBy: gone.replacedBy, reason: gone.reason, href })
  })
}
