// buildApp builds; server.ts listens. Tests inject into the instance without a port.
import { readFileSync } from 'node:fs'
import Fastify, { type FastifyServerOptions } from 'fastify'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { defaults, type Config } from './config.js'
import { systemClock, type Clock } from './lib/clock.js'
import { isPartialDate } from './lib/partial-date.js'
import { validatorCompiler } from './lib/ajv.js'
import { lazySerializers } from './lib/serializers.js'
import { apiSchemas } from './schemas/index.js'
import { resources } from './resources/all.js'
import auth from './plugins/auth.js'
import pressure from './plugins/pressure.js'
import rateLimit from './plugins/rate-limit.js'
import readOnly from './plugins/read-only.js'
import replica from './plugins/replica.js'
import security from './plugins/security.js'
import caching from './plugins/caching.js'
import database from './plugins/database.js'
import methods from './plugins/methods.js'
import problems, { frameworkErrors } from './plugins/problems.js'
import { clientErrorHandler } from './lib/client-error.js'
import strictQuery from './plugins/strict-query.js'
import openapi, { API_TITLE } from './plugins/swagger.js'
import changes from './routes/changes.js'
import explore from './routes/explore.js'
import health from './routes/health.js'
import root from './routes/root.js'
import search from './routes/search.js'
import snapshot from './routes/snapshot.js'
import { latestMigration } from './db/schema-version.js'
import type { Dataset } from './seed/dataset.js'
import { readRetired, withdrawnLookup, type Retired, type WithdrawnLookup } from './seed/retired.js'
import { fromPackage } from './lib/package-paths.js'
import { requestIdOf } from './lib/request-id.js'
import { fastifyTrust, type TrustProxy } from './lib/client-address.js'
import { installFrontDoor, type FrontDoor } from './lib/front-door.js'

declare module 'fastify' {
  interface FastifyInstance {
    clock: Clock
    /** Set by server.ts when a shutdown begins: /ready answers 503 while requests are still served. */
    lifecycle: { draining: boolean }
    /** What the HTTP server answers before Fastify routes a request (lib/front-door.ts). */
    frontDoor: FrontDoor
    /** A record the reviewed data withdrew, by resource (plural) and id (seed/retired.json). */
    withdrawn: WithdrawnLookup
  }
}

/**
 * The app's options: the settings of the configuration it uses (src/config.ts declares
 * and documents them; server.ts passes the loaded configuration through), each optional
 * but the database, and a few a test or tool sets. What is not given takes the
 * configuration's default, except that the rate limit and load shedding stay off.
 */
export interface AppOptions extends Partial<Omit<Config, 'port' | 'host' | 'logLevel' | 'replicateKey' | 'replicate' | 'shutdownDelay'>> {
  /** SQLite file, or ':memory:'. */
  databasePath: string
  /** A replica's primary (base URL), its replicate-scoped key and how often to poll (ms). */
  replicate?: (Config['replicate'] & { fetch?: typeof fetch }) | undefined
  /** Folder of drizzle-kit migrations. Default: the package's migrations/. */
  migrationsFolder?: string
  /** What a new database is seeded with. Default: the reviewed data in the package's seed/. */
  seed?: { dir: string } | Dataset | false
  /**
   * Records the reviewed data withdrew (seed/retired.json): a GET of one answers where it
   * went. Default: the package's list when the data are the package's (or a replica's), else none.
   */
  withdrawn?: Retired
  /** Fastify logger options; false (the default) for none. */
  logger?: FastifyServerOptions['logger']
  /** Source of "today" for derived statuses. Default: the system clock (UTC). */
  clock?: Clock
  /** How often the event loop delay is sampled, in ms. */
  pressureSampleInterval?: number
}

export function packageVersion (): string {
  const pkg = JSON.parse(readFileSync(fromPackage('package.json'), 'utf8')) as { version: string }
  return pkg.version
}

export async function buildApp (options: AppOptions) {
  const frontDoor: FrontDoor = { answer: null }
  const trustProxy: TrustProxy = options.trustProxy ?? defaults.trustProxy
  const corsOrigins = options.corsOrigins ?? defaults.corsOrigins
  const app = Fastify({
    logger: options.logger ?? false,
    // Accept a caller's X-Request-Id when it is a sane token, otherwise make one.
    genReqId: (request) => requestIdOf(request.headers['x-request-id']),
    requestIdHeader: false,
    bodyLimit: options.bodyLimit ?? defaults.bodyLimit,
    trustProxy: fastifyTrust(trustProxy),
    requestTimeout: options.requestTimeout ?? defaults.requestTimeout,
    frameworkErrors,
    // A request the HTTP parser cannot read is a problem document too (src/lib/client-error.ts).
    clientErrorHandler,
    // Ids are at most 100 characters; longer path segments reach validation (400).
    routerOptions: { maxParamLength: 500 },
    // fast-json-stringify picks nullable branches with its own Ajv: teach it the format too.
    serializerOpts: { ajv: { formats: { 'partial-date': isPartialDate } } },
    schemaController: { compilersFactory: { buildSerializer: lazySerializers() } }
  }).withTypeProvider<TypeBoxTypeProvider>()

  app.setValidatorCompiler(validatorCompiler(apiSchemas))
  // Bodies are JSON only: anything else is a 415 problem.
  app.removeContentTypeParser('text/plain')
  app.decorate('clock', options.clock ?? systemClock())
  const seedDir = options.seed === undefined ? fromPackage('seed') : options.seed !== false && 'dir' in options.seed ? options.seed.dir : undefined
  app.decorate('withdrawn', withdrawnLookup(options.withdrawn ?? (seedDir === undefined ? {} : readRetired(seedDir))))
  app.decorate('lifecycle', { draining: false })
  installFrontDoor(app.server, frontDoor)
  app.decorate('frontDoor', frontDoor)

  await app.register(problems)
  await app.register(methods)
  await app.register(strictQuery)
  await app.register(openapi, { version: packageVersion() })
  const migrationsFolder = options.migrationsFolder ?? fromPackage('migrations')
  const schema = latestMigration(migrationsFolder)
  await app.register(database, {
    databasePath: options.databasePath,
    migrationsFolder,
    // A replica's data come from its primary.
    seed: options.replicate === undefined ? options.seed ?? { dir: fromPackage('seed') } : false
  })
  if (options.replicate === undefined) app.decorate('replica', null)
  else await app.register(replica, { ...options.replicate, databasePath: options.databasePath, schema })
  if ((options.rateLimitMax ?? 0) > 0) await app.register(rateLimit, { max: options.rateLimitMax ?? 0, trustProxy })
  else app.decorate('rateLimiter', null)

  await app.register(security, { corsOrigins })
  await app.register(pressure, { maxEventLoopDelay: options.maxEventLoopDelay ?? 0, sampleInterval: options.pressureSampleInterval })
  await app.register(auth)
  if (options.readOnly === true) await app.register(readOnly, { primaryUrl: options.primaryUrl })
  await app.register(caching, { cacheControl: options.cacheControl ?? defaults.cacheControl, maxEntries: options.responseCacheEntries ?? defaults.responseCacheEntries, trustProxy, corsOrigins })

  await app.register(root, { name: API_TITLE, version: packageVersion() })
  await app.register(health)
  await app.register(explore)
  await app.register(async (v1) => {
    for (const resource of resources) await v1.register(resource.collection.routes(resource))
    await v1.register(search)
    await v1.register(changes)
    await v1.register(snapshot, { schema })
  }, { prefix: '/v1' })

  return app
}

export type App = Awaited<ReturnType<typeof buildApp>>
