import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { checkDependabot } from './dependabot-check'
import { describeProblems } from './problem'
import { REPO_ROOT } from './repo-files'

const text = readFileSync(join(REPO_ROOT, '.github', 'dependabot.yml'), 'utf8')
const messages = (source: string) => checkDependabot('dependabot.yml', source).map((p) => p.message)

test('.github/dependabot.yml updates npm and github-actions with keys Dependabot reads', () => {
  expect(describeProblems(checkDependabot('.github/dependabot.yml', text))).toBe('')
  expect(text).toMatch(/package-ecosystem: npm/)
  expect(text).toMatch(/package-ecosystem: github-actions/)
})

test('a broken copy fails', () => {
  expect(messages(text.replace('version: 2', 'version: 1'))).toEqual(['version must be 2'])
  expect(messages(text.replace('interval: weekly', 'interval: fortnightly'))).toEqual([expect.stringMatching(/^updates\[0\]: schedule.interval must be one of/)])
  expect(messages(text.replace('    directory: /\n', '    dir: /\n'))).toEqual([expect.stringMatching(/^updates\[0\] has the key `dir`/), 'updates[0] needs a directory'])
  expect(messages(text.replace('package-ecosystem: npm', 'package-ecosystem: npm\n    package-ecosystem: pip'))).toEqual([expect.stringMatching(/^not valid YAML: duplicated mapping key/)])
})
