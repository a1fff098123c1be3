// npm run lint:openapi — the OpenAPI document as other tools see it. Spectral
// (spectral:oas + the OWASP API Security ruleset + our rules, .spectral.yaml) and
// Redocly (recommended-strict + our rules, redocly.yaml) over openapi/openapi.json:
// no errors and no warnings. Then a broken copy of the document, to show the rules
// that enforce our conventions are live. Ends with "lint: N passed, N failed".
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const DOCUMENT = 'openapi/openapi.json'
let passed = 0
let failed = 0
function check (name: string, ok: boolean, detail = ''): void {
  if (ok) { passed++; console.log(`ok - ${name}`) } else { failed++; console.log(`not ok - ${name}${detail === '' ? '' : `\n${detail}`}`) }
}

interface SpectralFinding { code: string, message: string, path: string[], severity: number }

function spectral (file: string): SpectralFinding[] {
  const run = spawnSync('node_modules/.bin/spectral', ['lint', file, '--ruleset', '.spectral.yaml', '--format', 'json', '--quiet'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
  try {
    return JSON.parse(run.stdout) as SpectralFinding[]
  } catch {
    throw new Error(`spectral did not answer JSON (exit ${run.status ?? 'none'}): ${run.stderr}`)
  }
}

interface RedoclyReport { totals: { errors: number, warnings: number }, problems: Array<{ ruleId: string, message: string, location?: Array<{ pointer?: string }> }> }

function redocly (file: string): RedoclyReport {
  const run = spawnSync('node_modules/.bin/redocly', ['lint', file, '--format', 'json'], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' }
  })
  const start = run.stdout.indexOf('{')
  try {
    return JSON.parse(run.stdout.slice(start)) as RedoclyReport
  } catch {
    throw new Error(`redocly did not answer JSON (exit ${run.status ?? 'none'}): ${run.stderr}`)
  }
}

const describeSpectral = (findings: SpectralFinding[]) =>
  findings.map((f) => `  ${['error', 'warning', 'info', 'hint'][f.severity] ?? f.severity} ${f.code} at ${f.path.join('.')}: ${f.message}`).join('\n')
const describeRedocly = (report: RedoclyReport) =>
  report.problems.map((p) => `  ${p.ruleId} at ${p.location?.[0]?.pointer ?? '?'}: ${p.message}`).join('\n')

function main (): void {
  const findings = spectral(DOCUMENT)
  check(`spectral: ${DOCUMENT} has no errors or warnings (${findings.length} findings)`, findings.length === 0, describeSpectral(findings))

  const report = redocly(DOCUMENT)
  const count = report.totals.errors + report.totals.warnings
  check(`redocly: ${DOCUMENT} has no errors or warnings (${report.totals.errors} errors, ${report.totals.warnings} warnings)`, count === 0, describeRedocly(report))

  // A copy with one operation stripped of its summary, description, problem responses
  // and example, a request body without an example, and one example that breaks its
  // own schema.
  const doc = JSON.parse(readFileSync(DOCUMENT, 'utf8')) as {
    paths: Record<string, Record<string, { summary?: string, description?: string, responses: Record<string, { content?: Record<string, { schema?: unknown }> }> }>>
    components: { schemas: Record<string, { examples?: unknown[] }> }
  }
  const operation = doc.paths['/v1/games/{id}']?.get
  if (operation === undefined) throw new Error('GET /v1/games/{id} is not in the document')
  delete operation.summary
  delete operation.description
  delete operation.responses['429']
  delete operation.responses['500']
  const success = operation.responses['200']?.content?.['application/json']
  if (success !== undefined) success.schema = { type: 'object' }
  doc.components.schemas.Sponsor!.examples = [{ id: 'Not A Slug', name: '' }]
  delete doc.components.schemas.SourcePatch!.examples
  const dir = mkdtempSync(join(tmpdir(), 'openapi-lint-'))
  try {
    const broken = join(dir, 'broken.json')
    writeFileSync(broken, JSON.stringify(doc))
    const codes = new Set(spectral(broken).map((f) => f.code))
    // (Spectral checks `example`, not the OpenAPI 3.1 `examples` arrays: Redocly and test/openapi.test.ts do.)
    const expected = ['operation-summary', 'operation-description', 'operation-problem-responses', 'operation-success-example', 'operation-request-example']
    const missing = expected.filter((code) => !codes.has(code))
    check('spectral: a broken copy fails the summary, description, problem-response and both example rules', missing.length === 0, `  not reported: ${missing.join(', ')}`)
    const rules = new Set(redocly(broken).problems.map((p) => p.ruleId))
    const expectedRedocly = ['operation-summary', 'operation-description', 'no-invalid-schema-examples']
    const missingRedocly = expectedRedocly.filter((rule) => !rules.has(rule))
    check('redocly: a broken copy fails the summary, description and example rules', missingRedocly.length === 0, `  not reported: ${missingRedocly.join(', ')}`)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

try {
  main()
} catch (error) {
  check('the linters ran', false, String(error))
}
console.log(`lint: ${passed} passed, ${failed} failed`)
process.exitCode = failed === 0 ? 0 : 1
