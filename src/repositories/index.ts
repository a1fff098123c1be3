import type { Db } from '../db/open.js'
import { resources, type ResourceRepositories } from '../resources/all.js'
import { createChangesRepository } from './changes.js'
import { createIntegrity } from './integrity.js'
import { createKeysRepository } from './keys.js'
import { createSearchRepository } from './search.js'

export function createRepositories (db: Db) {
  const search = createSearchRepository(db, resources)
  // One repository per declared resource; the mapped type names each by its plural.
  const perResource = Object.fromEntries(resources.map((resource) => [resource.plural, resource.repository(db, { search })])) as ResourceRepositories
  return {
    ...perResource,
    search,
    keys: createKeysRepository(db),
    changes: createChangesRepository(db),
    integrity: createIntegrity(db, resources)
  }
}

export type Repositories = ReturnType<typeof createRepositories>
