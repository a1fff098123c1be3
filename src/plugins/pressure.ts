// Load shedding: when the event loop lags beyond the configured delay, requests get a
// 503 problem with Retry-After instead of queueing behind the backlog.
import fp from 'fastify-plugin'
import underPressure from '@fastify/under-pressure'
import { ApiError } from '../lib/errors.js'

export interface PressureOptions {
  maxEventLoopDelay: number
  sampleInterval?: number
}

export default fp<PressureOptions>(async function pressure (app, options) {
  if (options.maxEventLoopDelay <= 0) return
  const sampleInterval = options.sampleInterval ?? 250
  // Start-up (migrations, seeding, compiling every route's schemas) blocks the loop
  // once; the samples that still hold it say nothing about load, so they are ignored.
  let readyAt = Number.POSITIVE_INFINITY
  app.addHook('onReady', async () => { readyAt = Date.now() })
  await app.register(underPressure, {
    maxEventLoopDelay: options.maxEventLoopDelay,
    sampleInterval,
    retryAfter: 5,
    exposeStatusRoute: false,
    pressureHandler: (_request, _reply, type, value) => {
      if (Date.now() - readyAt < 2 * sampleInterval) return undefined
      // Only the event loop delay is limited here. A sample with no reading at all (the
      // loop never got to the timer) comes as Infinity.
      const why = type !== 'eventLoopDelay' || value === undefined
        ? type
        : Number.isFinite(value) ? `${type} ${Math.round(value)} ms` : `${type}: the event loop was busy for a whole sample`
      throw new ApiError('OVERLOADED', `The server is overloaded (${why}); retry in 5 s.`, { headers: { 'retry-after': '5' } })
    }
  })
}, { name: 'pressure' })
