import { defaultPolicy, evaluateChangeRequest, type ChangeRequestFacts, type ChangeRequestSettings, type LinkedIssue } from '@change-policy/policy'
import { changeRequestRow, renderChangeRequestSection, type ChangeRequestView } from './change-request-summary'

const REPO = { owner: 'acme', name: 'app' }
const FILLED = '### Justification\n\nCustomers cannot export invoices.\n\n### Impact assessment\n\nOne endpoint.'

function issue(number: number, body = FILLED, overrides: Partial<LinkedIssue> = {}): LinkedIssue {
  return { number, title: `Export ${number}`, body, labels: [], state: 'open', isPullRequest: false, repository: REPO, source: 'body', ...overrides }
}

function view(facts: Partial<ChangeRequestFacts> = {}, settings: Partial<ChangeRequestSettings> = {}): ChangeRequestView {
  const policy = defaultPolicy()
  const changeRequest = { ...policy.changeRequest, required: ['normal' as const], ...settings }
  const data: ChangeRequestFacts = {
    changeType: 'normal',
    repository: REPO,
    pullRequest: { number: 5, body: '', title: 'Export' },
    linkedIssues: [],
    skippedReferences: 0,
    ...facts
  }
  return { evaluation: evaluateChangeRequest(data, { ...policy, changeRequest }), settings: changeRequest, pullRequest: 5 }
}

describe('the requirement row', () => {
  test('met by an issue: the issue and its title', () => {
    expect(changeRequestRow(view({ linkedIssues: [issue(12)] }))).toEqual({
      requirement: 'change request',
      needs: 'a linked issue with `Justification`, `Impact assessment` filled in',
      satisfiedBy: '#12 Export 12',
      missing: '—'
    })
  })

  test('nothing linked: a linked change-request issue is what is missing', () => {
    expect(changeRequestRow(view())?.missing).toBe('a linked change-request issue')
  })

  test('an issue with a section left empty: the text under it is what is missing', () => {
    const body = '### Justification\n\nWhy.\n\n### Impact assessment\n\n_No response_'
    expect(changeRequestRow(view({ linkedIssues: [issue(12, body)] }))?.missing).toBe('text under `Impact assessment`')
  })

  test('only links that cannot count: an issue that can is what is missing', () => {
    expect(changeRequestRow(view({ linkedIssues: [issue(13, '', { isPullRequest: true })] }))?.missing).toBe('a linked issue that can count (see what is missing)')
  })

  test('labels are part of what is needed', () => {
    expect(changeRequestRow(view({}, { labels: ['change-request'] }))?.needs).toBe('a linked issue labelled `change-request` with `Justification`, `Impact assessment` filled in')
  })

  test('documented in the description', () => {
    const row = changeRequestRow(view({ pullRequest: { number: 5, body: FILLED } }, { documentedIn: 'pull-request' }))
    expect(row).toMatchObject({ needs: '`Justification`, `Impact assessment` filled in the description', satisfiedBy: 'the description of #5', missing: '—' })
  })

  test('either, with nothing anywhere', () => {
    expect(changeRequestRow(view({}, { documentedIn: 'either' }))).toMatchObject({
      needs: '`Justification`, `Impact assessment` filled in a linked issue or in the description',
      missing: 'a linked issue or the sections in the description'
    })
  })

  test('no row for a type that does not require one', () => {
    expect(changeRequestRow(view({ changeType: 'standard' }))).toBeNull()
  })

  test('an emergency listed in required: a row that says it is owed, never blocking', () => {
    const row = changeRequestRow(view({ changeType: 'emergency' }, { required: ['normal', 'emergency'] }))
    expect(row).toMatchObject({ needs: 'owed in the post-deployment review (an emergency is not blocked)', missing: '—' })
  })
})

describe('the section', () => {
  test('met: quotes each section, escaped and short', () => {
    const long = `${'word '.repeat(100)}<script>`
    const md = renderChangeRequestSection(view({ linkedIssues: [issue(12, `### Justification\n\n${long}\n\n### Impact assessment\n\nOne *endpoint*.`)] })).join('\n')
    expect(md).toContain('Documented in issue #12 (Export 12):')
    expect(md).toContain('- **Impact assessment**: One \\*endpoint\\*.')
    expect(md).toMatch(/- \*\*Justification\*\*: (word ){59}word…\n/)
    expect(md).not.toContain('<script>')
    expect(md).not.toContain('How to fix it')
  })

  test('missing: the fix names the headings to write and how to link the issue', () => {
    const md = renderChangeRequestSection(view()).join('\n')
    expect(md).toContain('**How to fix it**')
    expect(md).toContain('Open (or edit) an issue in this repository whose body has these headings, each with text under it')
    expect(md).toContain('```markdown\n### Justification\n\n…\n\n### Impact assessment\n\n…\n```')
    expect(md).toContain('`Closes #<issue>`')
    expect(md).toContain('`Refs #<issue>`')
    expect(md).toContain('**Development**')
  })

  test('missing under either: both ways are offered', () => {
    const md = renderChangeRequestSection(view({}, { documentedIn: 'either' })).join('\n')
    expect(md).toContain('Either open (or edit) an issue')
    expect(md).toContain('Or write these headings in the description of #5, each with text under it:')
  })

  test('the linked issues read, with each section ticked or not', () => {
    const body = '### Justification\n\nWhy.\n\n### Impact assessment\n\n_No response_'
    const md = renderChangeRequestSection(view({ linkedIssues: [issue(12, body), issue(13, '', { isPullRequest: true })] })).join('\n')
    expect(md).toContain('| `acme/app#12` | description | Export 12 | ✓ Justification<br>✗ Impact assessment (no text) |')
    expect(md).toContain('| `acme/app#13` | description | Export 13 | ✗ does not count (see what is missing) |')
  })

  test('an issue kept out only by its label still shows its sections', () => {
    const md = renderChangeRequestSection(view({ linkedIssues: [issue(12)] }, { labels: ['change-request'] })).join('\n')
    expect(md).toContain('| `acme/app#12` | description | Export 12 | ✗ does not count (see what is missing)<br>✓ Justification<br>✓ Impact assessment |')
  })

  test('a type that needs none says so in one line', () => {
    expect(renderChangeRequestSection(view({ changeType: 'standard' }))).toEqual([
      '### Change request',
      '',
      'Not required for standard changes (`change-request.required`: normal).',
      ''
    ])
  })

  test('nothing at all when the policy requires change requests for no type', () => {
    expect(renderChangeRequestSection(view({}, { required: [] }))).toEqual([])
  })

  test("the policy's own notices are notes", () => {
    const md = renderChangeRequestSection(view({ linkedIssues: [issue(12)] }, { sections: ['Justification', 'justification', 'Impact assessment'] })).join('\n')
    expect(md).toContain("> [!NOTE]\n> change-request.sections lists 'justification' more than once; it is checked once")
  })
})
