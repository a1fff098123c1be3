// Filters and nested paths that name a record: a filter named after a resource (singular
// or plural: `sponsor`, `category`, `games`, `programme`) must name one of its records.
import type { Repositories } from '../repositories/index.js'
import { badParameter, notFound, type ApiError } from '../lib/errors.js'

/** A filter naming a record that does not exist is a mistake worth a 400, not an empty page. */
export function assertFilterRefs (repos: Repositories, filters: Record<string, unknown>): void {
  for (const [name, id] of Object.entries(filters)) {
    const resource = repos.integrity.resource(name)
    if (resource === undefined || typeof id !== 'string') continue
    if (!repos.integrity.exists(resource.singular, id)) throw badParameter(name, `names no known ${resource.label ?? resource.singular} ("${id}")`)
  }
}

/** The 404 problem for a record of the resource `name` (singular or plural) that does not exist; `withdrawn`, why the reviewed data withdrew that id. */
export function noSuchRecord (repos: Repositories, name: string, id: string, withdrawn?: string): ApiError {
  const resource = repos.integrity.resource(name)
  if (resource === undefined) throw new Error(`no resource "${name}"`)
  return notFound(resource.singular, id, resource.label, withdrawn)
}

/** The parent of a nested list must exist. */
export function assertParent (repos: Repositories, name: string, id: string): void {
  if (!repos.integrity.exists(name, id)) throw noSuchRecord(repos, name, id)
}
