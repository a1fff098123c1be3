// The sources resource, declared once: see ../resource.ts for what each field drives.
import { defineResource } from '../resource.js'
import { sources } from './tables.js'
import { createSourcesRepository } from './repository.js'
import routes from './routes.js'
import { Source, SourceList, SourceCreate, SourcePatch, SourceInput, references } from './schemas.js'

export default defineResource({
  singular: 'source',
  plural: 'sources',
  description: 'Where each fact was read.',
  order: 8,
  tables: [sources],
  repository: createSourcesRepository,
  routes,
  schemas: [Source, SourceList, SourceCreate, SourcePatch],
  input: SourceInput,
  references,
  writable: true
})
