import { ActionError } from './action-error'
import type { EventContext } from './pull-request-number'

/** Event names an action runs on, each with the activity types it accepts (null: any). */
export type SupportedEvents = Readonly<Record<string, readonly string[] | null>>

/**
 * Refuses an event (or an activity type of one) the action was not built for, with the
 * `on:` block that would be right: a gate that runs on the wrong event would judge the
 * wrong thing, or judge it at the wrong moment, and must not quietly pass.
 */
export function assertSupportedEvent(event: EventContext, supported: SupportedEvents, action: string): void {
  const name = event.eventName
  const listing = Object.entries(supported)
    .map(([eventName, types]) => (types === null ? `\`${eventName}\`` : `\`${eventName}\` (${types.join(', ')})`))
    .join(', ')
  if (!Object.hasOwn(supported, name)) {
    throw new ActionError({
      message: `${action} does not run on a \`${name || 'unknown'}\` event.`,
      fix: `Trigger it on ${listing}.`
    })
  }
  const types = supported[name]
  const type = typeof event.payload['action'] === 'string' ? (event.payload['action'] as string) : ''
  if (types && !types.includes(type)) {
    throw new ActionError({
      message: `${action} does not run on \`${name}\` events of type \`${type || 'unknown'}\`.`,
      fix: `List only these types under \`on: ${name}: types:\`: ${types.join(', ')}.`
    })
  }
}
