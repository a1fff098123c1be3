// The HTTP server's first look at a request, before Fastify's router. The response
// cache (plugins/caching.ts) answers its hits here: a repeated public read is bytes
// already made, and Fastify's lifecycle around them (routing, a request and a reply
// object, a child logger, hooks) cost more than writing them. Anything the door does not
// answer goes to Fastify as before; with no answer set (tests that inject, the cache
// off) every request does.
import type { IncomingMessage, Server, ServerResponse } from 'node:http'

/** Answers a request and returns true, or returns false and leaves it untouched. */
export type Answer = (req: IncomingMessage, res: ServerResponse) => boolean

export interface FrontDoor {
  answer: Answer | null
}

type Listener = (req: IncomingMessage, res: ServerResponse) => void

/**
 * Puts the door in front of Fastify's own request listener on the server Fastify made
 * (so Fastify keeps its server options, timeouts and, for `localhost`, its second
 * binding, whose requests all go through Fastify). Not a `serverFactory`: with one,
 * Fastify binds only the first address `localhost` resolves to.
 */
export function installFrontDoor (server: Server, door: FrontDoor): void {
  const listeners = server.listeners('request') as Listener[]
  const [fastify] = listeners
  if (listeners.length !== 1 || fastify === undefined) throw new Error(`expected Fastify's one request listener, found ${listeners.length}`)
  server.removeListener('request', fastify)
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    let answered = false
    try {
      answered = door.answer !== null && door.answer(req, res)
    } catch (error) {
      // Nothing the door throws may end the process: before it wrote anything, Fastify
      // answers instead (a problem document, logged); after, the connection is cut.
      if (res.headersSent) { res.destroy(error instanceof Error ? error : undefined); return }
    }
    if (!answered) fastify(req, res)
  })
}
