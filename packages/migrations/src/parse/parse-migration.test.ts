import { DEFAULT_MAX_MIGRATION_BYTES, parseMigration } from './parse-migration'

const parseText = (text: string) => parseMigration({ path: 'supabase/migrations/20240101000000_x.sql', bytes: Buffer.from(text, 'utf8') })

test('statements are split by the parser, not by semicolons in strings or function bodies', async () => {
  const sql = "insert into notes values ('a; b');\ncreate function f() returns int language plpgsql as $$ begin return 1; end $$;\n-- trailing; comment\nselect 2"
  const migration = await parseText(sql)
  expect(migration.statements.map((statement) => statement.kind)).toEqual(['InsertStmt', 'CreateFunctionStmt', 'SelectStmt'])
  expect(migration.statements[1]?.text).toBe('create function f() returns int language plpgsql as $$ begin return 1; end $$')
  expect(migration.statements[2]).toMatchObject({ line: 4, column: 1, text: 'select 2' })
})

test('statement positions count characters, not bytes, after non-ASCII text', async () => {
  const migration = await parseText("select 'héllo 😀'; select 2;\n  select 3;")
  expect(migration.statements.map(({ line, column }) => [line, column])).toEqual([
    [1, 1],
    [1, 19],
    [2, 3]
  ])
})

test('a syntax error is reported at the line and column of the offending token', async () => {
  const migration = await parseText("create table t (a int);\n-- ünïcode 😀\nselect 'é' frm t;")
  expect(migration.fatal).toMatchObject({ rule: 'syntax-error', severity: 'error', line: 3, column: 16 })
  expect(migration.fatal?.message).toContain('syntax error at or near "t"')
  expect(migration.statements).toEqual([])
})

test('an empty file and a comment-only file have no statements', async () => {
  expect(await parseText('')).toMatchObject({ empty: true, statements: [] })
  expect(await parseText('-- nothing yet\n')).toMatchObject({ empty: true, statements: [] })
})

test('a file that is not UTF-8 is refused with the offending byte position', async () => {
  const bytes = Buffer.concat([Buffer.from('select 1;\nselect \''), Buffer.from([0xe9]), Buffer.from("';")])
  const migration = await parseMigration({ path: 'm.sql', bytes })
  expect(migration.fatal).toMatchObject({ rule: 'invalid-encoding', line: 2, column: 9 })
  expect(migration.fatal?.message).toContain('0xe9')
})

test('a 5 MB file is refused unread', async () => {
  const bytes = Buffer.alloc(5 * 1024 * 1024, 'select 1;\n')
  const migration = await parseMigration({ path: 'big.sql', bytes })
  expect(migration.fatal).toMatchObject({ rule: 'file-too-large', severity: 'error' })
  expect(migration.fatal?.message).toContain('5.0 MB')
  // Unread: not decoded, not parsed.
  expect(migration.source).toBeUndefined()
  expect(migration.statements).toEqual([])
  expect(bytes.length).toBeGreaterThan(DEFAULT_MAX_MIGRATION_BYTES)
})
