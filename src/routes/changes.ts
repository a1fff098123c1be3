import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
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
      response: { 200: { ...Ref(ChangeList), description: 'A page of recorded writes, newest first, with the cursor of the next.' } }
    }
  }, async (request, reply) => {
    const { resource, record, cursor } = request.query
    const limit = request.query.limit ?? 20
    return listResponse(request, reply, app.repos.changes.list({ resource, recordId: record }, { limit, cursor }), limit)
  })
}

export default changes
