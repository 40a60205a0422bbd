import { MAX_ISSUE_REFERENCES, type LinkedIssue } from '@change-policy/policy'
import type { GitHubClient, RepoRef } from './client'

// The one read REST has no equivalent of: issues linked to a pull request by hand, in its
// Development sidebar. `userLinkedOnly` leaves out the ones its description names with a
// closing keyword, which are read from the description itself. The issues come whole
// (title, body, labels, state), so a sidebar link costs no request of its own.
const SIDEBAR_LINKS = `query SidebarLinks($owner: String!, $name: String!, $number: Int!, $first: Int!) {
  repository(owner: $owner, name: $name) {
    pullRequest(number: $number) {
      closingIssuesReferences(first: $first, userLinkedOnly: true) {
        totalCount
        nodes { number title body state repository { nameWithOwner } labels(first: 100) { nodes { name } } }
      }
    }
  }
}`

interface SidebarAnswer {
  repository: {
    pullRequest: {
      closingIssuesReferences: {
        totalCount: number
        nodes: ({
          number: number
          title: string
          body: string | null
          state: string
          repository: { nameWithOwner: string }
          labels: { nodes: ({ name: string } | null)[] | null } | null
        } | null)[] | null
      }
    } | null
  } | null
}

export type SidebarLinks = { issues: LinkedIssue[]; skipped: number } | { error: string }

/**
 * The issues linked in the Development sidebar of pull request `number`, at most
 * MAX_ISSUE_REFERENCES of them (and how many more there are). A failure is returned, not
 * thrown: the caller fails the requirement closed on it, naming what could not be read.
 */
export async function listSidebarLinkedIssues(client: GitHubClient, repo: RepoRef, number: number): Promise<SidebarLinks> {
  let data: SidebarAnswer
  try {
    data = await client.graphql<SidebarAnswer>(SIDEBAR_LINKS, { owner: repo.owner, name: repo.repo, number, first: MAX_ISSUE_REFERENCES })
  } catch (error) {
    return { error: graphqlFailure(error) }
  }
  const connection = data.repository?.pullRequest?.closingIssuesReferences
  if (!connection) return { error: `GitHub did not return pull request #${number} of ${repo.owner}/${repo.repo}` }
  const nodes = (connection.nodes ?? []).filter((node) => node !== null)
  const issues = nodes.map((node): LinkedIssue => {
    const [owner = repo.owner, name = repo.repo] = node.repository.nameWithOwner.split('/')
    return {
      number: node.number,
      title: node.title,
      body: node.body ?? '',
      labels: (node.labels?.nodes ?? []).flatMap((label) => (label ? [label.name] : [])),
      state: node.state === 'CLOSED' ? 'closed' : 'open',
      isPullRequest: false, // an IssueConnection holds issues only
      repository: { owner, name },
      source: 'sidebar'
    }
  })
  return { issues, skipped: Math.max(0, connection.totalCount - issues.length) }
}

function graphqlFailure(error: unknown): string {
  const errors = (error as { errors?: unknown }).errors
  if (Array.isArray(errors) && errors.length > 0) {
    const messages = errors.map((e) => (e && typeof e === 'object' && 'message' in e ? String(e.message) : String(e)))
    return `GitHub's GraphQL API answered: ${messages.join('; ')}`
  }
  const status = (error as { status?: unknown }).status
  const message = error instanceof Error ? error.message : String(error)
  return typeof status === 'number' ? `GitHub answered HTTP ${status}${status >= 500 ? ' after retries' : ''}: ${message}` : `no answer from GitHub after retries (${message})`
}
