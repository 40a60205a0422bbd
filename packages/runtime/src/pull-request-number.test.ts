import { ActionError } from './action-error'
import { resolvePullRequestNumber } from './pull-request-number'

const SUPPORTED = ['pull_request', 'pull_request_target', 'merge_group', 'workflow_dispatch']

test('pull_request and pull_request_target name the pull request in the payload', () => {
  expect(resolvePullRequestNumber({ eventName: 'pull_request', payload: { pull_request: { number: 7 } } }, undefined, SUPPORTED)).toBe(7)
  expect(resolvePullRequestNumber({ eventName: 'pull_request_target', payload: { pull_request: { number: 8 } } }, undefined, SUPPORTED)).toBe(8)
})

test('a merge queue run names the pull request in its queue branch', () => {
  const payload = { merge_group: { head_ref: 'refs/heads/gh-readonly-queue/main/pr-42-0123456789abcdef0123456789abcdef01234567' } }
  expect(resolvePullRequestNumber({ eventName: 'merge_group', payload }, undefined, SUPPORTED)).toBe(42)
})

test('the input wins over the event', () => {
  expect(resolvePullRequestNumber({ eventName: 'pull_request', payload: { pull_request: { number: 7 } } }, 9, SUPPORTED)).toBe(9)
})

test('workflow_dispatch without the input asks for it', () => {
  expect(() => resolvePullRequestNumber({ eventName: 'workflow_dispatch', payload: {} }, undefined, SUPPORTED)).toThrow(/pull-request/)
})

test('an event without a pull request is an ActionError naming the supported events', () => {
  let error: unknown
  try {
    resolvePullRequestNumber({ eventName: 'push', payload: { ref: 'refs/heads/main' } }, undefined, SUPPORTED)
  } catch (e) {
    error = e
  }
  expect(error).toBeInstanceOf(ActionError)
  expect((error as ActionError).problems[0]?.message).toMatch(/`push` event/)
  expect((error as ActionError).problems[0]?.fix).toMatch(/`merge_group`/)
})
