CREATE TABLE `api_keys` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`scope` text NOT NULL,
	`secret_hash` text NOT NULL,
	`created_at` text NOT NULL,
	`last_used_at` text,
	`revoked_at` text,
	CONSTRAINT "api_keys_scope_check" CHECK("api_keys"."scope" in ('read', 'write'))
);
--> statement-breakpoint
CREATE TABLE `changes` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` text NOT NULL,
	`key_id` text NOT NULL,
	`key_name` text NOT NULL,
	`action` text NOT NULL,
	`resource` text NOT NULL,
	`record_id` text NOT NULL,
	`before` text,
	`after` text,
	CONSTRAINT "changes_action_check" CHECK("changes"."action" in ('create', 'update', 'delete'))
);
--> statement-breakpoint
CREATE INDEX `changes_record_idx` ON `changes` (`resource`,`record_id`);