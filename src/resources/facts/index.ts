// The facts resource, declared once: see ../resource.ts for what each field drives.
import { defineResource } from '../resource.js'
import { factSources, sponsorFacts } from './tables.js'
import { createFactsRepository } from './repository.js'
import collection from './routes.js'
import { references } from './schemas.js'

export default defineResource({
  singular: 'fact',
  plural: 'facts',
  description: 'Other dated facts on a sponsor\'s timeline: an extension, a renewal, a first.',
  order: 6,
  tables: [sponsorFacts, factSources],
  repository: createFactsRepository,
  collection,
  references
})
