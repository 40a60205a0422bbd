// GET /repos/{owner}/{repo}/collaborators/{username}/permission. `permission` folds the
// roles GitHub added later (maintain -> write, triage -> read); `role_name` keeps them.
import { notFound } from '../http/api-error'
import type { Route } from '../http/route'
import { ok } from '../http/route'
import { simpleUser } from '../present/user'
import type { RepositoryRole } from '../state/records'
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

export const collaboratorRoutes: Route[] = [
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
      const rank = ORDER.indexOf(role)
      return ok({
        permission: LEGACY[role],
        role_name: role,
        user: {
          ...simpleUser(ctx, user.login),
          permissions: {
            admin: rank >= ORDER.indexOf('admin'),
            maintain: rank >= ORDER.indexOf('maintain'),
            push: rank >= ORDER.indexOf('write'),
            triage: rank >= ORDER.indexOf('triage'),
            pull: rank >= ORDER.indexOf('read')
          },
          role_name: role
        }
      })
    }
  }
]
