import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { isSupabaseProject } from './detect-supabase'

const dir = mkdtempSync(join(tmpdir(), 'detect-supabase-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

test('a supabase/migrations path means a Supabase project', () => {
  expect(isSupabaseProject(dir, 'supabase/migrations')).toBe(true)
  expect(isSupabaseProject(dir, 'apps/db/supabase/migrations/')).toBe(true)
})

test('supabase/config.toml means a Supabase project whatever the path', () => {
  expect(isSupabaseProject(dir, 'db/migrations')).toBe(false)
  mkdirSync(join(dir, 'supabase'))
  writeFileSync(join(dir, 'supabase', 'config.toml'), 'project_id = "x"\n')
  expect(isSupabaseProject(dir, 'db/migrations')).toBe(true)
})

test('an explicit true or false wins over detection', () => {
  expect(isSupabaseProject(dir, 'supabase/migrations', false)).toBe(false)
  expect(isSupabaseProject(dir, 'db', true)).toBe(true)
})
