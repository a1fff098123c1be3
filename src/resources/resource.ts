// What makes up one resource, declared once in its folder (src/resources/<plural>/index.ts;
// its tables in tables.ts there).
// The app's route registration, the repositories, the OpenAPI tags and named schemas, the
// integrity rules (from the tables' foreign keys), the search document types, the audit
// trail's resource list and the seed files and their order are all derived from these
// declarations (src/resources/registry.ts lists the folders; `npm run resources` writes it).
import type { SQLiteTable } from 'drizzle-orm/sqlite-core'
import type { TSchema } from 'typebox'
import type { Db } from '../db/open.js'
import type { Collection } from '../routes/collection.js'
import type { SearchRepository } from '../repositories/search.js'

/** Ids a record points at, by write-body field (one id for a single-valued field). */
export interface Reference {
  field: string
  /** The singular name of the resource referred to. */
  kind: string
  ids: readonly string[] | string
}

/** The references of a record that names nothing but its sources. */
export function citesSources (input: { sources: readonly string[] }): Reference[] {
  return [{ field: 'sources', kind: 'source', ids: input.sources }]
}

/** What a repository factory gets besides the database. */
export interface RepositoryDeps {
  search: SearchRepository
}

/** The least every repository does: store a record given in write-body form. */
export interface Upserts<Input> {
  upsert (input: Input): void
}

export interface ResourceSpec<Singular extends string, Plural extends string, Input extends { id: string }, Repo extends Upserts<Input>> {
  /** One record: error codes (`FACT_NOT_FOUND`), integrity kinds, search hit types. */
  singular: Singular
  /** Path segment, OpenAPI tag, seed file (seed/<plural>.json), audit trail resource. */
  plural: Plural
  /** What a record is called in messages, when not its singular ("Olympic Games edition"). */
  label?: string
  /** The OpenAPI tag's description. */
  description: string
  /** Position of the tag (and the routes) in the OpenAPI document, lower first. */
  order: number
  /**
   * The tables holding the records: the records' own table first (with an `id` column),
   * then its child and link tables (their foreign key to the first cascades). Every other
   * foreign key of these tables is a reference to another resource, and what stops that
   * resource's records from being deleted while referred to.
   */
  tables: readonly [SQLiteTable, ...SQLiteTable[]]
  repository (db: Db, deps: RepositoryDeps): Repo
  /** The routes (src/routes/collection.ts: list, get, further routes, writes) and the schemas they answer. */
  collection: Collection
  /** Further named schemas (with an `$id`) the routes use, beyond the collection's own. */
  schemas?: readonly TSchema[]
  /** The related records an input names; the seed loader and the writes check they exist. */
  references (input: Input): Reference[]
  /** A rule of the input the schema cannot state ("ends before it starts"): the broken field and why. */
  check? (input: Input): { field: string, message: string } | undefined
  /**
   * The record's full-text search document: a SELECT of (id, title, body) from the
   * records' table under `alias`; the search repository adds the type (the singular) and
   * its WHERE clause.
   */
  search?: { alias: string, sql: string }
}

export type Resource = ResourceSpec<string, string, { id: string }, Upserts<never>>

/** Declares a resource; keeps its names' literal types. */
export function defineResource<const Singular extends string, const Plural extends string, Input extends { id: string }, Repo extends Upserts<Input>> (
  spec: ResourceSpec<Singular, Plural, Input, Repo>
): ResourceSpec<Singular, Plural, Input, Repo> {
  return spec
}
