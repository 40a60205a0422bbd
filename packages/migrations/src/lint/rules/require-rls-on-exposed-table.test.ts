import { lintSql } from '../lint-migration'

const findings = async (sql: string, exposedSchemas?: string[]) =>
  (await lintSql(sql, exposedSchemas ? { exposedSchemas } : {})).findings.filter((finding) => finding.rule === 'require-rls-on-exposed-table')

test('a public table without row level security is an error at its name', async () => {
  const [finding] = await findings('create table public.profiles (id uuid primary key);')
  expect(finding).toMatchObject({ line: 1, column: 14, severity: 'error' })
  expect(finding?.fix).toContain('ALTER TABLE public.profiles ENABLE ROW LEVEL SECURITY')
})

test('enabling row level security later in the same file satisfies the rule', async () => {
  expect(await findings('create table profiles (id uuid);\nalter table public.profiles enable row level security;')).toEqual([])
})

test('a table in a schema the API does not expose is fine', async () => {
  expect(await findings('create table private.secrets (id uuid);')).toEqual([])
})

test('exposed schemas are configurable', async () => {
  expect(await findings('create table api.items (id uuid);', ['public', 'api'])).toHaveLength(1)
})

test('temporary tables are not served by the API', async () => {
  expect(await findings('create temp table scratch (id uuid);')).toEqual([])
})
