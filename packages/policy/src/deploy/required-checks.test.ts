import { defaultPolicy } from '../defaults'
import { evaluateRequiredChecks, requiredChecksFor, type ObservedCheck } from './required-checks'

const run = (name: string, conclusion: string | null, extra: Partial<ObservedCheck> = {}): ObservedCheck => ({
  name, kind: 'check-run', sha: 'a'.repeat(40), status: conclusion === null ? 'in_progress' : 'completed', conclusion, app: 'github-actions', ...extra
})

test('the deploy checks and a matched control\'s checks are required, each once', () => {
  const deploy = { ...defaultPolicy().deploy, requiredChecks: ['test', 'build'] }
  const required = requiredChecksFor(deploy, [{ name: 'database', requiredChecks: ['validate-migration', 'test'] }])
  expect(required.map((c) => [c.name, c.requiredBy])).toEqual([
    ['test', ['deploy.required-checks', 'control database']],
    ['build', ['deploy.required-checks']],
    ['validate-migration', ['control database']]
  ])
})

test('missing, pending, failed, cancelled and skipped checks are each named', () => {
  const required = ['ok', 'none', 'running', 'red', 'stopped', 'skip', 'status'].map((name) => ({ name, requiredBy: ['deploy.required-checks'] }))
  const verdicts = evaluateRequiredChecks(required, [
    run('ok', 'success'), run('running', null), run('red', 'failure'), run('stopped', 'cancelled'), run('skip', 'skipped'),
    { name: 'status', kind: 'status', sha: 'b'.repeat(40), status: 'error', conclusion: 'error', app: null }
  ])
  expect(verdicts.map((v) => v.outcome)).toEqual(['success', 'missing', 'pending', 'failed', 'cancelled', 'skipped', 'failed'])
  expect(verdicts[5]?.explanation).toMatch(/`skip` was skipped/)
})

test('a success on either commit satisfies the check, a neutral one does not', () => {
  expect(evaluateRequiredChecks([{ name: 't', requiredBy: [] }], [run('t', 'failure'), run('t', 'success', { sha: 'c'.repeat(40) })])[0]?.outcome).toBe('success')
  expect(evaluateRequiredChecks([{ name: 't', requiredBy: [] }], [run('t', 'neutral')])[0]?.outcome).toBe('failed')
})

test('a pinned check is refused when another app or a commit status posted it', () => {
  const pinned = [{ name: 'test', app: 'github-actions', requiredBy: [] }]
  const verdict = evaluateRequiredChecks(pinned, [run('test', 'success', { app: 'impostor-ci' }), { name: 'test', kind: 'status', sha: 'd'.repeat(40), status: 'success', conclusion: 'success', app: null }])[0]
  expect(verdict?.outcome).toBe('wrong-app')
  expect(verdict?.explanation).toMatch(/impostor-ci.*commit status/)
  expect(evaluateRequiredChecks(pinned, [run('test', 'success')])[0]?.outcome).toBe('success')
})
