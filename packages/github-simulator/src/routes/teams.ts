// GET /orgs/{org}/teams/{team_slug}/memberships/{username}: 404 for a non-member — and also
// for a token without the organization `members` permission (the default GITHUB_TOKEN),
// exactly as GitHub answers, so "not a member" and "cannot look" are indistinguishable.
import { notFound } from '../http/api-error'
import type { Route } from '../http/route'
import { ok } from '../http/route'
import { MEMBERS_READ } from './permissions'
import { simpleUser } from '../present/user'

export const teamRoutes: Route[] = [
  {
    // Active members only (pending invitations are not listed), child teams' members included
    // as GitHub does; the same 404 as above for a token that may not see the team.
    method: 'GET',
    path: '/orgs/{org}/teams/{team_slug}/members',
    operation: 'teams/list-members-in-org',
    docs: 'https://docs.github.com/rest/teams/members#list-team-members',
    permissions: MEMBERS_READ,
    deniedAs: 404,
    handle: (ctx) => {
      const team = ctx.state.team(ctx.params.org ?? '', ctx.params.team_slug ?? '')
      if (team === undefined) throw notFound()
      const role = ctx.query.get('role') ?? 'all'
      const members = [...team.members.entries()]
        .filter(([, m]) => m.state === 'active' && (role === 'all' || m.role === role))
        .map(([login]) => ctx.state.user(login).login)
      const page = ctx.page(members)
      return ok(page.items.map((login) => simpleUser(ctx, login)), page.headers)
    }
  },
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
