-- What migrations and dumps do with Supabase Vault (written for change-policy in that shape).
CREATE EXTENSION IF NOT EXISTS "supabase_vault" WITH SCHEMA "vault";
-- GRANT SELECT,DELETE ON TABLE "vault"."secrets" TO "postgres" WITH GRANT OPTION;
-- GRANT SELECT,DELETE ON TABLE "vault"."decrypted_secrets" TO "postgres" WITH GRANT OPTION;
-- GRANT ALL ON FUNCTION "vault"."_crypto_aead_det_decrypt"("message" "bytea", "additional" "bytea", "key_id" bigint, "context" "bytea", "nonce" "bytea") TO "postgres" WITH GRANT OPTION;
GRANT ALL ON FUNCTION "vault"."_crypto_aead_det_encrypt"("message" "bytea", "additional" "bytea", "key_id" bigint, "context" "bytea", "nonce" "bytea") TO "service_role";
-- GRANT ALL ON FUNCTION "vault"."_crypto_aead_det_noncegen"() TO "postgres" WITH GRANT OPTION;
-- GRANT ALL ON FUNCTION "vault"."create_secret"("new_secret" "text", "new_name" "text", "new_description" "text", "new_key_id" "uuid") TO "postgres" WITH GRANT OPTION;
-- GRANT ALL ON FUNCTION "vault"."update_secret"("secret_id" "uuid", "new_secret" "text", "new_name" "text", "new_description" "text", "new_key_id" "uuid") TO "postgres" WITH GRANT OPTION;
select vault.create_secret('https://project.supabase.co', 'project_url', 'used by cron jobs');
select vault.update_secret((select id from vault.secrets where name = 'project_url'), new_description => 'used by the digest job');
DO $$
BEGIN
  IF (SELECT decrypted_secret FROM vault.decrypted_secrets WHERE name = 'project_url') IS DISTINCT FROM 'https://project.supabase.co'
     OR (SELECT description FROM vault.secrets WHERE name = 'project_url') <> 'used by the digest job' THEN
    RAISE EXCEPTION 'vault.create_secret/update_secret/decrypted_secrets';
  END IF;
END
$$;
