// The container's HEALTHCHECK: exit 0 when /ready answers 200 on this container's port.
const port = process.env.PORT ?? '3000'
fetch(`http://127.0.0.1:${port}/ready`, { signal: AbortSignal.timeout(2500) }).then(
  (response) => { process.exit(response.ok ? 0 : 1) },
  () => { process.exit(1) }
)
