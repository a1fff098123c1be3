import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { ApiError } from '../lib/errors.js'
import { problemResponse } from '../plugins/problems.js'

const Status = Type.Object({ status: Type.String() }, { additionalProperties: false })

const health: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/health', {
    schema: {
      tags: ['health'],
      operationId: 'getHealth',
      summary: 'Liveness: the process is up',
      response: { 200: Status }
    }
  }, async () => ({ status: 'ok' }))

  app.get('/ready', {
    schema: {
      tags: ['health'],
      operationId: 'getReady',
      summary: 'Readiness: the database answers',
      response: {
        200: Status,
        503: problemResponse('The database does not answer.')
      }
    }
  }, async () => {
    try {
      app.sqlite.prepare('select 1').get()
    } catch (error) {
      app.log.error({ err: error }, 'readiness check failed')
      throw new ApiError('DATABASE_UNAVAILABLE', 503, 'Service Unavailable', 'The database does not answer.', { headers: { 'retry-after': '5' } })
    }
    return { status: 'ready' }
  })
}

export default health
