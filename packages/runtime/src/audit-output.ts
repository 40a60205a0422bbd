import * as core from '@actions/core'
import { buildAuditRecord, serializeAuditRecord, type AuditRecord, type AuditRecordInput } from '@change-policy/policy'
import type { RunContext } from './run-context'

/**
 * Builds the decision's audit record with who ran it, where and when, sets the
 * `audit-record` output and prints it, so it survives in the run log even when no later
 * step stores the output.
 */
export function emitAuditRecord(
  run: RunContext,
  input: Omit<AuditRecordInput, 'repository' | 'actor' | 'runUrl' | 'at'>
): AuditRecord {
  const record = buildAuditRecord({ ...input, repository: run.repository, actor: run.actor, runUrl: run.runUrl, at: new Date() })
  const line = serializeAuditRecord(record)
  core.setOutput('audit-record', line)
  core.info(`change-policy audit record: ${line}`)
  return record
}
