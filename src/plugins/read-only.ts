// A read replica answers every write with a 503 problem that points at the primary.
import fp from 'fastify-plugin'
import type { onRequestAsyncHookHandler, RouteOptions } from 'fastify'
import { ApiError } from '../lib/errors.js'
import { addRouteHook } from '../lib/route-hooks.js'

export interface ReadOnlyOptions {
  /** Where writes go; named in the problem. */
  primaryUrl?: string | undefined
}

export default fp<ReadOnlyOptions>(async function readOnly (app, options) {
  const refuse: onRequestAsyncHookHandler = async () => {
    const where = options.primaryUrl === undefined ? 'the primary server' : options.primaryUrl
    throw new ApiError('READ_ONLY', `This server is a read-only replica; send writes to ${where}.`,
      options.primaryUrl === undefined ? {} : { headers: { link: `<${options.primaryUrl}>; rel="primary"` } })
  }
  app.addHook('onRoute', (route: RouteOptions) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method]
    if (methods.every((method) => method === 'GET' || method === 'HEAD')) return
    addRouteHook(route, 'onRequest', 'read-only', refuse)
  })
}, { name: 'read-only' })
