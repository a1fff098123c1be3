// Ajv instances with the project's formats and shared schemas. JSON bodies are
// validated without type coercion (Ajv coercion inside anyOf silently turns a null
// into "" or a "2018" into 2018); query strings, path and header values arrive as
// text and are coerced.
import { Ajv, type AnySchema, type ValidateFunction } from 'ajv'
import formats from 'ajv-formats'
import type { FastifySchemaCompiler } from 'fastify'
import { partialDateFormat } from './formats.js'

export function createAjv (options: { coerce: boolean, schemas: readonly object[] }): Ajv {
  const ajv = new Ajv({
    coerceTypes: options.coerce ? 'array' : false,
    useDefaults: true,
    removeAdditional: false,
    allErrors: true,
    strict: false,
    // Checking each schema against the JSON Schema meta-schema compiled that meta-schema
    // in every instance, about a third of the time from spawn to ready. The schemas are
    // the project's own: test/schemas-meta.test.ts checks every one of them against it.
    validateSchema: false
  })
  formats.default(ajv)
  partialDateFormat(ajv)
  for (const schema of options.schemas) ajv.addSchema(schema)
  return ajv
}

/** A validate function Fastify calls like Ajv's own, compiled on its first call. */
interface LazyValidate {
  (data: unknown, context?: Parameters<ValidateFunction>[1]): boolean
  errors?: ValidateFunction['errors']
  /**
   * Present on Ajv's functions; Fastify passes the parent (so Ajv may replace a coerced or
   * defaulted root value) only to functions that have it.
   */
  schemaEnv: true
}

function lazily (compile: () => ValidateFunction): LazyValidate {
  let validate: ValidateFunction | undefined
  const lazy: LazyValidate = Object.assign((data: unknown, context?: Parameters<ValidateFunction>[1]) => {
    validate ??= compile()
    const valid = validate(data, context)
    lazy.errors = validate.errors
    return valid
  }, { schemaEnv: true as const })
  return lazy
}

/**
 * Fastify's validator compiler: one Ajv for bodies, one for everything else. Each route's
 * validators compile on the first request that needs them (as the serializers do), not at
 * start: compiling every schema of every route was most of the time from spawn to ready.
 */
export function validatorCompiler (schemas: readonly object[]): FastifySchemaCompiler<AnySchema> {
  const body = createAjv({ coerce: false, schemas })
  const text = createAjv({ coerce: true, schemas })
  return ({ schema, httpPart }) => lazily(() => (httpPart === 'body' ? body : text).compile(schema))
}
