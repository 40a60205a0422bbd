set lock_timeout = '5s';

alter table public.posts add column if not exists view_count bigint not null default 0;

create table public.post_views (
  post_id uuid not null references public.posts (id) on delete cascade,
  viewer_id uuid references auth.users (id) on delete set null,
  viewed_at timestamptz not null default now()
);

alter table public.post_views enable row level security;

create policy "Viewers record their own views"
  on public.post_views for insert
  to authenticated
  with check (viewer_id = (select auth.uid()));

-- Nightly roll-up of view counts; the secret holds the project URL for the webhook.
select vault.create_secret('https://example.supabase.co', 'project_url', 'Webhook target');

create or replace function public.notify_digest()
returns bigint
language plpgsql
security definer set search_path = ''
as $$
declare
  request_id bigint;
begin
  select net.http_post(
    url := (select decrypted_secret from vault.decrypted_secrets where name = 'project_url') || '/functions/v1/digest',
    body := jsonb_build_object('at', now())
  ) into request_id;
  return request_id;
end;
$$;

select cron.schedule(
  'roll-up-post-views',
  '15 3 * * *',
  $$
    update public.posts p
       set view_count = v.n
      from (select post_id, count(*) as n from public.post_views group by post_id) v
     where v.post_id = p.id;
  $$
);

select cron.schedule('send-digest', '0 8 * * 1', 'select public.notify_digest()');
