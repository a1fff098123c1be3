// npm run db:snapshot -- FILE — a consistent copy of DATABASE_PATH taken while the
// server keeps serving (and writing), for starting a read replica.
import { resolve } from 'node:path'
import { loadConfig } from '../config.js'
import { snapshot } from '../db/snapshot.js'
import { runCli } from './run.js'

runCli(async () => {
  const target = process.argv[2]
  if (target === undefined) throw new Error('usage: npm run db:snapshot -- FILE')
  const config = loadConfig(process.env)
  const { pages } = await snapshot(config.databasePath, resolve(target))
  process.stdout.write(`snapshot of ${config.databasePath} written to ${resolve(target)} (${pages} pages, integrity ok)\n`)
})
