// A synthetic Supabase-style history: each migration creates a table with row level
// security, policies, an index, a trigger function and a trigger, and later ones alter
// earlier tables, as real histories do. About ten statements per file.

export function generateHistory(count: number): Array<{ name: string; sql: string }> {
  const files: Array<{ name: string; sql: string }> = []
  const start = Date.UTC(2024, 0, 1)
  for (let i = 0; i < count; i++) {
    const version = new Date(start + i * 3_600_000).toISOString().replace(/[-:T]/g, '').slice(0, 14)
    const table = `public.items_${i}`
    const parent = i > 0 ? `public.items_${i - 1}` : 'auth.users'
    const lines = [
      `create table ${table} (`,
      `  id uuid primary key default gen_random_uuid(),`,
      `  owner_id uuid not null references auth.users (id) on delete cascade,`,
      `  parent_id uuid references ${parent} (id) on delete set null,`,
      `  title text not null default '',`,
      `  data jsonb not null default '{}'::jsonb,`,
      `  created_at timestamptz not null default now(),`,
      `  updated_at timestamptz not null default now()`,
      `);`,
      `alter table ${table} enable row level security;`,
      `create policy "owners read ${i}" on ${table} for select to authenticated using ((select auth.uid()) = owner_id);`,
      `create policy "owners write ${i}" on ${table} for insert to authenticated with check ((select auth.uid()) = owner_id);`,
      `create index items_${i}_owner_idx on ${table} (owner_id);`,
      `create or replace function public.touch_items_${i}() returns trigger language plpgsql as $$`,
      `begin`,
      `  new.updated_at = now();`,
      `  return new;`,
      `end;`,
      `$$;`,
      `create trigger items_${i}_touch before update on ${table} for each row execute function public.touch_items_${i}();`,
      `grant select, insert on ${table} to authenticated;`,
      `comment on table ${table} is 'Items, generation ${i}';`,
      `alter publication supabase_realtime add table ${table};`
    ]
    if (i % 10 === 9) lines.push(`alter table public.items_${i - 5} add column if not exists note_${i} text;`)
    files.push({ name: `${version}_items_${i}.sql`, sql: `${lines.join('\n')}\n` })
  }
  return files
}
