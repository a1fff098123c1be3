import type { Ajv } from 'ajv'
import { isPartialDate } from './partial-date.js'

/** Ajv plugin: the `partial-date` format (a real calendar date at any precision). */
export function partialDateFormat (ajv: Ajv): Ajv {
  return ajv.addFormat('partial-date', { type: 'string', validate: isPartialDate })
}
