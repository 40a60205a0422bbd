export interface RepositoryName {
  owner: string
  name: string
}

/** GitHub owner and repository names are case-insensitive. */
export function sameRepository(a: RepositoryName, b: RepositoryName): boolean {
  return a.owner.toLowerCase() === b.owner.toLowerCase() && a.name.toLowerCase() === b.name.toLowerCase()
}

export function repositoryPath(repository: RepositoryName): string {
  return `${repository.owner}/${repository.name}`
}
