// Debian's wrk, for the benchmarks: installed when missing, run once per call, its report
// read into numbers.
import { spawn, spawnSync } from 'node:child_process'

export interface Result { rps: number, p50: number, p99: number, errors: number }

/** Installs Debian's `pkg` when `command` is not on the PATH (the benchmarks' tools). */
export function ensureDebian (command: string, pkg: string): void {
  if (spawnSync(command, ['--version']).error === undefined) return
  console.log(`# installing Debian's ${pkg}`)
  const sudo = process.getuid?.() === 0 ? [] : ['sudo']
  for (const args of [['apt-get', 'update'], ['apt-get', 'install', '-y', pkg]]) {
    const [first = '', ...rest] = [...sudo, ...args]
    const done = spawnSync(first, rest, { stdio: 'inherit' })
    if (done.status !== 0) throw new Error(`${args.join(' ')} failed: install ${pkg} (apt-get install -y ${pkg})`)
  }
}

export function ensureWrk (): void {
  ensureDebian('wrk', 'wrk')
}

/** wrk's duration in ms ("850.00us", "1.20ms", "2.01s"). */
function ms (text: string | undefined): number {
  const match = /^([\d.]+)(us|ms|s|m)$/.exec(text ?? '')
  if (match === null) return Number.NaN
  const value = Number(match[1])
  return match[2] === 'us' ? value / 1000 : match[2] === 'ms' ? value : match[2] === 's' ? value * 1000 : value * 60_000
}

/** One wrk run (`-t1`, `connections` connections, `duration` seconds) against a URL. */
export async function wrk (url: string, duration: number, connections: number): Promise<Result> {
  const out = await new Promise<string>((resolveOut, reject) => {
    const child = spawn('wrk', ['-t1', `-c${connections}`, `-d${duration}s`, '--latency', '--timeout', '10s', url], { stdio: ['ignore', 'pipe', 'inherit'] })
    let text = ''
    child.stdout.on('data', (chunk: Buffer) => { text += chunk.toString() })
    child.on('error', reject)
    child.on('exit', () => { resolveOut(text) })
  })
  const rps = Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1] ?? Number.NaN)
  const non2xx = Number(/Non-2xx or 3xx responses:\s+(\d+)/.exec(out)?.[1] ?? 0)
  const socket = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(out)
  const socketErrors = socket === null ? 0 : socket.slice(1).reduce((n, v) => n + Number(v), 0)
  return {
    rps,
    p50: ms(/\s50%\s+(\S+)/.exec(out)?.[1]),
    p99: ms(/\s99%\s+(\S+)/.exec(out)?.[1]),
    errors: non2xx + socketErrors
  }
}

