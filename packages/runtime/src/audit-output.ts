import * as core from '@actions/core'
import { buildAuditRecord, serializeAuditRecord, type AuditRecord, type AuditRecordInput } from '@change-policy/policy'
import { appendAuditLine } from './audit-log-file'
import type { RunContext } from './run-context'

/**
 * Builds the decision's audit record with who ran it, where and when, sets the
 * `audit-record` output and prints it, so it survives in the run log even when no later
 * step stores the output. With the `audit-log` input (every action has it), the record is
 * also appended to that JSON Lines file; one that cannot be written fails the step.
 */
export function emitAuditRecord(
  run: RunContext,
  input: Omit<AuditRecordInput, 'repository' | 'actor' | 'runUrl' | 'at'>
): AuditRecord {
  const record = buildAuditRecord({ ...input, repository: run.repository, actor: run.actor, runUrl: run.runUrl, at: new Date() })
  const line = serializeAuditRecord(record)
  core.setOutput('audit-record', line)
  core.info(`change-policy audit record: ${line}`)
  const auditLog = core.getInput('audit-log').trim()
  if (auditLog !== '') {
    const written = appendAuditLine(auditLog, line, process.env['GITHUB_WORKSPACE'] || process.cwd())
    core.info(`Appended the audit record to ${written}.`)
  }
  return record
}
