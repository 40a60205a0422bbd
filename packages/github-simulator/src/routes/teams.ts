// GET /orgs/{org}/teams/{team_slug}/memberships/{username}: 404 for a non-member — and also
// for a token without the organization `members` permission (the default GITHUB_TOKEN),
// exactly as GitHub answers, so "not a member" and "cannot look" are indistinguishable.
import { notFound } from '../http/api-error'
import type { Route } from '../http/route'
import { ok } from '../http/route'
import { MEMBERS_READ } from './permissions'

export const teamRoutes: Route[] = [
  {
    method: 'GET',
    path: '/orgs/{org}/teams/{team_slug}/memberships/{username}',
    operation: 'teams/get-membership-for-user-in-org',
    docs: 'https://docs.github.com/rest/teams/members#get-team-membership-for-a-user',
    permissions: MEMBERS_READ,
    deniedAs: 404,
    handle: (ctx) => {
      const team = ctx.state.team(ctx.params.org ?? '', ctx.params.team_slug ?? '')
      const username = ctx.params.username ?? ''
      const membership = team?.members.get(username.toLowerCase())
      if (team === undefined || membership === undefined) throw notFound()
      return ok({
        url: `${ctx.urls.api}/organizations/${ctx.state.user(team.org).id}/team/${team.id}/memberships/${ctx.state.user(username).login}`,
        role: membership.role,
        state: membership.state
      })
    }
  }
]
