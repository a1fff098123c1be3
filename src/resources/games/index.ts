// The games resource, declared once: see ../resource.ts for what each field drives.
import { defineResource } from '../resource.js'
import { gameSources, games } from './tables.js'
import { createGamesRepository } from './repository.js'
import collection from './routes.js'
import { references } from './schemas.js'

export default defineResource({
  singular: 'game',
  plural: 'games',
  label: 'Olympic Games edition',
  description: 'Olympic Games editions and the sponsors covering them.',
  order: 5,
  tables: [games, gameSources],
  repository: createGamesRepository,
  collection,
  references
})
