import { FILLED, REPO, facts, formBody, issue, policyWith } from './change-request-fixtures'
import { evaluateChangeRequest } from './evaluate-change-request'

describe('a normal change that must link a change request', () => {
  test('an issue with both sections filled satisfies it and goes into the record', () => {
    const result = evaluateChangeRequest(facts(), policyWith())
    expect(result).toMatchObject({ required: true, satisfied: true, missing: [], owedInPostDeploymentReview: false })
    expect(result.issue?.number).toBe(12)
    expect(result.sections.map((s) => [s.heading, s.document, s.found, s.filled])).toEqual([
      ['Justification', 'issue', true, true],
      ['Impact assessment', 'issue', true, true]
    ])
    expect(result.record).toEqual({
      issue: 12,
      title: 'Change request 12',
      documentedIn: 'issue',
      justification: 'Customers cannot export invoices.',
      impact: 'Only the export endpoint changes; no migration.',
      sections: [
        { heading: 'Justification', text: 'Customers cannot export invoices.', cut: false },
        { heading: 'Impact assessment', text: 'Only the export endpoint changes; no migration.', cut: false }
      ]
    })
  })

  test('no linked issue fails and says how to fix it, with the headings needed', () => {
    const result = evaluateChangeRequest(facts({ linkedIssues: [] }), policyWith())
    expect(result.satisfied).toBe(false)
    expect(result.record).toBeNull()
    expect(result.missing).toEqual([
      'pull request #5 links no change-request issue: add "Closes #<issue>" or "Refs #<issue>" to its description, or link the issue in the ' +
        "Development sidebar; the issue needs the headings 'Justification', 'Impact assessment', each with text under it"
    ])
  })

  test("an issue form's body with an empty Impact assessment fails on that section", () => {
    const body = '### Justification\n\ntext\n\n### Impact assessment\n\n_No response_'
    const result = evaluateChangeRequest(facts({ linkedIssues: [issue(12, { body })] }), policyWith())
    expect(result.satisfied).toBe(false)
    expect(result.missing).toEqual(["issue #12 has no text under 'Impact assessment': fill in that section"])
    expect(result.sections.map((s) => s.filled)).toEqual([true, false])
  })

  test('a missing heading says which heading to add', () => {
    const result = evaluateChangeRequest(facts({ linkedIssues: [issue(12, { body: '### Justification\nWhy.' })] }), policyWith())
    expect(result.missing).toEqual(["issue #12 has no 'Impact assessment' heading: add '### Impact assessment' with text under it"])
  })

  test('a link from the sidebar counts like one in the body', () => {
    const result = evaluateChangeRequest(facts({ pullRequest: { number: 5, body: '' }, linkedIssues: [issue(12, { source: 'sidebar' })] }), policyWith())
    expect(result.satisfied).toBe(true)
  })

  test('a pull request does not count, and says why', () => {
    const result = evaluateChangeRequest(facts({ linkedIssues: [issue(13, { isPullRequest: true })] }), policyWith())
    expect(result.satisfied).toBe(false)
    expect(result.missing).toEqual(['#13 is a pull request, not an issue: link the change-request issue instead'])
  })

  test("another repository's issue does not count, and says why", () => {
    const other = issue(3, { repository: { owner: 'acme', name: 'other' } })
    const result = evaluateChangeRequest(facts({ linkedIssues: [other] }), policyWith())
    expect(result.missing).toEqual(['acme/other#3 is an issue of another repository: link an issue of acme/app instead'])
  })

  test('an issue that could not be read fails closed, naming it', () => {
    const unreadable = issue(12, { readError: 'HTTP 404 Not Found', body: '', title: '' })
    const result = evaluateChangeRequest(facts({ linkedIssues: [unreadable] }), policyWith())
    expect(result.satisfied).toBe(false)
    expect(result.missing).toEqual([
      "#12 could not be read (HTTP 404 Not Found): check that it exists and that the token may read its repository's issues"
    ])
  })

  test('an unreadable reference does not spoil a documented issue linked too', () => {
    const result = evaluateChangeRequest(facts({ linkedIssues: [issue(99, { readError: 'HTTP 404' }), issue(12)] }), policyWith())
    expect(result.satisfied).toBe(true)
    expect(result.issue?.number).toBe(12)
    expect(result.candidates.map((c) => c.counts)).toEqual([false, true])
  })

  test('the first documented issue is chosen, an undocumented one before it reported', () => {
    const result = evaluateChangeRequest(facts({ linkedIssues: [issue(11, { body: '' }), issue(12)] }), policyWith())
    expect(result.issue?.number).toBe(12)
  })

  test('the same issue from the body and the sidebar is one candidate', () => {
    const result = evaluateChangeRequest(facts({ linkedIssues: [issue(12), issue(12, { source: 'sidebar' })] }), policyWith())
    expect(result.candidates).toHaveLength(1)
  })

  test('a closed issue still documents the change', () => {
    expect(evaluateChangeRequest(facts({ linkedIssues: [issue(12, { state: 'closed' })] }), policyWith()).satisfied).toBe(true)
  })

  test('an unreadable issue with its own fix says that fix', () => {
    const unreadable = issue(12, { readError: 'GitHub answered HTTP 502 after retries', readFix: 're-run the job' })
    expect(evaluateChangeRequest(facts({ linkedIssues: [unreadable] }), policyWith()).missing).toEqual([
      '#12 could not be read (GitHub answered HTTP 502 after retries): re-run the job'
    ])
  })

  test('an issue whose body is not valid UTF-8 fails closed, naming it and the place', () => {
    const body = `${FILLED}\n\nPasted: \uDC00`
    const result = evaluateChangeRequest(facts({ linkedIssues: [issue(12, { body })] }), policyWith())
    expect(result.satisfied).toBe(false)
    expect(result.candidates[0]?.counts).toBe(false)
    expect(result.missing).toEqual([
      `the body of issue #12 is not valid UTF-8 text: an unpaired surrogate U+DC00 at character ${body.length}: edit the issue, retype the text around that place and save it`
    ])
  })

  test('sidebar links that could not be read fail closed when nothing else documents the change', () => {
    const result = evaluateChangeRequest(facts({ linkedIssues: [], sidebarError: 'GitHub answered HTTP 502' }), policyWith())
    expect(result.satisfied).toBe(false)
    expect(result.missing).toContain(
      'the issues linked in the Development sidebar of pull request #5 could not be read (GitHub answered HTTP 502): re-run the job; until they can be read, a link made there cannot count'
    )
  })

  test('...and do not spoil a documented issue referenced in the description', () => {
    expect(evaluateChangeRequest(facts({ sidebarError: 'GitHub answered HTTP 502' }), policyWith()).satisfied).toBe(true)
  })

  test('sidebar links skipped by the cap are reported when nothing qualified', () => {
    const result = evaluateChangeRequest(facts({ linkedIssues: [], skippedSidebarLinks: 3 }), policyWith())
    expect(result.missing).toContain(
      '3 more issues linked in the Development sidebar were not read (at most 10 are): unlink the ones that are not the change request'
    )
  })

  test('references skipped by the cap are reported when nothing qualified', () => {
    const result = evaluateChangeRequest(facts({ linkedIssues: [issue(1, { isPullRequest: true })], skippedReferences: 40 }), policyWith())
    expect(result.missing).toContain('40 more references were not read (at most 10 are): reference the change request among the first 10')
  })
})

