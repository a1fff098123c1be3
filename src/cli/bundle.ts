// npm run build (after tsc) — bundle the server into one file, dist/server.js.
// Importing the app as separate ES modules loads about 900 files (typebox alone 373,
// drizzle-orm 113), and resolving and compiling them was most of the time from spawn to
// ready. One bundled file starts about three times sooner. Packages stay outside the bundle
// when they need their own folder at run time: better-sqlite3 (its native addon),
// @fastify/swagger and @fastify/swagger-ui (they read files beside their code), pino and
// thread-stream (worker files). The CLI tools and the health check stay as tsc wrote them.
import { build } from 'esbuild'
import { runCli } from './run.js'
import { fromPackage } from '../lib/package-paths.js'

runCli(async () => {
  const outfile = fromPackage('dist', 'server.js')
  await build({
    entryPoints: [fromPackage('src', 'server.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    sourcemap: true,
    external: ['better-sqlite3', '@fastify/swagger', '@fastify/swagger-ui', 'pino', 'thread-stream'],
    // CommonJS packages inside an ES module bundle still call require() for Node's own modules.
    banner: { js: "import { createRequire as bundleRequire } from 'node:module'; const require = bundleRequire(import.meta.url);" },
    logLevel: 'warning'
  })
  process.stdout.write(`bundled ${outfile}\n`)
})
