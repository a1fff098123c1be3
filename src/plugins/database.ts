// The database as one named plugin: open, migrate, seed a new database, decorate,
// close on shutdown; a replica replaces the file with a newer copy (replaceDatabase).
import { renameSync, rmSync } from 'node:fs'
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
    /**
     * Puts a checked copy of the database in place of the served one: synchronous, so
     * it happens between requests (none holds the connection across an await). The
     * old connection is closed and its statements with it; sqlite, db and repos are
     * replaced, and the new connection's data version empties the response cache.
     */
    replaceDatabase: (file: string) => void
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
  // The connection in service at shutdown: a replica may have replaced the first.
  app.addHook('onClose', async () => { app.sqlite.close() })
  const repos = createRepositories(db)
  // A database with no records yet (new, or only migrated, e.g. by `npm run keys`) is seeded.
  const empty = sqlite.prepare<[], { present: number }>('select exists (select 1 from sources) as present').get()
  if (empty?.present === 0 && options.seed !== false) {
    const dataset = 'dir' in options.seed ? readDataset(options.seed.dir) : options.seed
    const counts = loadDataset(sqlite, repos, dataset)
    app.log.info({ counts }, 'new database seeded')
  }
  app.decorate('sqlite', sqlite)
  app.decorate('db', db)
  app.decorate('repos', repos)
  app.decorate('replaceDatabase', (file: string) => {
    const path = options.databasePath
    const open = () => openDatabase({ path, migrationsFolder: options.migrationsFolder })
    app.sqlite.close()
    for (const suffix of ['-wal', '-shm']) rmSync(`${path}${suffix}`, { force: true })
    renameSync(path, `${path}.previous`)
    renameSync(file, path)
    let opened
    try {
      opened = open()
    } catch (error) {
      for (const suffix of ['-wal', '-shm']) rmSync(`${path}${suffix}`, { force: true })
      renameSync(`${path}.previous`, path)
      const previous = open()
      Object.assign(app, { sqlite: previous.sqlite, db: previous.db, repos: createRepositories(previous.db) })
      throw error
    }
    Object.assign(app, { sqlite: opened.sqlite, db: opened.db, repos: createRepositories(opened.db) })
    rmSync(`${path}.previous`, { force: true })
  })
}, { name: 'database' })
