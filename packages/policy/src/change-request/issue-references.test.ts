import { REPO } from './change-request-fixtures'
import { MAX_ISSUE_REFERENCES, describeReference, parseIssueReferences } from './issue-references'

const refs = (body: string, serverUrl?: string) =>
  parseIssueReferences(body, REPO, serverUrl).references.map((r) => `${r.owner}/${r.name}#${r.number}`)
const first = (body: string) => parseIssueReferences(body, REPO).references[0]

describe('the forms of a reference', () => {
  test('#12 is an issue of this repository', () => {
    expect(first('See #12.')).toEqual({
      owner: 'acme', name: 'app', number: 12, isPullRequest: false, crossRepository: false, closing: false, text: '#12'
    })
  })

  test('owner/name#12 naming this repository is this repository\'s, whatever the case', () => {
    expect(first('Refs Acme/App#12')).toMatchObject({ number: 12, crossRepository: false, text: 'Acme/App#12' })
  })

  test('owner/name#12 naming another repository is marked as such', () => {
    expect(first('Refs acme/other#3')).toMatchObject({ owner: 'acme', name: 'other', number: 3, crossRepository: true })
  })

  test('an issue URL', () => {
    expect(first('See https://github.com/acme/app/issues/12 for context')).toMatchObject({ number: 12, isPullRequest: false, crossRepository: false })
  })

  test('a /pull/ URL is flagged as a pull request', () => {
    expect(first('Follows https://github.com/acme/app/pull/40')).toMatchObject({ number: 40, isPullRequest: true })
  })

  test('a URL to another repository', () => {
    expect(first('https://github.com/other/lib/issues/7')).toMatchObject({ owner: 'other', name: 'lib', crossRepository: true })
  })

  test('a URL with a fragment or a trailing path', () => {
    expect(refs('https://github.com/acme/app/issues/12#issuecomment-1 and https://github.com/acme/app/pull/13/files')).toEqual([
      'acme/app#12',
      'acme/app#13'
    ])
  })

  test('a URL on a GitHub Enterprise server', () => {
    expect(refs('https://ghe.example.com/acme/app/issues/12 https://github.com/acme/app/issues/13', 'https://ghe.example.com/')).toEqual([
      'acme/app#12'
    ])
  })

  test('in a Markdown link, and in parentheses', () => {
    expect(refs('[the request](https://github.com/acme/app/issues/12) (#13)')).toEqual(['acme/app#12', 'acme/app#13'])
  })
})

describe('closing keywords', () => {
  test.each(['close', 'closes', 'closed', 'fix', 'fixes', 'fixed', 'resolve', 'resolves', 'resolved', 'Closes:', 'FIXES'])(
    '"%s #12" is closing',
    (keyword) => {
      expect(first(`${keyword} #12`)?.closing).toBe(true)
    }
  )

  test('a reference without a keyword is not closing, but is a reference', () => {
    expect(first('Refs #12')).toMatchObject({ number: 12, closing: false })
  })

  test('the keyword works on every form', () => {
    const found = parseIssueReferences('Fixes acme/app#1, resolves https://github.com/acme/app/issues/2', REPO).references
    expect(found.map((r) => r.closing)).toEqual([true, true])
  })

  test('a keyword inside a word is not one', () => {
    expect(first('prefix #12')?.closing).toBe(false)
  })
})

describe('what is not a reference', () => {
  test.each([
    ['inside a code span', 'Run `git log #12` first'],
    ['inside a fenced block', '```\nCloses #12\n```'],
    ['inside a ~~~ block', '~~~\n#12\n~~~'],
    ['inside an HTML comment (a template example)', '<!-- e.g. Closes #12 -->'],
    ['glued to a word', 'PR#12 and abc#12'],
    ['an HTML entity', '&#12;'],
    ['a URL fragment', 'https://example.com/page#12 https://example.com/#12'],
    ['a heading-like line', '#12abc'],
    ['issue 0 or a leading zero', '#0 #012']
  ])('%s', (_name, body) => {
    expect(refs(body)).toEqual([])
  })
})

describe('many references', () => {
  test('the same issue written in several forms is one reference, closing if any is', () => {
    const found = parseIssueReferences('Refs #12, acme/app#12, fixes https://github.com/acme/app/issues/12', REPO)
    expect(found.references).toHaveLength(1)
    expect(found.references[0]).toMatchObject({ text: '#12', closing: true })
  })

  test('#12 and a /pull/12 URL are the same number, flagged as a pull request', () => {
    expect(parseIssueReferences('#12 https://github.com/acme/app/pull/12', REPO).references[0]?.isPullRequest).toBe(true)
  })

  test('a 65,536-character body with hundreds of references keeps the first 10 and says more were skipped', () => {
    const parts: string[] = []
    for (let n = 1; parts.join(' ').length < 65_536; n += 1) parts.push(n % 3 === 0 ? `Fixes #${n}` : `Refs acme/app#${n}`)
    const body = parts.join(' ').slice(0, 65_536)
    expect(body.length).toBe(65_536)
    const started = performance.now()
    const found = parseIssueReferences(body, REPO)
    expect(performance.now() - started).toBeLessThan(1000)
    expect(found.references.map((r) => r.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])
    expect(found.truncated).toBe(true)
    expect(found.skipped).toBeGreaterThan(300)
    expect(MAX_ISSUE_REFERENCES).toBe(10)
  })

  test('references to this repository come before others when capping', () => {
    const others = Array.from({ length: 12 }, (_, i) => `other/lib#${i + 1}`).join(' ')
    const found = parseIssueReferences(`${others} Closes #99`, REPO)
    expect(found.references[0]).toMatchObject({ number: 99, crossRepository: false })
    expect(found.skipped).toBe(3)
  })

  test('exactly ten references are not truncated', () => {
    const body = Array.from({ length: 10 }, (_, i) => `#${i + 1}`).join(' ')
    expect(parseIssueReferences(body, REPO)).toMatchObject({ skipped: 0, truncated: false })
  })
})

test('describeReference writes #12 for this repository and owner/name#12 for another', () => {
  expect(describeReference({ owner: 'ACME', name: 'app', number: 12 }, REPO)).toBe('#12')
  expect(describeReference({ owner: 'acme', name: 'other', number: 3 }, REPO)).toBe('acme/other#3')
})
