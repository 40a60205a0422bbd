import { ActionError } from './action-error'
import { assertSupportedEvent, type SupportedEvents } from './supported-events'

const supported: SupportedEvents = { pull_request_review: ['submitted', 'dismissed'], merge_group: null }

function problemOf(run: () => void): string {
  try {
    run()
  } catch (error) {
    expect(error).toBeInstanceOf(ActionError)
    const { message, fix } = (error as ActionError).problems[0]!
    return `${message} ${fix}`
  }
  throw new Error('it did not throw')
}

test('a listed event with a listed type passes', () => {
  expect(() => assertSupportedEvent({ eventName: 'pull_request_review', payload: { action: 'dismissed' } }, supported, 'x')).not.toThrow()
})

test('an event listed without types accepts any type', () => {
  expect(() => assertSupportedEvent({ eventName: 'merge_group', payload: { action: 'checks_requested' } }, supported, 'x')).not.toThrow()
})

test('an event that is not listed names every one that is', () => {
  expect(problemOf(() => assertSupportedEvent({ eventName: 'push', payload: {} }, supported, 'require-approval'))).toBe(
    'require-approval does not run on a `push` event. Trigger it on `pull_request_review` (submitted, dismissed), `merge_group`.'
  )
})

test('a type that is not listed names the types that are', () => {
  expect(problemOf(() => assertSupportedEvent({ eventName: 'pull_request_review', payload: { action: 'edited' } }, supported, 'x'))).toMatch(
    /of type `edited`.*submitted, dismissed/
  )
})

test('names inherited from Object are not events', () => {
  expect(problemOf(() => assertSupportedEvent({ eventName: 'toString', payload: {} }, supported, 'x'))).toMatch(/`toString` event/)
})
