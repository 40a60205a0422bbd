import { listHeadings } from './markdown-headings'
import { findSections } from './markdown-sections'

const one = (body: string, heading: string) => findSections(body, [heading])[0]!

describe('ATX headings', () => {
  test.each([1, 2, 3, 4, 5, 6])('a level %i heading is found with its text', (level) => {
    const body = `${'#'.repeat(level)} Justification\nBecause.\n`
    expect(one(body, 'Justification')).toEqual({ heading: 'Justification', found: true, title: 'Justification', level, line: 0, text: 'Because.' })
  })

  test('seven #s are not a heading', () => {
    expect(one('####### Justification\ntext', 'Justification').found).toBe(false)
  })

  test('a # without a space after it is not a heading', () => {
    expect(one('#Justification\ntext', 'Justification').found).toBe(false)
  })

  test('closing #s are not part of the heading', () => {
    expect(one('## Justification ##\ntext', 'Justification').title).toBe('Justification')
  })

  test('a # inside the text stays', () => {
    expect(listHeadings('## Why C#\n')[0]?.text).toBe('Why C#')
  })

  test('up to three spaces of indent are allowed, four make code', () => {
    expect(one('   ## Justification\ntext', 'Justification').found).toBe(true)
    expect(one('    ## Justification\ntext', 'Justification').found).toBe(false)
  })
})

describe('setext headings', () => {
  test('=== underlines a level 1 heading', () => {
    const found = one('Justification\n===\nBecause.\n', 'Justification')
    expect([found.level, found.text]).toEqual([1, 'Because.'])
  })

  test('--- underlines a level 2 heading', () => {
    const found = one('Intro\n\nJustification\n-------------\nBecause.\n', 'Justification')
    expect([found.level, found.line, found.text]).toEqual([2, 2, 'Because.'])
  })

  test('--- after a blank line is a thematic break, not a heading', () => {
    expect(listHeadings('Justification\n\n---\ntext')).toEqual([])
  })

  test('--- under a list item is a thematic break', () => {
    expect(listHeadings('- Justification\n---\ntext')).toEqual([])
  })

  test('a setext heading ends the section above it', () => {
    const body = '## Justification\nBecause.\n\nImpact assessment\n---\nNone.'
    expect(one(body, 'Justification').text).toBe('Because.')
    expect(one(body, 'Impact assessment').text).toBe('None.')
  })
})

describe('what is not a heading', () => {
  test('a heading inside a ``` fence', () => {
    const body = '```md\n## Justification\nexample\n```\n'
    expect(one(body, 'Justification').found).toBe(false)
  })

  test('a heading inside a ~~~ fence', () => {
    expect(one('~~~\n## Justification\n~~~\n', 'Justification').found).toBe(false)
  })

  test('a fence closes only with the same character, at least as long', () => {
    const body = '````\n```\n## Justification\n~~~~\n````\n## Impact assessment\nx'
    expect(listHeadings(body).map((h) => h.text)).toEqual(['Impact assessment'])
  })

  test('a fence never closed runs to the end', () => {
    expect(listHeadings('```\n## Justification\ntext')).toEqual([])
  })

  test('a heading inside an HTML comment', () => {
    expect(one('<!--\n## Justification\n-->\n', 'Justification').found).toBe(false)
  })

  test('a code fence inside a section is part of its text', () => {
    const body = '## Justification\n```\n# not a heading\n```\nAfter.\n## Impact assessment\nx'
    expect(one(body, 'Justification').text).toBe('```\n# not a heading\n```\nAfter.')
  })
})

describe('matching the policy heading', () => {
  test.each([
    '## Justification:',
    '## justification',
    '## JUSTIFICATION',
    '##   Justification   ',
    '## **Justification**',
    '## __Justification__:',
    '## _Justification_',
    '## Justification *',
    '## 📝 Justification'
  ])('%s is the Justification section', (line) => {
    expect(one(`${line}\ntext`, 'Justification').text).toBe('text')
  })

  test('the policy may write the heading with punctuation too', () => {
    expect(one('## Impact assessment\ntext', 'Impact assessment:').found).toBe(true)
  })

  test('whitespace inside is collapsed, words are not', () => {
    expect(one('## Impact   assessment\ntext', 'Impact assessment').found).toBe(true)
    expect(one('## Impact assessments\ntext', 'Impact assessment').found).toBe(false)
  })

  test('a heading that is only punctuation matches nothing', () => {
    expect(one('## :\ntext', ':').found).toBe(false)
  })
})

describe('section text', () => {
  test('runs to the next heading of the same or a higher level, deeper ones included', () => {
    const body = '## Justification\nWhy.\n### Details\nMore.\n## Impact assessment\nLow.\n# Appendix\nx'
    expect(one(body, 'Justification').text).toBe('Why.\n### Details\nMore.')
    expect(one(body, 'Impact assessment').text).toBe('Low.')
  })

  test('the last section runs to the end', () => {
    expect(one('# Title\n## Justification\nWhy.\n\nStill why.\n', 'Justification').text).toBe('Why.\n\nStill why.')
  })

  test('Windows line endings are read as lines', () => {
    expect(one('## Justification\r\nWhy.\r\n## Other\r\n', 'Justification').text).toBe('Why.')
  })

  test('a heading written twice gives its first filled occurrence', () => {
    const body = '## Justification\n<!-- why? -->\n## Justification\nBecause.\n'
    expect(one(body, 'Justification')).toMatchObject({ line: 2, text: 'Because.' })
  })

  test('a heading written twice and never filled gives the first', () => {
    expect(one('## Justification\n\n## Justification\n', 'Justification').line).toBe(0)
  })

  test('headings come back in the order asked, a missing one marked', () => {
    const found = findSections('## B\nb\n## A\na', ['A', 'B', 'C'])
    expect(found.map((f) => [f.heading, f.found, f.text])).toEqual([['A', true, 'a'], ['B', true, 'b'], ['C', false, '']])
  })

  test('the same heading asked twice is found twice, without trouble', () => {
    expect(findSections('## A\na', ['A', 'a']).map((f) => f.text)).toEqual(['a', 'a'])
  })
})

describe('bodies written to be slow', () => {
  // Each of these took seconds with end-anchored regular expressions that backtrack.
  test.each([
    ['a heading line of 64 KiB of spaces', '# a' + ' '.repeat(65_530) + 'b'],
    ['a heading of 64 KiB of punctuation', '# a' + '!'.repeat(65_530) + 'a'],
    ['a heading of spaces and tabs before a closing #', '# a' + ' \t'.repeat(32_760) + 'b #'],
    ['a section of 64 KiB of dots and spaces', '# x\na' + '. '.repeat(32_760) + 'b']
  ])('%s is read in well under a second', (_name, body) => {
    const started = performance.now()
    findSections(body, ['x', 'Impact assessment'])
    expect(performance.now() - started).toBeLessThan(1000)
  })
})
