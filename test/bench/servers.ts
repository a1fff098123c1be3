// The benchmark scripts' servers: spawned, waited for, stopped; every one still running
// is stopped when the script ends, even on an error (stopAll).
import { spawn, type ChildProcess } from 'node:child_process'

const children = new Set<ChildProcess>()

/** Spawns a server; stopAll stops it if it is still running. */
export function start (command: string, args: string[], env: Record<string, string>): ChildProcess {
  const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'inherit'] })
  children.add(child)
  child.once('exit', () => { children.delete(child) })
  return child
}

async function waitFor (url: string, timeoutMs: number): Promise<number> {
  const started = performance.now()
  while (performance.now() - started < timeoutMs) {
    try {
      if ((await fetch(url)).ok) return performance.now() - started
    } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 5))
  }
  throw new Error(`${url} did not answer`)
}

/** Waits for a spawned server's URL, in ms; fails if the server exits first (e.g. its port was taken). */
export async function ready (child: ChildProcess, url: string, timeoutMs = 180_000): Promise<number> {
  const exited = new Promise<never>((_resolve, reject) => { child.once('exit', (code) => { reject(new Error(`${url}: the server exited (${code})`)) }) })
  return await Promise.race([waitFor(url, timeoutMs), exited])
}

export async function stop (child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return
  await new Promise<void>((r) => { child.once('exit', () => { r() }); child.kill('SIGTERM') })
}

/** Stops every server still running. */
export function stopAll (): void {
  for (const child of children) child.kill('SIGTERM')
}
