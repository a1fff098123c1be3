-- Full-text search. search_docs holds one text document per searchable record
-- (kept in step by the repositories, in the same transaction as the write);
-- search_fts is an FTS5 index over it, kept in step by the triggers below.
-- FTS5 tables are outside what drizzle-kit models, so this migration is hand-written.
CREATE TABLE `search_docs` (
	`rowid` integer PRIMARY KEY,
	`type` text NOT NULL,
	`ref_id` text NOT NULL,
	`title` text NOT NULL,
	`body` text NOT NULL,
	CONSTRAINT `search_docs_type_check` CHECK(`type` in ('sponsor', 'category', 'contract', 'meeting'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `search_docs_ref_idx` ON `search_docs` (`type`, `ref_id`);
--> statement-breakpoint
CREATE VIRTUAL TABLE `search_fts` USING fts5(
	title, body,
	content='search_docs', content_rowid='rowid',
	tokenize='unicode61 remove_diacritics 2'
);
--> statement-breakpoint
CREATE TRIGGER `search_docs_ai` AFTER INSERT ON `search_docs` BEGIN
	INSERT INTO search_fts(rowid, title, body) VALUES (new.rowid, new.title, new.body);
END;
--> statement-breakpoint
CREATE TRIGGER `search_docs_ad` AFTER DELETE ON `search_docs` BEGIN
	INSERT INTO search_fts(search_fts, rowid, title, body) VALUES ('delete', old.rowid, old.title, old.body);
END;
--> statement-breakpoint
CREATE TRIGGER `search_docs_au` AFTER UPDATE ON `search_docs` BEGIN
	INSERT INTO search_fts(search_fts, rowid, title, body) VALUES ('delete', old.rowid, old.title, old.body);
	INSERT INTO search_fts(rowid, title, body) VALUES (new.rowid, new.title, new.body);
END;
