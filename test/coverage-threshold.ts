// Fails the test command when coverage drops below the project's thresholds. tap 21
// only knows "100% or allow-incomplete-coverage"; these are the real bars. Functions
// sit lower because Drizzle's table callbacks count as functions never called.
import { readFileSync } from 'node:fs'

const THRESHOLDS = { statements: 95, lines: 95, branches: 85, functions: 80 } as const

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
