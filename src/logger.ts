// pino options: JSON logs with the request id, a few request headers worth having,
// and credentials redacted wherever they appear.
import type { FastifyServerOptions } from 'fastify'

export const REDACT = ['req.headers.authorization', 'req.headers.cookie', 'req.headers["x-api-key"]']

export function loggerOptions (level: string, extra: Record<string, unknown> = {}): FastifyServerOptions['logger'] {
  return {
    level,
    redact: { paths: REDACT, censor: '[redacted]' },
    serializers: {
      req (request: { method: string, url: string, headers: Record<string, unknown>, ip?: string }) {
        return { method: request.method, url: request.url, ip: request.ip, headers: request.headers }
      }
    },
    ...extra
  }
}
