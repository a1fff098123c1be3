import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { ApiError } from '../lib/errors.js'
import { problemResponse } from '../plugins/problems.js'

const Status = (status: string) => Type.Object({ status: Type.Literal(status) }, { additionalProperties: false, examples: [{ status }] })
const Ready = Type.Object({
  status: Type.Literal('ready'),
  dataVersion: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'On a replica (REPLICATE_FROM): the data version of the copy it serves, the primary\'s snapshot ETag.' })),
  syncedAt: Type.Optional(Type.Union([Type.String({ format: 'date-time', maxLength: 30, description: 'On a replica: when the primary last sent or confirmed its copy.' }), Type.Null()]))
}, { additionalProperties: false, examples: [{ status: 'ready' }, { status: 'ready', dataVersion: 'mF3oVqS2uSxZ6vNcW0b1bqzM1Yc6JpXy', syncedAt: '2026-11-30T12:00:05.000Z' }] })

const health: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/health', {
    schema: {
      tags: ['health'],
      operationId: 'getHealth',
      summary: 'Liveness: the process is up',
      description: 'Answers 200 while the process serves requests, without touching the database. For container and orchestrator liveness probes.',
      response: { 200: { ...Status('ok'), description: 'The process is up.' } }
    }
  }, async () => ({ status: 'ok' }))

  app.get('/ready', {
    schema: {
      tags: ['health'],
      operationId: 'getReady',
      summary: 'Readiness: the database answers',
      description: 'Answers 200 when a query on the database succeeds, 503 with Retry-After when it does not, and 503 (`SHUTTING_DOWN`) from the moment the server is asked to stop (see `SHUTDOWN_DELAY_MS`: it still answers other requests until it closes). For readiness probes and load balancers.',
      response: {
        200: { ...Ready, description: 'The database answers.' },
        503: problemResponse('The database does not answer, or the server is shutting down.')
      }
    }
  }, async () => {
    if (app.lifecycle.draining) throw new ApiError('SHUTTING_DOWN', 'This server is shutting down; send requests to another.', { headers: { 'retry-after': '5' } })
    try {
      app.sqlite.prepare('select 1').get()
    } catch (error) {
      app.log.error({ err: error }, 'readiness check failed')
      throw new ApiError('DATABASE_UNAVAILABLE', 'The database does not answer.', { headers: { 'retry-after': '5' } })
    }
    const copy = app.replica
    return copy === null || copy.dataVersion === null ? { status: 'ready' as const } : { status: 'ready' as const, dataVersion: copy.dataVersion, syncedAt: copy.syncedAt }
  })
}

export default health
