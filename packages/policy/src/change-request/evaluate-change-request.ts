import type { DocumentedIn, Policy } from '../types'
import type { ChangeRequestEvaluation, IssueCandidate, SectionStatus } from './change-request-evaluation'
import type { ChangeRequestFacts } from './change-request-facts'
import { changeRequestRecord } from './change-request-record'
import { issueName, linkProblems, uniqueIssues } from './issue-candidates'
import { MAX_ISSUE_REFERENCES } from './issue-references'
import { requiredSections } from './required-sections'
import { allFilled, sectionProblems, sectionStatuses } from './section-statuses'

/**
 * Whether the pull request links a documented change request, as `policy.changeRequest`
 * asks. The change request is always an issue of this repository that the pull request
 * links (the contract's definition, and what `required` says: "must link a change-request
 * issue"); `documented-in` only says where its sections must be written: in that issue, in
 * the pull request's description, or either, each place whole.
 */
export function evaluateChangeRequest(facts: ChangeRequestFacts, policy: Policy): ChangeRequestEvaluation {
  const settings = policy.changeRequest
  const mode = settings.documentedIn
  const { sections, notices } = requiredSections(settings.sections)
  const prStatuses = sectionStatuses(facts.pullRequest.body, sections, 'pull-request')

  const candidates: IssueCandidate[] = uniqueIssues(facts.linkedIssues).map((issue) => {
    const problems = linkProblems(issue, facts.repository, settings)
    const counts = problems.length === 0
    const read = counts && mode !== 'pull-request'
    return { issue, counts, problems, sections: read ? sectionStatuses(issue.body, sections, 'issue') : [] }
  })
  const usable = candidates.filter((candidate) => candidate.counts)
  const inIssue = mode === 'pull-request' ? undefined : usable.find((candidate) => allFilled(candidate.sections))
  const inPullRequest = mode !== 'issue' && allFilled(prStatuses) ? usable[0] : undefined
  const chosen = inIssue ?? inPullRequest

  const required = settings.required.includes(facts.changeType)
  const isEmergency = facts.changeType === 'emergency'
  // Emergencies are expedited: their justification comes after deployment, never before.
  const missing = required && !isEmergency && !chosen ? whatToDo(facts, candidates, sections, prStatuses, mode) : []

  if (isEmergency) {
    notices.push(
      'EMERGENCY CHANGE: a change request does not block it; its justification and impact assessment are owed in the post-deployment review.'
    )
  } else if (!required) {
    const which = settings.required.length === 0 ? 'no change type' : settings.required.join(', ')
    notices.push(`a change request is not required for ${facts.changeType} changes (change-request.required: ${which})`)
  }

  const shown: SectionStatus[] = inIssue
    ? inIssue.sections
    : inPullRequest || mode === 'pull-request'
      ? prStatuses
      : (usable[0]?.sections ?? (mode === 'either' ? prStatuses : sectionStatuses('', sections, 'issue')))

  return {
    changeType: facts.changeType,
    required,
    satisfied: missing.length === 0,
    issue: chosen?.issue ?? null,
    sections: shown,
    candidates,
    missing,
    notices,
    owedInPostDeploymentReview: isEmergency,
    record: chosen ? changeRequestRecord(chosen.issue, shown, inIssue ? 'issue' : 'pull-request') : null
  }
}

/** Every step between the pull request as it is and one that passes, each as an instruction. */
function whatToDo(
  facts: ChangeRequestFacts,
  candidates: readonly IssueCandidate[],
  sections: readonly string[],
  prStatuses: readonly SectionStatus[],
  mode: DocumentedIn
): string[] {
  const pullName = `pull request #${facts.pullRequest.number}`
  const headings = sections.map((section) => `'${section}'`).join(', ')
  const missing: string[] = []
  if (candidates.length === 0) {
    const where = { issue: 'the issue needs', 'pull-request': 'its description needs', either: 'the issue or the description needs' }[mode]
    missing.push(
      `${pullName} links no change-request issue: add "Closes #<issue>" to its description, or link the issue in the Development sidebar` +
        (sections.length > 0 ? `; ${where} the headings ${headings}, each with text under it` : '')
    )
  }
  for (const candidate of candidates) missing.push(...candidate.problems)

  const usable = candidates.find((candidate) => candidate.counts)
  if (mode === 'pull-request') {
    missing.push(...sectionProblems(prStatuses, pullName))
  } else if (usable) {
    missing.push(...sectionProblems(usable.sections, issueName(usable.issue, facts.repository)))
    if (mode === 'either') missing.push(`or instead fill in ${headings} in the description of ${pullName}`)
  }

  if (facts.skippedReferences > 0) {
    const count = facts.skippedReferences
    missing.push(
      `${count} more ${count === 1 ? 'reference was' : 'references were'} not read (at most ${MAX_ISSUE_REFERENCES} are): ` +
        `reference the change request among the first ${MAX_ISSUE_REFERENCES}`
    )
  }
  return missing
}