describe('labels', () => {
  test('an issue without one of the labels fails', () => {
    const result = evaluateChangeRequest(facts(), policyWith({ labels: ['change-request'] }))
    expect(result.missing).toEqual(['issue #12 does not have the label change-request: add it to the issue'])
  })

  test('an issue without the label has its sections judged too: every problem is reported at once', () => {
    const body = formBody('Why.', '_No response_')
    const result = evaluateChangeRequest(facts({ linkedIssues: [issue(12, { body })] }), policyWith({ labels: ['change-request'] }))
    expect(result.missing).toEqual([
      'issue #12 does not have the label change-request: add it to the issue',
      "issue #12 has no text under 'Impact assessment': fill in that section"
    ])
    expect(result.sections.map((s) => [s.heading, s.filled])).toEqual([['Justification', true], ['Impact assessment', false]])
  })

  test('any one of several labels will do, whatever the case', () => {
    const labelled = facts({ linkedIssues: [issue(12, { labels: ['bug', 'Change'] })] })
    expect(evaluateChangeRequest(labelled, policyWith({ labels: ['change-request', 'change'] })).satisfied).toBe(true)
  })

  test('the message lists several labels', () => {
    const result = evaluateChangeRequest(facts(), policyWith({ labels: ['change-request', 'change'] }))
    expect(result.missing[0]).toBe('issue #12 does not have any of the labels change-request, change: add it to the issue')
  })
})

