import type { GitHubClient, RepoRef } from './client'
import { describeRequestError } from './errors'
import { getPermission, type Permission } from './permissions'

const KNOWN: readonly string[] = ['admin', 'maintain', 'write', 'triage', 'read', 'none']
const PER_PAGE = 100

interface CollaboratorLike {
  login: string
  role_name?: string
  permissions?: { admin?: boolean; maintain?: boolean; push?: boolean; triage?: boolean; pull?: boolean }
}

/** The role, or what the flags amount to when the role is a custom one (`security-reviewer`). */
function permissionOf(collaborator: CollaboratorLike): Permission {
  const role = collaborator.role_name
  if (role !== undefined && KNOWN.includes(role)) return role as Permission
  const flags = collaborator.permissions ?? {}
  if (flags.admin) return 'admin'
  if (flags.maintain) return 'maintain'
  if (flags.push) return 'write'
  if (flags.triage) return 'triage'
  return flags.pull ? 'read' : 'none'
}

/**
 * The repository permission of each login, by login as given, in as few requests as the
 * count allows. One login: its own lookup. Several: the first page of the people who can
 * write (one request answers for up to 100 writers), then an individual lookup for anyone
 * not on it, who either has less than write or is past that page; the individual answer is
 * the authority, so a long list of writers costs requests, never correctness.
 */
export async function readPermissions(client: GitHubClient, repo: RepoRef, logins: readonly string[]): Promise<Record<string, Permission>> {
  const unique = firstSpellings(logins)
  const found: Record<string, Permission> = {}
  let rest = unique
  if (unique.length > 1) {
    const writers = await listWriters(client, repo)
    if (writers !== null) {
      rest = unique.filter((login) => {
        const permission = writers.get(login.toLowerCase())
        if (permission !== undefined) found[login] = permission
        return permission === undefined
      })
    }
  }
  await Promise.all(rest.map(async (login) => (found[login] = await getPermission(client, repo, login))))
  return found
}

/** Logins compare without regard to case; the first spelling of each is kept. */
export function firstSpellings(names: readonly string[]): string[] {
  const seen = new Map<string, string>()
  for (const name of names) if (!seen.has(name.toLowerCase())) seen.set(name.toLowerCase(), name)
  return [...seen.values()]
}

/**
 * The first page of collaborators with at least write permission, by lowercase login; null
 * when the token may not list them (some GitHub Enterprise Server versions want more than
 * `metadata: read` for the list), in which case each login is looked up on its own.
 */
async function listWriters(client: GitHubClient, repo: RepoRef): Promise<Map<string, Permission> | null> {
  try {
    const { data } = await client.rest.repos.listCollaborators({ ...repo, permission: 'push', affiliation: 'all', per_page: PER_PAGE })
    return new Map(data.map((collaborator) => [collaborator.login.toLowerCase(), permissionOf(collaborator)]))
  } catch (error) {
    if ((error as { status?: number }).status === 403) return null
    throw describeRequestError(error, `list the collaborators of ${repo.owner}/${repo.repo} who can write`, 'metadata: read')
  }
}
