CREATE TABLE `programme_sources` (
	`programme_id` text NOT NULL,
	`source_id` text NOT NULL,
	`position` integer NOT NULL,
	PRIMARY KEY(`programme_id`, `source_id`),
	FOREIGN KEY (`programme_id`) REFERENCES `programmes`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`source_id`) REFERENCES `sources`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `programme_sources_source_idx` ON `programme_sources` (`source_id`);--> statement-breakpoint
CREATE TABLE `programmes` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`starts_on` text NOT NULL,
	`ends_on` text NOT NULL,
	`partner_count` integer,
	`revenue` integer,
	`notes` text,
	`starts_first` text GENERATED ALWAYS AS ((case length("starts_on") when 4 then "starts_on" || '-01-01' when 7 then "starts_on" || '-01' else "starts_on" end)) STORED,
	`ends_last` text GENERATED ALWAYS AS ((case length("ends_on") when 4 then "ends_on" || '-12-31' when 7 then date("ends_on" || '-01', '+1 month', '-1 day') else "ends_on" end)) STORED
);
--> statement-breakpoint
CREATE INDEX `programmes_starts_idx` ON `programmes` (`starts_first`,`id`);--> statement-breakpoint
CREATE INDEX `programmes_name_idx` ON `programmes` (`name`,`id`);