// Fails the test command when coverage drops below the project's thresholds: the
// statements, lines, branches and functions of package.json's "tap" section. tap reads
// them too, and comments "# ERROR: incomplete … coverage" only when a bar is missed;
// allow-incomplete-coverage keeps a targeted run (one test file) from failing, so this
// script is what enforces them. Functions sit lower because Drizzle's table callbacks
// count as functions never called.
import { readFileSync } from 'node:fs'

const tap = (JSON.parse(readFileSync('package.json', 'utf8')) as { tap: Record<string, unknown> }).tap
const THRESHOLDS = {
  statements: Number(tap.statements),
  lines: Number(tap.lines),
  branches: Number(tap.branches),
  functions: Number(tap.functions)
} as const
for (const [metric, minimum] of Object.entries(THRESHOLDS)) {
  if (!(minimum > 0)) throw new Error(`package.json tap.${metric} is not a coverage threshold`)
}

const summary = JSON.parse(readFileSync('.tap/report/coverage-summary.json', 'utf8')) as {
  total: Record<keyof typeof THRESHOLDS, { pct: number }>
}
const failures = Object.entries(THRESHOLDS).filter(([metric, minimum]) => summary.total[metric as keyof typeof THRESHOLDS].pct < minimum)
for (const [metric, minimum] of Object.entries(THRESHOLDS)) {
  const pct = summary.total[metric as keyof typeof THRESHOLDS].pct
  process.stdout.write(`coverage ${metric}: ${pct}% (minimum ${minimum}%)\n`)
}
if (failures.length > 0) {
  process.stderr.write(`coverage below threshold: ${failures.map(([metric]) => metric).join(', ')}\n`)
  process.exit(1)
}
