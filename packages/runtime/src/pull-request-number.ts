import { ActionError } from './action-error'

export interface EventContext {
  eventName: string
  payload: Record<string, unknown>
}

const PR_EVENTS = ['pull_request', 'pull_request_target', 'pull_request_review', 'pull_request_review_comment']

/**
 * Which pull request this run is about: the `pull-request` input when given, else the
 * event's. A merge queue run names it in the queue branch (gh-readonly-queue/<base>/pr-<n>-<sha>).
 */
export function resolvePullRequestNumber(event: EventContext, input: number | undefined, supported: string[]): number {
  if (input !== undefined) return input
  const { eventName, payload } = event
  if (PR_EVENTS.includes(eventName)) {
    const pr = payload['pull_request'] as { number?: unknown } | undefined
    if (pr && typeof pr.number === 'number') return pr.number
  }
  if (eventName === 'merge_group') {
    const group = payload['merge_group'] as { head_ref?: unknown } | undefined
    const match = typeof group?.head_ref === 'string' ? /\/pr-(\d+)-[0-9a-f]+$/.exec(group.head_ref) : null
    if (match) return Number(match[1])
  }
  if (eventName === 'workflow_dispatch') {
    throw new ActionError({
      message: 'A workflow_dispatch run names no pull request: the `pull-request` input is required.',
      fix: 'Pass the `pull-request` input (for example from a workflow_dispatch input).'
    })
  }
  throw new ActionError({
    message: `This step ran on a \`${eventName || 'unknown'}\` event, which carries no pull request.`,
    fix: `Run it on ${supported.map((e) => `\`${e}\``).join(', ')}, or pass the \`pull-request\` input.`
  })
}
