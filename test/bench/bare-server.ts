// The baseline: a bare Fastify route answering the very same bytes the API sends for
// each benchmarked URL (read from a JSON file), with nothing else around it.
import { readFileSync } from 'node:fs'
import Fastify from 'fastify'

const responses = new Map<string, { contentType: string, body: string }>(
  Object.entries(JSON.parse(readFileSync(process.argv[2] ?? '', 'utf8')) as Record<string, { contentType: string, body: string }>)
)
const app = Fastify({ logger: false })
app.get('/*', (request, reply) => {
  const response = responses.get(request.url)
  if (response === undefined) return reply.code(404).send()
  return reply.type(response.contentType).send(response.body)
})
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' })
process.stdout.write('ready\n')
