// The programmes resource, declared once: see ../resource.ts for what each field drives.
import { endsBeforeItStarts } from '../../lib/partial-date.js'
import { defineResource } from '../resource.js'
import { programmeSources, programmes } from './tables.js'
import { createProgrammesRepository } from './repository.js'
import collection from './routes.js'
import { references } from './schemas.js'

export default defineResource({
  singular: 'programme',
  plural: 'programmes',
  label: 'TOP programme edition',
  description: 'The editions of the TOP programme, TOP I (1985–1988) on, with their partners and Games.',
  order: 7,
  tables: [programmes, programmeSources],
  repository: createProgrammesRepository,
  collection,
  references,
  check: (input) => endsBeforeItStarts(input) ? { field: 'endsOn', message: 'ends before it starts' } : undefined
})
