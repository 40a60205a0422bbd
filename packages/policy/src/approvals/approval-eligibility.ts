import type { ApprovalSettings } from '../types'
import type { ApprovalFacts, CommitFacts, RepositoryPermission, ReviewFacts } from './approval-facts'
import type { IgnoredReason } from './approval-evaluation'
import { commitsAfter, shortSha } from './commit-history'
import { loginKey } from './latest-reviews'

export interface Ineligibility {
  reason: IgnoredReason
  explanation: string
}

const WRITE_PERMISSIONS: readonly RepositoryPermission[] = ['admin', 'maintain', 'write']

/**
 * GitHub's own committer for commits made in the web interface ("Update branch", suggestions,
 * merges). Whoever pressed the button is the commit's author, so the committer says nothing.
 */
const WEB_FLOW_COMMITTERS = new Set(['web-flow', 'github'])

/** Undefined when the GitHub layer gave no permission for this login. */
export function permissionOf(facts: ApprovalFacts, login: string): RepositoryPermission | undefined {
  const wanted = loginKey(login)
  for (const [user, permission] of Object.entries(facts.permissions)) {
    if (loginKey(user) === wanted) return permission
  }
  return undefined
}

export function canWrite(permission: RepositoryPermission | undefined): boolean {
  return permission !== undefined && WRITE_PERMISSIONS.includes(permission)
}

export function isBotReviewer(review: ReviewFacts): boolean {
  return review.isBot || review.user.toLowerCase().endsWith('[bot]')
}

/**
 * Everything that stops an approval from counting, whoever it is for; empty when it counts.
 * Every rule is checked (not only the first that fails) so that a message can say all of it.
 */
export function judgeApproval(review: ReviewFacts, facts: ApprovalFacts, settings: ApprovalSettings): Ineligibility[] {
  const found: Ineligibility[] = []
  const user = review.user
  const at = shortSha(review.commitSha)

  if (!settings.allowSelfApproval && loginKey(user) === loginKey(facts.pullRequest.author)) {
    found.push({ reason: 'self', explanation: `${user} is the author and self-approval is not allowed` })
  }
  if (!settings.countBots && isBotReviewer(review)) {
    found.push({ reason: 'bot', explanation: `${user} is a bot and bot approvals do not count` })
  }
  const permission = permissionOf(facts, user)
  if (!canWrite(permission)) {
    found.push({
      reason: 'no-write',
      explanation:
        permission === undefined
          ? `${user}'s permission on the repository is unknown, so their approval cannot count`
          : `${user} has ${permission} permission, not write`
    })
  }

  const head = facts.pullRequest.headSha
  const since = commitsAfter(facts.commits, review.commitSha, head)
  if (settings.invalidateOnPush && isStale(since, settings)) {
    found.push({
      reason: 'stale',
      explanation:
        since === null
          ? `${user}'s approval is on a commit (${at}) that is no longer in the pull request`
          : `${user}'s approval is on an older commit (${at})`
    })
  }

  // Someone who adds code after approving would otherwise approve code nobody reviewed.
  // When the approval's commit is not in the history, every commit may have come after it.
  const later = (since ?? facts.commits).filter((commit) => !(settings.ignoreBaseUpdates && commit.mergesBase))
  const pushed = later.find((commit) => contributedBy(commit, user))
  if (pushed) {
    const role = pushed.author !== null && loginKey(pushed.author) === loginKey(user) ? 'authored' : 'committed'
    found.push({
      reason: 'pushed-after',
      explanation: `${user} ${role} commit ${shortSha(pushed.sha)} after approving on ${at}`
    })
  }
  return found
}

/** With ignore-base-updates, commits that only merge the base branch in keep an approval. */
function isStale(since: CommitFacts[] | null, settings: ApprovalSettings): boolean {
  if (since === null) return true
  if (since.length === 0) return false
  return !(settings.ignoreBaseUpdates && since.every((commit) => commit.mergesBase))
}

function contributedBy(commit: CommitFacts, login: string): boolean {
  const user = loginKey(login)
  if (commit.author !== null && loginKey(commit.author) === user) return true
  if (commit.committer === null || WEB_FLOW_COMMITTERS.has(loginKey(commit.committer))) return false
  return loginKey(commit.committer) === user
}
