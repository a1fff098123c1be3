import t from 'tap'
import { clip, clipMarked } from '../src/lib/text.js'

t.test('clip leaves short text alone and cuts long text to its limit with an ellipsis', async (t) => {
  t.equal(clip('abc', 3), 'abc')
  t.equal(clip('abcd', 3), 'ab…')
  t.equal(clip('\u{1F3C5}\u{1F3C5}\u{1F3C5}', 2), '\u{1F3C5}…', 'counts characters, not UTF-16 units')
})

t.test('clipMarked never leaves a broken or open <mark>', async (t) => {
  t.equal(clipMarked('a <mark>b</mark> c', 100), 'a <mark>b</mark> c')
  const long = `${'x'.repeat(20)} <mark>${'y'.repeat(50)}</mark> z`
  const cut = clipMarked(long, 40)
  t.ok([...cut].length <= 40, `at most 40 characters (${cut})`)
  t.equal(cut.split('<mark>').length, cut.split('</mark>').length, 'every <mark> is closed')
  t.ok(cut.endsWith('…'))
  // The cut falls inside the opening tag: the fragment goes.
  const inTag = clipMarked(`${'x'.repeat(30)}<mark>y</mark>`, 41)
  t.equal(inTag, `${'x'.repeat(30)}…`, 'the half tag is dropped')
  t.equal(inTag.split('<mark>').length, inTag.split('</mark>').length)
})
