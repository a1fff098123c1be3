DROP INDEX `contracts_starts_idx`;--> statement-breakpoint
CREATE INDEX `contracts_starts_id_ends_idx` ON `contracts` (`starts_first`,`id`,`ends_last`);