CREATE TABLE `categories` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`description` text
);
--> statement-breakpoint
CREATE INDEX `categories_name_idx` ON `categories` (`name`,`id`);--> statement-breakpoint
CREATE TABLE `category_sources` (
	`category_id` text NOT NULL,
	`source_id` text NOT NULL,
	`position` integer NOT NULL,
	PRIMARY KEY(`category_id`, `source_id`),
	FOREIGN KEY (`category_id`) REFERENCES `categories`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`source_id`) REFERENCES `sources`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `category_sources_source_idx` ON `category_sources` (`source_id`);--> statement-breakpoint
CREATE TABLE `contract_categories` (
	`contract_id` text NOT NULL,
	`category_id` text NOT NULL,
	`position` integer NOT NULL,
	PRIMARY KEY(`contract_id`, `category_id`),
	FOREIGN KEY (`contract_id`) REFERENCES `contracts`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`category_id`) REFERENCES `categories`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `contract_categories_category_idx` ON `contract_categories` (`category_id`,`contract_id`);--> statement-breakpoint
CREATE TABLE `contract_games` (
	`contract_id` text NOT NULL,
	`games_id` text NOT NULL,
	`position` integer NOT NULL,
	PRIMARY KEY(`contract_id`, `games_id`),
	FOREIGN KEY (`contract_id`) REFERENCES `contracts`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`games_id`) REFERENCES `games`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `contract_games_games_idx` ON `contract_games` (`games_id`,`contract_id`);--> statement-breakpoint
CREATE TABLE `contract_sources` (
	`contract_id` text NOT NULL,
	`source_id` text NOT NULL,
	`position` integer NOT NULL,
	PRIMARY KEY(`contract_id`, `source_id`),
	FOREIGN KEY (`contract_id`) REFERENCES `contracts`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`source_id`) REFERENCES `sources`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `contract_sources_source_idx` ON `contract_sources` (`source_id`);--> statement-breakpoint
CREATE TABLE `contract_sponsors` (
	`contract_id` text NOT NULL,
	`sponsor_id` text NOT NULL,
	`position` integer NOT NULL,
	PRIMARY KEY(`contract_id`, `sponsor_id`),
	FOREIGN KEY (`contract_id`) REFERENCES `contracts`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`sponsor_id`) REFERENCES `sponsors`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `contract_sponsors_sponsor_idx` ON `contract_sponsors` (`sponsor_id`,`contract_id`);--> statement-breakpoint
CREATE TABLE `contracts` (
	`id` text PRIMARY KEY NOT NULL,
	`programme` text DEFAULT 'TOP' NOT NULL,
	`signed_on` text,
	`starts_on` text NOT NULL,
	`ends_on` text,
	`territory` text DEFAULT 'worldwide' NOT NULL,
	`ended_early` integer DEFAULT false NOT NULL,
	`notes` text,
	`starts_first` text GENERATED ALWAYS AS ((case length("starts_on") when 4 then "starts_on" || '-01-01' when 7 then "starts_on" || '-01' else "starts_on" end)) STORED,
	`ends_last` text GENERATED ALWAYS AS (coalesce((case length("ends_on") when 4 then "ends_on" || '-12-31' when 7 then date("ends_on" || '-01', '+1 month', '-1 day') else "ends_on" end), '9999-12-31')) STORED,
	CONSTRAINT "contracts_programme_check" CHECK("contracts"."programme" in ('TOP'))
);
--> statement-breakpoint
CREATE INDEX `contracts_starts_idx` ON `contracts` (`starts_first`,`id`);--> statement-breakpoint
CREATE INDEX `contracts_ends_idx` ON `contracts` (`ends_last`,`id`);--> statement-breakpoint
CREATE TABLE `sponsor_fact_sources` (
	`fact_id` text NOT NULL,
	`source_id` text NOT NULL,
	`position` integer NOT NULL,
	PRIMARY KEY(`fact_id`, `source_id`),
	FOREIGN KEY (`fact_id`) REFERENCES `sponsor_facts`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`source_id`) REFERENCES `sources`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `sponsor_fact_sources_source_idx` ON `sponsor_fact_sources` (`source_id`);--> statement-breakpoint
CREATE TABLE `game_sources` (
	`game_id` text NOT NULL,
	`source_id` text NOT NULL,
	`position` integer NOT NULL,
	PRIMARY KEY(`game_id`, `source_id`),
	FOREIGN KEY (`game_id`) REFERENCES `games`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`source_id`) REFERENCES `sources`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `game_sources_source_idx` ON `game_sources` (`source_id`);--> statement-breakpoint
