// Who a request comes from, decided from the raw request alone, by Fastify's own rule
// (fastify/lib/request.js: `request.ip` under `trustProxy`), so that code answering
// before Fastify's router (lib/front-door.ts) names the same client as Fastify would.
import type { IncomingMessage } from 'node:http'
import { isIPv4, isIPv6 } from 'node:net'
import proxyAddr from '@fastify/proxy-addr'

/** The app's TRUST_PROXY setting, as Fastify takes it. */
export type TrustProxy = boolean | number | string | string[]

/** The client's address of a raw request: `request.ip` in Fastify with the same setting. */
export function clientAddress (trust: TrustProxy): (req: IncomingMessage) => string {
  if (trust === false) return (req) => req.socket.remoteAddress ?? ''
  const trusted = trust === true
    ? () => true
    // Fastify trusts no peer for a bare hop count (it cannot check the immediate one).
    : typeof trust === 'number'
      ? () => false
      : proxyAddr.compile(typeof trust === 'string' ? trust.split(',').map((value) => value.trim()) : trust)
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
