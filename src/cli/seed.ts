// npm run db:seed — load the reviewed data in seed/ into DATABASE_PATH. Idempotent:
// records are upserted by id, so a second run changes nothing and a run after a
// manual edit restores the reviewed values; records the reviewed data withdrew
// (seed/retired.json) are removed. All or nothing: one transaction.
import { resolve } from 'node:path'
import { loadConfig } from '../config.js'
import { openDatabase } from '../db/open.js'
import { createRepositories } from '../repositories/index.js'
import { readDataset, readRetired, seedDatabase } from '../seed/dataset.js'
import { runCli } from './run.js'
import { fromPackage } from '../lib/package-paths.js'

runCli(() => {
  const config = loadConfig(process.env)
  const dir = process.argv[2] !== undefined ? resolve(process.argv[2]) : fromPackage('seed')
  const dataset = readDataset(dir)
  for (const [file, records] of Object.entries<readonly unknown[]>(dataset)) {
    process.stdout.write(`read ${file}.json: ${records.length} records\n`)
  }
  const { sqlite, db } = openDatabase({ path: config.databasePath, migrationsFolder: fromPackage('migrations') })
  try {
    const { counts, retirement } = seedDatabase(sqlite, createRepositories(db), dataset, readRetired(dir))
    for (const record of retirement.removed) process.stdout.write(`removed ${record} (withdrawn: seed/retired.json)\n`)
    for (const { record, referrers } of retirement.kept) process.stdout.write(`kept ${record}, withdrawn but still referred to by ${referrers.join(', ')}\n`)
    const summary = Object.entries(counts).map(([key, n]) => `${n} ${key}`).join(', ')
    process.stdout.write(`seeded ${config.databasePath}: ${summary}\n`)
  } finally {
    sqlite.close()
  }
})
