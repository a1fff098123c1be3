// GET /v1/<plural>/{id} for one resource: the record with its ETag, or a 404 problem.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { Static, TSchema } from 'typebox'
import { noSuchRecord } from './references.js'
import { etagOf, etagOfRecord } from '../plugins/caching.js'
import { Ref, type IdParamsOf } from '../schemas/common.js'

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
      response: { 200: Ref(spec.schema) }
    }
  }, async (request, reply) => {
    if (spec.getJson !== undefined) {
      const json = spec.getJson(request.params.id)
      if (json === undefined) throw noSuchRecord(app.repos, spec.kind, request.params.id)
      return reply.header('etag', etagOf(json)).type('application/json; charset=utf-8').send(json)
    }
    const record = spec.get(request.params.id)
    if (record === undefined) throw noSuchRecord(app.repos, spec.kind, request.params.id)
    reply.header('etag', etagOfRecord(record))
    return record
  })
}
