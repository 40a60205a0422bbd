import type { GitHubClient, RepoRef } from './client'
import { readPermissions } from './collaborators'
import type { Permission } from './permissions'

/**
 * Repository permissions read once per login for a whole run over many pull requests (the
 * audit report): the same reviewers approve month after month, and asking again for each pull
 * request would spend the token's hourly budget on answers already known.
 */
export class PermissionDirectory {
  private readonly known = new Map<string, Promise<Permission>>()
  constructor(
    private readonly client: GitHubClient,
    private readonly repo: RepoRef
  ) {}

  async read(logins: readonly string[]): Promise<Record<string, Permission>> {
    const missing = [...new Set(logins.filter((login) => !this.known.has(login.toLowerCase())))]
    if (missing.length > 0) {
      const reading = readPermissions(this.client, this.repo, missing)
      // A failed read is not remembered: the next pull request asks again (and fails closed again).
      reading.catch(() => missing.forEach((login) => this.known.delete(login.toLowerCase())))
      for (const login of missing) this.known.set(login.toLowerCase(), reading.then((found) => found[login] ?? 'none'))
    }
    const entries = await Promise.all(logins.map(async (login) => [login, await this.known.get(login.toLowerCase())!] as const))
    return Object.fromEntries(entries)
  }
}
