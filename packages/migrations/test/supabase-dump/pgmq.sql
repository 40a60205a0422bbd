-- pgmq calls as migrations hold them (written for change-policy in that shape).
CREATE EXTENSION IF NOT EXISTS "pgmq";
select pgmq.create('emails');
select pgmq.create_unlogged('events');
GRANT SELECT, INSERT ON TABLE "pgmq"."q_emails" TO "service_role";
select pgmq.send('emails', '{"to": "a@example.com"}');
select pgmq.send_batch('emails', ARRAY['{"a": 1}'::jsonb]);
select * from pgmq.read('emails', 30, 1);
select * from pgmq.pop('emails');
select pgmq.delete('emails', 1);
select pgmq.archive('emails', 1);
select pgmq.drop_queue('events');
