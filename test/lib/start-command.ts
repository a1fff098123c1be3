// How production starts the server: package.json's start script, `node [flags]
// dist/server.js` (the Dockerfile's CMD is the same; test/dockerfile.test.ts keeps them
// equal). The benchmark and the soak test start it the same way.
import { readFileSync } from 'node:fs'

/** The Node flags between `node` and `dist/server.js` in package.json's start script. */
export function startFlags (): string[] {
  const { scripts } = JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: { start: string } }
  const flags = /^node (.*)dist\/server\.js$/.exec(scripts.start)?.[1]
  if (flags === undefined) throw new Error(`package.json's start script is not "node [flags] dist/server.js": ${scripts.start}`)
  return flags.split(' ').filter((flag) => flag !== '')
}
