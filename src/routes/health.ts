import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { ApiError } from '../lib/errors.js'
import { problemResponse } from '../plugins/problems.js'

const Status = (status: string) => Type.Object({ status: Type.Literal(status) }, { additionalProperties: false, examples: [{ status }] })

const health: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/health', {
    schema: {
      tags: ['health'],
      operationId: 'getHealth',
      summary: 'Liveness: the process is up',
      description: 'Answers 200 while the process serves requests, without touching the database. For container and orchestrator liveness probes.',
      response: { 200: Status('ok') }
    }
  }, async () => ({ status: 'ok' }))

  app.get('/ready', {
    schema: {
      tags: ['health'],
      operationId: 'getReady',
      summary: 'Readiness: the database answers',
      description: 'Answers 200 when a query on the database succeeds, 503 with Retry-After when it does not. For readiness probes and load balancers.',
      response: {
        200: Status('ready'),
        503: problemResponse('The database does not answer.')
      }
    }
  }, async () => {
    try {
      app.sqlite.prepare('select 1').get()
    } catch (error) {
      app.log.error({ err: error }, 'readiness check failed')
      throw new ApiError('DATABASE_UNAVAILABLE', 'The database does not answer.', { headers: { 'retry-after': '5' } })
    }
    return { status: 'ready' }
  })
}

export default health
