-- What drizzle cannot express: the extensions search uses, the folding
-- function the queries call, and the append-only guarantees.
CREATE EXTENSION IF NOT EXISTS unaccent;
--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
-- search_key(text): the shared `searchKey` (packages/schema): accents
-- stripped, lowercase, typographic apostrophes made plain, spaces collapsed.
-- IMMUTABLE (the dictionary is named), so that indexes may use it.
CREATE OR REPLACE FUNCTION search_key(value text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
RETURN btrim(regexp_replace(regexp_replace(lower(public.unaccent('public.unaccent'::regdictionary, value)), '[’''`]', '''', 'g'), '\s+', ' ', 'g'));
--> statement-breakpoint
-- Consent events, solicitation-cap events and purpose texts are the proof of
-- what each person agreed to: the database itself refuses to change them.
CREATE OR REPLACE FUNCTION passerelle_append_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: %', TG_TABLE_NAME, TG_ARGV[0] USING ERRCODE = 'restrict_violation';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER consent_events_append_only BEFORE UPDATE OR DELETE ON consent_events
  FOR EACH ROW EXECUTE FUNCTION passerelle_append_only('record a new event instead');
--> statement-breakpoint
CREATE TRIGGER solicitation_cap_events_append_only BEFORE UPDATE OR DELETE ON solicitation_cap_events
  FOR EACH ROW EXECUTE FUNCTION passerelle_append_only('record a new event instead');
--> statement-breakpoint
CREATE TRIGGER purpose_versions_append_only BEFORE UPDATE OR DELETE ON purpose_versions
  FOR EACH ROW EXECUTE FUNCTION passerelle_append_only('a new text is a new version');
--> statement-breakpoint
CREATE TRIGGER consent_events_no_truncate BEFORE TRUNCATE ON consent_events
  FOR EACH STATEMENT EXECUTE FUNCTION passerelle_append_only('record a new event instead');
--> statement-breakpoint
-- A webhook's deliveries leave in the order they were queued; several are
-- queued in one transaction at the same instant, and SQLite orders those by
-- rowid: PostgreSQL gets the same column, numbered as rows arrive.
ALTER TABLE webhook_deliveries ADD COLUMN rowid bigint GENERATED ALWAYS AS IDENTITY;
--> statement-breakpoint
CREATE INDEX webhook_deliveries_queue_order ON webhook_deliveries (subscription_id, created_at, rowid);