describe('documented-in', () => {
  const prBody = `Closes #12\n\n${FILLED}`

  test('pull-request: the sections in the description and a linked issue pass', () => {
    const data = facts({ pullRequest: { number: 5, body: prBody }, linkedIssues: [issue(12, { body: '' })] })
    const result = evaluateChangeRequest(data, policyWith({ documentedIn: 'pull-request' }))
    expect(result.satisfied).toBe(true)
    expect(result.sections.every((s) => s.document === 'pull-request')).toBe(true)
    expect(result.record).toMatchObject({ issue: 12, documentedIn: 'pull-request', justification: 'Customers cannot export invoices.' })
  })

  test('pull-request: sections in the issue only do not count', () => {
    const result = evaluateChangeRequest(facts(), policyWith({ documentedIn: 'pull-request' }))
    expect(result.satisfied).toBe(false)
    expect(result.missing).toEqual([
      "pull request #5 has no 'Justification' heading: add '### Justification' with text under it",
      "pull request #5 has no 'Impact assessment' heading: add '### Impact assessment' with text under it"
    ])
  })

  test('pull-request: the description alone is the change request; no issue is needed', () => {
    const data = facts({ pullRequest: { number: 5, body: FILLED, title: 'Export invoices as CSV' }, linkedIssues: [] })
    const result = evaluateChangeRequest(data, policyWith({ documentedIn: 'pull-request' }))
    expect(result).toMatchObject({ satisfied: true, missing: [], issue: null })
    expect(result.record).toMatchObject({
      issue: 5,
      title: 'Export invoices as CSV',
      documentedIn: 'pull-request',
      justification: 'Customers cannot export invoices.',
      impact: 'Only the export endpoint changes; no migration.'
    })
  })

  test('pull-request: a linked reference that is not an issue is no obstacle', () => {
    const data = facts({ pullRequest: { number: 5, body: `Follows #13\n\n${FILLED}` }, linkedIssues: [issue(13, { isPullRequest: true })] })
    const result = evaluateChangeRequest(data, policyWith({ documentedIn: 'pull-request', labels: ['change-request'] }))
    expect(result.satisfied).toBe(true)
    expect(result.record?.issue).toBe(5)
  })

  test('pull-request: no linked issue and an empty description names the headings to write there', () => {
    const result = evaluateChangeRequest(facts({ pullRequest: { number: 5, body: '' }, linkedIssues: [] }), policyWith({ documentedIn: 'pull-request' }))
    expect(result.missing).toEqual([
      "pull request #5 has no 'Justification' heading: add '### Justification' with text under it",
      "pull request #5 has no 'Impact assessment' heading: add '### Impact assessment' with text under it"
    ])
  })

  test('pull-request: a description that is not valid UTF-8 is not judged', () => {
    const data = facts({ pullRequest: { number: 5, body: `${FILLED}\uD800` }, linkedIssues: [] })
    const result = evaluateChangeRequest(data, policyWith({ documentedIn: 'pull-request' }))
    expect(result.satisfied).toBe(false)
    expect(result.missing).toEqual([
      `the description of pull request #5 is not valid UTF-8 text: an unpaired surrogate U+D800 at character ${FILLED.length + 1}: edit it, retype the text around that place and save it`
    ])
  })

  test('pull-request with no sections asks nothing, and says so', () => {
    const result = evaluateChangeRequest(facts({ pullRequest: { number: 5, body: '' }, linkedIssues: [] }), policyWith({ documentedIn: 'pull-request', sections: [] }))
    expect(result.satisfied).toBe(true)
    expect(result.notices).toEqual(['change-request.sections is empty and documented-in is pull-request, so nothing is asked of the description'])
  })

  test('pull-request: an empty section of the description says to fill it in there', () => {
    const data = facts({ pullRequest: { number: 5, body: formBody('Why.', '<!-- fill in -->') } })
    expect(evaluateChangeRequest(data, policyWith({ documentedIn: 'pull-request' })).missing).toEqual([
      "pull request #5 has no text under 'Impact assessment': fill in that section of its description"
    ])
  })

  test('issue: sections in the description only do not count', () => {
    const data = facts({ pullRequest: { number: 5, body: prBody }, linkedIssues: [issue(12, { body: '' })] })
    expect(evaluateChangeRequest(data, policyWith({ documentedIn: 'issue' })).satisfied).toBe(false)
  })

  test('either: the issue or the description will do', () => {
    const inDescription = facts({ pullRequest: { number: 5, body: prBody }, linkedIssues: [issue(12, { body: '' })] })
    expect(evaluateChangeRequest(inDescription, policyWith({ documentedIn: 'either' })).record?.documentedIn).toBe('pull-request')
    expect(evaluateChangeRequest(facts(), policyWith({ documentedIn: 'either' })).record?.documentedIn).toBe('issue')
  })

  test('either: the description alone, with no issue linked, will do', () => {
    const data = facts({ pullRequest: { number: 5, body: FILLED, title: 'Export' }, linkedIssues: [] })
    const result = evaluateChangeRequest(data, policyWith({ documentedIn: 'either' }))
    expect(result.satisfied).toBe(true)
    expect(result.record).toMatchObject({ issue: 5, title: 'Export', documentedIn: 'pull-request' })
  })

  test('either: nothing linked and nothing written offers both ways in one instruction', () => {
    const result = evaluateChangeRequest(facts({ pullRequest: { number: 5, body: '' }, linkedIssues: [] }), policyWith({ documentedIn: 'either' }))
    expect(result.missing).toEqual([
      "pull request #5 has no change request: link an issue whose body has the headings 'Justification', 'Impact assessment', each with text " +
        'under it (add "Closes #<issue>" or "Refs #<issue>" to its description, or link the issue in the Development sidebar), or write those ' +
        'headings with text under them in its description'
    ])
  })

  test('either with no sections: an empty description cannot stand in for the issue', () => {
    const result = evaluateChangeRequest(facts({ pullRequest: { number: 5, body: '' }, linkedIssues: [] }), policyWith({ documentedIn: 'either', sections: [] }))
    expect(result.satisfied).toBe(false)
    expect(result.missing[0]).toContain('links no change-request issue')
  })

  test('either: neither says what to do in both places', () => {
    const result = evaluateChangeRequest(facts({ linkedIssues: [issue(12, { body: formBody('Why.', '') })] }), policyWith({ documentedIn: 'either' }))
    expect(result.missing).toEqual([
      "issue #12 has no text under 'Impact assessment': fill in that section",
      "or instead fill in 'Justification', 'Impact assessment' in the description of pull request #5"
    ])
  })

  test('either: sections are not pieced together from both places', () => {
    const data = facts({
      pullRequest: { number: 5, body: 'Closes #12\n### Impact assessment\nLow.' },
      linkedIssues: [issue(12, { body: '### Justification\nWhy.' })]
    })
    expect(evaluateChangeRequest(data, policyWith({ documentedIn: 'either' })).satisfied).toBe(false)
  })
})

