// `label`: a repository label, also embedded in issues and pull requests.
import type { RepositoryState } from '../state/repository-state'
import type { LabelRecord } from '../state/records'
import type { Schemas, View } from './view'

export function label(view: View, repo: RepositoryState, record: LabelRecord): Schemas['label'] {
  return {
    id: record.id,
    node_id: record.nodeId,
    url: `${view.urls.repoApi(repo.fullName)}/labels/${encodeURIComponent(record.name)}`,
    name: record.name,
    description: record.description,
    color: record.color,
    default: record.default
  }
}

/** The labels an issue carries, in name order as GitHub lists them. */
export function issueLabels(view: View, repo: RepositoryState, names: readonly string[]): Schemas['label'][] {
  return names
    .map((name) => repo.findLabel(name) ?? repo.addLabel(name))
    .sort((a, b) => a.name.toLowerCase().localeCompare(b.name.toLowerCase()))
    .map((record) => label(view, repo, record))
}
