import { booleanInput, choiceInput, positiveIntegerInput } from './inputs'

const saved = { ...process.env }
afterEach(() => {
  process.env = { ...saved }
})

test('booleans accept only YAML 1.2 true and false', () => {
  process.env['INPUT_APPLY-LABELS'] = 'False'
  expect(booleanInput('apply-labels', true)).toBe(false)
  process.env['INPUT_APPLY-LABELS'] = 'ture'
  expect(() => booleanInput('apply-labels', true)).toThrow(/not a boolean/)
  delete process.env['INPUT_APPLY-LABELS']
  expect(booleanInput('apply-labels', true)).toBe(true)
})

test('a choice outside the list is refused with the list', () => {
  process.env['INPUT_MODE'] = 'deploy-now'
  expect(() => choiceInput('mode', ['deploy', 'rollback'] as const, 'deploy')).toThrow(/deploy, rollback/)
})

test('a pull request number must be a positive whole number', () => {
  process.env['INPUT_PULL-REQUEST'] = '12'
  expect(positiveIntegerInput('pull-request')).toBe(12)
  process.env['INPUT_PULL-REQUEST'] = '12; rm -rf /'
  expect(() => positiveIntegerInput('pull-request')).toThrow(/positive whole number/)
  process.env['INPUT_PULL-REQUEST'] = '0'
  expect(() => positiveIntegerInput('pull-request')).toThrow()
})
