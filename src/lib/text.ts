// Bounds on text the server writes: every string the API answers with has a documented
// maximum length, and text made from stored or client-sent values is cut to fit it.

/** `text` unchanged when it fits in `max` characters, otherwise cut and ended with "…". */
export function clip (text: string, max: number): string {
  if (text.length <= max) return text
  const characters = [...text]
  return characters.length <= max ? text : `${characters.slice(0, max - 1).join('')}…`
}

/**
 * A search snippet cut to `max` characters without breaking its markup: a cut-off
 * `<mark>` tag is dropped and an open one is closed.
 */
export function clipMarked (snippet: string, max: number): string {
  if (snippet.length <= max) return snippet
  const characters = [...snippet]
  if (characters.length <= max) return snippet
  let cut = characters.slice(0, max - '</mark>…'.length).join('').replace(/<\/?m?a?r?k?$/, '')
  if (cut.lastIndexOf('<mark>') > cut.lastIndexOf('</mark>')) cut += '</mark>'
  return `${cut}…`
}
