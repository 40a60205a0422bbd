import type { DocumentedIn, Policy } from '../types'
import type { ChangeRequestEvaluation, IssueCandidate, SectionStatus } from './change-request-evaluation'
import type { ChangeRequestFacts } from './change-request-facts'
import { changeRequestRecord } from './change-request-record'
import { hasReadableSections, issueName, linkProblems, uniqueIssues } from './issue-candidates'
import { MAX_ISSUE_REFERENCES } from './issue-references'
import { requiredSections } from './required-sections'
import { allFilled, sectionProblems, sectionStatuses } from './section-statuses'
import { encodingProblem } from './text-encoding'

/**
 * Whether the change is documented as `policy.changeRequest` asks. `documented-in` says what
 * the change request is:
 * - `issue` (the default, and what the reference policy's first step describes: "GitHub
 *   Issue Creation — Change request documented with justification and impact assessment"):
 *   an issue of this repository that the pull request links, with every section filled in.
 * - `pull-request`: the pull request's own description, with every section filled in. No
 *   issue is needed: a team that documents changes in the description would otherwise have to
 *   open an empty issue for each one, which documents nothing an auditor could read. A linked
 *   issue among the facts that could count is recorded, for traceability; otherwise the
 *   record names the pull request itself.
 * - `either`: a linked issue with every section filled in, or else the description; each
 *   place whole, never sections pieced together from both.
 * Emergencies are never blocked: their justification is owed in the post-deployment review.
 */
/** The notice an emergency gets when the policy requires change requests at all. */
export const EMERGENCY_CHANGE_REQUEST_NOTICE =
  'EMERGENCY CHANGE: a change request does not block it; its justification and impact assessment are owed in the post-deployment review.'

export function evaluateChangeRequest(facts: ChangeRequestFacts, policy: Policy): ChangeRequestEvaluation {
  const settings = policy.changeRequest
  const mode = settings.documentedIn
  const { sections, notices } = requiredSections(settings.sections)
  const pr = facts.pullRequest
  const prUndecodable = encodingProblem(pr.body)
  const prStatuses = sectionStatuses(prUndecodable === null ? pr.body : '', sections, 'pull-request')

  const candidates: IssueCandidate[] = uniqueIssues(facts.linkedIssues).map((issue) => {
    const problems = linkProblems(issue, facts.repository, settings)
    const counts = problems.length === 0
    const read = hasReadableSections(issue, facts.repository) && mode !== 'pull-request'
    return { issue, counts, problems, sections: read ? sectionStatuses(issue.body, sections, 'issue') : [] }
  })
  const usable = candidates.filter((candidate) => candidate.counts)
  const inIssue = mode === 'pull-request' ? undefined : usable.find((candidate) => allFilled(candidate.sections))
  // With no sections to fill, a description documents nothing: under `either` it cannot stand
  // in for the issue; under `pull-request` the policy asks for nothing more.
  const inDescription =
    inIssue === undefined && mode !== 'issue' && prUndecodable === null && allFilled(prStatuses) && (sections.length > 0 || mode === 'pull-request')

  const required = settings.required.includes(facts.changeType)
  const isEmergency = facts.changeType === 'emergency'
  const documented = inIssue !== undefined || inDescription
  // Emergencies are expedited: their justification comes after deployment, never before.
  const missing = required && !isEmergency && !documented ? whatToDo(facts, candidates, sections, prStatuses, mode, prUndecodable) : []

  if (isEmergency) {
    if (settings.required.length > 0) notices.push(EMERGENCY_CHANGE_REQUEST_NOTICE)
  } else if (!required) {
    const which = settings.required.length === 0 ? 'no change type' : settings.required.join(', ')
    notices.push(`a change request is not required for ${facts.changeType} changes (change-request.required: ${which})`)
  }
  if (mode === 'pull-request' && sections.length === 0 && required && !isEmergency) {
    notices.push('change-request.sections is empty and documented-in is pull-request, so nothing is asked of the description')
  }

  const shown: SectionStatus[] = inIssue
    ? inIssue.sections
    : inDescription || mode === 'pull-request'
      ? prStatuses
      : ((usable[0] ?? candidates.find((candidate) => candidate.sections.length > 0))?.sections ??
        (mode === 'either' ? prStatuses : sectionStatuses('', sections, 'issue')))

  const linked = inIssue ?? (inDescription ? usable[0] : undefined)
  const record = inIssue
    ? changeRequestRecord(inIssue.issue, inIssue.sections, 'issue')
    : inDescription
      ? changeRequestRecord(linked?.issue ?? { number: pr.number, title: pr.title ?? '' }, prStatuses, 'pull-request')
      : null

  return {
    changeType: facts.changeType,
    required,
    satisfied: missing.length === 0,
    issue: linked?.issue ?? null,
    sections: shown,
    candidates,
    missing,
    notices,
    owedInPostDeploymentReview: isEmergency,
    record
  }
}

