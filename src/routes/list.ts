// GET of a paged list: the route's schema (tag, operation, query, the list's registered
// schema), the page parameters read once and the `{data, meta}` envelope with its Link.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { FastifyContextConfig } from 'fastify'
import type { Static, TSchema } from 'typebox'
import { jsonListResponse, listResponse, pageOf, type JsonPage, type PageRequest } from '../lib/paging.js'
import { isRecord } from '../lib/route-schema.js'
import { Ref } from '../schemas/common.js'
import { assertFilterRefs, assertParent } from './references.js'

/** What a list answers: one page of rows (or of records as JSON bytes), the total and the next page's cursor. */
export type ListPage = { rows: unknown[], total: number, nextCursor: string | null } | JsonPage

/** A query without its page parameters: the filters. */
export type FiltersOf<Q> = Omit<Q, 'sort' | 'limit' | 'cursor'>

export interface ListSpec<Q extends TSchema, P extends TSchema> {
  /** The route's path under /v1, e.g. "/sponsors/:id/contracts". */
  path: string
  operationId: string
  summary: string
  description: string
  params?: P
  querystring: Q
  /** The list's registered schema, and what a page of it is, for the document. */
  list: TSchema
  returns: string
  /** The resource whose record `:id` names (a 404 when there is none), for a nested list. */
  parent?: string
  /** Route config, e.g. the key scope the route needs. */
  config?: FastifyContextConfig
  /** The page of rows for these filters (the query without sort, limit and cursor). */
  rows (filters: FiltersOf<Static<Q>>, page: PageRequest, params: Static<P>): ListPage
}

type App = Parameters<FastifyPluginAsyncTypebox>[0]

/** Registers a paged list route from its spec. */
export function listRoute<Q extends TSchema, P extends TSchema> (app: App, spec: ListSpec<Q, P>): void {
  register(app, spec)
}

/** The route itself, over any schema: the type parameters have done their work at the call site. */
function register (app: App, spec: ListSpec<TSchema, TSchema>): void {
  app.get(spec.path, {
    ...(spec.config === undefined ? {} : { config: spec.config }),
    schema: {
      // The tag is the path's first segment: the resource the list belongs to.
      tags: [spec.path.split('/')[1] ?? ''],
      operationId: spec.operationId,
      summary: spec.summary,
      description: spec.description,
      ...(spec.params === undefined ? {} : { params: spec.params }),
      querystring: spec.querystring,
      response: { 200: { ...Ref(spec.list), description: spec.returns } }
    }
  }, async (request, reply) => {
    const { id } = isRecord(request.params) ? request.params : {}
    if (spec.parent !== undefined && typeof id === 'string') assertParent(app.repos, spec.parent, id)
    // Validation fills in the schema's defaults: `sort` is the query's or the schema's (none for a list in one fixed order).
    const { sort, limit, cursor, ...filters } = isRecord(request.query) ? request.query : {}
    // A filter named after a resource (`sponsor`, `games`…) must name one of its records.
    assertFilterRefs(app.repos, filters)
    const page = pageOf({ sort: typeof sort === 'string' ? sort : undefined, limit: typeof limit === 'number' ? limit : undefined, cursor: typeof cursor === 'string' ? cursor : undefined }, '')
    const rows = spec.rows(filters, page, request.params)
    return 'json' in rows ? jsonListResponse(request, reply, rows, page.limit) : listResponse(request, reply, rows, page.limit)
  })
}
