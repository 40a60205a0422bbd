import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { inputVariable, runAction } from './run-action'

const dirs: string[] = []

afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true })
})

async function script(source: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'run-action-test-'))
  dirs.push(dir)
  const path = join(dir, 'index.mjs')
  await writeFile(path, source)
  return path
}

// A throwaway action that writes outputs in both forms, a summary and annotations the way
// @actions/core does.
const ACTION = `
import { appendFileSync } from 'node:fs'
const out = process.env.GITHUB_OUTPUT
appendFileSync(out, 'change-type=normal\\n')
appendFileSync(out, 'reasons<<ghadelimiter_123\\nline one\\nline two\\nghadelimiter_123\\n')
appendFileSync(out, 'inputs=' + JSON.stringify({ policy: process.env['INPUT_POLICY-REF'], spaced: process.env['INPUT_PULL_REQUEST'] }) + '\\n')
appendFileSync(out, 'leak=' + (process.env.LEAKED_SECRET ?? '') + '\\n')
appendFileSync(out, 'cwd=' + (process.cwd() === process.env.GITHUB_WORKSPACE) + '\\n')
appendFileSync(process.env.GITHUB_STEP_SUMMARY, '## Change policy\\n\\nnormal\\n')
appendFileSync(process.env.GITHUB_ENV, 'EXPORTED=yes\\n')
console.log('::add-mask::s3cret')
console.log('::error file=.github/change-policy.yml,line=3,col=5,title=Unknown key::Unknown key %22aprovals%22%0Adid you mean approvals?')
console.log('::warning file=a%2Cb.sql,line=1::Empty migration')
console.log('::notice::Using built-in defaults')
console.log('::stop-commands::pause')
console.log('::error::not a command while stopped')
console.log('::pause::')
process.exitCode = 1
`

test('runs a script as the runner does and parses outputs, summary and annotations', async () => {
  process.env.LEAKED_SECRET = 'from-the-test-process'
  try {
    const run = await runAction(await script(ACTION), {
      env: { GITHUB_REPOSITORY: 'acme/app' },
      inputs: { 'policy-ref': 'main', 'pull request': 7, unset: undefined }
    })
    expect(run.exitCode).toBe(1)
    expect(run.timedOut).toBe(false)
    expect(run.outputs).toEqual({
      'change-type': 'normal',
      reasons: 'line one\nline two',
      inputs: JSON.stringify({ policy: 'main', spaced: '7' }),
      leak: '',
      cwd: 'true'
    })
    expect(run.summary).toBe('## Change policy\n\nnormal\n')
    expect(run.exportedEnv).toEqual({ EXPORTED: 'yes' })
    expect(run.masks).toEqual(['s3cret'])
    expect(run.annotations).toEqual([
      { level: 'error', file: '.github/change-policy.yml', line: 3, col: 5, title: 'Unknown key', message: 'Unknown key %22aprovals%22\ndid you mean approvals?' },
      { level: 'warning', file: 'a,b.sql', line: 1, message: 'Empty migration' },
      { level: 'notice', message: 'Using built-in defaults' }
    ])
  } finally {
    delete process.env.LEAKED_SECRET
  }
})

test('an action that hangs is killed at the timeout', async () => {
  const run = await runAction(await script('setInterval(() => {}, 1000)'), { timeoutMs: 300 })
  expect(run.timedOut).toBe(true)
  expect(run.exitCode).toBeNull()
})

test('input names become INPUT_ variables: upper case, spaces to underscores, dashes kept', () => {
  expect(inputVariable('policy-ref')).toBe('INPUT_POLICY-REF')
  expect(inputVariable('pull request')).toBe('INPUT_PULL_REQUEST')
})

test('given an action.yml, runs its runs.main with input defaults evaluated, and warns of undeclared inputs', async () => {
  const main = await script(`
    import { appendFileSync } from 'node:fs'
    for (const name of ['TOKEN', 'POLICY', 'PULL-REQUEST', 'APPLY-LABELS']) appendFileSync(process.env.GITHUB_OUTPUT, name + '=' + (process.env['INPUT_' + name] ?? '<unset>') + '\\n')
  `)
  const dir = join(main, '..')
  await writeFile(join(dir, 'event.json'), JSON.stringify({ pull_request: { number: 42 } }))
  await writeFile(
    join(dir, 'action.yml'),
    [
      "name: 'classify-change'",
      'description: >-',
      '  Classifies a change',
      '  from its files.',
      'inputs:',
      '  token:',
      '    description: The token # not a comment inside? yes it is',
      '    default: ${{ github.token }}',
      '  policy:',
      "    default: '.github/change-policy.yml'",
      '  pull-request:',
      '    default: ${{ github.event.pull_request.number }}',
      '  apply-labels:',
      '    description: |',
      '      Whether to label.',
      '      Default true.',
      '    required: false',
      'runs:',
      '  using: node24',
      '  main: index.mjs',
      ''
    ].join('\n')
  )
  const run = await runAction(join(dir, 'action.yml'), {
    token: 'ghs_from_scenario',
    env: { GITHUB_EVENT_PATH: join(dir, 'event.json') },
    inputs: { policy: 'custom.yml', 'polcy-ref': 'main' }
  })
  expect(run.exitCode).toBe(0)
  expect(run.outputs).toEqual({ TOKEN: 'ghs_from_scenario', POLICY: 'custom.yml', 'PULL-REQUEST': '42', 'APPLY-LABELS': '<unset>' })
  expect(run.annotations).toEqual([
    { level: 'warning', message: "Unexpected input(s) 'polcy-ref', valid inputs are ['token', 'policy', 'pull-request', 'apply-labels']" }
  ])
})
