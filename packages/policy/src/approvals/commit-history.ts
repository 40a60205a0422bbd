import type { CommitFacts } from './approval-facts'

function shaKey(sha: string): string {
  return sha.toLowerCase()
}

/** The commit SHA as people read it in messages. */
export function shortSha(sha: string): string {
  return sha.slice(0, 7)
}

function ancestorsWithin(start: string, bySha: ReadonlyMap<string, CommitFacts>): Set<string> {
  const seen = new Set<string>()
  const queue = [shaKey(start)]
  while (queue.length > 0) {
    const sha = queue.pop()!
    const commit = bySha.get(sha)
    if (!commit || seen.has(sha)) continue
    seen.add(sha)
    for (const parent of commit.parents) queue.push(shaKey(parent))
  }
  return seen
}

/**
 * The pull request's commits that came after `since`, up to `head`, oldest first: those
 * reachable from head but not from `since`, walking parents only within the pull request's
 * own commits (base-branch commits a merge brings in are not the pull request's). Parents
 * rather than list order, so that a side branch merged into the pull request is judged by
 * what it contains.
 *
 * Null when `since` is not an ancestor of head within the pull request: it was force-pushed
 * away, or the commit list was cut short. Nobody can then say what changed since, so the
 * caller must treat it as if everything did.
 */
export function commitsAfter(commits: readonly CommitFacts[], since: string, head: string): CommitFacts[] | null {
  if (shaKey(since) === shaKey(head)) return []
  const bySha = new Map(commits.map((commit) => [shaKey(commit.sha), commit]))
  const fromHead = ancestorsWithin(head, bySha)
  if (!fromHead.has(shaKey(since))) return null
  const fromSince = ancestorsWithin(since, bySha)
  return commits.filter((commit) => fromHead.has(shaKey(commit.sha)) && !fromSince.has(shaKey(commit.sha)))
}
