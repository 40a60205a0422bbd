import type { GitHubClient } from './client'
import { describeRequestError, GitHubAccessError } from './errors'

/** `@org/slug` → its parts; the policy validator guarantees the form. */
export function parseTeam(team: string): { org: string; slug: string } {
  const match = /^@([^/]+)\/(.+)$/.exec(team)
  if (!match) throw new GitHubAccessError({ message: `${team} is not a team (@org/slug).`, fix: 'Write teams as @org/slug.' })
  return { org: match[1]!, slug: match[2]! }
}

export const TEAM_TOKEN_FIX =
  "The workflow's GITHUB_TOKEN cannot read organization teams. Pass a GitHub App installation token with the " +
  "`members: read` organization permission as the `token` input (for example from actions/create-github-app-token), " +
  'and check that the team exists.'

/**
 * The team's members (child teams' members included, as GitHub counts them). One call per
 * team however many people are asked about. GitHub answers 404 both for a missing team
 * and for a token that may not see it: either way the rule cannot be checked, so it fails.
 */
export async function listTeamMembers(client: GitHubClient, team: string): Promise<string[]> {
  const { org, slug } = parseTeam(team)
  try {
    const members = await client.paginate(client.rest.teams.listMembersInOrg, { org, team_slug: slug, per_page: 100 })
    return members.map((m) => m.login)
  } catch (error) {
    const status = (error as { status?: number }).status
    if (status === 404 || status === 403) {
      throw new GitHubAccessError({ message: `Could not read the members of ${team} (HTTP ${status}).`, fix: TEAM_TOKEN_FIX }, status)
    }
    throw describeRequestError(error, `read the members of ${team}`)
  }
}

/** Reads each team once per run. */
export class TeamDirectory {
  private readonly cache = new Map<string, Promise<string[]>>()
  constructor(private readonly client: GitHubClient) {}

  members(team: string): Promise<string[]> {
    let members = this.cache.get(team)
    if (!members) {
      members = listTeamMembers(this.client, team)
      this.cache.set(team, members)
    }
    return members
  }
}
