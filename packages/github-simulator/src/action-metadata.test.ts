import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseActionYaml, readActionMetadata } from './action-metadata'

function actionFile(text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'action-metadata-'))
  const file = join(dir, 'action.yml')
  writeFileSync(file, text)
  return file
}

test('reads runs.main, the defaults as the strings the runner passes, and which inputs are required', () => {
  const file = actionFile(
    [
      "name: 'change-policy: x'",
      'description: >-',
      '  folded',
      '  text',
      'inputs:',
      '  token:',
      '    description: The token.',
      '    default: ${{ github.token }}',
      '  limit:',
      '    description: A number.',
      '    default: 5',
      '  flag:',
      '    description: A boolean.',
      '    default: true',
      '  needed:',
      '    description: Required.',
      '    required: true',
      'runs:',
      '  using: node24',
      '  main: ../dist/x/index.js'
    ].join('\n')
  )
  const metadata = readActionMetadata(file)
  expect(metadata.main).toBe(join(file, '..', '..', 'dist', 'x', 'index.js'))
  expect(metadata.using).toBe('node24')
  expect(metadata.inputs).toEqual({
    token: { required: false, default: '${{ github.token }}' },
    limit: { required: false, default: '5' },
    flag: { required: false, default: 'true' },
    needed: { required: true }
  })
})

test('refuses what GitHub refuses: a ": " inside a plain scalar, and a key written twice', () => {
  expect(() => parseActionYaml("description: Ref to read the policy from. Default: the pull request's base branch.\n")).toThrow(
    /bad indentation of a mapping entry in "action.yml" \(1:50\)/
  )
  expect(() => parseActionYaml('name: a\nname: b\n')).toThrow(/duplicated mapping key in "action.yml" \(2:1\)/)
  expect(() => readActionMetadata(actionFile('name: x\nruns:\n  using: node24\n'))).toThrow(/runs.main is missing/)
})
