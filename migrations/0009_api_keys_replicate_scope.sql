PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_api_keys` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`scope` text NOT NULL,
	`secret_hash` text NOT NULL,
	`created_at` text NOT NULL,
	`last_used_at` text,
	`revoked_at` text,
	CONSTRAINT "api_keys_scope_check" CHECK("__new_api_keys"."scope" in ('read', 'write', 'replicate'))
);
--> statement-breakpoint
INSERT INTO `__new_api_keys`("id", "name", "scope", "secret_hash", "created_at", "last_used_at", "revoked_at") SELECT "id", "name", "scope", "secret_hash", "created_at", "last_used_at", "revoked_at" FROM `api_keys`;--> statement-breakpoint
DROP TABLE `api_keys`;--> statement-breakpoint
ALTER TABLE `__new_api_keys` RENAME TO `api_keys`;--> statement-breakpoint
PRAGMA foreign_keys=ON;