import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { ChangeList, ChangeListQuery } from '../schemas/changes.js'
import { listRoute } from './list.js'

const changes: FastifyPluginAsyncTypebox = async (app) => {
  listRoute(app, {
    path: '/changes',
    config: { scope: 'write' },
    operationId: 'listChanges',
    summary: 'The audit trail of writes, newest first',
    description: 'Who (which key) changed what and when, with the record before and after. Needs a write-scoped key.',
    querystring: ChangeListQuery,
    list: ChangeList,
    returns: 'A page of recorded writes, newest first, with the cursor of the next.',
    rows: ({ resource, record }, page) => app.repos.changes.list({ resource, recordId: record }, page)
  })
}

export default changes
