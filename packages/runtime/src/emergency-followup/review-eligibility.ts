import type { Policy } from '@change-policy/policy'
import { getPermission, type GitHubClient, type RepoRef, type TeamDirectory } from '@change-policy/github'

const WRITE = ['write', 'maintain', 'admin']

/**
 * Whether `login` may complete an emergency's review: listed in `emergency.reviewers` by name
 * or as a member of a listed team, or, when none are listed, anyone with write access.
 */
export async function mayReviewEmergency(client: GitHubClient, repo: RepoRef, teams: TeamDirectory, policy: Policy, login: string): Promise<boolean> {
  const reviewers = policy.emergency.reviewers
  if (reviewers.length === 0) return WRITE.includes(await getPermission(client, repo, login))
  const name = login.toLowerCase()
  if (reviewers.some((r) => !r.startsWith('@') && r.toLowerCase() === name)) return true
  for (const team of reviewers.filter((r) => r.startsWith('@'))) {
    if ((await teams.members(team)).some((m) => m.toLowerCase() === name)) return true
  }
  return false
}

export function describeReviewers(policy: Policy): string {
  return policy.emergency.reviewers.length > 0 ? `emergency.reviewers: ${policy.emergency.reviewers.join(', ')}` : 'anyone with write access, since emergency.reviewers is empty'
}
