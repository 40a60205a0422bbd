import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { checkActionMetadata, type ActionSpec } from './action-metadata-check'
import { describeProblems } from './problem'
import { documentedWorkflows } from './documented-workflows'
import { actionNames, documentationFiles, REPO_ROOT, workflowFiles } from './repo-files'
import { checkWorkflow, type WorkflowContext } from './workflow-check'

const actions = new Map<string, ActionSpec>()
for (const name of actionNames()) {
  const file = join(REPO_ROOT, 'actions', name, 'action.yml')
  const { spec } = checkActionMetadata(file, readFileSync(file, 'utf8'))
  if (spec) actions.set(name, spec)
}
const context: WorkflowContext = { actions }
const read = (file: string) => readFileSync(join(REPO_ROOT, file), 'utf8')
const problemsOf = async (file: string, text: string) => (await checkWorkflow(file, text, context)).map((p) => p.message)

test('the templates and our own workflows are all here', () => {
  expect(workflowFiles()).toEqual(expect.arrayContaining(['workflows-templates/change-policy-approval.yml', 'workflows-templates/change-policy-classify.yml', 'workflows-templates/change-policy-migrations.yml', '.github/workflows/ci.yml', '.github/workflows/release.yml']))
})

test.each(workflowFiles())('%s passes GitHub\'s parser and our rules', async (file) => {
  expect(describeProblems(await checkWorkflow(file, read(file), context))).toBe('')
})

