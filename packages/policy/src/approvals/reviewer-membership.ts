import type { Principal } from '../types'
import { loginKey } from './latest-reviews'

export function isTeam(principal: Principal): boolean {
  return principal.startsWith('@')
}

/** Team members by `@org/slug`, or undefined when the GitHub layer could not give them. */
export function membersOf(team: string, teamMembers: Record<string, string[]>): string[] | undefined {
  const wanted = team.toLowerCase()
  for (const [name, members] of Object.entries(teamMembers)) {
    if (name.toLowerCase() === wanted) return members
  }
  return undefined
}

/**
 * Whether `login` may satisfy a requirement listing `reviewers`: named, or a member of a named
 * team. No reviewers means anyone eligible. A team whose members are unknown admits nobody,
 * so that a membership that could not be read never lets an approval through.
 */
export function isAmongReviewers(login: string, reviewers: readonly Principal[], teamMembers: Record<string, string[]>): boolean {
  if (reviewers.length === 0) return true
  const user = loginKey(login)
  return reviewers.some((principal) =>
    isTeam(principal)
      ? (membersOf(principal, teamMembers) ?? []).some((member) => loginKey(member) === user)
      : loginKey(principal) === user
  )
}

export function unreadableTeams(reviewers: readonly Principal[], teamMembers: Record<string, string[]>): string[] {
  return reviewers.filter((principal) => isTeam(principal) && membersOf(principal, teamMembers) === undefined)
}

/** "@acme/security", "alice or @acme/leads", or "anyone with write access". */
export function describeReviewers(reviewers: readonly Principal[]): string {
  if (reviewers.length === 0) return 'anyone with write access'
  return joinWith(reviewers, 'or')
}

/** Why `login` is not among `reviewers`, for a sentence that starts with their name. */
export function describeNonMembership(login: string, reviewers: readonly Principal[]): string {
  const teams = reviewers.filter(isTeam)
  const users = reviewers.filter((principal) => !isTeam(principal))
  if (users.length === 0) return `${login} is not a member of ${joinWith(teams, 'or')}`
  if (teams.length === 0) return `${login} is not ${joinWith(users, 'or')}`
  return `${login} is neither ${joinWith(users, 'or')} nor a member of ${joinWith(teams, 'or')}`
}

export function joinWith(items: readonly string[], conjunction: 'and' | 'or'): string {
  if (items.length <= 1) return items.join('')
  return `${items.slice(0, -1).join(', ')} ${conjunction} ${items[items.length - 1]}`
}
