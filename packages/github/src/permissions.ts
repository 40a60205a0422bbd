import type { GitHubClient, RepoRef } from './client'
import { describeRequestError } from './errors'

export type Permission = 'admin' | 'maintain' | 'write' | 'triage' | 'read' | 'none'

const KNOWN: readonly Permission[] = ['admin', 'maintain', 'write', 'triage', 'read', 'none']

/** A user's permission on the repository; `role_name` carries maintain and triage, which the legacy field folds. */
export async function getPermission(client: GitHubClient, repo: RepoRef, username: string): Promise<Permission> {
  try {
    const { data } = await client.rest.repos.getCollaboratorPermissionLevel({ ...repo, username })
    const role = (data as { role_name?: string }).role_name
    if (role && (KNOWN as string[]).includes(role)) return role as Permission
    return (KNOWN as string[]).includes(data.permission) ? (data.permission as Permission) : 'none'
  } catch (error) {
    // 404: not a collaborator at all (or no such user), which is simply no permission.
    if ((error as { status?: number }).status === 404) return 'none'
    throw describeRequestError(error, `read ${username}'s permission on ${repo.owner}/${repo.repo}`, 'metadata: read')
  }
}
