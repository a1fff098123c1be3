// The HTTP server's first look at a request, before Fastify's router. The response
// cache (plugins/caching.ts) answers its hits here: a repeated public read is bytes
// already made, and Fastify's lifecycle around them (routing, a request and a reply
// object, a child logger, hooks) cost more than writing them. Anything the door does not
// answer goes to Fastify as before; with no answer set (tests that inject, the cache
// off) every request does.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'

/** Answers a request and returns true, or returns false and leaves it untouched. */
export type Answer = (req: IncomingMessage, res: ServerResponse) => boolean

export interface FrontDoor {
  answer: Answer | null
}


/**
 * Fastify's `serverFactory`: the HTTP server Fastify would make itself (its
 * keep-alive, request and connection timeouts), asking the door first.
 */
export function frontDoorServer (door: FrontDoor) {
  return (handler: (req: IncomingMessage, res: ServerResponse) => void, options: Record<string, unknown>): Server => {
    const server = createServer((req, res) => {
      let answered = false
      try {
        answered = door.answer !== null && door.answer(req, res)
      } catch (error) {
        // Nothing the door throws may end the process: before it wrote anything, Fastify
        // answers instead (a problem document, logged); after, the connection is cut.
        if (res.headersSent) { res.destroy(error instanceof Error ? error : undefined); return }
      }
      if (!answered) handler(req, res)
    })
    // Fastify has given each its default by now (fastify.js, lib/server.js).
    server.keepAliveTimeout = Number(options.keepAliveTimeout)
    server.requestTimeout = Number(options.requestTimeout)
    server.setTimeout(Number(options.connectionTimeout ?? 0))
    return server
  }
}
