-- The read model's bodies (0014): contract_embeds.body is a contract's JSON up to its
-- notes, sponsor_embeds.body a sponsor's up to its former names, each with the keys of
-- the response schema in its order, so a list appends status (which depends on the day)
-- and sources, and never quotes a field or looks up a link at read time.
-- sponsor_embeds.contracts_end is the latest end of the sponsor's contracts (null while
-- it holds none), from which its status follows. Kept by triggers, as in 0013: a body is
-- rewritten when its record's row or an embedded array changes, contracts_end when a
-- contract_sponsors row or a contract's end changes (an INSERT OR REPLACE of a contract,
-- which migrations may run with foreign keys off, included). Then the stored rows are
-- filled in.
-- Hand-written (drizzle-kit does not model triggers); test/read-model.test.ts and
-- test/json-rows.test.ts check the result.
CREATE TRIGGER `contract_embeds_body_ai` AFTER INSERT ON `contract_embeds` BEGIN
	UPDATE contract_embeds SET body = (select '{"id":' || json_quote(c.id) || ',"sponsors":' || contract_embeds.sponsors || ',"categories":' || contract_embeds.categories || ',"programme":' || json_quote(c.programme) || ',"signedOn":' || json_quote(c.signed_on) || ',"startsOn":' || json_quote(c.starts_on) || ',"endsOn":' || json_quote(c.ends_on) || ',"games":' || contract_embeds.games || ',"territory":' || json_quote(c.territory) || ',"endedEarly":' || (case when c.ended_early then 'true' else 'false' end) || ',"notes":' || json_quote(c.notes) from contracts c where c.id = contract_embeds.contract_id) WHERE contract_id = new.contract_id;
END;
--> statement-breakpoint
CREATE TRIGGER `contract_embeds_body_au` AFTER UPDATE OF sponsors, categories, games ON `contract_embeds` BEGIN
	UPDATE contract_embeds SET body = (select '{"id":' || json_quote(c.id) || ',"sponsors":' || contract_embeds.sponsors || ',"categories":' || contract_embeds.categories || ',"programme":' || json_quote(c.programme) || ',"signedOn":' || json_quote(c.signed_on) || ',"startsOn":' || json_quote(c.starts_on) || ',"endsOn":' || json_quote(c.ends_on) || ',"games":' || contract_embeds.games || ',"territory":' || json_quote(c.territory) || ',"endedEarly":' || (case when c.ended_early then 'true' else 'false' end) || ',"notes":' || json_quote(c.notes) from contracts c where c.id = contract_embeds.contract_id) WHERE contract_id = new.contract_id;
END;
--> statement-breakpoint
CREATE TRIGGER `contracts_embeds_body_au` AFTER UPDATE ON `contracts` BEGIN
	UPDATE contract_embeds SET body = (select '{"id":' || json_quote(c.id) || ',"sponsors":' || contract_embeds.sponsors || ',"categories":' || contract_embeds.categories || ',"programme":' || json_quote(c.programme) || ',"signedOn":' || json_quote(c.signed_on) || ',"startsOn":' || json_quote(c.starts_on) || ',"endsOn":' || json_quote(c.ends_on) || ',"games":' || contract_embeds.games || ',"territory":' || json_quote(c.territory) || ',"endedEarly":' || (case when c.ended_early then 'true' else 'false' end) || ',"notes":' || json_quote(c.notes) from contracts c where c.id = contract_embeds.contract_id) WHERE contract_id = new.id;
END;
--> statement-breakpoint
CREATE TRIGGER `sponsor_embeds_body_ai` AFTER INSERT ON `sponsor_embeds` BEGIN
	UPDATE sponsor_embeds SET body = (select '{"id":' || json_quote(s.id) || ',"name":' || json_quote(s.name) || ',"country":' || json_quote(s.country) || ',"headquarters":' || json_quote(s.headquarters) || ',"industry":' || json_quote(s.industry) || ',"website":' || json_quote(s.website) || ',"description":' || json_quote(s.description) || ',"formerNames":' || sponsor_embeds.former_names from sponsors s where s.id = sponsor_embeds.sponsor_id), contracts_end = (select max(c.ends_last) from contract_sponsors cs join contracts c on c.id = cs.contract_id where cs.sponsor_id = sponsor_embeds.sponsor_id) WHERE sponsor_id = new.sponsor_id;
END;
--> statement-breakpoint
CREATE TRIGGER `sponsor_embeds_body_au` AFTER UPDATE OF former_names ON `sponsor_embeds` BEGIN
	UPDATE sponsor_embeds SET body = (select '{"id":' || json_quote(s.id) || ',"name":' || json_quote(s.name) || ',"country":' || json_quote(s.country) || ',"headquarters":' || json_quote(s.headquarters) || ',"industry":' || json_quote(s.industry) || ',"website":' || json_quote(s.website) || ',"description":' || json_quote(s.description) || ',"formerNames":' || sponsor_embeds.former_names from sponsors s where s.id = sponsor_embeds.sponsor_id) WHERE sponsor_id = new.sponsor_id;
