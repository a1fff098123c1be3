// The declared resources and what is derived from them alone. Modules a resource imports
// must not import this one (the registry imports every resource).
import { declared } from './registry.js'
import type { Reference, Resource } from './resource.js'
import { referrersOf } from '../repositories/integrity.js'

type Declared = typeof declared[number]

/** The declared resources in the document's order (their `order`). */
export const resources: readonly Resource[] = [...declared].sort((a, b) => a.order - b.order)

/** One repository per resource, by plural name. */
export type ResourceRepositories = { [R in Declared as R['plural']]: ReturnType<R['repository']> }

type InputOf<R> = R extends { references: (input: infer Input) => Reference[] } ? Input : never

/** Records in write-body form, by resource (the seed files). */
export type Dataset = { [R in Declared as R['plural']]: Array<InputOf<R>> }

/** The plural names of the resources with writes: the audit trail's resources. */
export const WRITABLE = resources.filter((resource) => resource.collection.writable).map((resource) => resource.plural)

/** Resources with a full-text search document, by singular name. */
export const SEARCHABLE = resources.filter((resource) => resource.search !== undefined)

/**
 * The resources in an order where each comes after those it refers to (from the tables'
 * foreign keys), the document's order otherwise: the seed's load order.
 */
export function loadOrder (list: readonly Resource[] = resources): Resource[] {
  const referrers = referrersOf(list)
  const needs = new Map(list.map((resource) => [resource.singular, new Set<string>()]))
  for (const [target, refs] of referrers) for (const { what } of refs) needs.get(what)?.add(target)
  const done = new Set<string>()
  const order: Resource[] = []
  while (order.length < list.length) {
    const next = list.find((resource) => !done.has(resource.singular) && [...needs.get(resource.singular) ?? []].every((kind) => done.has(kind)))
    if (next === undefined) throw new Error('the resources refer to each other in a cycle')
    done.add(next.singular)
    order.push(next)
  }
  return order
}
