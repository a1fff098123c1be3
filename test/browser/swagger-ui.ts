// npm run test:browser — Swagger UI in a real browser (Debian's Chromium driven by
// playwright-core, never a downloaded browser): opens /docs on a live server, checks
// every tag group renders, expands GET /v1/sponsors, tries it out with country=CN and
// reads Alibaba Group in the rendered response. The screenshot goes to artifacts/.
// Ends with "browser: N passed, N failed".
import { mkdirSync } from 'node:fs'
import { check, launch, runBrowserTest } from './harness.js'

const PORT = Number(process.env.BROWSER_TEST_PORT ?? 18470)
const TAGS = ['sponsors', 'categories', 'contracts', 'meetings', 'games', 'sources', 'search', 'changes', 'health', 'explore']

runBrowserTest(PORT, async (base) => {
  const context = await launch()
  try {
    const page = await context.newPage()
    const violations: string[] = []
    page.on('console', (message) => { if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text()) })
    await page.goto(`${base}/docs`, { waitUntil: 'networkidle' })
    await page.waitForSelector('.opblock-tag', { timeout: 60_000 })
    const tags = await page.$$eval('.opblock-tag', (nodes) => nodes.map((node) => node.getAttribute('data-tag')))
    for (const tag of TAGS) check(`tag group "${tag}" renders`, tags.includes(tag), `saw ${tags.join(', ')}`)
    check('no Content-Security-Policy violation', violations.length === 0, violations.join(' | '))

    const operation = page.locator('#operations-sponsors-listSponsors')
    await operation.locator('.opblock-summary').click()
    await operation.locator('button.try-out__btn').click()
    await operation.locator('tr[data-param-name="country"] input').fill('CN')
    await operation.locator('button.execute').click()
    const body = operation.locator('.responses-wrapper .live-responses-table .response-col_description .microlight').first()
    await body.waitFor({ timeout: 60_000 })
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
  }
})
