import t from 'tap'
import { loadConfig } from '../src/config.js'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const KEY = `tk_0123456789abcdef_${'a'.repeat(43)}`

t.test('defaults', async (t) => {
  t.same(loadConfig({}), { port: 3000, host: '0.0.0.0', databasePath: 'data/sponsors.db', logLevel: 'info', rateLimitMax: 600, cacheControl: 'public, max-age=60', bodyLimit: 102400, corsOrigins: '*', trustProxy: false, requestTimeout: 30000, shutdownDelay: 0, maxEventLoopDelay: 1000, responseCacheEntries: 2000, readOnly: false, primaryUrl: undefined, replicate: undefined, replicateKey: undefined })
})

t.test('values from the environment', async (t) => {
  t.same(loadConfig({ PORT: '8080', HOST: '127.0.0.1', DATABASE_PATH: '/data/x.db', LOG_LEVEL: 'warn', RATE_LIMIT_MAX: '0', CACHE_CONTROL: 'no-cache', BODY_LIMIT: '4096' }), {
    port: 8080, host: '127.0.0.1', databasePath: '/data/x.db', logLevel: 'warn', rateLimitMax: 0, cacheControl: 'no-cache', bodyLimit: 4096, corsOrigins: '*', trustProxy: false, requestTimeout: 30000, shutdownDelay: 0, maxEventLoopDelay: 1000, responseCacheEntries: 2000, readOnly: false, primaryUrl: undefined, replicate: undefined, replicateKey: undefined
  })
  const replica = loadConfig({ READ_ONLY: 'true', PRIMARY_URL: 'https://api.example.org', CORS_ORIGINS: 'https://a.example, https://b.example', TRUST_PROXY: '2' })
  t.same([replica.readOnly, replica.primaryUrl, replica.corsOrigins, replica.trustProxy], [true, 'https://api.example.org', ['https://a.example', 'https://b.example'], 2])
  t.same(loadConfig({ TRUST_PROXY: '10.0.0.0/8,127.0.0.1' }).trustProxy, ['10.0.0.0/8', '127.0.0.1'])
  t.equal(loadConfig({ TRUST_PROXY: 'true' }).trustProxy, true)
  t.equal(loadConfig({ PORT: '' }).port, 3000, 'an empty value means the default')
})

t.test('bad values stop with a one-line reason', async (t) => {
  const cases: Array<[Record<string, string>, string]> = [
    [{ PORT: 'abc' }, 'PORT="abc": must be a whole number'],
    [{ PORT: '70000' }, 'PORT="70000": must be <= 65535'],
    [{ PORT: '1e3' }, 'PORT="1e3": must be a whole number'],
    [{ RATE_LIMIT_MAX: '-1' }, 'RATE_LIMIT_MAX="-1": must be a whole number'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL="loud": must be equal to one of the allowed values'],
    [{ HOST: ' 0.0.0.0' }, 'HOST=" 0.0.0.0": leading or trailing spaces are not allowed'],
    [{ BODY_LIMIT: '10' }, 'BODY_LIMIT="10": must be >= 1024'],
    [{ READ_ONLY: 'yes' }, 'READ_ONLY="yes": must be equal to one of the allowed values'],
    [{ PRIMARY_URL: 'ftp://x' }, 'PRIMARY_URL="ftp://x": must match pattern "^https?://"'],
    [{ CORS_ORIGINS: ' , ' }, 'CORS_ORIGINS=" , ": leading or trailing spaces are not allowed'],
    [{ REPLICATE_FROM: 'http://primary:3000', REPLICATE_KEY: KEY }, 'REPLICATE_FROM="http://primary:3000": only a replica (READ_ONLY=true) copies a primary'],
    [{ READ_ONLY: 'true', REPLICATE_FROM: 'http://primary:3000' }, 'REPLICATE_FROM is set: REPLICATE_KEY or REPLICATE_KEY_FILE must give a replicate-scoped key of the primary'],
    [{ READ_ONLY: 'true', REPLICATE_KEY: KEY }, 'REPLICATE_KEY or REPLICATE_KEY_FILE is set on a replica: REPLICATE_FROM must name the primary'],
    [{ READ_ONLY: 'true', REPLICATE_FROM: 'http://primary:3000', REPLICATE_KEY: 'secret' }, 'REPLICATE_KEY: not a key this API issues (tk_<16 hex>_<43 characters>)'],
    [{ READ_ONLY: 'true', REPLICATE_FROM: 'http://primary:3000', REPLICATE_KEY_FILE: '/nonexistent/key' }, 'REPLICATE_KEY_FILE="/nonexistent/key": no such file (the primary writes it on its first start)'],
    [{ REPLICATE_FROM: 'primary:3000' }, 'REPLICATE_FROM="primary:3000": must match pattern "^https?://"'],
    [{ REPLICATE_INTERVAL_S: '0' }, 'REPLICATE_INTERVAL_S="0": must be >= 1'],
    [{ REPLICATE_INTERVAL_S: '5s' }, 'REPLICATE_INTERVAL_S="5s": must be a whole number']
  ]
  for (const [env, message] of cases) {
    t.throws(() => loadConfig(env), { name: 'ConfigError', message }, message)
  }
})

t.test('replication: a replica copies its primary with a key given or read from a file; a primary registers it', async (t) => {
  const replica = loadConfig({ READ_ONLY: 'true', REPLICATE_FROM: 'http://primary:3000', REPLICATE_KEY: KEY, REPLICATE_INTERVAL_S: '2' })
  t.same(replica.replicate, { from: 'http://primary:3000', key: KEY, intervalMs: 2000 })
  t.equal(replica.replicateKey, undefined)
  const dir = mkdtempSync(join(tmpdir(), 'config-test-'))
  t.teardown(() => { rmSync(dir, { recursive: true, force: true }) })
  writeFileSync(join(dir, 'key'), `${KEY}\n`)
  t.same(loadConfig({ READ_ONLY: 'true', REPLICATE_FROM: 'https://p.example', REPLICATE_KEY_FILE: join(dir, 'key') }).replicate, { from: 'https://p.example', key: KEY, intervalMs: 5000 })
  t.same(loadConfig({ REPLICATE_KEY_FILE: join(dir, 'missing') }).replicateKey, { token: undefined, file: join(dir, 'missing') })
  t.same(loadConfig({ REPLICATE_KEY: KEY }).replicateKey, { token: KEY, file: undefined })
})
