import { markdownToTerminal, wantsColor } from './terminal-text'

const SUMMARY = [
  '## Migrations: invalid (1 problem)',
  '',
  'Compared with `main`: 1 new migration. **This change can lose data.**',
  '',
  '> [!CAUTION]',
  '> The history stopped at `supabase/migrations/20261125090000_add.sql:4:1`.',
  '',
  '#### [`supabase/migrations/20261125090000_add.sql`](https://github.com/acme/app/blob/abc/supabase/migrations/20261125090000_add.sql)',
  '',
  '| line | rule | finding and fix |',
  '| --- | --- | --- |',
  '| 4:1 | ❌ error<br>`ban-drop-table` | DROP TABLE a\\_b deletes it.<br>**Fix:** Keep it. |',
  '',
  '<details><summary>Why these rules exist</summary>',
  '',
  '- `ban-drop-table`: data loss \\| outage',
  '',
  '</details>'
].join('\n')

test('the summary prints as plain text: no Markdown escapes, marks or HTML', () => {
  const text = markdownToTerminal(SUMMARY, { color: false })
  expect(text).toBe(
    [
      'Migrations: invalid (1 problem)',
      '===============================',
      '',
      'Compared with main: 1 new migration. This change can lose data.',
      '',
      'CAUTION: The history stopped at supabase/migrations/20261125090000_add.sql:4:1.',
      '',
      'supabase/migrations/20261125090000_add.sql (https://github.com/acme/app/blob/abc/supabase/migrations/20261125090000_add.sql)',
      '',
      'line  rule            finding and fix',
      '----  --------------  --------------------------',
      '4:1   ❌ error        DROP TABLE a_b deletes it.',
      '      ban-drop-table  Fix: Keep it.',
      '',
      'Why these rules exist',
      '',
      '- ban-drop-table: data loss | outage',
      ''
    ].join('\n')
  )
})

test('colour only when asked for, as ANSI codes around headings, code and alerts', () => {
  const text = markdownToTerminal(SUMMARY, { color: true })
  expect(text).toContain('\u001b[1mMigrations: invalid (1 problem)\u001b[0m')
  expect(text).toContain('\u001b[36mmain\u001b[0m')
  expect(text).toContain('\u001b[31mCAUTION:\u001b[0m')
  expect(markdownToTerminal(SUMMARY, { color: false })).not.toContain('\u001b[')
})

test('colour needs a terminal, and NO_COLOR turns it off', () => {
  expect(wantsColor({ isTTY: true }, {})).toBe(true)
  expect(wantsColor({ isTTY: true }, { NO_COLOR: '1' })).toBe(false)
  expect(wantsColor({ isTTY: false }, {})).toBe(false)
  expect(wantsColor({}, {})).toBe(false)
})
