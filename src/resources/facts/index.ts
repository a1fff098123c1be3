// The facts resource, declared once: see ../resource.ts for what each field drives.
import { defineResource } from '../resource.js'
import { factSources, sponsorFacts } from './tables.js'
import { createFactsRepository } from './repository.js'
import routes from './routes.js'
import { Fact, FactList, FactCreate, FactPatch, FactInput, references } from './schemas.js'

export default defineResource({
  singular: 'fact',
  plural: 'facts',
  description: 'Other dated facts on a sponsor\'s timeline: an extension, a renewal, a first.',
  order: 6,
  tables: [sponsorFacts, factSources],
  repository: createFactsRepository,
  routes,
  schemas: [Fact, FactList, FactCreate, FactPatch],
  input: FactInput,
  references,
  writable: true
})