describe('change types', () => {
  test('a standard change needs none, and says so', () => {
    const result = evaluateChangeRequest(facts({ changeType: 'standard', linkedIssues: [] }), policyWith())
    expect(result).toMatchObject({ required: false, satisfied: true, missing: [] })
    expect(result.notices).toEqual(['a change request is not required for standard changes (change-request.required: normal)'])
  })

  test('nothing is required by default', () => {
    const result = evaluateChangeRequest(facts({ linkedIssues: [] }), policyWith({ required: [] }))
    expect(result.satisfied).toBe(true)
    expect(result.notices[0]).toContain('(change-request.required: no change type)')
  })

  test('an emergency is never blocked, and the justification is owed after deployment', () => {
    const result = evaluateChangeRequest(facts({ changeType: 'emergency', linkedIssues: [] }), policyWith({ required: ['normal', 'emergency'] }))
    expect(result).toMatchObject({ satisfied: true, missing: [], owedInPostDeploymentReview: true, record: null })
    expect(result.notices).toEqual([
      'EMERGENCY CHANGE: a change request does not block it; its justification and impact assessment are owed in the post-deployment review.'
    ])
  })

  test('an emergency under a policy that requires no change request at all gets no notice about one', () => {
    const result = evaluateChangeRequest(facts({ changeType: 'emergency', linkedIssues: [] }), policyWith({ required: [] }))
    expect(result.notices).toEqual([])
  })

  test('a documented issue on a change that needs none is still recorded', () => {
    expect(evaluateChangeRequest(facts({ changeType: 'standard' }), policyWith()).record?.issue).toBe(12)
  })
})

describe('odd policies', () => {
  test('a section named twice is checked once, with a notice', () => {
    const result = evaluateChangeRequest(facts(), policyWith({ sections: ['Justification', 'justification:', 'Impact assessment'] }))
    expect(result.satisfied).toBe(true)
    expect(result.sections.map((s) => s.heading)).toEqual(['Justification', 'Impact assessment'])
    expect(result.notices).toEqual(["change-request.sections lists 'justification:' more than once; it is checked once"])
  })

  test('an empty section name is ignored, with a notice', () => {
    const result = evaluateChangeRequest(facts(), policyWith({ sections: ['Justification', ' '] }))
    expect(result.satisfied).toBe(true)
    expect(result.notices[0]).toContain('empty heading')
  })

  test('no sections: a linked issue of this repository is enough', () => {
    const result = evaluateChangeRequest(facts({ linkedIssues: [issue(12, { body: '' })] }), policyWith({ sections: [] }))
    expect(result.satisfied).toBe(true)
    expect(result.record).toMatchObject({ issue: 12, justification: null, impact: null, sections: [] })
  })

  test('no sections and no link still fails, without listing headings', () => {
    const result = evaluateChangeRequest(facts({ linkedIssues: [] }), policyWith({ sections: [] }))
    expect(result.missing).toEqual([
      'pull request #5 links no change-request issue: add "Closes #<issue>" or "Refs #<issue>" to its description, or link the issue in the Development sidebar'
    ])
  })

  test('the repository in the facts decides what is another repository', () => {
    const result = evaluateChangeRequest(facts({ repository: { owner: 'ACME', name: 'APP' } }), policyWith())
    expect(result.satisfied).toBe(true)
    expect(REPO.owner).toBe('acme')
  })
})
