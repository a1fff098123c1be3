// npm run keys -- create --name NAME --scope read|write|replicate   (prints the key once, last line)
// npm run keys -- list
// npm run keys -- revoke ID
import { parseArgs } from 'node:util'
import { loadConfig } from '../config.js'
import { openDatabase } from '../db/open.js'
import { createKeysRepository, SCOPES } from '../repositories/keys.js'
import { runCli } from './run.js'
import { fromPackage } from '../lib/package-paths.js'

const USAGE = 'usage: npm run keys -- create --name NAME --scope read|write|replicate | list | revoke ID'

class UsageError extends Error {
  override name = 'UsageError'
}

runCli(() => {
  const { positionals, values } = parseArgs({
    args: process.argv.slice(2),
    allowPositionals: true,
    options: { name: { type: 'string' }, scope: { type: 'string' } }
  })
  const [command, ...rest] = positionals
  const config = loadConfig(process.env)
  const { sqlite, db } = openDatabase({ path: config.databasePath, migrationsFolder: fromPackage('migrations') })
  const keys = createKeysRepository(db)
  const now = new Date().toISOString()
  try {
    switch (command) {
      case 'create': {
        const name = values.name?.trim() ?? ''
        if (name === '' || name.length > 100) throw new UsageError(`--name is required (1–100 characters). ${USAGE}`)
        const scope = SCOPES.find((known) => known === values.scope)
        if (scope === undefined) throw new UsageError(`--scope must be read, write or replicate. ${USAGE}`)
        const { key, token } = keys.create(name, scope, now)
        process.stdout.write(`created key ${key.id} "${key.name}" with scope ${key.scope}; it is shown only once:\n${token}\n`)
        break
      }
      case 'list': {
        const all = keys.list()
        if (all.length === 0) process.stdout.write('no keys\n')
        for (const key of all) {
          const state = key.revokedAt === null ? 'active' : `revoked ${key.revokedAt}`
          process.stdout.write(`${key.id}\t${key.name}\t${key.scope}\tcreated ${key.createdAt}\tlast used ${key.lastUsedAt ?? 'never'}\t${state}\n`)
        }
        break
      }
      case 'revoke': {
        const id = rest[0]
        if (id === undefined) throw new UsageError(`revoke needs a key id. ${USAGE}`)
        if (!keys.revoke(id, now)) throw new UsageError(`no key with id ${id}`)
        process.stdout.write(`revoked key ${id}\n`)
        break
      }
      default:
        throw new UsageError(USAGE)
    }
  } finally {
    sqlite.close()
  }
})
