import type { Db } from '../db/open.js'
import { createCategoriesRepository } from './categories.js'
import { createContractsRepository } from './contracts.js'
import { createFactsRepository } from './facts.js'
import { createGamesRepository } from './games.js'
import { createMeetingsRepository } from './meetings.js'
import { createSourcesRepository } from './sources.js'
import { createSponsorsRepository } from './sponsors.js'

export function createRepositories (db: Db) {
  return {
    sources: createSourcesRepository(db),
    games: createGamesRepository(db),
    categories: createCategoriesRepository(db),
    sponsors: createSponsorsRepository(db),
    contracts: createContractsRepository(db),
    meetings: createMeetingsRepository(db),
    facts: createFactsRepository(db)
  }
}

export type Repositories = ReturnType<typeof createRepositories>
