// The Dockerfile is linted for syntax and semantics (dockerfile-utils) and best
// practice (dockerfilelint, settings in .dockerfilelintrc), and keeps the properties a
// deployment relies on. test:image builds and runs it for real.
import { readFileSync } from 'node:fs'
import t from 'tap'
import { validate } from 'dockerfile-utils'
import dockerfilelint from 'dockerfilelint'
import { startFlags } from './lib/start-command.js'

const dockerfile = readFileSync('Dockerfile', 'utf8')

t.test('dockerfile-utils finds no problem', async (t) => {
  t.same(validate(dockerfile).map((d) => `${d.range.start.line + 1}: ${typeof d.message === 'string' ? d.message : d.message.value}`), [])
})

t.test('dockerfilelint finds no problem', async (t) => {
  const run = (dockerfilelint as unknown as { run: (dir: string, content: string) => unknown[] }).run
  t.same(run('.', dockerfile), [])
})

t.test('the image is built to run in production', async (t) => {
  t.match(dockerfile, /^ARG BASE=node:24-[a-z-]+$/m, 'a node:24 (LTS) family base')
  t.equal((dockerfile.match(/^FROM /gm) ?? []).length, 2, 'multi-stage')
  t.match(dockerfile, /npm prune --omit=dev/, 'production dependencies only at run time')
  t.match(dockerfile, /^USER node$/m, 'non-root')
  t.match(dockerfile, /^VOLUME \["\/data"\]$/m)
  t.match(dockerfile, /DATABASE_PATH=\/data\/sponsors\.db/)
  t.match(dockerfile, /HOST=0\.0\.0\.0/)
  t.match(dockerfile, /^EXPOSE 3000$/m)
  t.match(dockerfile, /^HEALTHCHECK .*healthcheck\.js/m)
  t.match(dockerfile, /^STOPSIGNAL SIGTERM$/m)
  // Docker runs the last CMD.
  const cmd = [...dockerfile.matchAll(/^CMD (.*)$/gm)].at(-1)?.[1] ?? '[]'
  t.same(JSON.parse(cmd), ['node', ...startFlags(), 'dist/server.js'], 'the container runs the server as npm start does (same Node flags)')
  const ignored = readFileSync('.dockerignore', 'utf8').split('\n')
  for (const entry of ['node_modules', 'data', '.git', 'dist']) t.ok(ignored.includes(entry), `.dockerignore has ${entry}`)
})
