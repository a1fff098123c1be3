import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { decodeCursor, encodeCursor } from '../lib/cursor.js'
import { badParameter } from '../lib/errors.js'
import { listResponse } from '../lib/paging.js'
import { Ref } from '../schemas/common.js'
import { ChangeList, ChangeListQuery } from '../schemas/changes.js'

const changes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/changes', {
    config: { scope: 'write' },
    schema: {
      tags: ['changes'],
      operationId: 'listChanges',
      summary: 'The audit trail of writes, newest first',
      description: 'Who (which key) changed what and when, with the record before and after. Needs a write-scoped key.',
      querystring: ChangeListQuery,
      response: { 200: Ref(ChangeList) }
    }
  }, async (request, reply) => {
    const { resource, record, cursor } = request.query
    const limit = request.query.limit ?? 20
    let before: number | undefined
    if (cursor !== undefined) {
      const key = decodeCursor(cursor, '-seq').key
      if (typeof key !== 'number') throw badParameter('cursor', 'is not a cursor this API issued')
      before = key
    }
    const filters = { resource, recordId: record }
    const page = app.repos.changes.list({ ...filters, before }, limit)
    const last = page.rows[page.rows.length - 1]
    const nextCursor = page.more && last !== undefined ? encodeCursor('-seq', last.seq, String(last.seq)) : null
    return listResponse(request, reply, { rows: page.rows, total: app.repos.changes.count(filters), nextCursor }, limit)
  })
}

export default changes
