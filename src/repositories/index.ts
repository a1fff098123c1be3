import type { Db } from '../db/open.js'
import { createCategoriesRepository } from './categories.js'
import { createContractsRepository } from './contracts.js'
import { createFactsRepository } from './facts.js'
import { createGamesRepository } from './games.js'
import { createMeetingsRepository } from './meetings.js'
import { createProgrammesRepository } from './programmes.js'
import { createSourcesRepository } from './sources.js'
import { createChangesRepository } from './changes.js'
import { createIntegrity } from './integrity.js'
import { createKeysRepository } from './keys.js'
import { createSearchRepository } from './search.js'
import { createSponsorsRepository } from './sponsors.js'

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
