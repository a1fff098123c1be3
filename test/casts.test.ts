// Types flow from the Drizzle selects and the TypeBox schemas: a type assertion in src/
// is a place where they do not, so their number is kept small. `as const` is not one.
import t from 'tap'
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import ts from 'typescript'

const MAX_CASTS = 25
const root = join(import.meta.dirname, '..')

function sourceFiles (dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return sourceFiles(path)
    return entry.name.endsWith('.ts') ? [path] : []
  })
}

/** The `x as T` and `<T>x` nodes of a file (`x as unknown as T` is two). */
function assertions (source: ts.SourceFile): ts.Node[] {
  const found: ts.Node[] = []
  const visit = (node: ts.Node): void => {
    if ((ts.isAsExpression(node) || ts.isTypeAssertionExpression(node)) && node.type.getText(source) !== 'const') found.push(node)
    ts.forEachChild(node, visit)
  }
  visit(source)
  return found
}

/** Every type assertion in src/, as "file:line: text". */
function casts (): string[] {
  return sourceFiles(join(root, 'src')).flatMap((file) => {
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true)
    return assertions(source).map((node) => {
      const { line } = source.getLineAndCharacterOfPosition(node.getStart(source))
      return `${relative(root, file)}:${line + 1}: ${node.getText(source).replace(/\s+/g, ' ').slice(-100)}`
    })
  })
}

t.test(`src/ has at most ${MAX_CASTS} type assertions (as const aside)`, async (t) => {
  const found = casts()
  t.ok(found.length <= MAX_CASTS, `${found.length} type assertions:\n${found.join('\n')}`)
})

t.test('the counter sees the assertion forms it must', async (t) => {
  const source = ts.createSourceFile('x.ts', 'const a = b as Foo[]; const c = <Bar>d; const e = f as const; const g = h as unknown as ReturnType<typeof i>', ts.ScriptTarget.Latest, true)
  t.equal(assertions(source).length, 4, 'as Foo[], <Bar>, and both halves of as unknown as ReturnType<…>')
})
