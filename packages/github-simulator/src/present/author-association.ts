// `author_association`: how the author relates to the repository, as reviews, issues and
// comments report it. Approval rules often read it, so it follows GitHub's precedence.
import type { RepositoryState } from '../state/repository-state'
import type { Schemas, View } from './view'

export function authorAssociation(view: View, repo: RepositoryState, login: string): Schemas['author-association'] {
  if (login.toLowerCase() === repo.record.owner.toLowerCase()) return 'OWNER'
  if (view.state.isOrganizationMember(repo.record.owner, login)) return 'MEMBER'
  if (repo.collaborators.has(login.toLowerCase())) return 'COLLABORATOR'
  const defaultHead = repo.branch(repo.record.defaultBranch)
  if (defaultHead !== undefined) {
    for (const sha of repo.ancestors(defaultHead)) {
      if (repo.getCommit(sha).author.login?.toLowerCase() === login.toLowerCase()) return 'CONTRIBUTOR'
    }
  }
  return 'NONE'
}
