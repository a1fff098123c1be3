import type { Db } from '../db/open.js'
import { createCategoriesRepository } from '../resources/categories/repository.js'
import { createContractsRepository } from '../resources/contracts/repository.js'
import { createFactsRepository } from '../resources/facts/repository.js'
import { createGamesRepository } from '../resources/games/repository.js'
import { createMeetingsRepository } from '../resources/meetings/repository.js'
import { createProgrammesRepository } from '../resources/programmes/repository.js'
import { createSourcesRepository } from '../resources/sources/repository.js'
import { createChangesRepository } from './changes.js'
import { createIntegrity } from './integrity.js'
import { createKeysRepository } from './keys.js'
import { createSearchRepository } from './search.js'
import { createSponsorsRepository } from '../resources/sponsors/repository.js'

export function createRepositories (db: Db) {
  const search = createSearchRepository(db)
  return {
    search,
    sources: createSourcesRepository(db),
    games: createGamesRepository(db),
    categories: createCategoriesRepository(db, search),
    sponsors: createSponsorsRepository(db, search),
    contracts: createContractsRepository(db, search),
    meetings: createMeetingsRepository(db, search),
    facts: createFactsRepository(db),
    programmes: createProgrammesRepository(db),
    keys: createKeysRepository(db),
    changes: createChangesRepository(db),
    integrity: createIntegrity(db)
  }
}

export type Repositories = ReturnType<typeof createRepositories>
