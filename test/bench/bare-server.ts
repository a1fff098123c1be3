// The baseline: a bare Fastify route answering, for each benchmarked URL, the very same
// status, headers and bytes the API sent (read from a JSON file; X-Request-Id is a fixed
// id of the same length), set in one call, with nothing else around it. Bodies are encoded
// to UTF-8 once, at start: the ceiling is a route that only writes bytes (the API's
// response cache keeps encoded bodies too).
import { readFileSync } from 'node:fs'
import Fastify from 'fastify'

interface Stored { status: number, headers: Record<string, string>, body: string }

const responses = new Map<string, Stored & { bytes: Buffer }>(
  Object.entries(JSON.parse(readFileSync(process.argv[2] ?? '', 'utf8')) as Record<string, Stored>)
    .map(([url, stored]) => [url, { ...stored, bytes: Buffer.from(stored.body) }])
)
const app = Fastify({ logger: false })
app.get('/*', (request, reply) => {
  const response = responses.get(request.url)
  if (response === undefined) return reply.code(404).send()
  return reply.code(response.status).headers(response.headers).send(response.bytes)
})
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' })
process.stdout.write('ready\n')
