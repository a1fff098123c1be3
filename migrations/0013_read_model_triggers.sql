-- The read model (issue #14): contract_embeds and sponsor_embeds (0012) hold each
-- record's embedded summaries and sources as the JSON arrays the API answers. These
-- triggers keep them in step with every write, in the same statement as the change:
-- a new record gets its row, a link row added, removed or changed rewrites its owner's
-- column, and a rename of a linked sponsor, category, Games or source rewrites the
-- columns that embed it. Then the rows of the records already stored are filled in.
-- Triggers are outside what drizzle-kit models, so this migration is hand-written.
-- test/read-model.test.ts checks the tables against the link tables after every kind
-- of write.
CREATE TRIGGER `contracts_embeds_ai` AFTER INSERT ON `contracts` BEGIN
	INSERT OR REPLACE INTO contract_embeds (contract_id, sponsors, categories, games, sources) VALUES (new.id, (select json_group_array(json(j)) from (select json_object('id', t.id, 'name', t.name) as j from contract_sponsors l join sponsors t on t.id = l.sponsor_id where l.contract_id = new.id order by l.position)), (select json_group_array(json(j)) from (select json_object('id', t.id, 'name', t.name) as j from contract_categories l join categories t on t.id = l.category_id where l.contract_id = new.id order by l.position)), (select json_group_array(json(j)) from (select json_object('id', t.id, 'name', t.name) as j from contract_games l join games t on t.id = l.games_id where l.contract_id = new.id order by l.position)), (select json_group_array(json(j)) from (select json_object('id', s.id, 'title', s.title, 'url', s.url) as j from contract_sources l join sources s on s.id = l.source_id where l.contract_id = new.id order by l.position)));
END;
--> statement-breakpoint
CREATE TRIGGER `contracts_embeds_ad` AFTER DELETE ON `contracts` BEGIN
	DELETE FROM contract_embeds WHERE contract_id = old.id;
END;
--> statement-breakpoint
CREATE TRIGGER `contract_sponsors_embeds_ai` AFTER INSERT ON `contract_sponsors` BEGIN
	UPDATE contract_embeds SET sponsors = (select json_group_array(json(j)) from (select json_object('id', t.id, 'name', t.name) as j from contract_sponsors l join sponsors t on t.id = l.sponsor_id where l.contract_id = contract_embeds.contract_id order by l.position)) WHERE contract_id = new.contract_id;
END;
--> statement-breakpoint
CREATE TRIGGER `contract_sponsors_embeds_ad` AFTER DELETE ON `contract_sponsors` BEGIN
	UPDATE contract_embeds SET sponsors = (select json_group_array(json(j)) from (select json_object('id', t.id, 'name', t.name) as j from contract_sponsors l join sponsors t on t.id = l.sponsor_id where l.contract_id = contract_embeds.contract_id order by l.position)) WHERE contract_id = old.contract_id;
END;
--> statement-breakpoint
CREATE TRIGGER `contract_sponsors_embeds_au` AFTER UPDATE ON `contract_sponsors` BEGIN
	UPDATE contract_embeds SET sponsors = (select json_group_array(json(j)) from (select json_object('id', t.id, 'name', t.name) as j from contract_sponsors l join sponsors t on t.id = l.sponsor_id where l.contract_id = contract_embeds.contract_id order by l.position)) WHERE contract_id in (old.contract_id, new.contract_id);
END;
--> statement-breakpoint
CREATE TRIGGER `sponsors_contract_embeds_sponsors_au` AFTER UPDATE OF name ON `sponsors` WHEN old.name IS NOT new.name BEGIN
	UPDATE contract_embeds SET sponsors = (select json_group_array(json(j)) from (select json_object('id', t.id, 'name', t.name) as j from contract_sponsors l join sponsors t on t.id = l.sponsor_id where l.contract_id = contract_embeds.contract_id order by l.position)) WHERE contract_id in (select contract_id from contract_sponsors where sponsor_id = new.id);
END;
--> statement-breakpoint
CREATE TRIGGER `sponsors_contract_embeds_sponsors_ai` AFTER INSERT ON `sponsors` BEGIN
	UPDATE contract_embeds SET sponsors = (select json_group_array(json(j)) from (select json_object('id', t.id, 'name', t.name) as j from contract_sponsors l join sponsors t on t.id = l.sponsor_id where l.contract_id = contract_embeds.contract_id order by l.position)) WHERE contract_id in (select contract_id from contract_sponsors where sponsor_id = new.id);
END;
--> statement-breakpoint
CREATE TRIGGER `contract_categories_embeds_ai` AFTER INSERT ON `contract_categories` BEGIN
	UPDATE contract_embeds SET categories = (select json_group_array(json(j)) from (select json_object('id', t.id, 'name', t.name) as j from contract_categories l join categories t on t.id = l.category_id where l.contract_id = contract_embeds.contract_id order by l.position)) WHERE contract_id = new.contract_id;
END;
--> statement-breakpoint
CREATE TRIGGER `contract_categories_embeds_ad` AFTER DELETE ON `contract_categories` BEGIN
	UPDATE contract_embeds SET categories = (select json_group_array(json(j)) from (select json_object('id', t.id, 'name', t.name) as j from contract_categories l join categories t on t.id = l.category_id where l.contract_id = contract_embeds.contract_id order by l.position)) WHERE contract_id = old.contract_id;
END;
--> statement-breakpoint
CREATE TRIGGER `contract_categories_embeds_au` AFTER UPDATE ON `contract_categories` BEGIN
	UPDATE contract_embeds SET categories = (select json_group_array(json(j)) from (select json_object('id', t.id, 'name', t.name) as j from contract_categories l join categories t on t.id = l.category_id where l.contract_id = contract_embeds.contract_id order by l.position)) WHERE contract_id in (old.contract_id, new.contract_id);
END;
--> statement-breakpoint
CREATE TRIGGER `categories_contract_embeds_categories_au` AFTER UPDATE OF name ON `categories` WHEN old.name IS NOT new.name BEGIN
	UPDATE contract_embeds SET categories = (select json_group_array(json(j)) from (select json_object('id', t.id, 'name', t.name) as j from contract_categories l join categories t on t.id = l.category_id where l.contract_id = contract_embeds.contract_id order by l.position)) WHERE contract_id in (select contract_id from contract_categories where category_id = new.id);
END;
--> statement-breakpoint
CREATE TRIGGER `categories_contract_embeds_categories_ai` AFTER INSERT ON `categories` BEGIN
	UPDATE contract_embeds SET categories = (select json_group_array(json(j)) from (select json_object('id', t.id, 'name', t.name) as j from contract_categories l join categories t on t.id = l.category_id where l.contract_id = contract_embeds.contract_id order by l.position)) WHERE contract_id in (select contract_id from contract_categories where category_id = new.id);
END;
--> statement-breakpoint
CREATE TRIGGER `contract_games_embeds_ai` AFTER INSERT ON `contract_games` BEGIN
	UPDATE contract_embeds SET games = (select json_group_array(json(j)) from (select json_object('id', t.id, 'name', t.name) as j from contract_games l join games t on t.id = l.games_id where l.contract_id = contract_embeds.contract_id order by l.position)) WHERE contract_id = new.contract_id;
END;
--> statement-breakpoint
CREATE TRIGGER `contract_games_embeds_ad` AFTER DELETE ON `contract_games` BEGIN
	UPDATE contract_embeds SET games = (select json_group_array(json(j)) from (select json_object('id', t.id, 'name', t.name) as j from contract_games l join games t on t.id = l.games_id where l.contract_id = contract_embeds.contract_id order by l.position)) WHERE contract_id = old.contract_id;
END;
--> statement-breakpoint
CREATE TRIGGER `contract_games_embeds_au` AFTER UPDATE ON `contract_games` BEGIN
	UPDATE contract_embeds SET games = (select json_group_array(json(j)) from (select json_object('id', t.id, 'name', t.name) as j from contract_games l join games t on t.id = l.games_id where l.contract_id = contract_embeds.contract_id order by l.position)) WHERE contract_id in (old.contract_id, new.contract_id);
END;
--> statement-breakpoint
CREATE TRIGGER `games_contract_embeds_games_au` AFTER UPDATE OF name ON `games` WHEN old.name IS NOT new.name BEGIN
	UPDATE contract_embeds SET games = (select json_group_array(json(j)) from (select json_object('id', t.id, 'name', t.name) as j from contract_games l join games t on t.id = l.games_id where l.contract_id = contract_embeds.contract_id order by l.position)) WHERE contract_id in (select contract_id from contract_games where games_id = new.id);
END;
--> statement-breakpoint
CREATE TRIGGER `games_contract_embeds_games_ai` AFTER INSERT ON `games` BEGIN
	UPDATE contract_embeds SET games = (select json_group_array(json(j)) from (select json_object('id', t.id, 'name', t.name) as j from contract_games l join games t on t.id = l.games_id where l.contract_id = contract_embeds.contract_id order by l.position)) WHERE contract_id in (select contract_id from contract_games where games_id = new.id);
END;
--> statement-breakpoint
CREATE TRIGGER `contract_sources_embeds_ai` AFTER INSERT ON `contract_sources` BEGIN
	UPDATE contract_embeds SET sources = (select json_group_array(json(j)) from (select json_object('id', s.id, 'title', s.title, 'url', s.url) as j from contract_sources l join sources s on s.id = l.source_id where l.contract_id = contract_embeds.contract_id order by l.position)) WHERE contract_id = new.contract_id;
END;
--> statement-breakpoint
CREATE TRIGGER `contract_sources_embeds_ad` AFTER DELETE ON `contract_sources` BEGIN
	UPDATE contract_embeds SET sources = (select json_group_array(json(j)) from (select json_object('id', s.id, 'title', s.title, 'url', s.url) as j from contract_sources l join sources s on s.id = l.source_id where l.contract_id = contract_embeds.contract_id order by l.position)) WHERE contract_id = old.contract_id;
END;
--> statement-breakpoint
CREATE TRIGGER `contract_sources_embeds_au` AFTER UPDATE ON `contract_sources` BEGIN
	UPDATE contract_embeds SET sources = (select json_group_array(json(j)) from (select json_object('id', s.id, 'title', s.title, 'url', s.url) as j from contract_sources l join sources s on s.id = l.source_id where l.contract_id = contract_embeds.contract_id order by l.position)) WHERE contract_id in (old.contract_id, new.contract_id);
END;
--> statement-breakpoint
CREATE TRIGGER `sources_contract_embeds_sources_au` AFTER UPDATE OF title, url ON `sources` WHEN old.title IS NOT new.title OR old.url IS NOT new.url BEGIN
	UPDATE contract_embeds SET sources = (select json_group_array(json(j)) from (select json_object('id', s.id, 'title', s.title, 'url', s.url) as j from contract_sources l join sources s on s.id = l.source_id where l.contract_id = contract_embeds.contract_id order by l.position)) WHERE contract_id in (select contract_id from contract_sources where source_id = new.id);
END;
--> statement-breakpoint
CREATE TRIGGER `sources_contract_embeds_sources_ai` AFTER INSERT ON `sources` BEGIN
	UPDATE contract_embeds SET sources = (select json_group_array(json(j)) from (select json_object('id', s.id, 'title', s.title, 'url', s.url) as j from contract_sources l join sources s on s.id = l.source_id where l.contract_id = contract_embeds.contract_id order by l.position)) WHERE contract_id in (select contract_id from contract_sources where source_id = new.id);
END;
--> statement-breakpoint
INSERT INTO contract_embeds (contract_id, sponsors, categories, games, sources) SELECT p.id, (select json_group_array(json(j)) from (select json_object('id', t.id, 'name', t.name) as j from contract_sponsors l join sponsors t on t.id = l.sponsor_id where l.contract_id = p.id order by l.position)), (select json_group_array(json(j)) from (select json_object('id', t.id, 'name', t.name) as j from contract_categories l join categories t on t.id = l.category_id where l.contract_id = p.id order by l.position)), (select json_group_array(json(j)) from (select json_object('id', t.id, 'name', t.name) as j from contract_games l join games t on t.id = l.games_id where l.contract_id = p.id order by l.position)), (select json_group_array(json(j)) from (select json_object('id', s.id, 'title', s.title, 'url', s.url) as j from contract_sources l join sources s on s.id = l.source_id where l.contract_id = p.id order by l.position)) FROM contracts p;
--> statement-breakpoint
CREATE TRIGGER `sponsors_embeds_ai` AFTER INSERT ON `sponsors` BEGIN
	INSERT OR REPLACE INTO sponsor_embeds (sponsor_id, former_names, sources) VALUES (new.id, (select json_group_array(json(j)) from (select json_object('name', n.name, 'from', n.from_on, 'until', n.until_on) as j from sponsor_names n where n.sponsor_id = new.id order by n.position)), (select json_group_array(json(j)) from (select json_object('id', s.id, 'title', s.title, 'url', s.url) as j from sponsor_sources l join sources s on s.id = l.source_id where l.sponsor_id = new.id order by l.position)));
END;
--> statement-breakpoint
CREATE TRIGGER `sponsors_embeds_ad` AFTER DELETE ON `sponsors` BEGIN
	DELETE FROM sponsor_embeds WHERE sponsor_id = old.id;
END;
--> statement-breakpoint
CREATE TRIGGER `sponsor_names_embeds_ai` AFTER INSERT ON `sponsor_names` BEGIN
	UPDATE sponsor_embeds SET former_names = (select json_group_array(json(j)) from (select json_object('name', n.name, 'from', n.from_on, 'until', n.until_on) as j from sponsor_names n where n.sponsor_id = sponsor_embeds.sponsor_id order by n.position)) WHERE sponsor_id = new.sponsor_id;
END;
--> statement-breakpoint
CREATE TRIGGER `sponsor_names_embeds_ad` AFTER DELETE ON `sponsor_names` BEGIN
	UPDATE sponsor_embeds SET former_names = (select json_group_array(json(j)) from (select json_object('name', n.name, 'from', n.from_on, 'until', n.until_on) as j from sponsor_names n where n.sponsor_id = sponsor_embeds.sponsor_id order by n.position)) WHERE sponsor_id = old.sponsor_id;
END;
--> statement-breakpoint
CREATE TRIGGER `sponsor_names_embeds_au` AFTER UPDATE ON `sponsor_names` BEGIN
	UPDATE sponsor_embeds SET former_names = (select json_group_array(json(j)) from (select json_object('name', n.name, 'from', n.from_on, 'until', n.until_on) as j from sponsor_names n where n.sponsor_id = sponsor_embeds.sponsor_id order by n.position)) WHERE sponsor_id in (old.sponsor_id, new.sponsor_id);
END;
--> statement-breakpoint
CREATE TRIGGER `sponsor_sources_embeds_ai` AFTER INSERT ON `sponsor_sources` BEGIN
	UPDATE sponsor_embeds SET sources = (select json_group_array(json(j)) from (select json_object('id', s.id, 'title', s.title, 'url', s.url) as j from sponsor_sources l join sources s on s.id = l.source_id where l.sponsor_id = sponsor_embeds.sponsor_id order by l.position)) WHERE sponsor_id = new.sponsor_id;
END;
--> statement-breakpoint
CREATE TRIGGER `sponsor_sources_embeds_ad` AFTER DELETE ON `sponsor_sources` BEGIN
	UPDATE sponsor_embeds SET sources = (select json_group_array(json(j)) from (select json_object('id', s.id, 'title', s.title, 'url', s.url) as j from sponsor_sources l join sources s on s.id = l.source_id where l.sponsor_id = sponsor_embeds.sponsor_id order by l.position)) WHERE sponsor_id = old.sponsor_id;
END;
--> statement-breakpoint
CREATE TRIGGER `sponsor_sources_embeds_au` AFTER UPDATE ON `sponsor_sources` BEGIN
	UPDATE sponsor_embeds SET sources = (select json_group_array(json(j)) from (select json_object('id', s.id, 'title', s.title, 'url', s.url) as j from sponsor_sources l join sources s on s.id = l.source_id where l.sponsor_id = sponsor_embeds.sponsor_id order by l.position)) WHERE sponsor_id in (old.sponsor_id, new.sponsor_id);
END;
--> statement-breakpoint
CREATE TRIGGER `sources_sponsor_embeds_sources_au` AFTER UPDATE OF title, url ON `sources` WHEN old.title IS NOT new.title OR old.url IS NOT new.url BEGIN
	UPDATE sponsor_embeds SET sources = (select json_group_array(json(j)) from (select json_object('id', s.id, 'title', s.title, 'url', s.url) as j from sponsor_sources l join sources s on s.id = l.source_id where l.sponsor_id = sponsor_embeds.sponsor_id order by l.position)) WHERE sponsor_id in (select sponsor_id from sponsor_sources where source_id = new.id);
END;
--> statement-breakpoint
CREATE TRIGGER `sources_sponsor_embeds_sources_ai` AFTER INSERT ON `sources` BEGIN
	UPDATE sponsor_embeds SET sources = (select json_group_array(json(j)) from (select json_object('id', s.id, 'title', s.title, 'url', s.url) as j from sponsor_sources l join sources s on s.id = l.source_id where l.sponsor_id = sponsor_embeds.sponsor_id order by l.position)) WHERE sponsor_id in (select sponsor_id from sponsor_sources where source_id = new.id);
END;
--> statement-breakpoint
INSERT INTO sponsor_embeds (sponsor_id, former_names, sources) SELECT p.id, (select json_group_array(json(j)) from (select json_object('name', n.name, 'from', n.from_on, 'until', n.until_on) as j from sponsor_names n where n.sponsor_id = p.id order by n.position)), (select json_group_array(json(j)) from (select json_object('id', s.id, 'title', s.title, 'url', s.url) as j from sponsor_sources l join sources s on s.id = l.source_id where l.sponsor_id = p.id order by l.position)) FROM sponsors p;