describe('a broken copy fails', () => {
  const migrations = read('workflows-templates/change-policy-migrations.yml')
  const approval = read('workflows-templates/change-policy-approval.yml')
  const classify = read('workflows-templates/change-policy-classify.yml')

  test('invalid YAML, and what only GitHub\'s parser knows (an unknown job key, a bad expression)', async () => {
    expect(await problemsOf('x.yml', migrations.replace('name: change-policy migrations', 'name: a: b'))).toEqual([expect.stringMatching(/^not valid YAML/)])
    const found = (await problemsOf('x.yml', migrations.replace('    timeout-minutes: 10', '    timeout-minutes: 10\n    run-on: ubuntu-latest').replace('${{ github.event.pull_request.number }}', '${{ github.event.pull_request.number ) }}'))).join('\n')
    expect(found).toMatch(/GitHub's workflow parser: .*run-on/)
    expect(found).toMatch(/GitHub's workflow parser: .*(Unexpected|expression)/i)
  })

  test('a third-party action pinned by a tag', async () => {
    expect(await problemsOf('x.yml', migrations.replace('actions/checkout@fbc6f3992d24b796d5a048ff273f7fcc4a7b6c09', 'actions/checkout@v5'))).toEqual([
      expect.stringMatching(/step 1: actions\/checkout@v5 is not pinned by a full 40-character commit SHA/)
    ])
  })

  test('event data interpolated into run:', async () => {
    const broken = classify.replace('        uses: your-org/change-policy/actions/classify-change@v1', '        uses: your-org/change-policy/actions/classify-change@v1\n      - run: echo "${{ github.event.pull_request.title }} ${{ github.head_ref }} ${{ steps.classify.outputs.reasons }}"')
    const found = await problemsOf('x.yml', broken)
    expect(found).toHaveLength(3)
    expect(found[0]).toMatch(/\$\{\{ github.event.pull_request.title \}\} is interpolated into run:/)
  })

  test('a job that asks for more, or for less, than its actions need', async () => {
    expect(await problemsOf('x.yml', classify.replace('      pull-requests: write  # read', '      issues: read\n      pull-requests: write  # read'))).toEqual([
      'job classify asks for more than its steps need: { issues: read } (they need { contents: read, pull-requests: write })'
    ])
    expect(await problemsOf('x.yml', approval.replace('      statuses: write       # change-policy/approval on the head commit\n', ''))).toEqual([
      'job require-approval asks for less than its steps need: { statuses: write } is missing (they need { contents: read, issues: read, pull-requests: read, statuses: write })'
    ])
    expect(await problemsOf('x.yml', approval.replace("enable-auto-merge: 'false'", 'enable-auto-merge: squash'))).toEqual([
      expect.stringMatching(/asks for less than its steps need: \{ contents: write, pull-requests: write \} is missing/)
    ])
    expect(await problemsOf('x.yml', migrations.replace(/^ {4}permissions:\n.*\n/m, '').replace('permissions: {}', ''))).toEqual([expect.stringMatching(/job validate-migration: no permissions/)])
  })

  test('a uses: of ours that names no action, passes an undeclared input or leaves out a required one', async () => {
    expect(await problemsOf('x.yml', classify.replace('actions/classify-change@v1', 'actions/classify@v1'))).toEqual([expect.stringMatching(/uses your-org\/change-policy\/actions\/classify@v1, but actions\/classify\/action.yml does not exist/)])
    expect(await problemsOf('x.yml', approval.replace("enable-auto-merge: 'false'", "enable-auto-merge: 'false'\n          fail-on-missing-approvals: 'true'"))).toEqual([
      expect.stringMatching(/passes the input `fail-on-missing-approvals`, which actions\/require-approval does not declare/)
    ])
    const required = new Map(actions)
    const spec = actions.get('classify-change') as ActionSpec
    required.set('classify-change', { ...spec, inputs: { ...spec.inputs, 'must-give': { description: 'x', required: true } } })
    expect((await checkWorkflow('x.yml', classify, { actions: required })).map((p) => p.message)).toEqual([expect.stringMatching(/requires the input `must-give`/)])
  })

  test('a reusable workflow of someone else pinned by a tag; ours and local ones are followed in their own files', async () => {
    const caller = (uses: string) => `on: pull_request\npermissions: {}\njobs:\n  call:\n    uses: ${uses}\n`
    expect(await problemsOf('x.yml', caller('octo/ci/.github/workflows/build.yml@v2'))).toEqual([expect.stringMatching(/job call: the reusable workflow octo\/ci\/.github\/workflows\/build.yml@v2 is not pinned/)])
    expect(await problemsOf('x.yml', caller(`octo/ci/.github/workflows/build.yml@${'a'.repeat(40)}`))).toEqual([])
    expect(await problemsOf('x.yml', caller('your-org/change-policy/.github/workflows/pull-request.yml@v1'))).toEqual([])
  })

  test('a checkout that keeps the token, and one of the head in pull_request_target', async () => {
    expect(await problemsOf('x.yml', migrations.replace('persist-credentials: false', 'persist-credentials: true'))).toEqual([expect.stringMatching(/without persist-credentials: false/)])
    const target = migrations.replace('  pull_request:\n', '  pull_request_target:\n').replace('fetch-depth: 0 ', 'ref: ${{ github.event.pull_request.head.sha }}\n          fetch-depth: 0 ')
    expect(await problemsOf('x.yml', target)).toEqual([expect.stringMatching(/checks out the pull request's code in a pull_request_target workflow/)])
  })
})

describe('the workflows our documentation shows', () => {
  const documented = documentationFiles().flatMap((file) => documentedWorkflows(file, read(file)))

  test('are found', () => {
    expect(documented.map((d) => d.name)).toEqual(expect.arrayContaining(['actions/classify-change/README.md, example 1']))
  })

  test.each(documented.map((d) => [d.name, d.text]))('%s passes the same checks', async (name, text) => {
    expect(describeProblems(await checkWorkflow(name, text, context))).toBe('')
  })

  test('a broken example fails', async () => {
    const [example] = documentedWorkflows('x.md', '# x\n\n```yaml\non: pull_request\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v5\n```\n\n```yaml\n- run: a step alone\n```\n')
    expect(example?.name).toBe('x.md, example 1')
    expect((await checkWorkflow('x.md', example?.text ?? '', context)).map((p) => p.message).join('\n')).toMatch(/not pinned by a full 40-character commit SHA/)
  })
})
