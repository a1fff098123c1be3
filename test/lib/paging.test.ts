// withCursor against WHATWG URL, which it must match byte for byte: the next page's link.
import fc from 'fast-check'
import t from 'tap'
import { withCursor } from '../../src/lib/paging.js'

/** What the Link header carried before: URL's searchParams.set, path and query. */
function byUrl (url: string, cursor: string): string {
  const parsed = new URL(url, 'http://localhost')
  parsed.searchParams.set('cursor', cursor)
  return `${parsed.pathname}${parsed.search}`
}

const CURSOR = 'WyJuYW1lIiwiQXRsYXMgQmFuayA3MCIsImdlbi1zcG9uc29yLTcwIl0'

t.test('plain URLs are edited as URL would write them', async (t) => {
  for (const url of [
    '/v1/sponsors',
    '/v1/sponsors?limit=20',
    '/v1/contracts?activeOn=2020-07-24&limit=20&sort=-startsOn',
    '/v1/sponsors?cursor=old&limit=2',
    '/v1/sponsors?limit=2&cursor=old&q=x&cursor=older',
    '/v1/sponsors/alibaba-group/contracts?limit=1'
  ]) t.equal(withCursor(url, CURSOR), byUrl(url, CURSOR), url)
  t.equal(withCursor('/v1/sponsors?limit=2&cursor=old&cursor=older', 'new'), '/v1/sponsors?limit=2&cursor=new')
})

t.test('anything else goes through URL: escapes, spaces, empty pairs, bare names, odd paths', async (t) => {
  for (const url of [
    '/v1/search?q=happiness%20health',
    '/v1/search?q=happiness+health',
    '/v1/sponsors?q=caf%C3%A9&&limit=2',
    '/v1/sponsors?limit',
    '/v1/sponsors?=x',
    '/v1//sponsors?limit=2',
    '/v1/./sponsors?limit=2',
    '/v1/sponsors/?limit=2',
    '/v1/sp%6Fnsors?limit=2'
  ]) t.equal(withCursor(url, CURSOR), byUrl(url, CURSOR), url)
})

t.test('any path and query: the same as URL', async (t) => {
  const segment = fc.stringMatching(/^[\w.%~+-]{1,6}$/)
  const pair = fc.tuple(fc.constantFrom('cursor', 'limit', 'q', 'sort', 'a.b', 'x*', ''), fc.stringMatching(/^[\w.*%+ =-]{0,6}$/), fc.boolean())
    .map(([name, value, bare]) => bare ? name : `${name}=${value}`)
  const url = fc.tuple(fc.array(segment, { minLength: 1, maxLength: 4 }), fc.array(pair, { maxLength: 5 }), fc.boolean())
    .map(([segments, pairs, mark]) => `/${segments.join('/')}${pairs.length > 0 || mark ? '?' : ''}${pairs.join('&')}`)
  fc.assert(fc.property(url, fc.stringMatching(/^[\w-]{1,20}$/), (u, cursor) => withCursor(u, cursor) === byUrl(u, cursor)), { numRuns: 2000 })
  t.pass('2,000 generated URLs')
})
