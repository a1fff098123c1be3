// What the browser scripts share: Debian's Chromium (installed when missing, never a
// downloaded browser) launched offline, the API on a live port with a fresh database,
// ok/not ok lines and the closing "browser: N passed, N failed" that .ci/run counts.
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, type BrowserContext } from 'playwright-core'

const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium'
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost']

let passed = 0
let failed = 0
export function check (name: string, ok: boolean, detail = ''): void {
  if (ok) { passed++; console.log(`ok - ${name}`) } else { failed++; console.log(`not ok - ${name}${detail === '' ? '' : `: ${detail}`}`) }
}

/** A persistent Chromium context on a fresh profile; closing it removes the profile. */
export async function launch (options: { viewport?: { width: number, height: number }, javaScriptEnabled?: boolean } = {}): Promise<BrowserContext> {
  const profile = mkdtempSync(join(tmpdir(), 'chromium-profile-'))
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, args: FLAGS, headless: true, ...options })
  context.on('close', () => {
    // Chromium may still be writing its profile as it exits: a leftover is no failure.
    try { rmSync(profile, { recursive: true, force: true, maxRetries: 3 }) } catch { /* left in tmp */ }
  })
  return context
}

/**
 * Runs `main` against the API listening on `port` (started here on a fresh database,
 * seeded with the reviewed record), then prints the counts and sets the exit code.
 */
export function runBrowserTest (port: number, main: (base: string) => Promise<void>): void {
  if (!existsSync(CHROMIUM)) {
    const install = spawnSync('bash', ['-c', 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium'], { stdio: 'inherit' })
    if (install.status !== 0) console.log('not ok - install Debian\'s chromium')
  }
  const dir = mkdtempSync(join(tmpdir(), 'browser-test-'))
  const server = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    env: { ...process.env, DATABASE_PATH: join(dir, 'api.db'), PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'inherit']
  })
  const base = `http://127.0.0.1:${port}`
  const ready = async (): Promise<void> => {
    // A cold start (tsx, migrations, the seed) takes a while on a busy machine.
    for (let i = 0; i < 600; i++) {
      try { if ((await fetch(`${base}/ready`)).ok) return } catch { /* starting */ }
      await new Promise((r) => setTimeout(r, 100))
    }
  }
  ready().then(async () => { await main(base) }).catch((error: unknown) => {
    check('the browser test ran', false, error instanceof Error ? error.message : String(error))
  }).finally(() => {
    server.kill('SIGTERM')
    rmSync(dir, { recursive: true, force: true })
    console.log(`browser: ${passed} passed, ${failed} failed`)
    process.exitCode = failed === 0 && passed > 0 ? 0 : 1
  })
}
