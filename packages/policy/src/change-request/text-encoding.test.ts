import { encodingProblem, unpairedSurrogateAt, wellFormedText } from './text-encoding'

test('text with characters outside the basic plane, properly paired, is valid', () => {
  expect(unpairedSurrogateAt('Deploy 🚀 now')).toBe(-1)
  expect(encodingProblem('Deploy 🚀 now')).toBeNull()
})

test('a lone high or low surrogate is found where it is', () => {
  expect(unpairedSurrogateAt('ab\uD800c')).toBe(2)
  expect(unpairedSurrogateAt('ab\uDC00')).toBe(2)
  expect(unpairedSurrogateAt('\uD83D')).toBe(0)
})

test('the problem names the code unit and its 1-based place', () => {
  expect(encodingProblem('ab\uD800c')).toBe('not valid UTF-8 text: an unpaired surrogate U+D800 at character 3')
})

test('a repaired copy replaces each lone surrogate, and only those', () => {
  expect(wellFormedText('🚀\uD800x\uDC00')).toBe('🚀\uFFFDx\uFFFD')
})
