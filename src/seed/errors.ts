/** A seed file that cannot be loaded: the message names the file, the record and the field. */
export class SeedError extends Error {
  override name = 'SeedError'
}
