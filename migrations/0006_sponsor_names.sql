CREATE TABLE `sponsor_names` (
	`sponsor_id` text NOT NULL,
	`position` integer NOT NULL,
	`name` text NOT NULL,
	`from_on` text,
	`until_on` text,
	PRIMARY KEY(`sponsor_id`, `position`),
	FOREIGN KEY (`sponsor_id`) REFERENCES `sponsors`(`id`) ON UPDATE no action ON DELETE cascade
);
