import type { ChangeRequestSettings } from '../types'
import type { LinkedIssue } from './change-request-facts'
import { describeReference } from './issue-references'
import { repositoryPath, sameRepository, type RepositoryName } from './repository-name'
import { encodingProblem } from './text-encoding'

/** "issue #12", or "issue acme/other#12" for another repository's. */
export function issueName(issue: LinkedIssue, repository: RepositoryName): string {
  return `issue ${describeReference({ ...issue.repository, number: issue.number }, repository)}`
}

/**
 * Why a linked issue cannot be the change request, whatever its sections say, each phrased
 * as what to do; empty when it can be. An issue that could not be read fails closed: nothing
 * else about it is known.
 */
export function linkProblems(issue: LinkedIssue, repository: RepositoryName, settings: ChangeRequestSettings): string[] {
  const written = describeReference({ ...issue.repository, number: issue.number }, repository)
  if (issue.readError !== undefined) {
    const fix = issue.readFix ?? "check that it exists and that the token may read its repository's issues"
    return [`${written} could not be read (${issue.readError}): ${fix}`]
  }
  if (issue.isPullRequest) {
    return [`${written} is a pull request, not an issue: link the change-request issue instead`]
  }
  // Another repository's issue is out of this repository's audit trail, and its author need
  // not be bound by this policy at all.
  if (!sameRepository(issue.repository, repository)) {
    return [`${written} is an issue of another repository: link an issue of ${repositoryPath(repository)} instead`]
  }
  const wanted = settings.labels.map((label) => label.toLowerCase())
  if (wanted.length > 0 && !issue.labels.some((label) => wanted.includes(label.toLowerCase()))) {
    const which = settings.labels.length === 1 ? `the label ${settings.labels[0]}` : `any of the labels ${settings.labels.join(', ')}`
    return [`${issueName(issue, repository)} does not have ${which}: add it to the issue`]
  }
  // Its sections could not be quoted as written: fail closed rather than judge a repaired copy.
  const undecodable = encodingProblem(issue.body)
  if (undecodable !== null) {
    return [`the body of ${issueName(issue, repository)} is ${undecodable}: edit the issue, retype the text around that place and save it`]
  }
  return []
}

/**
 * Whether the issue's sections can be judged: it was read, is an issue of this repository and
 * its body is valid text. Its labels may still keep it from counting, but its sections are
 * judged anyway, so that every problem is reported in one run rather than one per push.
 */
export function hasReadableSections(issue: LinkedIssue, repository: RepositoryName): boolean {
  return issue.readError === undefined && !issue.isPullRequest && sameRepository(issue.repository, repository) && encodingProblem(issue.body) === null
}

/** The same issue linked in the body and in the sidebar is one candidate, the body's first. */
export function uniqueIssues(issues: readonly LinkedIssue[]): LinkedIssue[] {
  const seen = new Set<string>()
  return issues.filter((issue) => {
    const key = `${repositoryPath(issue.repository)}#${issue.number}`.toLowerCase()
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}
