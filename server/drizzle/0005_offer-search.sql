-- Offer board search (GET /v1/offers?q=…&place=…): a full-text index over
-- each offer's title, description, company name and place. unicode61 with
-- remove_diacritics folds case and accents ("Ingénieur" = "ingenieur");
-- prefix indexes make "dev*" cheap on 50,000 offers. Kept in sync by
-- triggers on `offers` and on the company's name, so every writer (routes,
-- seeds, CLI, import) is covered.
-- offer_search_docs gives each offer a stable document number (an INTEGER
-- PRIMARY KEY, which VACUUM keeps, unlike offers' own rowid) and finds it by
-- offer id through its unique index: an UNINDEXED column of the FTS table
-- would be found by reading every document, descriptions included.
CREATE TABLE IF NOT EXISTS offer_search_docs (
  docid INTEGER PRIMARY KEY,
  offer_id TEXT NOT NULL UNIQUE
);
--> statement-breakpoint
CREATE VIRTUAL TABLE IF NOT EXISTS offer_search USING fts5(
  title,
  description,
  company,
  location,
  tokenize = 'unicode61 remove_diacritics 2',
  prefix = '2 3 4 5 6'
);
--> statement-breakpoint
INSERT INTO offer_search_docs (offer_id) SELECT id FROM offers;
--> statement-breakpoint
INSERT INTO offer_search (rowid, title, description, company, location)
  SELECT d.docid, o.title, coalesce(o.description, ''), c.name, coalesce(o.location, '')
  FROM offer_search_docs d JOIN offers o ON o.id = d.offer_id JOIN companies c ON c.id = o.company_id;
--> statement-breakpoint
CREATE TRIGGER IF NOT EXISTS offer_search_insert AFTER INSERT ON offers
BEGIN
  INSERT INTO offer_search_docs (offer_id) VALUES (new.id);
  INSERT INTO offer_search (rowid, title, description, company, location)
    VALUES ((SELECT docid FROM offer_search_docs WHERE offer_id = new.id), new.title, coalesce(new.description, ''), (SELECT name FROM companies WHERE id = new.company_id), coalesce(new.location, ''));
END;
--> statement-breakpoint
CREATE TRIGGER IF NOT EXISTS offer_search_update AFTER UPDATE OF title, description, company_id, location ON offers
BEGIN
  DELETE FROM offer_search WHERE rowid = (SELECT docid FROM offer_search_docs WHERE offer_id = old.id);
  INSERT INTO offer_search (rowid, title, description, company, location)
    VALUES ((SELECT docid FROM offer_search_docs WHERE offer_id = new.id), new.title, coalesce(new.description, ''), (SELECT name FROM companies WHERE id = new.company_id), coalesce(new.location, ''));
END;
--> statement-breakpoint
CREATE TRIGGER IF NOT EXISTS offer_search_delete AFTER DELETE ON offers
BEGIN
  DELETE FROM offer_search WHERE rowid = (SELECT docid FROM offer_search_docs WHERE offer_id = old.id);
  DELETE FROM offer_search_docs WHERE offer_id = old.id;
END;
--> statement-breakpoint
CREATE TRIGGER IF NOT EXISTS offer_search_company_name AFTER UPDATE OF name ON companies
BEGIN
  UPDATE offer_search SET company = new.name
    WHERE rowid IN (SELECT d.docid FROM offers o JOIN offer_search_docs d ON d.offer_id = o.id WHERE o.company_id = new.id);
END;
