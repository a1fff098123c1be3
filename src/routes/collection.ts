// The routes of one resource's collection, made from its declaration: the paged list
// (GET /<plural>), one record (GET /<plural>/{id}), the resource's own further routes, and
// the writes (POST, PUT, PATCH, DELETE) when it takes them. Paths, tags, operation ids and
// the usual summaries come from the resource's names, so a route file states only what is
// particular to its resource. A route file states its collection's type
// (`const routes: Collection = collection({…})`) rather than letting it be inferred: the
// repositories' types are derived from the declarations that hold it.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { Static, TSchema } from 'typebox'
import type { PageRequest } from '../lib/paging.js'
import { IdParamsOf } from '../schemas/common.js'
import { listRoute, type FiltersOf, type ListPage } from './list.js'
import { getById } from './read.js'
import { registerWrites, type WithId, type WriteSpec } from './writes.js'

type App = Parameters<FastifyPluginAsyncTypebox>[0]
type Repos = App['repos']

/** The names a resource declares (see ../resources/resource.ts). */
export interface Names {
  singular: string
  plural: string
  label?: string
}

/** A resource's routes, given its names. */
export type RoutesOf = (names: Names) => FastifyPluginAsyncTypebox

/** What the collection reads and writes through. */
export interface Store<Read, Input extends { id: string }> {
  get (id: string, today: string): Read | undefined
  /** The record as the JSON GET answers, as bytes, where the repository writes it in SQL (the same text as get's record). */
  getJson? (id: string, today: string): Buffer | undefined
  upsert? (input: WithId<Input>): void
  remove? (id: string): void
}

/** The writes, less what the collection knows already (names, `{id}`, the stored record). */
export type CollectionWrites<Input extends { id: string }, Read> = Omit<WriteSpec<Input, Read>, 'kind' | 'path' | 'params' | 'get' | 'upsert' | 'remove' | 'schemas'>

/** A record in write-body form, from its schema. */
type InputOf<I extends TSchema> = Static<I> extends { id: string } ? Static<I> : never

export interface CollectionSpec<R extends TSchema, Q extends TSchema, I extends TSchema, Input extends { id: string } = InputOf<I>> {
  /** The id of a seeded record: the `{id}` example, so Swagger UI's "Try it out" answers 200. */
  example: string
  /**
   * The record, a page of them, the list's query, the record in write-body form (the seed
   * file's records, what the audit trail stores) and a writable resource's write bodies.
   */
  schemas: { read: R, list: TSchema, query: Q, input: I & { readonly $id?: string }, create?: TSchema, patch?: TSchema }
  /** The resource's repository. */
  store: (repos: Repos) => Store<Static<R>, Input>
  /** GET /<plural> (`summary` defaults to "List <plural or label + s>"): its rows, for the filters and the page. */
  list: {
    summary?: string
    description: string
    rows: (repos: Repos, filters: FiltersOf<Static<Q>>, page: PageRequest, today: string) => ListPage
  }
  /** GET /<plural>/{id}; `summary` defaults to "Get a <label>". */
  get: { summary?: string, description: string }
  /** Further routes (nested lists…), given the `{id}` parameter with its example. */
  more?: (app: App, params: ReturnType<typeof IdParamsOf>) => void
  /** POST, PUT, PATCH and DELETE, for a writable resource (with `schemas.create` and `.patch`). */
  writes?: (repos: Pick<Repos, 'integrity'>) => CollectionWrites<Input, Static<R>>
}

/** A resource's routes as its declaration holds them. */
export interface Collection {
  /** The routes, given the resource's names; the app registers them under /v1. */
  routes: RoutesOf
  /** The named schemas the routes answer and take, for the document. */
  schemas: readonly TSchema[]
  /** Whether the routes include writes (and so the audit trail lists the resource). */
  writable: boolean
  /** A record in write-body form (`$id` e.g. "FactInput"): the seed file's records and write bodies. */
  input: TSchema & { readonly $id?: string }
}

const article = (word: string): string => /^[aeiou]/i.test(word) ? 'an' : 'a'

/** The routes of a collection, from what is particular to its resource. */
export function collection<R extends TSchema, Q extends TSchema, I extends TSchema> (spec: CollectionSpec<R, Q, I>): Collection {
  const { read, list, query, input, create, patch } = spec.schemas
  const writes = spec.writes
  if (writes !== undefined && (create === undefined || patch === undefined)) throw new Error(`A collection with writes needs create and patch schemas (${input.$id ?? 'unnamed'})`)
  const routes: RoutesOf = ({ singular, plural, label = singular }) => async (app) => {
    const params = IdParamsOf(spec.example)
    // A read replica swaps app.repos for a newer copy between requests: resolve it per call.
    const store = (): Store<Static<R>, InputOf<I>> => spec.store(app.repos)
    const many = label === singular ? plural : `${label}s`
    listRoute(app, {
      path: `/${plural}`,
      operationId: `list${plural[0]?.toUpperCase() ?? ''}${plural.slice(1)}`,
      summary: spec.list.summary ?? `List ${many}`,
      description: spec.list.description,
      querystring: query,
      list,
      returns: `A page of ${many}, with the cursor of the next.`,
      rows: (filters, page) => spec.list.rows(app.repos, filters, page, app.clock.today())
    })
    getById(app, { kind: singular, path: plural, params, schema: read, get: (id) => store().get(id, app.clock.today()), getJson: spec.store(app.repos).getJson === undefined ? undefined : (id) => store().getJson?.(id, app.clock.today()) }, {
      summary: spec.get.summary ?? `Get ${article(label)} ${label}`,
      description: spec.get.description
    })
    spec.more?.(app, params)
    if (writes === undefined || create === undefined || patch === undefined) return
    const stored = store()
    if (stored.upsert === undefined || stored.remove === undefined) throw new Error(`The ${plural} repository cannot upsert and remove, so it cannot take writes`)
    registerWrites<InputOf<I>, Static<R>>(app, {
      // The integrity checks read app.repos when they run, not when the routes are registered.
      ...writes({ get integrity () { return app.repos.integrity } }),
      kind: singular,
      path: plural,
      params,
      schemas: { Create: create, Patch: patch, Read: read },
      get: (id, today) => store().get(id, today),
      upsert: (input) => { store().upsert?.(input) },
      remove: (id) => { store().remove?.(id) }
    })
  }
  return { routes, schemas: [read, list, create, patch].filter((schema) => schema !== undefined), writable: writes !== undefined, input }
}
