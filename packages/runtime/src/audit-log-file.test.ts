import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ActionError } from './action-error'
import { appendAuditLine } from './audit-log-file'

let workspace: string

beforeEach(async () => {
  workspace = await mkdtemp(join(tmpdir(), 'audit-log-'))
})

afterEach(async () => {
  await rm(workspace, { recursive: true, force: true })
})

describe('appending the audit record to the audit-log file', () => {
  test('a relative path is taken from the workspace, its folders are created and each record is one line', async () => {
    const written = appendAuditLine('audit/deep/log.jsonl', '{"a":1}', workspace)
    appendAuditLine('audit/deep/log.jsonl', '{"a":2}', workspace)
    expect(written).toBe(join(workspace, 'audit/deep/log.jsonl'))
    expect(await readFile(written, 'utf8')).toBe('{"a":1}\n{"a":2}\n')
  })

  test('an absolute path is used as it is', async () => {
    const target = join(workspace, 'elsewhere.jsonl')
    expect(appendAuditLine(target, '{}', '/nonexistent-workspace')).toBe(target)
    expect(await readFile(target, 'utf8')).toBe('{}\n')
  })

  test('a file that cannot be written fails with one error naming the path and how to fix it', async () => {
    await writeFile(join(workspace, 'not-a-folder'), 'x')
    let error: unknown
    try {
      appendAuditLine('not-a-folder/log.jsonl', '{}', workspace)
    } catch (caught) {
      error = caught
    }
    expect(error).toBeInstanceOf(ActionError)
    const [problem] = (error as ActionError).problems
    expect(problem?.message).toContain('`not-a-folder/log.jsonl`')
    expect(problem?.message).toMatch(/ENOTDIR|EEXIST/)
    expect(problem?.fix).toContain('audit-log')
  })
})
