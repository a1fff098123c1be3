ALTER TABLE `contract_embeds` ADD `body` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `sponsor_embeds` ADD `body` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `sponsor_embeds` ADD `contracts_end` text;