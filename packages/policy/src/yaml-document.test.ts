import { parseYamlDocument, type YamlMapping, type YamlNode } from './yaml-document'

function root(text: string): YamlNode {
  const result = parseYamlDocument(text)
  if (!result.ok || result.root === null) throw new Error('expected a document')
  return result.root
}

describe('the positioned YAML tree', () => {
  test('keeps each key\'s and value\'s offset, pointing at the quote of a quoted value', () => {
    const [entry] = (root('a:  "x"\n') as YamlMapping).entries
    expect(entry?.key.offset).toBe(0)
    expect(entry?.value.offset).toBe(4)
  })

  test('resolves plain scalars by the YAML 1.2 core schema', () => {
    const values = (root('a: 1\nb: 1.5\nc: true\nd: ~\ne: yes\nf: "2"\n') as YamlMapping).entries.map((e) => (e.value.kind === 'scalar' ? [e.value.type, e.value.value] : []))
    expect(values).toEqual([['int', 1], ['float', 1.5], ['bool', true], ['null', null], ['str', 'yes'], ['str', '2']])
  })

  test('keeps repeated keys, for the reader to report', () => {
    expect((root('a: 1\na: 2\n') as YamlMapping).entries).toHaveLength(2)
  })

  test('gives an empty value the position of its key', () => {
    const [entry] = (root('x: 1\nkey:\n') as YamlMapping).entries.slice(1)
    expect(entry?.value).toMatchObject({ type: 'null', offset: 5 })
  })

  test('reports an alias to an unknown anchor or to its own container', () => {
    expect(parseYamlDocument('a: *nope\n').ok).toBe(false)
    expect(parseYamlDocument('a: &x [1, *x]\n').ok).toBe(false)
  })

  test('reports a syntax error with its 1-based position', () => {
    const result = parseYamlDocument('a: 1\n b: [\n')
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.problems[0]?.line).toBeGreaterThanOrEqual(2)
  })
})
