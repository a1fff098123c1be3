PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_sponsors` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`country` text,
	`headquarters` text,
	`industry` text,
	`website` text,
	`description` text
);
--> statement-breakpoint
INSERT INTO `__new_sponsors`("id", "name", "country", "headquarters", "industry", "website", "description") SELECT "id", "name", "country", "headquarters", "industry", "website", "description" FROM `sponsors`;--> statement-breakpoint
DROP TABLE `sponsors`;--> statement-breakpoint
ALTER TABLE `__new_sponsors` RENAME TO `sponsors`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE INDEX `sponsors_name_idx` ON `sponsors` (`name`,`id`);--> statement-breakpoint
CREATE INDEX `sponsors_country_idx` ON `sponsors` (`country`,`name`,`id`);--> statement-breakpoint
CREATE INDEX `sponsors_country_id_idx` ON `sponsors` (`country`,`id`);