/** Every step between the pull request as it is and one that passes, each as an instruction. */
function whatToDo(
  facts: ChangeRequestFacts,
  candidates: readonly IssueCandidate[],
  sections: readonly string[],
  prStatuses: readonly SectionStatus[],
  mode: DocumentedIn,
  prUndecodable: string | null
): string[] {
  const pullName = `pull request #${facts.pullRequest.number}`
  const headings = sections.map((section) => `'${section}'`).join(', ')
  const howToLink = 'add "Closes #<issue>" or "Refs #<issue>" to its description, or link the issue in the Development sidebar'
  const undecodable = `the description of ${pullName} is ${prUndecodable}: edit it, retype the text around that place and save it`
  const missing: string[] = []

  if (mode === 'pull-request') {
    missing.push(...(prUndecodable !== null ? [undecodable] : sectionProblems(prStatuses, pullName)))
    return missing
  }

  if (candidates.length === 0) {
    if (mode === 'either' && sections.length > 0) {
      missing.push(
        `${pullName} has no change request: link an issue whose body has the headings ${headings}, each with text under it (${howToLink}), ` +
          'or write those headings with text under them in its description'
      )
    } else {
      missing.push(
        `${pullName} links no change-request issue: ${howToLink}` + (sections.length > 0 ? `; the issue needs the headings ${headings}, each with text under it` : '')
      )
    }
  }
  for (const candidate of candidates) missing.push(...candidate.problems)

  // The issue most likely meant: the first that counts, else the first whose only problem is a label.
  const meant = candidates.find((candidate) => candidate.counts) ?? candidates.find((candidate) => candidate.sections.length > 0)
  if (meant) missing.push(...sectionProblems(meant.sections, issueName(meant.issue, facts.repository)))
  if (mode === 'either' && candidates.length > 0 && sections.length > 0) {
    missing.push(prUndecodable !== null ? `or instead: ${undecodable}` : `or instead fill in ${headings} in the description of ${pullName}`)
  }

  if (facts.sidebarError !== undefined) {
    missing.push(
      `the issues linked in the Development sidebar of ${pullName} could not be read (${facts.sidebarError}): re-run the job; ` +
        'until they can be read, a link made there cannot count'
    )
  }
  if (facts.skippedReferences > 0) {
    const count = facts.skippedReferences
    missing.push(
      `${count} more ${count === 1 ? 'reference was' : 'references were'} not read (at most ${MAX_ISSUE_REFERENCES} are): ` +
        `reference the change request among the first ${MAX_ISSUE_REFERENCES}`
    )
  }
  const skippedLinks = facts.skippedSidebarLinks ?? 0
  if (skippedLinks > 0) {
    missing.push(
      `${skippedLinks} more ${skippedLinks === 1 ? 'issue linked in the Development sidebar was' : 'issues linked in the Development sidebar were'} ` +
        `not read (at most ${MAX_ISSUE_REFERENCES} are): unlink the ones that are not the change request`
    )
  }
  return missing
}
