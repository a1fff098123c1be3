// Files that ship with the package (package.json, migrations/, seed/, openapi/) are found
// from the package's own folder, not the working directory, so the server starts from
// anywhere: `cd /tmp && node /srv/app/dist/server.js`. The module sits in src/lib under
// tsx and in dist/lib when built; both are two levels below the package root, but the
// walk up to the nearest package.json does not depend on that.
import { existsSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

function findPackageRoot (start: string): string {
  let dir = start
  for (;;) {
    if (existsSync(join(dir, 'package.json'))) return dir
    const parent = dirname(dir)
    if (parent === dir) throw new Error(`no package.json above ${start}`)
    dir = parent
  }
}

/** The folder holding this package's package.json. */
export const packageRoot = findPackageRoot(dirname(fileURLToPath(import.meta.url)))

/** A path inside the package: fromPackage('migrations'). */
export function fromPackage (...parts: string[]): string {
  return resolve(packageRoot, ...parts)
}
