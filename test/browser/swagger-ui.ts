// npm run test:browser — Swagger UI in a real browser (Debian's Chromium driven by
// playwright-core, never a downloaded browser): opens /docs on a live server, checks
// every tag group renders, expands GET /v1/sponsors, tries it out with country=CN and
// reads Alibaba Group in the rendered response. The screenshot goes to artifacts/.
// Ends with "browser: N passed, N failed".
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium } from 'playwright-core'

const PORT = Number(process.env.BROWSER_TEST_PORT ?? 18470)
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost']
const TAGS = ['sponsors', 'categories', 'contracts', 'meetings', 'games', 'sources', 'search', 'changes', 'health']

let passed = 0
let failed = 0
function check (name: string, ok: boolean, detail = ''): void {
  if (ok) { passed++; console.log(`ok - ${name}`) } else { failed++; console.log(`not ok - ${name}${detail === '' ? '' : `: ${detail}`}`) }
}

// Debian's Chromium, installed when missing (never a browser download).
if (!existsSync(process.env.CHROMIUM ?? '/usr/bin/chromium')) {
  const install = spawnSync('bash', ['-c', 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium'], { stdio: 'inherit' })
  if (install.status !== 0) console.log('not ok - install Debian\'s chromium')
}

const dir = mkdtempSync(join(tmpdir(), 'browser-test-'))
const server = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
  env: { ...process.env, DATABASE_PATH: join(dir, 'api.db'), PORT: String(PORT), HOST: '127.0.0.1', LOG_LEVEL: 'warn' },
  stdio: ['ignore', 'ignore', 'inherit']
})

async function main (): Promise<void> {
  for (let i = 0; i < 100; i++) {
    try { if ((await fetch(`http://127.0.0.1:${PORT}/ready`)).ok) break } catch { /* starting */ }
    await new Promise((r) => setTimeout(r, 100))
  }
  const profile = mkdtempSync(join(tmpdir(), 'chromium-profile-'))
  const context = await chromium.launchPersistentContext(profile, { executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: FLAGS, headless: true })
  try {
    const page = await context.newPage()
    const violations: string[] = []
    page.on('console', (message) => { if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text()) })
    await page.goto(`http://127.0.0.1:${PORT}/docs`, { waitUntil: 'networkidle' })
    await page.waitForSelector('.opblock-tag', { timeout: 15_000 })
    const tags = await page.$$eval('.opblock-tag', (nodes) => nodes.map((node) => node.getAttribute('data-tag')))
    for (const tag of TAGS) check(`tag group "${tag}" renders`, tags.includes(tag), `saw ${tags.join(', ')}`)
    check('no Content-Security-Policy violation', violations.length === 0, violations.join(' | '))

    const operation = page.locator('#operations-sponsors-listSponsors')
    await operation.locator('.opblock-summary').click()
    await operation.locator('button.try-out__btn').click()
    await operation.locator('tr[data-param-name="country"] input').fill('CN')
    await operation.locator('button.execute').click()
    const body = operation.locator('.responses-wrapper .live-responses-table .response-col_description .microlight').first()
    await body.waitFor({ timeout: 15_000 })
    const text = await body.innerText()
    check('Try it out with country=CN shows Alibaba Group', text.includes('"name": "Alibaba Group"'), text.slice(0, 200))
    const status = await operation.locator('.live-responses-table .response .response-col_status').first().innerText()
    check('the live response is 200', status.trim() === '200', status)
    await body.scrollIntoViewIfNeeded()
    mkdirSync('artifacts', { recursive: true })
    await page.screenshot({ path: 'artifacts/swagger-ui.png', fullPage: false })
    check('screenshot saved to artifacts/swagger-ui.png', true)
  } finally {
    await context.close()
    rmSync(profile, { recursive: true, force: true })
  }
}

main().catch((error: unknown) => {
  check('the browser test ran', false, error instanceof Error ? error.message : String(error))
}).finally(() => {
  server.kill('SIGTERM')
  rmSync(dir, { recursive: true, force: true })
  console.log(`browser: ${passed} passed, ${failed} failed`)
  process.exitCode = failed === 0 && passed > 0 ? 0 : 1
})
