import type { FastifyReply, FastifyRequest } from 'fastify'

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

/** The list envelope, with a `Link: rel="next"` header when another page follows. */
export function listResponse<T> (request: FastifyRequest, reply: FastifyReply, page: { rows: T[], total: number, nextCursor: string | null }, limit: number) {
  if (page.nextCursor !== null) {
    const url = new URL(request.url, 'http://localhost')
    url.searchParams.set('cursor', page.nextCursor)
    reply.header('link', `<${request.protocol}://${request.host}${url.pathname}${url.search}>; rel="next"`)
  }
  return { data: page.rows, meta: { total: page.total, limit, nextCursor: page.nextCursor } }
}
