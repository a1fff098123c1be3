// The games resource, declared once: see ../resource.ts for what each field drives.
import { defineResource } from '../resource.js'
import { gameSources, games } from './tables.js'
import { createGamesRepository } from './repository.js'
import routes from './routes.js'
import { Game, GameList, GameInput, references } from './schemas.js'

export default defineResource({
  singular: 'game',
  plural: 'games',
  label: 'Games edition',
  description: 'Olympic Games editions and the sponsors covering them.',
  order: 5,
  tables: [games, gameSources],
  repository: createGamesRepository,
  routes,
  schemas: [Game, GameList],
  input: GameInput,
  references,
  writable: false
})
