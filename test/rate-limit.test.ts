// The rate limit's window: per client, from its first request, for a minute.
import t from 'tap'
import type { IncomingMessage } from 'node:http'
import { createRateLimiter } from '../src/plugins/rate-limit.js'

const from = (remoteAddress: string) => ({ socket: { remoteAddress }, headers: {} }) as unknown as IncomingMessage

t.test('a fixed window per client, reset a minute after its first request', async (t) => {
  let now = 1_000_000
  const limiter = createRateLimiter({ max: 2, trustProxy: false, now: () => now })
  const a = from('203.0.113.1')
  t.same(limiter.count(a), { exceeded: false, resetSeconds: 60, headers: ['x-ratelimit-limit', '2', 'x-ratelimit-remaining', '1', 'x-ratelimit-reset', '60'] })
  now += 30_500
  t.same(limiter.count(a).headers, ['x-ratelimit-limit', '2', 'x-ratelimit-remaining', '0', 'x-ratelimit-reset', '30'])
  t.same(limiter.count(a), { exceeded: true, resetSeconds: 30, headers: ['x-ratelimit-limit', '2', 'x-ratelimit-remaining', '0', 'x-ratelimit-reset', '30', 'retry-after', '30'] })
  t.equal(limiter.count(from('203.0.113.2')).exceeded, false, 'another client has its own window')
  now += 29_500
  t.same(limiter.count(a).headers.slice(2, 6), ['x-ratelimit-remaining', '1', 'x-ratelimit-reset', '60'], 'a new window a minute after the first request')
})

t.test('it remembers a bounded number of clients, forgetting the least recently seen', async (t) => {
  const limiter = createRateLimiter({ max: 1, trustProxy: false, clients: 2, now: () => 0 })
  limiter.count(from('192.0.2.1'))
  limiter.count(from('192.0.2.2'))
  limiter.count(from('192.0.2.1'))
  limiter.count(from('192.0.2.3'))
  t.equal(limiter.count(from('192.0.2.1')).exceeded, true, 'seen recently: still counted')
  t.equal(limiter.count(from('192.0.2.2')).exceeded, false, 'forgotten: a new window')
})
