// GET /repos/{owner}/{repo}/collaborators/{username}/permission. `permission` folds the
// roles GitHub added later (maintain -> write, triage -> read); `role_name` keeps them.
// GET /repos/{owner}/{repo}/collaborators: everyone with access, filtered by `permission`
// (at least that level), with each one's `permissions` and `role_name`.
import { ApiError, notFound } from '../http/api-error'
import type { Route } from '../http/route'
import { ok } from '../http/route'
import { simpleUser } from '../present/user'
import type { RepositoryRole } from '../state/records'
import type { RepositoryState } from '../state/repository-state'
import { METADATA_READ } from './permissions'

const LEGACY: Record<RepositoryRole | 'none', string> = {
  admin: 'admin',
  maintain: 'write',
  write: 'write',
  triage: 'read',
  read: 'read',
  none: 'none'
}

const ORDER: (RepositoryRole | 'none')[] = ['none', 'read', 'triage', 'write', 'maintain', 'admin']

/** The `permission` filter's names for the roles. */
const FILTER: Record<string, RepositoryRole> = { pull: 'read', triage: 'triage', push: 'write', maintain: 'maintain', admin: 'admin' }

function permissionFlags(role: RepositoryRole | 'none'): { admin: boolean; maintain: boolean; push: boolean; triage: boolean; pull: boolean } {
  const rank = ORDER.indexOf(role)
  return {
    admin: rank >= ORDER.indexOf('admin'),
    maintain: rank >= ORDER.indexOf('maintain'),
    push: rank >= ORDER.indexOf('write'),
    triage: rank >= ORDER.indexOf('triage'),
    pull: rank >= ORDER.indexOf('read')
  }
}

/** Direct collaborators, and a user-owned repository's owner (an organization is not a collaborator). */
function collaboratorsOf(repo: RepositoryState, ownerIsUser: boolean): [string, RepositoryRole][] {
  const entries: [string, RepositoryRole][] = [...repo.collaborators.entries()]
  if (ownerIsUser && !repo.collaborators.has(repo.record.owner.toLowerCase())) entries.unshift([repo.record.owner.toLowerCase(), 'admin'])
  return entries
}

export const collaboratorRoutes: Route[] = [
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/collaborators',
    operation: 'repos/list-collaborators',
    docs: 'https://docs.github.com/rest/collaborators/collaborators#list-repository-collaborators',
    permissions: METADATA_READ,
    handle: (ctx) => {
      const filter = ctx.query.get('permission')
      const least = filter === null ? undefined : FILTER[filter]
      if (filter !== null && least === undefined) throw new ApiError(422, `permission must be one of: ${Object.keys(FILTER).join(', ')}`)
      const ownerIsUser = ctx.state.user(ctx.repo.record.owner).type === 'User'
      const listed = collaboratorsOf(ctx.repo, ownerIsUser)
        .filter(([, role]) => least === undefined || ORDER.indexOf(role) >= ORDER.indexOf(least))
        .map(([login, role]) => ({ login: ctx.state.user(login).login, role }))
      const page = ctx.page(listed)
      return ok(
        page.items.map(({ login, role }) => ({ ...simpleUser(ctx, login), permissions: permissionFlags(role), role_name: role })),
        page.headers
      )
    }
  },
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/collaborators/{username}/permission',
    operation: 'repos/get-collaborator-permission-level',
    docs: 'https://docs.github.com/rest/collaborators/collaborators#get-repository-permissions-for-a-user',
    permissions: METADATA_READ,
    handle: (ctx) => {
      const user = ctx.state.findUser(ctx.params.username ?? '')
      if (user === undefined || user.type === 'Organization') throw notFound()
      // Anyone can read a public repository; a private one gives outsiders nothing.
      const role = ctx.repo.roleOf(user.login) ?? (ctx.repo.record.visibility === 'public' ? 'read' : 'none')
      return ok({
        permission: LEGACY[role],
        role_name: role,
        user: { ...simpleUser(ctx, user.login), permissions: permissionFlags(role), role_name: role }
      })
    }
  }
]
