// Real webhook payloads from @octokit/webhooks-examples, the starting point of every
// scenario's event file: fields no scenario sets keep the values GitHub sent.
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'

type Payload = Record<string, unknown>

interface WebhookDefinition {
  name: string
  examples: Payload[]
}

let definitions: WebhookDefinition[] | undefined

function load(): WebhookDefinition[] {
  if (definitions === undefined) {
    const require = createRequire(import.meta.url)
    definitions = JSON.parse(readFileSync(require.resolve('@octokit/webhooks-examples'), 'utf8')) as WebhookDefinition[]
  }
  return definitions
}

/**
 * A deep copy of the first example of `event` whose action is `which` (or that `which`
 * accepts); the first example of the event when none matches.
 */
export function webhookExample(event: string, which?: string | ((example: Payload) => boolean)): Payload {
  const definition = load().find((d) => d.name === event)
  if (definition === undefined) throw new Error(`@octokit/webhooks-examples has no "${event}" event`)
  const matches = which === undefined ? () => false : typeof which === 'string' ? (e: Payload) => e.action === which : which
  const example = definition.examples.find(matches) ?? definition.examples[0]
  if (example === undefined) throw new Error(`@octokit/webhooks-examples has no example of "${event}"`)
  return structuredClone(example)
}
