// The README's Configuration table documents the variables src/config.ts declares: the
// same names in the same order, each with its default and its meaning (the schema's
// description). The table may move from README.md to a page under docs/.
import t from 'tap'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { variables } from '../src/config.js'

const HEADER = '| variable | default | meaning |'

function configurationTable (): { file: string, rows: string[][] } {
  const docs = existsSync('docs') ? readdirSync('docs').filter((name) => name.endsWith('.md')).map((name) => join('docs', name)) : []
  for (const file of ['README.md', ...docs]) {
    const lines = readFileSync(file, 'utf8').split('\n')
    const start = lines.indexOf(HEADER)
    if (start === -1) continue
    const rows: string[][] = []
    for (const line of lines.slice(start + 2)) {
      if (!line.startsWith('|')) break
      rows.push(line.slice(1, -1).split(' | ').map((cell) => cell.trim()))
    }
    return { file, rows }
  }
  throw new Error(`no table headed "${HEADER}" in README.md or docs/`)
}

t.test('the Configuration table lists every variable with its default and meaning', async (t) => {
  const { file, rows } = configurationTable()
  const documented = rows.map(([name, fallback, meaning]) => ({ name, fallback, meaning }))
  const declared = Object.entries(variables).map(([name, { schema }]) => {
    const { default: fallback, description } = schema as { default?: unknown, description?: string }
    return { name: `\`${name}\``, fallback: fallback === undefined ? '—' : `\`${typeof fallback === 'string' ? fallback : JSON.stringify(fallback)}\``, meaning: description }
  })
  t.same(documented, declared, `${file} documents the variables of src/config.ts`)
})
