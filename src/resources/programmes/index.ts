// The programmes resource, declared once: see ../resource.ts for what each field drives.
import { endsBeforeItStarts } from '../../lib/partial-date.js'
import { defineResource } from '../resource.js'
import { programmeSources, programmes } from './tables.js'
import { createProgrammesRepository } from './repository.js'
import routes from './routes.js'
import { Programme, ProgrammeList, ProgrammeInput, references } from './schemas.js'

export default defineResource({
  singular: 'programme',
  plural: 'programmes',
  label: 'programme edition',
  description: 'The editions of the TOP programme, TOP I (1985–1988) on, with their partners and Games.',
  order: 7,
  tables: [programmes, programmeSources],
  repository: createProgrammesRepository,
  routes,
  schemas: [Programme, ProgrammeList],
  input: ProgrammeInput,
  references,
  check: (input) => endsBeforeItStarts(input) ? { field: 'endsOn', message: 'ends before it starts' } : undefined,
  writable: false
})
