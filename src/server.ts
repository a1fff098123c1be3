// Reads the configuration, builds the app and listens; on SIGTERM or SIGINT it stops
// accepting connections, lets in-flight requests finish and closes the database.
import { buildApp } from './app.js'
import { ConfigError, loadConfig } from './config.js'
import { loggerOptions } from './logger.js'
import { provisionReplicateKey } from './replicate-key.js'

async function main (): Promise<void> {
  let config
  try {
    config = loadConfig(process.env)
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`configuration error: ${error.message}\n`)
      process.exit(1)
    }
    throw error
  }

  const app = await buildApp({ ...config, logger: loggerOptions(config.logLevel) })

  if (config.replicateKey !== undefined) {
    const outcome = provisionReplicateKey(app.repos.keys, config.replicateKey, new Date().toISOString())
    app.log.info({ outcome, file: config.replicateKey.file }, 'replicate key for the replicas')
  }

  let closing = false
  const shutdown = (signal: string) => {
    if (closing) return
    closing = true
    app.log.info({ signal }, 'shutting down: draining in-flight requests')
    app.close().then(() => {
      process.exit(0)
    }, (error: unknown) => {
      app.log.error({ err: error }, 'shutdown failed')
      process.exit(1)
    })
  }
  process.once('SIGTERM', () => { shutdown('SIGTERM') })
  process.once('SIGINT', () => { shutdown('SIGINT') })

  await app.listen({ port: config.port, host: config.host })
}

main().catch((error: unknown) => {
  process.stderr.write(`failed to start: ${error instanceof Error ? error.message : String(error)}\n`)
  process.exit(1)
})
