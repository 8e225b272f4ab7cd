-- Company typeahead: a full-text index over names and SIRETs. unicode61 with
-- remove_diacritics folds case and accents ("École" = "ecole"); prefix
-- indexes make "ec*" or "812*" cheap on 100,000 companies. Kept in sync with
-- `companies` by triggers, so every writer (routes, seeds, CLI) is covered.
-- A company's row is found by company_id (renames and deletions are rare).
CREATE VIRTUAL TABLE IF NOT EXISTS company_search USING fts5(
  company_id UNINDEXED,
  name,
  siret,
  tokenize = 'unicode61 remove_diacritics 2',
  prefix = '1 2 3'
);
--> statement-breakpoint
INSERT INTO company_search (company_id, name, siret) SELECT id, name, coalesce(siret, '') FROM companies;
--> statement-breakpoint
CREATE TRIGGER IF NOT EXISTS company_search_insert AFTER INSERT ON companies
BEGIN
  INSERT INTO company_search (company_id, name, siret) VALUES (new.id, new.name, coalesce(new.siret, ''));
END;
--> statement-breakpoint
CREATE TRIGGER IF NOT EXISTS company_search_update AFTER UPDATE OF name, siret ON companies
BEGIN
  DELETE FROM company_search WHERE company_id = old.id;
  INSERT INTO company_search (company_id, name, siret) VALUES (new.id, new.name, coalesce(new.siret, ''));
END;
--> statement-breakpoint
CREATE TRIGGER IF NOT EXISTS company_search_delete AFTER DELETE ON companies
BEGIN
  DELETE FROM company_search WHERE company_id = old.id;
END;
