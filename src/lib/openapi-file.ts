/** The committed form of the OpenAPI document: pretty JSON with a final newline. */
export function renderOpenApi (document: unknown): string {
  return `${JSON.stringify(document, null, 2)}\n`
}
