// The client address the rate limit counts by, taken from the raw request, is Fastify's
// own request.ip under every TRUST_PROXY setting; IPv6 clients count by their /64.
import t from 'tap'
import Fastify from 'fastify'
import { clientAddress, fastifyTrust, rateLimitKey, type TrustProxy } from '../../src/lib/client-address.js'

const settings: TrustProxy[] = [false, true, 1, 2, '127.0.0.1', '10.0.0.0/8, 127.0.0.1', ['10.0.0.1', '192.0.2.0/24']]
const requests = [
  { remoteAddress: '127.0.0.1', headers: {} },
  { remoteAddress: '127.0.0.1', headers: { 'x-forwarded-for': '203.0.113.7' } },
  { remoteAddress: '10.0.0.1', headers: { 'x-forwarded-for': '203.0.113.7, 192.0.2.5' } },
  { remoteAddress: '192.0.2.9', headers: { 'x-forwarded-for': '198.51.100.1, 10.0.0.1' } },
  { remoteAddress: '198.51.100.20', headers: { 'x-forwarded-for': '203.0.113.7' } }
]

t.test('clientAddress is request.ip', async (t) => {
  for (const trust of settings) {
    const app = Fastify({ trustProxy: fastifyTrust(trust) })
    const addressOf = clientAddress(trust)
    app.get('/', (request) => ({ fastify: request.ip, ours: addressOf(request.raw) }))
    for (const { remoteAddress, headers } of requests) {
      const { fastify, ours } = (await app.inject({ url: '/', remoteAddress, headers })).json<{ fastify: string, ours: string }>()
      t.equal(ours, fastify, `trustProxy ${JSON.stringify(trust)}, from ${remoteAddress} ${JSON.stringify(headers)}`)
    }
    await app.close()
  }
})

t.test('a hop count trusts that many hops (Fastify alone would trust none)', async (t) => {
  const addressOf = clientAddress(1)
  const from = (remoteAddress: string, forwardedFor: string) => ({ socket: { remoteAddress }, headers: { 'x-forwarded-for': forwardedFor } }) as never
  t.equal(addressOf(from('10.0.0.2', '203.0.113.7')), '203.0.113.7', 'the client behind one proxy')
  t.equal(addressOf(from('10.0.0.2', '198.51.100.1, 203.0.113.7')), '203.0.113.7', 'what the one trusted proxy saw, not what the client claimed')
  t.equal(clientAddress(2)(from('10.0.0.2', '198.51.100.1, 203.0.113.7')), '198.51.100.1', 'two hops')
})

t.test('rateLimitKey: IPv4 as it is, IPv4-mapped IPv6 as IPv4, other IPv6 by /64', async (t) => {
  t.equal(rateLimitKey('203.0.113.7'), '203.0.113.7')
  t.equal(rateLimitKey('::ffff:203.0.113.7'), '203.0.113.7')
  t.equal(rateLimitKey('::ffff:cb00:7107'), '203.0.113.7')
  t.equal(rateLimitKey('2001:db8:1:2:3:4:5:6'), rateLimitKey('2001:DB8:1:2::ffff'), 'one /64')
  t.equal(rateLimitKey('2001:db8:1:2::1'), rateLimitKey('2001:db8:1:2:0:0:0:1%eth0'), 'a zone index is not part of it')
  t.not(rateLimitKey('2001:db8:1:2::1'), rateLimitKey('2001:db8:1:3::1'), 'another /64')
  t.not(rateLimitKey('::1'), rateLimitKey('2001:db8::1'))
  t.equal(rateLimitKey('1::'), rateLimitKey('1:0:0:0:ffff::'))
  t.equal(rateLimitKey('::2001:db8:1:2'), rateLimitKey('::'), 'the first four groups, whatever the rest')
})
