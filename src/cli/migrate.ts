// npm run db:migrate — apply pending migrations to DATABASE_PATH, nothing else.
import { loadConfig } from '../config.js'
import { openDatabase } from '../db/open.js'
import { runCli } from './run.js'
import { fromPackage } from '../lib/package-paths.js'

runCli(() => {
  const config = loadConfig(process.env)
  const { sqlite } = openDatabase({ path: config.databasePath, migrationsFolder: fromPackage('migrations') })
  sqlite.close()
  process.stdout.write(`migrated ${config.databasePath}\n`)
})
