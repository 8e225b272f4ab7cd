-- Search on PostgreSQL: what SQLite's FTS5 indexes do
-- (drizzle/0001_company-search.sql, drizzle/0005_offer-search.sql), with
-- pg_trgm and btree indexes over folded words. The queries are
-- companies/queries/search-postgres.ts and offers/queries/match-postgres.ts.
--
-- search_words(text): the words of a text folded as search_key folds them
-- (accents, case, apostrophes), every run of characters that are neither
-- letters nor digits made one space, with one space in front:
-- " ecole superieure d electronique". "A word starts with t" is then
-- `LIKE '% t%'` and "the first word starts with t" `LIKE ' t%'`, which a
-- pg_trgm index answers (its trigrams are padded at word starts, so " t" is
-- selective) and a btree on the words seeks (they compare byte by byte,
-- COLLATE "C"). Letters and digits are told by ICU's Unicode classes, so
-- that "Москва" or "北京" stay words whatever the database's locale.
-- IMMUTABLE, as search_key, so that stored columns and indexes may use it.
CREATE OR REPLACE FUNCTION search_words(value text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
RETURN ' ' || btrim(regexp_replace(public.search_key(value) COLLATE "und-x-icu", '[^[:alnum:]]+', ' ', 'g')) COLLATE "C";
--> statement-breakpoint
-- Company typeahead. The name's words are stored once (a generated column:
-- every writer is covered, and a search reads them instead of folding each
-- name again): a pg_trgm index finds "a word of the name starts with", a
-- btree seeks "the name starts with" in the tenant's companies of a status;
-- SIRET and SIREN prefixes seek the (tenant_id, siret) unique index.
ALTER TABLE companies ADD COLUMN search_name text COLLATE "C" GENERATED ALWAYS AS (search_words(name)) STORED;
--> statement-breakpoint
CREATE INDEX companies_search_name_words ON companies USING gin (search_name gin_trgm_ops);
--> statement-breakpoint
CREATE INDEX companies_search_name ON companies (tenant_id, status, search_name);
--> statement-breakpoint
-- Offer board search: each offer's words (title, description, company
-- name) and its place's, kept by triggers on offers and on the company's
-- name, so every writer (routes, seeds, CLI, import, copy) is covered; gone
-- with the offer.
CREATE TABLE offer_search_words (
  offer_id uuid PRIMARY KEY REFERENCES offers (id) ON DELETE CASCADE,
  tenant_id uuid NOT NULL,
  keywords text COLLATE "C" NOT NULL,
  place text COLLATE "C" NOT NULL
);
--> statement-breakpoint
CREATE INDEX offer_search_words_keywords ON offer_search_words USING gin (keywords gin_trgm_ops);
--> statement-breakpoint
CREATE INDEX offer_search_words_place ON offer_search_words USING gin (place gin_trgm_ops);
--> statement-breakpoint
CREATE FUNCTION offer_search_words_write() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO offer_search_words (offer_id, tenant_id, keywords, place)
    SELECT NEW.id, NEW.tenant_id, search_words(NEW.title || ' ' || coalesce(NEW.description, '') || ' ' || c.name), search_words(coalesce(NEW.location, ''))
    FROM companies c WHERE c.id = NEW.company_id
  ON CONFLICT (offer_id) DO UPDATE SET keywords = EXCLUDED.keywords, place = EXCLUDED.place;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER offer_search_words_insert AFTER INSERT ON offers
  FOR EACH ROW EXECUTE FUNCTION offer_search_words_write();
--> statement-breakpoint
CREATE TRIGGER offer_search_words_update AFTER UPDATE OF title, description, company_id, location ON offers
  FOR EACH ROW EXECUTE FUNCTION offer_search_words_write();
--> statement-breakpoint
CREATE FUNCTION offer_search_words_company() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  UPDATE offer_search_words w
    SET keywords = search_words(o.title || ' ' || coalesce(o.description, '') || ' ' || NEW.name)
    FROM offers o WHERE o.company_id = NEW.id AND w.offer_id = o.id;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER offer_search_words_company_name AFTER UPDATE OF name ON companies
  FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name) EXECUTE FUNCTION offer_search_words_company();
--> statement-breakpoint
INSERT INTO offer_search_words (offer_id, tenant_id, keywords, place)
  SELECT o.id, o.tenant_id, search_words(o.title || ' ' || coalesce(o.description, '') || ' ' || c.name), search_words(coalesce(o.location, ''))
  FROM offers o JOIN companies c ON c.id = o.company_id;
