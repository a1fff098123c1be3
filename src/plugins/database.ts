// The database as one named plugin: open, migrate, seed a new database, decorate,
// close on shutdown.
import fp from 'fastify-plugin'
import type Sqlite from 'better-sqlite3'
import { openDatabase, type Db } from '../db/open.js'
import { createRepositories, type Repositories } from '../repositories/index.js'
import { loadDataset, readDataset, type Dataset } from '../seed/dataset.js'

declare module 'fastify' {
  interface FastifyInstance {
    sqlite: Sqlite.Database
    db: Db
    repos: Repositories
  }
}

export interface DatabaseOptions {
  databasePath: string
  migrationsFolder: string
  /**
   * What to load into a database that holds no records yet: the reviewed data in a
   * folder (`{ dir }`), a dataset given in code, or nothing. A database with data is
   * never re-seeded on start (`npm run db:seed` does that).
   */
  seed: { dir: string } | Dataset | false
}

export default fp<DatabaseOptions>(async function database (app, options) {
  const { sqlite, db } = openDatabase({ path: options.databasePath, migrationsFolder: options.migrationsFolder })
  app.addHook('onClose', async () => { sqlite.close() })
  const repos = createRepositories(db)
  // A database with no records yet (new, or only migrated, e.g. by `npm run keys`) is seeded.
  const empty = sqlite.prepare('select exists (select 1 from sources) as present').get() as { present: number }
  if (empty.present === 0 && options.seed !== false) {
    const dataset = 'dir' in options.seed ? readDataset(options.seed.dir) : options.seed
    const counts = loadDataset(sqlite, repos, dataset)
    app.log.info({ counts }, 'new database seeded')
  }
  app.decorate('sqlite', sqlite)
  app.decorate('db', db)
  app.decorate('repos', repos)
}, { name: 'database' })
