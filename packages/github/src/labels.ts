import type { GitHubClient, RepoRef } from './client'
import { describeRequestError } from './errors'

export interface LabelAddition {
  label: string
  actor: string | null
  at: string
}

/**
 * Who last added each label, from the issue's event history. Only the labels asked about
 * are looked up, and only when there are any: the events cost requests.
 */
export async function findLabelAdders(
  client: GitHubClient,
  repo: RepoRef,
  issueNumber: number,
  labels: string[]
): Promise<Map<string, LabelAddition>> {
  const adders = new Map<string, LabelAddition>()
  if (labels.length === 0) return adders
  const wanted = new Set(labels)
  try {
    const events = await client.paginate(client.rest.issues.listEvents, { ...repo, issue_number: issueNumber, per_page: 100 })
    for (const event of events) {
      const name = 'label' in event ? event.label?.name : undefined
      if (!name || !wanted.has(name)) continue
      // Events come oldest first, so the last `labeled` wins, and an `unlabeled` after it
      // means the label present now was added by a later event we will also see.
      if (event.event === 'labeled') {
        adders.set(name, { label: name, actor: event.actor?.login ?? null, at: event.created_at })
      } else if (event.event === 'unlabeled') {
        adders.delete(name)
      }
    }
  } catch (error) {
    throw describeRequestError(error, `read the label history of #${issueNumber}`, 'issues: read')
  }
  return adders
}

export interface LabelChanges {
  added: string[]
  removed: string[]
}

/**
 * Puts exactly one of the `prefix*` labels on the pull request: `wanted` is added unless
 * already there, every other label with the prefix is removed.
 */
export async function syncPrefixedLabel(
  client: GitHubClient,
  repo: RepoRef,
  issueNumber: number,
  current: string[],
  prefix: string,
  wanted: string
): Promise<LabelChanges> {
  const changes: LabelChanges = { added: [], removed: [] }
  const permission = 'pull-requests: write (labels on a pull request need it, or issues: write)'
  if (!current.includes(wanted)) {
    try {
      await client.rest.issues.addLabels({ ...repo, issue_number: issueNumber, labels: [wanted] })
      changes.added.push(wanted)
    } catch (error) {
      throw describeRequestError(error, `add the label ${wanted} to #${issueNumber}`, permission)
    }
  }
  for (const stale of current.filter((l) => l.startsWith(prefix) && l !== wanted)) {
    try {
      await client.rest.issues.removeLabel({ ...repo, issue_number: issueNumber, name: stale })
      changes.removed.push(stale)
    } catch (error) {
      // Someone removed it meanwhile: the state we wanted is reached anyway.
      if ((error as { status?: number }).status === 404) continue
      throw describeRequestError(error, `remove the stale label ${stale} from #${issueNumber}`, permission)
    }
  }
  return changes
}
