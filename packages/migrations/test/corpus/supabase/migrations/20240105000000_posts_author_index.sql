-- Built concurrently: posts is live by now and must keep taking writes.
create index concurrently if not exists posts_author_id_idx on public.posts (author_id);
