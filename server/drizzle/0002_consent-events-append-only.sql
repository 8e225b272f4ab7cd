-- Consent events and solicitation-cap events are the proof of what each
-- person agreed to: the database itself refuses to change or remove them.
CREATE TRIGGER IF NOT EXISTS consent_events_no_update BEFORE UPDATE ON consent_events
BEGIN
  SELECT RAISE(ABORT, 'consent_events is append-only: record a new event instead');
END;
--> statement-breakpoint
CREATE TRIGGER IF NOT EXISTS consent_events_no_delete BEFORE DELETE ON consent_events
BEGIN
  SELECT RAISE(ABORT, 'consent_events is append-only: record a new event instead');
END;
--> statement-breakpoint
CREATE TRIGGER IF NOT EXISTS solicitation_cap_events_no_update BEFORE UPDATE ON solicitation_cap_events
BEGIN
  SELECT RAISE(ABORT, 'solicitation_cap_events is append-only: record a new event instead');
END;
--> statement-breakpoint
CREATE TRIGGER IF NOT EXISTS solicitation_cap_events_no_delete BEFORE DELETE ON solicitation_cap_events
BEGIN
  SELECT RAISE(ABORT, 'solicitation_cap_events is append-only: record a new event instead');
END;
--> statement-breakpoint
CREATE TRIGGER IF NOT EXISTS purpose_versions_no_update BEFORE UPDATE ON purpose_versions
BEGIN
  SELECT RAISE(ABORT, 'purpose_versions is append-only: a new text is a new version');
END;
--> statement-breakpoint
CREATE TRIGGER IF NOT EXISTS purpose_versions_no_delete BEFORE DELETE ON purpose_versions
BEGIN
  SELECT RAISE(ABORT, 'purpose_versions is append-only: a new text is a new version');
END;
