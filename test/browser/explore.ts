// npm run test:explore-browser — /explore and /explore/chart.svg in a real browser
// (Debian's Chromium driven by playwright-core, as test/browser/swagger-ui.ts): with
// JavaScript on and off, every contract the API lists has its bar linking to its JSON,
// filters applied through the form change the bars to exactly the contracts
// /v1/contracts returns for the same filter, and nothing is blocked or logged as an
// error. The screenshot goes to artifacts/explore.png (docs/explore.png is a copy).
// Ends with "browser: N passed, N failed".
import { existsSync, mkdirSync } from 'node:fs'
import type { BrowserContext, Page } from 'playwright-core'
import { check, launch, runBrowserTest } from './harness.js'

const PORT = Number(process.env.BROWSER_TEST_PORT ?? 19210)
let BASE = ''

interface ContractJson { id: string, sponsors: Array<{ id: string }>, categories: Array<{ id: string }> }

/** Every contract /v1/contracts returns for a query, page after page. */
async function apiContracts (query: string): Promise<ContractJson[]> {
  const out: ContractJson[] = []
  let url: string | null = `${BASE}/v1/contracts?${query}${query === '' ? '' : '&'}limit=100`
  while (url !== null) {
    const res = await fetch(url)
    const body = await res.json() as { data: ContractJson[], meta: { nextCursor: string | null } }
    out.push(...body.data)
    url = body.meta.nextCursor === null ? null : `${url.replace(/&cursor=[^&]*/, '')}&cursor=${encodeURIComponent(body.meta.nextCursor)}`
  }
  return out
}

const sameSet = (a: string[], b: string[]) => a.length === b.length && [...a].sort().join() === [...b].sort().join()

/** The contract ids drawn as bars (each once, joint contracts sit in several rows). */
async function barIds (page: Page): Promise<string[]> {
  return page.$$eval('svg a.bar', (nodes) => [...new Set(nodes.map((n) => n.getAttribute('data-contract') ?? ''))])
}

/** Watches a page for console errors, uncaught errors and CSP reports. */
function watch (page: Page): string[] {
  const problems: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error' || /Content Security Policy|Refused to/i.test(message.text())) problems.push(message.text())
  })
  page.on('pageerror', (error) => problems.push(error.message))
  return problems
}

async function checkPage (context: BrowserContext, label: string, all: ContractJson[]): Promise<void> {
  const page = await context.newPage()
  const problems = watch(page)
  const res = await page.goto(`${BASE}/explore`, { waitUntil: 'load' })
  check(`${label}: /explore answers 200`, res?.status() === 200, String(res?.status()))
  const ids = await barIds(page)
  check(`${label}: every contract of the record has its bar (${all.length})`, sameSet(ids, all.map((c) => c.id)), `bars ${ids.length}, API ${all.length}`)
  const hrefs = await page.$$eval('svg a.bar', (nodes) => nodes.map((n) => [n.getAttribute('data-contract'), n.getAttribute('href')]))
  check(`${label}: every bar links to its contract's JSON`, hrefs.every(([id, href]) => href === `/v1/contracts/${id ?? ''}`))
  const rows = await page.$$eval('svg a[data-sponsor]', (nodes) => nodes.map((n) => [n.getAttribute('data-sponsor'), n.getAttribute('href')]))
  const sponsors = new Set(all.flatMap((c) => c.sponsors.map((s) => s.id)))
  check(`${label}: one row per partner, linked to its timeline`, rows.length === sponsors.size && rows.every(([id, href]) => sponsors.has(id ?? '') && href === `/v1/sponsors/${id ?? ''}/timeline`))
  const visible = await page.locator('svg a.bar').first().isVisible()
  check(`${label}: the bars are visible`, visible)

  // Follow the first bar: it opens the contract's JSON.
  const first = all[0]
  if (first !== undefined) {
    await page.click(`svg a.bar[data-contract="${first.id}"]`)
    await page.waitForURL(`${BASE}/v1/contracts/${first.id}`)
    const text = await page.textContent('body')
    check(`${label}: a bar opens the contract's JSON`, text?.includes(`"id":"${first.id}"`) === true, text?.slice(0, 120))
    await page.goBack()
  }

  // A filter through the form: the bars become what /v1/contracts returns for it.
  const category = first?.categories[0]?.id ?? ''
  await page.selectOption('select[name="category"]', category)
  await Promise.all([page.waitForURL(/category=/), page.click('form button[type="submit"]')])
  const url = new URL(page.url())
  check(`${label}: the form puts the filter in the URL`, url.searchParams.get('category') === category, page.url())
  const expected = await apiContracts(`category=${category}`)
  const filtered = await barIds(page)
  check(`${label}: category=${category} shows exactly the contracts /v1/contracts returns (${expected.length})`, sameSet(filtered, expected.map((c) => c.id)) && filtered.length < all.length, `bars ${filtered.join(',')}`)
  const shown = await page.getAttribute('#api-request', 'href')
  check(`${label}: the page names the JSON request`, shown === `/v1/contracts?category=${category}&limit=100`, String(shown))

  await page.selectOption('select[name="category"]', '')
  await page.fill('input[name="activeOn"]', '2000-06-15')
  await Promise.all([page.waitForURL(/activeOn=2000-06-15/), page.click('form button[type="submit"]')])
  const active = await apiContracts('activeOn=2000-06-15')
  check(`${label}: activeOn=2000-06-15 shows the contracts running that day (${active.length})`, sameSet(await barIds(page), active.map((c) => c.id)))

  check(`${label}: no console error, page error or CSP violation`, problems.length === 0, problems.join(' | '))
  await page.close()
}

runBrowserTest(PORT, async (base) => {
  BASE = base
  const all = await apiContracts('')
  check('the API lists contracts', all.length > 0)
  const context = await launch({ viewport: { width: 1280, height: 900 } })
  try {
    await checkPage(context, 'JavaScript on', all)

    // The image URL renders the same chart on its own.
    const page = await context.newPage()
    const problems = watch(page)
    await page.goto(`${BASE}/explore/chart.svg`, { waitUntil: 'load' })
    const root = await page.$eval(':root', (node) => node.tagName)
    check('/explore/chart.svg renders as an SVG document', root === 'svg', root)
    check('the image has a bar per contract', sameSet(await barIds(page), all.map((c) => c.id)))
    const titles = await page.$$eval('svg title', (nodes) => nodes.length)
    check('the image has <title>s for screen readers', titles > all.length, String(titles))
    check('the image loads with no error or CSP violation', problems.length === 0, problems.join(' | '))

    // The screenshot for the README and CI.
    await page.goto(`${BASE}/explore`, { waitUntil: 'load' })
    mkdirSync('artifacts', { recursive: true })
    await page.locator('figure').screenshot({ path: 'artifacts/explore.png' })
    check('screenshot saved to artifacts/explore.png', existsSync('artifacts/explore.png'))
    await page.close()

    // JavaScript off: the same page, the same form.
    const noScript = await launch({ javaScriptEnabled: false })
    try {
      await checkPage(noScript, 'JavaScript off', all)
    } finally {
      await noScript.close()
    }
  } finally {
    await context.close()
  }
})
