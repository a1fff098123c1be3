// npm run db:migrate — apply pending migrations to DATABASE_PATH, nothing else.
import { resolve } from 'node:path'
import { loadConfig } from '../config.js'
import { openDatabase } from '../db/open.js'
import { runCli } from './run.js'

runCli(() => {
  const config = loadConfig(process.env)
  const { sqlite } = openDatabase({ path: config.databasePath, migrationsFolder: resolve('migrations') })
  sqlite.close()
  process.stdout.write(`migrated ${config.databasePath}\n`)
})
