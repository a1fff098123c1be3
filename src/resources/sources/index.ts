// The sources resource, declared once: see ../resource.ts for what each field drives.
import { defineResource } from '../resource.js'
import { sources } from './tables.js'
import { createSourcesRepository } from './repository.js'
import collection from './routes.js'
import { references } from './schemas.js'

export default defineResource({
  singular: 'source',
  plural: 'sources',
  description: 'Where each fact was read.',
  order: 8,
  tables: [sources],
  repository: createSourcesRepository,
  collection,
  references
})
