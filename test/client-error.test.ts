// A request Node's HTTP parser cannot read never reaches a route: it is still answered
// with a problem document from the catalogue (src/lib/client-error.ts), and the
// connection is closed. Sent over a real socket, since inject bypasses the parser.
import { connect } from 'node:net'
import t, { type Test } from 'tap'
import { build } from './helper.js'

/** A fresh app listening on a free port of 127.0.0.1: its port. */
async function listening (t: Test): Promise<number> {
  const { app } = await build(t)
  await app.listen({ port: 0, host: '127.0.0.1' })
  const address = app.server.address()
  return typeof address === 'object' && address !== null ? address.port : 0
}

/** Writes raw bytes to the server and reads everything it answers until it closes. */
async function raw (port: number, bytes: Buffer): Promise<string> {
  return await new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => { socket.write(bytes) })
    let text = ''
    socket.on('data', (chunk: Buffer) => { text += chunk.toString('latin1') })
    socket.on('error', reject)
    socket.on('close', () => { resolve(text) })
  })
}

/** The status line, the headers by name and the body of an answer. */
function parse (answer: string): { status: string, headers: Record<string, string>, body: unknown } {
  const [head = '', body = ''] = answer.split('\r\n\r\n')
  const [status = '', ...lines] = head.split('\r\n')
  const headers = Object.fromEntries(lines.map((line) => [line.slice(0, line.indexOf(':')).toLowerCase(), line.slice(line.indexOf(':') + 1).trim()]))
  t.equal(Number(headers['content-length']), Buffer.byteLength(body), 'Content-Length is the body\'s')
  return { status, headers, body: JSON.parse(body) }
}

const BAD_REQUEST = {
  type: '/problems/invalid-request',
  title: 'Bad Request',
  status: 400,
  detail: 'The request is not valid HTTP/1.1 (a URL or header with characters HTTP does not allow, or a malformed request line or header).',
  code: 'BAD_REQUEST'
}

t.test('unreadable requests are 400 problem documents, and the connection closes', async (t) => {
  const port = await listening(t)
  for (const [what, bytes] of [
    ['a raw UTF-8 byte in the URL', Buffer.from('GET /v1/search?q=Z\u00fcrich HTTP/1.1\r\nHost: x\r\n\r\n', 'utf8')],
    ['a header line without a colon', Buffer.from('GET /v1/sponsors HTTP/1.1\r\nHost: x\r\nnot a header\r\n\r\n')],
    ['no request line', Buffer.from('GARBAGE\r\n\r\n')]
  ] as const) {
    const answer = parse(await raw(port, bytes))
    t.equal(answer.status, 'HTTP/1.1 400 Bad Request', what)
    t.equal(answer.headers['content-type'], 'application/problem+json', what)
    t.equal(answer.headers.connection, 'close', what)
    t.equal(answer.headers['cache-control'], 'no-store', what)
    t.same(answer.body, BAD_REQUEST, what)
  }
})

t.test('headers over the limit are a 431 problem document', async (t) => {
  const port = await listening(t)
  const answer = parse(await raw(port, Buffer.from(`GET /v1/sponsors HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`)))
  t.equal(answer.status, 'HTTP/1.1 431 Request Header Fields Too Large')
  t.equal(answer.headers['content-type'], 'application/problem+json')
  t.same(answer.body, {
    type: '/problems/headers-too-large',
    title: 'Request Header Fields Too Large',
    status: 431,
    detail: 'The request\'s URL and headers together are larger than the server accepts.',
    code: 'HEADERS_TOO_LARGE'
  })
})

t.test('a well-formed request on the same server is still answered', async (t) => {
  const port = await listening(t)
  const answer = await raw(port, Buffer.from('GET /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n'))
  t.match(answer, /^HTTP\/1\.1 200 OK\r\n/)
})
