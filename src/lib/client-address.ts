// Who a request comes from, decided from the raw request alone, by Fastify's own rule
// (fastify/lib/request.js: `request.ip` under `trustProxy`), so that code answering
// before Fastify's router (lib/front-door.ts) names the same client as Fastify would.
import type { IncomingMessage } from 'node:http'
import { isIPv4, isIPv6 } from 'node:net'
import proxyAddr from '@fastify/proxy-addr'

/** The app's TRUST_PROXY setting, as Fastify takes it. */
export type TrustProxy = boolean | number | string | string[]

/** Whom Fastify's trustProxy option trusts: all, none, some addresses, or a test per hop. */
export type FastifyTrust = boolean | string | string[] | ((address: string, hop: number) => boolean)

/**
 * The setting as Fastify is given it. A hop count becomes a test trusting that many
 * hops: Fastify 5 reads a bare number as trusting no one (it cannot check who the
 * nearest proxy is), which would make every client behind the documented
 * `TRUST_PROXY=1` the proxy itself: one rate limit for all of them, and `Link` headers
 * naming the internal origin. A hop count is for a server only its proxies can reach
 * (deploy/ runs it so); where others can reach it, name the proxies' addresses instead.
 */
export function fastifyTrust (trust: TrustProxy): FastifyTrust {
  return typeof trust === 'number' ? (_address, hop) => hop < trust : trust
}

/** The client's address of a raw request: `request.ip` in Fastify given fastifyTrust(trust). */
export function clientAddress (trust: TrustProxy): (req: IncomingMessage) => string {
  const given = fastifyTrust(trust)
  if (given === false) return (req) => req.socket.remoteAddress ?? ''
  const trusted = given === true
    ? () => true
    : typeof given === 'function'
      ? given
      : proxyAddr.compile(typeof given === 'string' ? given.split(',').map((value) => value.trim()) : given)
  return (req) => proxyAddr.all(req, trusted).at(-1) ?? ''
}

/**
 * The key a client is counted under by the rate limit: an IPv4 address as it is, an
 * IPv4-mapped IPv6 address as its IPv4 form, any other IPv6 address as its /64 network
 * (one host usually has a whole /64 to choose addresses from), as @fastify/rate-limit
 * counted them.
 */
export function rateLimitKey (address: string): string {
  if (!isIPv6(address)) return address.toLowerCase()
  const groups = expandIPv6(address)
  if (groups.slice(0, 5).every((group) => group === 0) && groups[5] === 0xffff) {
    const [high = 0, low = 0] = groups.slice(6)
    return [high >> 8, high & 255, low >> 8, low & 255].join('.')
  }
  return `${groups.slice(0, 4).map((group) => group.toString(16)).join(':')}::`
}

/** The eight 16-bit groups of an IPv6 address (zone index dropped). */
function expandIPv6 (address: string): number[] {
  const plain = address.split('%')[0] ?? address
  const [head = '', tail] = plain.split('::')
  const parts = (text: string): number[] => {
    if (text === '') return []
    const pieces = text.split(':')
    const last = pieces.at(-1) ?? ''
    if (isIPv4(last)) {
      const [a = 0, b = 0, c = 0, d = 0] = last.split('.').map(Number)
      pieces.splice(-1, 1, ((a << 8) | b).toString(16), ((c << 8) | d).toString(16))
    }
    return pieces.map((piece) => parseInt(piece, 16))
  }
  const left = parts(head)
  const right = tail === undefined ? [] : parts(tail)
  return [...left, ...new Array<number>(8 - left.length - right.length).fill(0), ...right]
}
