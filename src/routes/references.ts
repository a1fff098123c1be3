import type { Repositories } from '../repositories/index.js'
import { badParameter, notFound } from '../lib/errors.js'

type Kind = 'sponsor' | 'category' | 'games' | 'programme'

function known (repos: Repositories, kind: Kind, id: string): boolean {
  return repos.integrity.exists(kind === 'games' ? 'game' : kind, id)
}

/** A filter naming a record that does not exist is a mistake worth a 400, not an empty page. */
export function assertFilterRefs (repos: Repositories, filters: Partial<Record<Kind, string | undefined>>): void {
  for (const kind of ['sponsor', 'category', 'games', 'programme'] as const) {
    const id = filters[kind]
    if (id !== undefined && !known(repos, kind, id)) {
      throw badParameter(kind, `names no known ${kind === 'games' ? 'Games edition' : kind === 'programme' ? 'programme edition' : kind} ("${id}")`)
    }
  }
}

/** The parent of a nested list must exist. */
export function assertParent (repos: Repositories, kind: Kind, id: string): void {
  if (!known(repos, kind, id)) throw notFound(kind === 'games' ? 'games' : kind, id)
}
