import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { renderTables, updateReadme } from './readme-tables.mjs'
import { actionNames, REPO_ROOT } from './repo-files'

const read = (file: string) => readFileSync(join(REPO_ROOT, file), 'utf8')

test.each(actionNames())('actions/%s/README.md has the inputs and outputs of its action.yml (node scripts/readme-tables.mjs --write)', (name) => {
  const readme = read(`actions/${name}/README.md`)
  expect(updateReadme(readme, read(`actions/${name}/action.yml`))).toBe(readme)
})

describe('a README that drifts from action.yml fails', () => {
  const actionYml = read('actions/classify-change/action.yml')
  const readme = read('actions/classify-change/README.md')

  test('an input added to action.yml, a default changed, an output renamed', () => {
    const changed = actionYml
      .replace('inputs:\n', 'inputs:\n  dry-run:\n    description: Change nothing.\n    default: \'false\'\n')
      .replace('default: .github/change-policy.yml', 'default: policy.yml')
      .replace('  files-count:', '  file-count:')
    const updated = updateReadme(readme, changed)
    expect(updated).not.toBe(readme)
    expect(updated).toContain("| `dry-run` | no | `false` | Change nothing. |")
    expect(updated).toContain('| `policy` | no | `policy.yml` |')
    expect(updated).toContain('| `file-count` |')
    expect(updated).not.toContain('| `files-count` |')
  })

  test('a README edited by hand', () => {
    expect(updateReadme(readme.replace('| `apply-labels` | no |', '| `apply-labels` | yes |'), actionYml)).toBe(readme)
  })

  test('a README without the markers says where they go', () => {
    expect(() => updateReadme('# x\n', actionYml, 'README.md')).toThrow(/README.md: the inputs table markers are missing/)
  })

  test('cells stay on one line with pipes escaped', () => {
    const { inputs } = renderTables('name: x\ndescription: y\ninputs:\n  a:\n    description: |\n      one | two\n      three\n    required: true\nruns:\n  using: node24\n  main: x.js\n')
    expect(inputs.split('\n')[2]).toBe('| `a` | yes |  | one \\| two three |')
  })
})
