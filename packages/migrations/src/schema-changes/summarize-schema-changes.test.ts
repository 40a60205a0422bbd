import { parseMigration } from '../parse/parse-migration'
import { summarizeSchemaChanges } from './summarize-schema-changes'

const summarize = async (sql: string) => summarizeSchemaChanges(await parseMigration({ path: 'm.sql', bytes: Buffer.from(sql) }))

test('a typical Supabase migration lists what it creates, alters and drops', async () => {
  const sql = `create table public.profiles (id uuid primary key references auth.users on delete cascade, bio text);
alter table profiles enable row level security;
create policy "own profile" on profiles for select using (auth.uid() = id);
create index profiles_bio_idx on profiles (bio);
create or replace function public.handle_new_user() returns trigger language plpgsql as $$ begin return new; end $$;
create trigger on_auth_user_created after insert on auth.users for each row execute function public.handle_new_user();
alter table profiles add column avatar_url text, drop column bio;
drop table if exists public.legacy cascade;
drop policy "old" on storage.objects;
alter publication supabase_realtime add table public.profiles;
grant select on profiles to authenticated;`
  expect(await summarize(sql)).toEqual([
    { action: 'create', kind: 'table', name: 'public.profiles', line: 1 },
    { action: 'alter', kind: 'table', name: 'public.profiles', detail: 'enable row level security', line: 2 },
    { action: 'create', kind: 'policy', name: 'own profile on public.profiles', detail: 'for select', line: 3 },
    { action: 'create', kind: 'index', name: 'public.profiles_bio_idx', detail: 'on public.profiles', line: 4 },
    { action: 'create', kind: 'function', name: 'public.handle_new_user', detail: 'or replace', line: 5 },
    { action: 'create', kind: 'trigger', name: 'on_auth_user_created on auth.users', line: 6 },
    { action: 'alter', kind: 'table', name: 'public.profiles', detail: 'add column avatar_url, drop column bio', line: 7 },
    { action: 'drop', kind: 'table', name: 'public.legacy', detail: 'cascade', line: 8 },
    { action: 'drop', kind: 'policy', name: 'old on storage.objects', line: 9 },
    { action: 'alter', kind: 'publication', name: 'supabase_realtime', detail: 'add table public.profiles', line: 10 }
  ])
})

test('renames, enum values, types and extensions are named', async () => {
  const sql = `alter table orders rename column total to amount;
alter table orders rename to purchases;
create type status as enum ('a');
alter type status add value 'b';
create extension if not exists pg_trgm with schema extensions;
drop function if exists public.f(int);`
  expect((await summarize(sql)).map((change) => `${change.action} ${change.kind} ${change.name}${change.detail ? ` (${change.detail})` : ''}`)).toEqual([
    'alter table public.orders (rename column total to amount)',
    'alter table public.orders (rename to purchases)',
    'create type public.status (enum)',
    "alter type public.status (add value 'b')",
    'create extension pg_trgm',
    'drop function public.f'
  ])
})
