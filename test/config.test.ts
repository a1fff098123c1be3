import t from 'tap'
import { loadConfig } from '../src/config.js'

t.test('defaults', async (t) => {
  t.same(loadConfig({}), { port: 3000, host: '0.0.0.0', databasePath: 'data/sponsors.db', logLevel: 'info', rateLimitMax: 600, cacheControl: 'public, max-age=60', bodyLimit: 102400 })
})

t.test('values from the environment', async (t) => {
  t.same(loadConfig({ PORT: '8080', HOST: '127.0.0.1', DATABASE_PATH: '/data/x.db', LOG_LEVEL: 'warn', RATE_LIMIT_MAX: '0', CACHE_CONTROL: 'no-cache', BODY_LIMIT: '4096' }), {
    port: 8080, host: '127.0.0.1', databasePath: '/data/x.db', logLevel: 'warn', rateLimitMax: 0, cacheControl: 'no-cache', bodyLimit: 4096
  })
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
    [{ BODY_LIMIT: '10' }, 'BODY_LIMIT="10": must be >= 1024']
  ]
  for (const [env, message] of cases) {
    t.throws(() => loadConfig(env), { name: 'ConfigError', message }, message)
  }
})