END;
--> statement-breakpoint
CREATE TRIGGER `sponsors_embeds_body_au` AFTER UPDATE ON `sponsors` BEGIN
	UPDATE sponsor_embeds SET body = (select '{"id":' || json_quote(s.id) || ',"name":' || json_quote(s.name) || ',"country":' || json_quote(s.country) || ',"headquarters":' || json_quote(s.headquarters) || ',"industry":' || json_quote(s.industry) || ',"website":' || json_quote(s.website) || ',"description":' || json_quote(s.description) || ',"formerNames":' || sponsor_embeds.former_names from sponsors s where s.id = sponsor_embeds.sponsor_id) WHERE sponsor_id = new.id;
END;
--> statement-breakpoint
CREATE TRIGGER `contract_sponsors_contracts_end_ai` AFTER INSERT ON `contract_sponsors` BEGIN
	UPDATE sponsor_embeds SET contracts_end = (select max(c.ends_last) from contract_sponsors cs join contracts c on c.id = cs.contract_id where cs.sponsor_id = sponsor_embeds.sponsor_id) WHERE sponsor_id = new.sponsor_id;
END;
--> statement-breakpoint
CREATE TRIGGER `contract_sponsors_contracts_end_ad` AFTER DELETE ON `contract_sponsors` BEGIN
	UPDATE sponsor_embeds SET contracts_end = (select max(c.ends_last) from contract_sponsors cs join contracts c on c.id = cs.contract_id where cs.sponsor_id = sponsor_embeds.sponsor_id) WHERE sponsor_id = old.sponsor_id;
END;
--> statement-breakpoint
CREATE TRIGGER `contract_sponsors_contracts_end_au` AFTER UPDATE ON `contract_sponsors` BEGIN
	UPDATE sponsor_embeds SET contracts_end = (select max(c.ends_last) from contract_sponsors cs join contracts c on c.id = cs.contract_id where cs.sponsor_id = sponsor_embeds.sponsor_id) WHERE sponsor_id in (old.sponsor_id, new.sponsor_id);
END;
--> statement-breakpoint
CREATE TRIGGER `contracts_contracts_end_au` AFTER UPDATE OF ends_on ON `contracts` WHEN old.ends_on IS NOT new.ends_on BEGIN
	UPDATE sponsor_embeds SET contracts_end = (select max(c.ends_last) from contract_sponsors cs join contracts c on c.id = cs.contract_id where cs.sponsor_id = sponsor_embeds.sponsor_id) WHERE sponsor_id in (select sponsor_id from contract_sponsors where contract_id = new.id);
END;
--> statement-breakpoint
CREATE TRIGGER `contracts_contracts_end_ai` AFTER INSERT ON `contracts` BEGIN
	UPDATE sponsor_embeds SET contracts_end = (select max(c.ends_last) from contract_sponsors cs join contracts c on c.id = cs.contract_id where cs.sponsor_id = sponsor_embeds.sponsor_id) WHERE sponsor_id in (select sponsor_id from contract_sponsors where contract_id = new.id);
END;
--> statement-breakpoint
CREATE TRIGGER `contracts_contracts_end_ad` AFTER DELETE ON `contracts` BEGIN
	UPDATE sponsor_embeds SET contracts_end = (select max(c.ends_last) from contract_sponsors cs join contracts c on c.id = cs.contract_id where cs.sponsor_id = sponsor_embeds.sponsor_id) WHERE sponsor_id in (select sponsor_id from contract_sponsors where contract_id = old.id);
END;
--> statement-breakpoint
UPDATE contract_embeds SET body = (select '{"id":' || json_quote(c.id) || ',"sponsors":' || contract_embeds.sponsors || ',"categories":' || contract_embeds.categories || ',"programme":' || json_quote(c.programme) || ',"signedOn":' || json_quote(c.signed_on) || ',"startsOn":' || json_quote(c.starts_on) || ',"endsOn":' || json_quote(c.ends_on) || ',"games":' || contract_embeds.games || ',"territory":' || json_quote(c.territory) || ',"endedEarly":' || (case when c.ended_early then 'true' else 'false' end) || ',"notes":' || json_quote(c.notes) from contracts c where c.id = contract_embeds.contract_id);
--> statement-breakpoint
UPDATE sponsor_embeds SET body = (select '{"id":' || json_quote(s.id) || ',"name":' || json_quote(s.name) || ',"country":' || json_quote(s.country) || ',"headquarters":' || json_quote(s.headquarters) || ',"industry":' || json_quote(s.industry) || ',"website":' || json_quote(s.website) || ',"description":' || json_quote(s.description) || ',"formerNames":' || sponsor_embeds.former_names from sponsors s where s.id = sponsor_embeds.sponsor_id), contracts_end = (select max(c.ends_last) from contract_sponsors cs join contracts c on c.id = cs.contract_id where cs.sponsor_id = sponsor_embeds.sponsor_id);
