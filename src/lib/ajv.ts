// Ajv instances with the project's formats and shared schemas. JSON bodies are
// validated without type coercion (Ajv coercion inside anyOf silently turns a null
// into "" or a "2018" into 2018); query strings, path and header values arrive as
// text and are coerced.
import { Ajv, type AnySchema } from 'ajv'
import formats from 'ajv-formats'
import type { FastifySchemaCompiler } from 'fastify'
import { partialDateFormat } from './formats.js'

export function createAjv (options: { coerce: boolean, schemas: readonly object[] }): Ajv {
  const ajv = new Ajv({
    coerceTypes: options.coerce ? 'array' : false,
    useDefaults: true,
    removeAdditional: false,
    allErrors: true,
    strict: false
  })
  formats.default(ajv)
  partialDateFormat(ajv)
  for (const schema of options.schemas) ajv.addSchema(schema)
  return ajv
}

/** Fastify's validator compiler: one Ajv for bodies, one for everything else. */
export function validatorCompiler (schemas: readonly object[]): FastifySchemaCompiler<AnySchema> {
  const body = createAjv({ coerce: false, schemas })
  const text = createAjv({ coerce: true, schemas })
  return ({ schema, httpPart }) => (httpPart === 'body' ? body : text).compile(schema)
}
