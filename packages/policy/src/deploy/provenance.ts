// Where each commit of a deploy came from. Every commit between the last successful deploy
// and the one being deployed must have reached the deploy branch through a merged pull
// request: a tip that came through review can sit on top of a commit that was pushed
// straight to the branch, and deploying the tip deploys that commit too.
import { compileGlobList } from '../glob-index'
import { shortSha } from '../approvals/commit-history'

/** A pull request that GitHub associates with a commit (`GET /commits/{sha}/pulls`). */
export interface AssociatedPullRequest {
  number: number
  state: 'open' | 'closed'
  baseRef: string
  headSha: string
  /** ISO 8601; null while not merged. */
  mergedAt: string | null
  /** The commit the merge put on the base: merge commit, squash commit, or last rebased commit. */
  mergeCommitSha: string | null
}

export interface RangeCommit {
  sha: string
  parents: string[]
  /** What GitHub associates with the commit; the GitHub layer reads it, nothing here guesses. */
  pulls: AssociatedPullRequest[]
}

export type Landing = 'merge-commit' | 'single-commit' | 'in-pull-request' | 'direct-push'

export interface CommitProvenance {
  sha: string
  /** The merged pull request that brought it; null for a direct push or an unexplained commit. */
  pullRequest: number | null
  landing: Landing
  covered: boolean
  explanation: string
}

export interface RangeProvenance {
  commits: CommitProvenance[]
  /** The first commit (oldest first) that no merged pull request covers; the refusal names it. */
  firstUncovered: CommitProvenance | null
  /** The merged pull requests of the range, in the order they landed. */
  pullRequests: number[]
  /** Direct pushes let through by `allow-direct-push`. */
  directPushes: string[]
}

/**
 * `commits` oldest first, the deployed commit last. A commit is covered when a pull request
 * merged into a deploy branch landed it, or when it is one of that pull request's commits
 * and the pull request landed within the same range (so the landing commit is judged too).
 */
export function traceRange(commits: readonly RangeCommit[], deployBranches: readonly string[], allowDirectPush: boolean): RangeProvenance {
  const isDeployBranch = compileGlobList(deployBranches)
  const inRange = new Set(commits.map((c) => c.sha))
  const traced: CommitProvenance[] = []
  const landed: number[] = []
  const directPushes: string[] = []
  for (const commit of commits) {
    const merged = commit.pulls.filter((p) => p.mergedAt !== null && isDeployBranch(p.baseRef))
    const landing = merged.find((p) => p.mergeCommitSha === commit.sha)
    const short = shortSha(commit.sha)
    if (landing) {
      // A merge commit whose second parent is the head (merge button, merge queue); or a
      // single-parent commit GitHub names as the merge result (squash, last rebased commit).
      const how: Landing = commit.parents.length > 1 ? 'merge-commit' : 'single-commit'
      if (!landed.includes(landing.number)) landed.push(landing.number)
      traced.push({
        sha: commit.sha,
        pullRequest: landing.number,
        landing: how,
        covered: true,
        explanation: `${short} is the ${how === 'merge-commit' ? 'merge commit' : 'squash or rebase commit'} of #${landing.number} (merged into ${landing.baseRef}).`
      })
      continue
    }
    const member = merged.find((p) => p.mergeCommitSha !== null && inRange.has(p.mergeCommitSha))
    if (member) {
      traced.push({ sha: commit.sha, pullRequest: member.number, landing: 'in-pull-request', covered: true, explanation: `${short} came in with #${member.number}.` })
      continue
    }
    const open = commit.pulls.filter((p) => p.mergedAt === null && p.state === 'open')
    const elsewhere = commit.pulls.filter((p) => p.mergedAt !== null && !isDeployBranch(p.baseRef))
    const strays = merged.filter((p) => p.mergeCommitSha === null || !inRange.has(p.mergeCommitSha))
    let reason: string
    if (strays.length > 0) reason = `belongs to #${strays[0]?.number}, which landed as ${strays[0]?.mergeCommitSha ? shortSha(strays[0].mergeCommitSha) : 'no commit'}, not within this deploy`
    else if (open.length > 0) reason = `is only in ${open.map((p) => `#${p.number}`).join(', ')}, which ${open.length === 1 ? 'is' : 'are'} not merged`
    else if (elsewhere.length > 0) reason = `came through ${elsewhere.map((p) => `#${p.number} (into ${p.baseRef})`).join(', ')}, not into a deploy branch (${deployBranches.join(', ')})`
    else reason = 'has no merged pull request behind it: it was pushed to the branch directly'
    const direct = open.length === 0 && elsewhere.length === 0 && strays.length === 0
    if (direct && allowDirectPush) {
      directPushes.push(commit.sha)
      traced.push({ sha: commit.sha, pullRequest: null, landing: 'direct-push', covered: true, explanation: `${short} ${reason}; \`deploy.allow-direct-push\` lets it through.` })
      continue
    }
    traced.push({ sha: commit.sha, pullRequest: null, landing: 'direct-push', covered: false, explanation: `Commit ${short} ${reason}.` })
  }
  return { commits: traced, firstUncovered: traced.find((c) => !c.covered) ?? null, pullRequests: landed, directPushes }
}
