import { appendFileSync, mkdirSync } from 'node:fs'
import { dirname, isAbsolute, resolve } from 'node:path'
import { ActionError } from './action-error'

/**
 * Appends one audit record, as one JSON line, to the JSON Lines file the `audit-log` input
 * names (relative to the workspace), creating its folders. A workflow uploads that file as an
 * artifact, so a record that silently went missing would be a gap an auditor finds a year
 * later: a file that cannot be written fails the step.
 */
export function appendAuditLine(path: string, line: string, workspace: string): string {
  const target = isAbsolute(path) ? path : resolve(workspace, path)
  try {
    mkdirSync(dirname(target), { recursive: true })
    // One write of the whole line: concurrent steps appending to the same file never interleave within a record.
    appendFileSync(target, `${line}\n`, { encoding: 'utf8' })
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : String(error))
    throw new ActionError({
      message: `The audit record could not be appended to \`${path}\` (${target}): ${reason}. The decision above stands, but it is not in the audit log.`,
      fix: 'Point the `audit-log` input at a file the job can write, e.g. `audit/change-policy.jsonl` in the workspace or a path under $RUNNER_TEMP.'
    })
  }
  return target
}
