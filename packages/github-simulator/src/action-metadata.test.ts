import { parseActionYaml } from './action-metadata'

test('reads nested mappings, quoted and block scalars, sequences, and drops comments', () => {
  const doc = parseActionYaml(
    [
      'name: "Gate deploy"  # the name',
      "author: 'O''Brien'",
      'description: |',
      '  Line one',
      '    indented',
      '',
      'branding:',
      '  icon: shield',
      'outputs:',
      '  allowed:',
      '    description: >',
      '      folded',
      '      text',
      'events:',
      '  - push',
      "  - 'pull_request'",
      'url: https://example.com/#anchor'
    ].join('\n')
  )
  expect(doc).toEqual({
    name: 'Gate deploy',
    author: "O'Brien",
    description: 'Line one\n  indented\n',
    branding: { icon: 'shield' },
    outputs: { allowed: { description: 'folded text\n' } },
    events: ['push', 'pull_request'],
    url: 'https://example.com/#anchor'
  })
})

test('refuses what it does not read instead of misreading it', () => {
  expect(() => parseActionYaml('branding: { icon: x }')).toThrow(/flow collections/)
  expect(() => parseActionYaml('a: 1\n   b: 2')).toThrow(/unexpected indentation/)
})
