import { findingFails, renderMigrationSummary, type MigrationFindingView, type MigrationReportView } from './migration-summary'

function finding(overrides: Partial<MigrationFindingView> = {}): MigrationFindingView {
  return {
    rule: 'require-concurrent-index-creation',
    severity: 'warning',
    file: 'supabase/migrations/20240101000000_a.sql',
    line: 1,
    column: 1,
    message: 'Index built without CONCURRENTLY.',
    why: 'It blocks writes.',
    fix: 'Use CONCURRENTLY.',
    destructive: false,
    blocking: true,
    ...overrides
  }
}

function report(overrides: Partial<MigrationReportView> = {}): MigrationReportView {
  return {
    valid: true,
    applied: 1,
    newMigrations: ['supabase/migrations/20240101000000_a.sql'],
    editedMigrations: [],
    deletedMigrations: [],
    destructive: false,
    findings: [],
    silenced: [],
    files: [{ path: 'supabase/migrations/20240101000000_a.sql', status: 'new', applied: true, schemaChanges: [] }],
    supabase: false,
    timings: { historyMs: 1, parseMs: 1, lintMs: 1, startupMs: 0, applyMs: 0, totalMs: 3 },
    ...overrides
  }
}

const policy = { path: '.github/change-policy.yml', ref: 'main', sha: 'abcdef0123', defaulted: false }

test('a warning fails only with fail-on warning, and a finding on an unchanged base migration never does', () => {
  expect(findingFails(finding(), 'error')).toBe(false)
  expect(findingFails(finding(), 'warning')).toBe(true)
  expect(findingFails(finding({ severity: 'error', blocking: false }), 'warning')).toBe(false)
})

test('file names and messages from the pull request cannot break the Markdown', () => {
  const text = renderMigrationSummary({
    report: report({ valid: false, findings: [finding({ file: 'supabase/migrations/2024_a|b`c.sql', message: 'DROP <b>x</b> | y', severity: 'error' })] }),
    path: 'supabase/migrations',
    failOn: 'error',
    policy
  })
  expect(text).toContain('## Migrations: invalid (1 problem)')
  expect(text).toContain('``supabase/migrations/2024_a\\|b`c.sql:1:1``')
  expect(text).toContain('DROP &lt;b&gt;x&lt;/b&gt; \\| y')
})

test('long lists are cut with a count of what was left out, and the reasons are given once per rule', () => {
  const findings = Array.from({ length: 130 }, (_, i) => finding({ line: i + 1 }))
  const text = renderMigrationSummary({ report: report({ findings }), path: 'supabase/migrations', failOn: 'error', policy })
  expect(text).toContain('### Findings in this change (130)')
  expect(text).toContain('…and 30 more.')
  expect(text.match(/`require-concurrent-index-creation`: It blocks writes\./g)).toHaveLength(1)
  expect(text).toContain('## Migrations: valid')
})
