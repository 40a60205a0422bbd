import {
  commitsAfter,
  latestDecisions,
  type ApprovalFacts,
  type ApprovalRequirement,
  type ChangeType,
  type CommitFacts,
  type Policy,
  type ReviewFacts
} from '@change-policy/policy'
import type { GitHubClient, RepoRef } from './client'
import { GitHubAccessError } from './errors'
import { firstSpellings, readPermissions } from './collaborators'
import { verifyBaseMerge, type BaseMergeVerdict } from './base-merges'
import { listPullRequestCommits, type PullRequestCommit, type PullRequestInfo } from './pulls'
import { parseTeam, TeamDirectory } from './teams'
import type { PermissionDirectory } from './permission-directory'

/** GitHub lists at most this many commits of a pull request. */
export const MAX_LISTED_COMMITS = 250
/** Merges of the base branch verified per run (two requests each); past that, approvals before them go. */
export const MAX_VERIFIED_MERGES = 5

export interface ApprovalFactsInput {
  pr: PullRequestInfo
  /** From `listPullRequestReviews`, read while the pull request was. */
  reviews: ReviewFacts[]
  policy: Policy
  changeType: ChangeType
  requirements: readonly ApprovalRequirement[]
  teams?: TeamDirectory
  /** Permissions remembered across pull requests (the audit report); default: read for this one. */
  permissions?: PermissionDirectory
  /** The pull request's commits, already read (the audit report's batched read): not listed again. */
  commits?: PullRequestCommit[]
}

export interface GatheredApprovalFacts {
  facts: ApprovalFacts
  /** Every merge commit judged for `ignore-base-updates`, and whether it only merged the base. */
  baseMerges: BaseMergeVerdict[]
  /** Things the reader should know about what could not be gathered, one sentence each. */
  notes: string[]
}

export interface ForeignTeam {
  team: string
  control: string
}

/** Teams the policy's controls name that belong to another organization than the repository's owner. */
export function foreignTeams(policy: Policy, owner: string): ForeignTeam[] {
  const found: ForeignTeam[] = []
  for (const control of policy.controls) {
    for (const reviewer of control.reviewers) {
      if (reviewer.startsWith('@') && parseTeam(reviewer).org.toLowerCase() !== owner.toLowerCase()) found.push({ team: reviewer, control: control.name })
    }
  }
  return found
}

/**
 * What `evaluateApprovals` needs, read with as few requests as the reviews allow:
 * - permissions only of reviewers whose latest review decides something (approved or
 *   requested changes), in one request for several of them (see `readPermissions`);
 * - each team the requirements name, once (its member list: one request per 100 members);
 * - the commits only when an approval is on an older commit than the head, since only
 *   then can staleness, base merges or later pushes change anything;
 * - two more requests per merge commit after such an approval, to tell a merge of the base
 *   branch from one that brought in anything else (see base-merges.ts).
 * Everything that cannot be read fails closed: an error, never a guess.
 */
export async function gatherApprovalFacts(client: GitHubClient, repo: RepoRef, input: ApprovalFactsInput): Promise<GatheredApprovalFacts> {
  const { pr, reviews, policy } = input
  const foreign = foreignTeams(policy, repo.owner)
  if (foreign.length > 0) {
    const list = foreign.map((f) => `${f.team} (control ${f.control})`).join(', ')
    throw new GitHubAccessError({
      message: `The policy names ${list}: ${foreign.length === 1 ? 'a team' : 'teams'} of another organization than ${repo.owner}, which owns ${repo.owner}/${repo.repo}. Nothing is approved on such a team's say.`,
      fix: `Name teams of ${repo.owner} (@${repo.owner}/team-slug), or list the reviewers by login.`
    })
  }

  const decisions = latestDecisions(reviews)
  const deciders = decisions.filter((r) => r.state === 'APPROVED' || r.state === 'CHANGES_REQUESTED').map((r) => r.user)
  const teamNames = firstSpellings(input.requirements.filter((r) => r.approvals > 0).flatMap((r) => r.reviewers).filter((p) => p.startsWith('@')))
  const head = pr.headSha.toLowerCase()
  const needCommits = decisions.some((r) => r.state === 'APPROVED' && r.commitSha.toLowerCase() !== head)
  const teams = input.teams ?? new TeamDirectory(client)

  const [permissions, teamMembers, listed] = await Promise.all([
    input.permissions ? input.permissions.read(deciders) : readPermissions(client, repo, deciders),
    Promise.all(teamNames.map(async (team) => [team, await teams.members(team)] as const)).then((entries) => Object.fromEntries(entries)),
    !needCommits ? Promise.resolve([] as PullRequestCommit[]) : input.commits ? Promise.resolve(input.commits) : listPullRequestCommits(client, repo, pr.number)
  ])

  const notes: string[] = []
  const complete = listed.length === pr.commits && pr.commits <= MAX_LISTED_COMMITS
  if (needCommits && !complete) {
    notes.push(
      `GitHub listed ${listed.length} of the pull request's ${pr.commits} commits (it lists at most ${MAX_LISTED_COMMITS}), so an approval on an older commit than the head cannot be kept.`
    )
  }
  const baseMerges = needCommits && complete && policy.approvals.ignoreBaseUpdates ? await judgeBaseMerges(client, repo, listed, decisions, pr.headSha, notes) : []
  const trusted = new Set(baseMerges.filter((m) => m.onlyMergesBase).map((m) => m.sha))

  const commits: CommitFacts[] = listed.map((c) => ({
    sha: c.sha,
    author: c.author,
    committer: c.committer,
    parents: c.parents,
    mergesBase: trusted.has(c.sha)
  }))
  return {
    facts: {
      changeType: input.changeType,
      pullRequest: { number: pr.number, author: pr.author, headSha: pr.headSha, baseRef: pr.baseRef },
      commits,
      reviews,
      permissions,
      teamMembers
    },
    baseMerges,
    notes
  }
}

/** The merge commits after any approval on an older commit, each checked for being a merge of the base only. */
async function judgeBaseMerges(
  client: GitHubClient,
  repo: RepoRef,
  listed: PullRequestCommit[],
  decisions: ReviewFacts[],
  headSha: string,
  notes: string[]
): Promise<BaseMergeVerdict[]> {
  const asFacts: CommitFacts[] = listed.map((c) => ({ ...c, mergesBase: false }))
  const candidates = new Map<string, PullRequestCommit>()
  for (const review of decisions) {
    if (review.state !== 'APPROVED') continue
    for (const commit of commitsAfter(asFacts, review.commitSha, headSha) ?? []) {
      if (commit.parents.length > 1) candidates.set(commit.sha, listed.find((c) => c.sha === commit.sha)!)
    }
  }
  const merges = listed.filter((c) => candidates.has(c.sha))
  const own = new Set(listed.map((c) => c.sha))
  const checked = merges.slice(-MAX_VERIFIED_MERGES)
  const skipped = merges.slice(0, merges.length - checked.length)
  if (skipped.length > 0) {
    notes.push(`${merges.length} merge commits follow an approval; only the latest ${MAX_VERIFIED_MERGES} were checked, so approvals before the others are not kept.`)
  }
  const verdicts = await Promise.all(checked.map((merge) => verifyBaseMerge(client, repo, merge, own)))
  return [...skipped.map((m) => ({ sha: m.sha, onlyMergesBase: false, reason: `more than ${MAX_VERIFIED_MERGES} merges to check` })), ...verdicts]
}
