/** Runs a command-line task; a failure prints one line and exits 1. */
export function runCli (task: () => void | Promise<void>): void {
  Promise.resolve().then(task).catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}\n`)
    process.exit(1)
  })
}
