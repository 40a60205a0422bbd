import { existsSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { checkActionMetadata, checkInputsMatchCode } from './action-metadata-check'
import { analyseInputReads, repositoryCompilerOptions, type InputReads } from './input-reads'
import { describeProblems } from './problem'
import { actionNames, REPO_ROOT } from './repo-files'
import { readFileSync } from 'node:fs'

const runtime = join(REPO_ROOT, 'packages', 'runtime', 'src', 'index.ts')
const fixtures = mkdtempSync(join(tmpdir(), 'input-reads-'))
const fixture = (name: string, source: string): string => {
  const path = join(fixtures, name)
  writeFileSync(path, source)
  return path
}
// An action that reads an input through a constant, a wrapper of its own and a callback, and
// one undeclared input; and one that builds an input's name at run time.
const wrapped = fixture(
  'wrapped.ts',
  `import { booleanInput, runAction, stringInput } from ${JSON.stringify(runtime)}
const POLICY = 'policy'
function folder(name: string): string { return stringInput(name).replace(/\\/+$/, '') }
await runAction('fixture', async () => {
  stringInput(POLICY)
  folder('path')
  ;[1].forEach(() => booleanInput('undeclared-one', false))
})
`
)
const dynamic = fixture('dynamic.ts', `import { stringInput } from ${JSON.stringify(runtime)}\nfor (const kind of ['a', 'b']) stringInput(\`\${kind}-ref\`)\n`)
// Composite actions have no code of their own: composite-action.test.ts checks theirs.
const codeActions = actionNames().filter((name) => existsSync(join(REPO_ROOT, 'actions', name, 'main.ts')))
const mains = codeActions.map((name) => join(REPO_ROOT, 'actions', name, 'main.ts'))
let reads: Map<string, InputReads>

beforeAll(() => {
  reads = analyseInputReads([...mains, wrapped, dynamic], repositoryCompilerOptions(join(REPO_ROOT, 'tsconfig.json')))
})

test.each(codeActions)('actions/%s: every input the code reads is declared, and every declared input is read', (name) => {
  const file = join(REPO_ROOT, 'actions', name, 'action.yml')
  const { spec } = checkActionMetadata(file, readFileSync(file, 'utf8'))
  const found = reads.get(join(REPO_ROOT, 'actions', name, 'main.ts')) as InputReads
  expect(found.reads.size).toBeGreaterThan(0)
  expect(describeProblems([...found.problems, ...checkInputsMatchCode(file, Object.keys(spec?.inputs ?? {}), found.reads)])).toBe('')
})

test('reads through constants, wrappers and callbacks are seen; an undeclared read and an unread declaration fail', () => {
  const found = reads.get(wrapped) as InputReads
  expect(found.problems).toEqual([])
  expect([...found.reads.keys()].sort()).toEqual(['path', 'policy', 'undeclared-one'])
  const problems = checkInputsMatchCode('action.yml', ['policy', 'path', 'never-read'], found.reads)
  expect(problems.map((p) => p.message)).toEqual([
    expect.stringMatching(/^the code reads the input `undeclared-one` \(.*wrapped\.ts:7\), which action.yml does not declare/),
    'declares the input `never-read`, which the code never reads: a promise that is not kept'
  ])
})

test('an input name the checker cannot resolve is a problem, not a guess', () => {
  const found = reads.get(dynamic) as InputReads
  expect(found.problems.map((p) => p.message)).toEqual(['an input is read with a name that is not a literal or a constant: `${kind}-ref`'])
})
