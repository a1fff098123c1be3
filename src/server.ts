// Reads the configuration, builds the app and listens; on SIGTERM or SIGINT it stops
// accepting connections (after SHUTDOWN_DELAY_MS), lets in-flight requests finish and
// closes the database.
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

  // A signal first makes /ready answer 503 (SHUTTING_DOWN) while everything else is still
  // served for SHUTDOWN_DELAY_MS, so a load balancer stops sending before the listener
  // closes; then the server stops accepting connections and lets in-flight requests
  // finish. A second signal ends the wait; one more while closing exits at once (as
  // Node's default handler would).
  let closing = false
  let wait: NodeJS.Timeout | undefined
  const close = (signal: string) => {
    if (closing) {
      app.log.warn({ signal }, 'signal while closing: exiting now')
      process.exit(1)
    }
    closing = true
    clearTimeout(wait)
    app.log.info({ signal }, 'shutting down: draining in-flight requests')
    app.close().then(() => {
      process.exit(0)
    }, (error: unknown) => {
      app.log.error({ err: error }, 'shutdown failed')
      process.exit(1)
    })
  }
  const shutdown = (signal: string) => {
    if (app.lifecycle.draining || config.shutdownDelay === 0) { close(signal); return }
    app.lifecycle.draining = true
    app.log.info({ signal, delayMs: config.shutdownDelay }, 'shutdown asked: /ready answers 503, closing after the delay')
    wait = setTimeout(() => { close(signal) }, config.shutdownDelay)
  }
  process.on('SIGTERM', () => { shutdown('SIGTERM') })
  process.on('SIGINT', () => { shutdown('SIGINT') })

  await app.listen({ port: config.port, host: config.host })
}

main().catch((error: unknown) => {
  process.stderr.write(`failed to start: ${error instanceof Error ? error.message : String(error)}\n`)
  process.exit(1)
})
