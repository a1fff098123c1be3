import t from 'tap'
import { loadConfig } from '../src/config.js'

t.test('defaults', async (t) => {
  t.same(loadConfig({}), { port: 3000, host: '0.0.0.0', databasePath: 'data/sponsors.db', logLevel: 'info', rateLimitMax: 600, cacheControl: 'public, max-age=60', bodyLimit: 102400, corsOrigins: '*', trustProxy: false, requestTimeout: 30000, maxEventLoopDelay: 1000, responseCacheEntries: 2000, readOnly: false, primaryUrl: undefined })
})

t.test('values from the environment', async (t) => {
  t.same(loadConfig({ PORT: '8080', HOST: '127.0.0.1', DATABASE_PATH: '/data/x.db', LOG_LEVEL: 'warn', RATE_LIMIT_MAX: '0', CACHE_CONTROL: 'no-cache', BODY_LIMIT: '4096' }), {
    port: 8080, host: '127.0.0.1', databasePath: '/data/x.db', logLevel: 'warn', rateLimitMax: 0, cacheControl: 'no-cache', bodyLimit: 4096, corsOrigins: '*', trustProxy: false, requestTimeout: 30000, maxEventLoopDelay: 1000, responseCacheEntries: 2000, readOnly: false, primaryUrl: undefined
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
    [{ CORS_ORIGINS: ' , ' }, 'CORS_ORIGINS=" , ": leading or trailing spaces are not allowed']
  ]
  for (const [env, message] of cases) {
    t.throws(() => loadConfig(env), { name: 'ConfigError', message }, message)
  }
})
