import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { checkActionMetadata } from './action-metadata-check'
import { describeProblems } from './problem'
import { actionNames, REPO_ROOT } from './repo-files'

const file = (name: string) => join(REPO_ROOT, 'actions', name, 'action.yml')
const text = (name: string) => readFileSync(file(name), 'utf8')
const messages = (name: string, source: string) => checkActionMetadata(file(name), source).problems.map((p) => p.message).join('\n')

test.each(actionNames())('actions/%s/action.yml is what GitHub accepts', (name) => {
  const { problems } = checkActionMetadata(file(name), text(name))
  expect(describeProblems(problems)).toBe('')
})

// The descriptions that made GitHub unable to load these actions, unquoted again (found by their
// text, so an input added above them does not move the test off them).
const lineOf = (name: string, description: string) => text(name).split('\n').findIndex((l) => l.includes(description)) + 1
test.each([
  ['classify-change', "Ref to read the policy from. Default: the pull request's base branch."],
  ['classify-change', 'Pull request number. Default: the one the event is about.'],
  ['require-approval', "Ref to read the policy from. Default: the pull request's base branch."],
  ['require-approval', 'Pull request number. Default: the one the event is about.']
])('actions/%s/action.yml with "%s" unquoted again fails', (name, description) => {
  const line = lineOf(name, description)
  expect(line).toBeGreaterThan(0)
  const lines = text(name).split('\n')
  const quoted = lines[line - 1] as string
  lines[line - 1] = quoted.replace(/description: (["'])(.*)\1$/, (_all, quote: string, body: string) => `description: ${quote === "'" ? body.replace(/''/g, "'") : body}`)
  expect(lines[line - 1]).not.toBe(quoted)
  const { problems } = checkActionMetadata(file(name), lines.join('\n'))
  expect(problems).toEqual([{ file: expect.stringMatching(new RegExp(`action\\.yml:${line}:\\d+$`)), message: expect.stringMatching(/^not valid YAML: bad indentation of a mapping entry/) }])
})

describe('a broken copy of classify-change/action.yml fails', () => {
  const original = text('classify-change')

  test('the unquoted description with ": " that once made it unloadable', () => {
    const broken = original.replace(`description: "Ref to read the policy from. Default: the pull request's base branch."`, `description: Ref to read the policy from. Default: the pull request's base branch.`)
    expect(broken).not.toBe(original)
    const { problems } = checkActionMetadata(file('classify-change'), broken)
    const line = lineOf('classify-change', "Ref to read the policy from. Default: the pull request's base branch.")
    expect(problems).toEqual([{ file: expect.stringMatching(new RegExp(`action\\.yml:${line}:\\d+$`)), message: expect.stringMatching(/^not valid YAML: bad indentation of a mapping entry/) }])
  })

  test('a key written twice', () => {
    expect(messages('classify-change', original.replace('author: change-policy', 'author: change-policy\nauthor: someone'))).toMatch(/duplicated mapping key/)
  })

  test('a key the runner does not read, at the top, in an input and in an output', () => {
    const broken = original.replace('author: change-policy', 'author: change-policy\nversion: 1').replace('    default: .github/change-policy.yml', '    default: .github/change-policy.yml\n    type: string').replace('    description: standard, normal or emergency.', '    description: standard, normal or emergency.\n    value: x')
    const found = messages('classify-change', broken)
    expect(found).toMatch(/the action has the key `version`/)
    expect(found).toMatch(/input `policy` has the key `type`/)
    expect(found).toMatch(/output `change-type` has the key `value`/)
  })

  test('another runtime, and a main that does not exist', () => {
    expect(messages('classify-change', original.replace('using: node24', 'using: node20'))).toMatch(/runs.using is "node20"/)
    expect(messages('classify-change', original.replace('main: ../../dist/classify-change/index.js', 'main: ../../dist/nope/index.js'))).toMatch(/runs.main is \.\.\/\.\.\/dist\/nope\/index\.js, which does not exist/)
  })

  test('branding outside GitHub\'s lists', () => {
    expect(messages('classify-change', original.replace('icon: shield', 'icon: shield-check'))).toMatch(/branding.icon "shield-check" is not one of the Feather icons/)
    expect(messages('classify-change', original.replace('color: blue', 'color: pink'))).toMatch(/branding.color "pink" is not one of/)
  })

  test('a missing description and a non-boolean required', () => {
    const found = messages('classify-change', original.replace(/^description: >-\n(?: {2}.*\n)+/m, '').replace("    default: 'true'", "    required: 'yes'"))
    expect(found).toMatch(/`description` is required/)
    expect(found).toMatch(/input `apply-labels`: required must be true or false/)
  })

  test('a composite action needs steps and output values', () => {
    const composite = 'name: x\ndescription: y\noutputs:\n  a:\n    description: z\nruns:\n  using: composite\n'
    const found = messages('classify-change', composite)
    expect(found).toMatch(/needs `runs.steps`/)
    expect(found).toMatch(/output `a` of a composite action needs a value/)
  })
})
