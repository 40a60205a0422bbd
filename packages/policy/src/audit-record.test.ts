import { AUDIT_SCHEMA, buildAuditRecord, serializeAuditRecord, type AuditRecordInput } from './audit-record'

const input: AuditRecordInput = {
  action: 'gate-deploy',
  decision: 'allowed',
  repository: 'acme/app',
  sha: 'a1b2c3',
  pullRequest: 123,
  changeType: 'normal',
  controls: [{ name: 'database' }],
  approvals: [{ user: 'bob', at: '2026-11-24T10:00:00Z', commit: 'a1b2c3' }],
  checks: [{ name: 'test', conclusion: 'success' }],
  changeRequest: { issue: 12, title: 'Add invoices table', justification: 'Billing needs it.', impact: 'New table only.' },
  reasons: ['approved by bob on a1b2c3'],
  policy: { path: '.github/change-policy.yml', ref: 'main', sha: 'f00d', defaulted: false },
  actor: 'alice',
  runUrl: 'https://github.com/acme/app/actions/runs/1',
  at: '2026-11-24T10:05:00Z'
}

describe('the audit record', () => {
  test('has the contract\'s shape, every field present', () => {
    expect(buildAuditRecord(input)).toEqual({
      schema: 'change-policy/audit@1',
      action: 'gate-deploy',
      decision: 'allowed',
      repository: 'acme/app',
      sha: 'a1b2c3',
      pullRequest: 123,
      changeType: 'normal',
      controls: ['database'],
      approvals: [{ user: 'bob', at: '2026-11-24T10:00:00Z', commit: 'a1b2c3' }],
      checks: [{ name: 'test', conclusion: 'success' }],
      changeRequest: { issue: 12, title: 'Add invoices table', justification: 'Billing needs it.', impact: 'New table only.' },
      reasons: ['approved by bob on a1b2c3'],
      policy: { path: '.github/change-policy.yml', ref: 'main', sha: 'f00d' },
      actor: 'alice',
      runUrl: 'https://github.com/acme/app/actions/runs/1',
      at: '2026-11-24T10:05:00Z'
    })
  })

  test('fields that do not apply are null or empty, never missing', () => {
    const record = buildAuditRecord({ action: 'gate-deploy', decision: 'refused', repository: 'acme/app', policy: { path: '.github/change-policy.yml', ref: 'main', defaulted: true }, actor: 'alice', runUrl: 'https://x', at: new Date(Date.UTC(2026, 10, 24, 10, 5)) })
    expect(record).toMatchObject({ sha: null, pullRequest: null, changeType: null, controls: [], approvals: [], checks: [], changeRequest: null, reasons: [], policy: { sha: null }, at: '2026-11-24T10:05:00.000Z' })
    expect(Object.keys(record)).toHaveLength(16)
  })

  test('serializes to one line of JSON, keys in the contract\'s order', () => {
    const record = buildAuditRecord({ ...input, reasons: ['line one\nline two\u2028'] })
    const shuffled = Object.fromEntries(Object.entries(record).reverse()) as typeof record
    const line = serializeAuditRecord(shuffled)
    expect(line).not.toMatch(/[\n\u2028\u2029]/)
    expect(line).toBe(serializeAuditRecord(record))
    expect(line.startsWith(`{"schema":"${AUDIT_SCHEMA}","action":"gate-deploy","decision":"allowed","repository":"acme/app","sha":"a1b2c3","pullRequest":123,`)).toBe(true)
    expect(line).toContain('"approvals":[{"user":"bob","at":"2026-11-24T10:00:00Z","commit":"a1b2c3"}]')
    expect(line.endsWith('"actor":"alice","runUrl":"https://github.com/acme/app/actions/runs/1","at":"2026-11-24T10:05:00Z"}')).toBe(true)
    expect(JSON.parse(line)).toEqual(record)
  })
})
