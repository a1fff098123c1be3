// What the bare route repeats (test/bench/bare-server.ts): the API's response, with the
// headers Node writes itself left out and a fixed request id of the same length.

/** What the bare route sends as X-Request-Id: as long as the API's UUIDs. */
export const FIXED_REQUEST_ID = '00000000-0000-4000-8000-000000000000'

/** The response headers the bare route repeats: all but those Node writes itself. */
export function headersOf (response: Response): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [name, value] of response.headers) {
    if (['date', 'connection', 'keep-alive', 'content-length', 'transfer-encoding'].includes(name)) continue
    out[name] = name === 'x-request-id' ? FIXED_REQUEST_ID : value
  }
  return out
}
