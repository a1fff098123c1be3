// A request Node's HTTP parser cannot read (a raw byte outside the URL's characters, a
// header line without a colon, headers over the size limit) or that does not arrive in
// time never reaches Fastify's routes, and Fastify answers it with its own
// `{"error","message","statusCode"}` body. This answers it as every other error is
// answered: an RFC 9457 problem document with its catalogue code, then the connection is
// closed (the parser cannot find where a next request would start).
import type { Socket } from 'node:net'
import { errorOf, problemType, type ErrorCode } from './errors.js'

/** The catalogue code and detail for an error of Node's HTTP parser or server. */
function problemFor (error: Error & { code?: string }): { code: ErrorCode, detail: string } {
  if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT') return { code: 'REQUEST_TIMEOUT', detail: 'The request did not arrive in full in time.' }
  if (error.code === 'HPE_HEADER_OVERFLOW') return { code: 'HEADERS_TOO_LARGE', detail: 'The request\'s URL and headers together are larger than the server accepts.' }
  return { code: 'BAD_REQUEST', detail: 'The request is not valid HTTP/1.1 (a URL or header with characters HTTP does not allow, or a malformed request line or header).' }
}

/** Fastify's clientErrorHandler: the problem document, written on the socket, which is then closed. */
export function clientErrorHandler (error: Error & { code?: string }, socket: Socket): void {
  // A reset connection has nobody to answer.
  if (error.code === 'ECONNRESET' || socket.destroyed || !socket.writable) return
  const { code, detail } = problemFor(error)
  const { status, title } = errorOf(code)
  const body = JSON.stringify({ type: problemType(status), title, status, detail, code })
  socket.end(`HTTP/1.1 ${status} ${title}\r\nContent-Type: application/problem+json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n${body}`)
}
