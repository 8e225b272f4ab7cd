-- What every instance keeps in memory (origins and settings, the entity tree,
-- memberships, the SOLTéA calendars: db/until-change.ts) is forgotten on
-- every instance when one of them, or the CLI, commits a change to it: each
-- instance LISTENs on `passerelle_change`, and PostgreSQL delivers a NOTIFY
-- at commit (never for a transaction rolled back), once per table and
-- transaction (identical notices of one transaction are folded into one).
CREATE OR REPLACE FUNCTION passerelle_notify_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('passerelle_change', TG_TABLE_NAME);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER institutions_notify_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON institutions
  FOR EACH STATEMENT EXECUTE FUNCTION passerelle_notify_change();
--> statement-breakpoint
CREATE TRIGGER entities_notify_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON entities
  FOR EACH STATEMENT EXECUTE FUNCTION passerelle_notify_change();
--> statement-breakpoint
CREATE TRIGGER memberships_notify_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON memberships
  FOR EACH STATEMENT EXECUTE FUNCTION passerelle_notify_change();
--> statement-breakpoint
CREATE TRIGGER soltea_campaigns_notify_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON soltea_campaigns
  FOR EACH STATEMENT EXECUTE FUNCTION passerelle_notify_change();
