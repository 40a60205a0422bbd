import { findingFails, renderMigrationSummary, type MigrationFindingView, type MigrationReportView } from './migration-summary'
import { gfmTree, headings, tables } from './gfm-rendering.test-support'

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
  const tree = gfmTree(text)
  expect(headings(tree).map((h) => h.text)).toEqual(expect.arrayContaining(['Migrations: invalid (1 problem)', 'supabase/migrations/2024_a|b`c.sql']))
  expect(tables(tree)[0]?.[1]).toEqual(['1:1', '❌ error\nrequire-concurrent-index-creation', 'DROP <b>x</b> | y\nFix: Use CONCURRENTLY.'])
})

test('findings are grouped by file: the path once, as a heading linking to the file, then three columns a finding', () => {
  const findings = [
    finding({ line: 3, column: 1, severity: 'error' }),
    finding({ line: 9, column: 5, rule: 'ban-drop-column', message: 'Drops column "name".', fix: 'Stop reading it first.', destructive: true, severity: 'error' }),
    finding({ file: 'supabase/migrations/20240102000000_b.sql', line: 1 })
  ]
  const text = renderMigrationSummary({
    report: report({ valid: false, findings }),
    path: 'supabase/migrations',
    failOn: 'error',
    policy,
    fileUrl: (path) => `https://github.com/acme/app/blob/abc123/${path}`
  })
  const tree = gfmTree(text)
  const fileHeadings = headings(tree).filter((h) => h.depth === 4)
  expect(fileHeadings.slice(0, 2)).toEqual([
    { depth: 4, text: 'supabase/migrations/20240101000000_a.sql', link: 'https://github.com/acme/app/blob/abc123/supabase/migrations/20240101000000_a.sql' },
    { depth: 4, text: 'supabase/migrations/20240102000000_b.sql', link: 'https://github.com/acme/app/blob/abc123/supabase/migrations/20240102000000_b.sql' }
  ])
  const [first, second] = tables(tree)
  expect(first).toEqual([
    ['line', 'rule', 'finding and fix'],
    ['3:1', '❌ error\nrequire-concurrent-index-creation', 'Index built without CONCURRENTLY.\nFix: Use CONCURRENTLY.'],
    ['9:5', '❌ error\nban-drop-column', 'Drops column "name". (destructive)\nFix: Stop reading it first.']
  ])
  expect(second).toEqual([
    ['line', 'rule', 'finding and fix'],
    ['1:1', '⚠️ warning\nrequire-concurrent-index-creation', 'Index built without CONCURRENTLY.\nFix: Use CONCURRENTLY.']
  ])
  // No path repeated in the rows: the heading says it once.
  expect(first?.flat().some((cell) => cell.includes('supabase/migrations'))).toBe(false)
})

test('long lists are cut with a count of what was left out, and the reasons are given once per rule', () => {
  const findings = Array.from({ length: 130 }, (_, i) => finding({ line: i + 1 }))
  const text = renderMigrationSummary({ report: report({ findings }), path: 'supabase/migrations', failOn: 'error', policy })
  expect(text).toContain('### Findings in this change (130)')
  expect(text).toContain('…and 30 more.')
  expect(text.match(/`require-concurrent-index-creation`: It blocks writes\./g)).toHaveLength(1)
  expect(text).toContain('## Migrations: valid')
})
