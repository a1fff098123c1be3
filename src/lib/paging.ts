import type { FastifyReply, FastifyRequest } from 'fastify'
import { decodeCursor, encodeCursor } from './cursor.js'
import { badParameter } from './errors.js'

export interface PageRequest {
  sort: string
  limit: number
  cursor?: string | undefined
}

/** The page parameters of a validated query (Ajv has applied the defaults). */
export function pageOf (query: { sort?: string | undefined, limit?: number | undefined, cursor?: string | undefined }, defaultSort: string): PageRequest {
  return { sort: query.sort ?? defaultSort, limit: query.limit ?? 20, cursor: query.cursor }
}

/** Every row of a paged list, page after page (for small, bounded lists). */
export function collectAll<T> (list: (page: PageRequest) => { rows: T[], nextCursor: string | null }, sort: string): T[] {
  const rows: T[] = []
  let cursor: string | undefined
  do {
    const page = list({ sort, limit: 100, cursor })
    rows.push(...page.rows)
    cursor = page.nextCursor ?? undefined
  } while (cursor !== undefined)
  return rows
}

/**
 * Keyset paging over a short list built in memory (a timeline, the holders of a
 * category). `keyOf` gives each item a string unique within the list whose order is
 * the list's order; the cursor holds the last key served, so a page starts after it
 * even when items were added or removed since.
 */
export function pageInMemory<T> (items: T[], keyOf: (item: T) => string, page: PageRequest & { descending?: boolean }): { rows: T[], total: number, nextCursor: string | null } {
  const keyed = items.map((item) => ({ item, key: keyOf(item) }))
  keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
  if (page.descending === true) keyed.reverse()
  let start = 0
  if (page.cursor !== undefined) {
    const after = decodeCursor(page.cursor, page.sort).key
    if (typeof after !== 'string') throw badParameter('cursor', 'is not a cursor this API issued')
    const next = keyed.findIndex(({ key }) => (page.descending === true ? key < after : key > after))
    start = next === -1 ? keyed.length : next
  }
  const slice = keyed.slice(start, start + page.limit)
  const last = slice[slice.length - 1]
  const more = start + page.limit < keyed.length
  return {
    rows: slice.map(({ item }) => item),
    total: keyed.length,
    nextCursor: more && last !== undefined ? encodeCursor(page.sort, last.key, '') : null
  }
}

/** A page whose records are JSON already: their texts joined by commas, as bytes (see createJsonPage). */
export interface JsonPage {
  json: Buffer
  total: number
  nextCursor: string | null
}

const OPEN = Buffer.from('{"data":[')

/** A path of plain segments and a query of plain `name=value` pairs: URL would write both back as they are. */
const PLAIN_PATH = /^(?:\/[\w-]+)+$/
const PLAIN_QUERY = /^[\w.*-]+=[\w.*-]*(?:&[\w.*-]+=[\w.*-]*)*$/

/**
 * The request's path and query with `cursor` set, as WHATWG URL's `searchParams.set`
 * writes it: the first `cursor` pair takes the new value and any other goes, or it is
 * added at the end. A plain URL (every benchmarked list's) is edited as text, which
 * costs a fraction of parsing it (URL was 3.5% of a cache-off list's CPU, BENCHMARKS.md);
 * anything else, escapes included, goes through URL. A cursor is base64url, plain too.
 */
export function withCursor (url: string, cursor: string): string {
  const mark = url.indexOf('?')
  const path = mark === -1 ? url : url.slice(0, mark)
  const query = mark === -1 ? '' : url.slice(mark + 1)
  if (PLAIN_PATH.test(path) && (query === '' || PLAIN_QUERY.test(query))) {
    let set = false
    const pairs = (query === '' ? [] : query.split('&')).flatMap((pair) => {
      if (!pair.startsWith('cursor=')) return [pair]
      if (set) return []
      set = true
      return [`cursor=${cursor}`]
    })
    if (!set) pairs.push(`cursor=${cursor}`)
    return `${path}?${pairs.join('&')}`
  }
  const parsed = new URL(url, 'http://localhost')
  parsed.searchParams.set('cursor', cursor)
  return `${parsed.pathname}${parsed.search}`
}

/** A `Link: rel="next"` header when another page follows. */
function linkNext (request: FastifyRequest, reply: FastifyReply, nextCursor: string | null): void {
  if (nextCursor === null) return
  reply.header('link', `<${request.protocol}://${request.host}${withCursor(request.url, nextCursor)}>; rel="next"`)
}

/** The list envelope, with a `Link: rel="next"` header when another page follows. */
export function listResponse<T> (request: FastifyRequest, reply: FastifyReply, page: { rows: T[], total: number, nextCursor: string | null }, limit: number) {
  linkNext(request, reply, page.nextCursor)
  return { data: page.rows, meta: { total: page.total, limit, nextCursor: page.nextCursor } }
}

/**
 * listResponse for a page of records that are JSON already: the body's bytes, written as
 * fast-json-stringify writes the list schema's envelope
 * (`{"data":[…],"meta":{"total","limit","nextCursor"}}`), the records in between.
 */
export function jsonListResponse (request: FastifyRequest, reply: FastifyReply, page: JsonPage, limit: number): Buffer {
  linkNext(request, reply, page.nextCursor)
  reply.type('application/json; charset=utf-8')
  return Buffer.concat([OPEN, page.json, Buffer.from(`],"meta":${JSON.stringify({ total: page.total, limit, nextCursor: page.nextCursor })}}`)])
}
