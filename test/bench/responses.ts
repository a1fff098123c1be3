// What the bare route repeats (test/bench/bare-server.ts): the API's responses, with the
// headers Node writes itself left out and a fixed request id of the same length.
import type { ChildProcess } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { ready, start } from './servers.js'

/** What the bare route sends as X-Request-Id: as long as the API's UUIDs. */
const FIXED_REQUEST_ID = '00000000-0000-4000-8000-000000000000'

export interface Recorded { status: number, headers: Record<string, string>, body: string }

/** The response headers the bare route repeats: all but those Node writes itself. */
function headersOf (response: Response): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [name, value] of response.headers) {
    if (['date', 'connection', 'keep-alive', 'content-length', 'transfer-encoding'].includes(name)) continue
    out[name] = name === 'x-request-id' ? FIXED_REQUEST_ID : value
  }
  return out
}

/**
 * Records the API's answer to each path (every one must be a 2xx) in `file`, then starts
 * the bare route on `port` answering them; the recorded responses and the bare server.
 */
export async function startBare (api: string, paths: string[], file: string, port: number): Promise<{ responses: Record<string, Recorded>, bare: ChildProcess }> {
  const responses: Record<string, Recorded> = {}
  for (const path of paths) {
    const response = await fetch(`${api}${path}`)
    if (!response.ok) throw new Error(`${path} answered ${response.status}`)
    responses[path] = { status: response.status, headers: headersOf(response), body: await response.text() }
  }
  writeFileSync(file, JSON.stringify(responses))
  const bare = start(process.execPath, ['--import', 'tsx', 'test/bench/bare-server.ts', file], { PORT: String(port) })
  await ready(bare, `http://127.0.0.1:${port}${paths[0] ?? '/'}`)
  return { responses, bare }
}
