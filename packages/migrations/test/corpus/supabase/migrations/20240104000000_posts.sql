set lock_timeout = '5s';

create type public.post_status as enum ('draft', 'published', 'archived');

create table public.posts (
  id uuid primary key default extensions.uuid_generate_v4(),
  author_id uuid not null references public.profiles (id) on delete cascade,
  title text not null,
  body text not null default '',
  status public.post_status not null default 'draft',
  published_at timestamptz,
  created_at timestamptz not null default now()
);

alter table public.posts enable row level security;

create policy "Published posts are public"
  on public.posts for select
  using (status = 'published' or author_id = (select auth.uid()));

create policy "Authors manage their posts"
  on public.posts for all
  to authenticated
  using (author_id = (select auth.uid()))
  with check (author_id = (select auth.uid()));

create or replace function public.publish_post(post_id uuid)
returns public.posts
language sql
as $$
  update public.posts
     set status = 'published', published_at = now()
   where id = post_id and author_id = auth.uid()
  returning *;
$$;

grant execute on function public.publish_post(uuid) to authenticated;

alter publication supabase_realtime add table public.posts;
