// Plugins that document what a route can answer add responses to its schema.
import type { FastifySchema } from 'fastify'

/** A non-null object, read as a record of unknown values. */
export function isRecord (value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null
}

/** A route schema's responses by status code; an empty map is added when it has none. */
export function responsesOf (schema: FastifySchema): Record<string, unknown> {
  const existing = schema.response
  if (isRecord(existing)) return existing
  const created: Record<string, unknown> = {}
  schema.response = created
  return created
}