CREATE TABLE `games` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`season` text NOT NULL,
	`year` integer NOT NULL,
	`city` text NOT NULL,
	`country` text NOT NULL,
	`starts_on` text,
	`ends_on` text,
	CONSTRAINT "games_season_check" CHECK("games"."season" in ('summer', 'winter'))
);
--> statement-breakpoint
CREATE INDEX `games_year_idx` ON `games` (`year`,`id`);--> statement-breakpoint
CREATE INDEX `games_name_idx` ON `games` (`name`,`id`);--> statement-breakpoint
CREATE TABLE `meeting_participants` (
	`meeting_id` text NOT NULL,
	`position` integer NOT NULL,
	`name` text NOT NULL,
	`role` text,
	`organisation` text,
	PRIMARY KEY(`meeting_id`, `position`),
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `meeting_participants_name_idx` ON `meeting_participants` (`name`);--> statement-breakpoint
CREATE TABLE `meeting_quotes` (
	`meeting_id` text NOT NULL,
	`position` integer NOT NULL,
	`speaker` text NOT NULL,
	`text` text NOT NULL,
	PRIMARY KEY(`meeting_id`, `position`),
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `meeting_sources` (
	`meeting_id` text NOT NULL,
	`source_id` text NOT NULL,
	`position` integer NOT NULL,
	PRIMARY KEY(`meeting_id`, `source_id`),
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`source_id`) REFERENCES `sources`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `meeting_sources_source_idx` ON `meeting_sources` (`source_id`);--> statement-breakpoint
CREATE TABLE `meeting_sponsors` (
	`meeting_id` text NOT NULL,
	`sponsor_id` text NOT NULL,
	`position` integer NOT NULL,
	PRIMARY KEY(`meeting_id`, `sponsor_id`),
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`sponsor_id`) REFERENCES `sponsors`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `meeting_sponsors_sponsor_idx` ON `meeting_sponsors` (`sponsor_id`,`meeting_id`);--> statement-breakpoint
CREATE TABLE `meetings` (
	`id` text PRIMARY KEY NOT NULL,
	`date` text NOT NULL,
	`city` text,
	`country` text,
	`summary` text NOT NULL,
	`date_first` text GENERATED ALWAYS AS ((case length("date") when 4 then "date" || '-01-01' when 7 then "date" || '-01' else "date" end)) STORED,
	`date_last` text GENERATED ALWAYS AS ((case length("date") when 4 then "date" || '-12-31' when 7 then date("date" || '-01', '+1 month', '-1 day') else "date" end)) STORED
);
--> statement-breakpoint
CREATE INDEX `meetings_date_idx` ON `meetings` (`date_first`,`id`);--> statement-breakpoint
CREATE INDEX `meetings_date_last_idx` ON `meetings` (`date_last`);--> statement-breakpoint
CREATE TABLE `sources` (
	`id` text PRIMARY KEY NOT NULL,
	`title` text NOT NULL,
	`publisher` text,
	`url` text NOT NULL,
	`published_on` text
);
--> statement-breakpoint
CREATE INDEX `sources_title_idx` ON `sources` (`title`,`id`);--> statement-breakpoint
CREATE TABLE `sponsor_facts` (
	`id` text PRIMARY KEY NOT NULL,
	`sponsor_id` text NOT NULL,
	`date` text NOT NULL,
	`summary` text NOT NULL,
	`date_first` text GENERATED ALWAYS AS ((case length("date") when 4 then "date" || '-01-01' when 7 then "date" || '-01' else "date" end)) STORED,
	FOREIGN KEY (`sponsor_id`) REFERENCES `sponsors`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `sponsor_facts_sponsor_idx` ON `sponsor_facts` (`sponsor_id`,`date_first`);--> statement-breakpoint
CREATE TABLE `sponsor_sources` (
	`sponsor_id` text NOT NULL,
	`source_id` text NOT NULL,
	`position` integer NOT NULL,
	PRIMARY KEY(`sponsor_id`, `source_id`),
	FOREIGN KEY (`sponsor_id`) REFERENCES `sponsors`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`source_id`) REFERENCES `sources`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `sponsor_sources_source_idx` ON `sponsor_sources` (`source_id`);--> statement-breakpoint
CREATE TABLE `sponsors` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`country` text NOT NULL,
	`headquarters` text,
	`industry` text,
	`website` text,
	`description` text
);
--> statement-breakpoint
CREATE INDEX `sponsors_name_idx` ON `sponsors` (`name`,`id`);--> statement-breakpoint
CREATE INDEX `sponsors_country_idx` ON `sponsors` (`country`,`name`,`id`);