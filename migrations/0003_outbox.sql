CREATE TABLE `outbox` (
	`id` text PRIMARY KEY NOT NULL,
	`dedupe_key` text NOT NULL,
	`platform` text NOT NULL,
	`workspace_id` text NOT NULL,
	`chat_id` text NOT NULL,
	`user_platform_id` text,
	`thread_id` text,
	`reply` text NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` integer NOT NULL,
	`lease_owner` text,
	`lease_until` integer,
	`platform_message_id` text,
	`error` text,
	`late` integer DEFAULT false NOT NULL,
	`created_at` integer NOT NULL,
	`sent_at` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `outbox_dedupe` ON `outbox` (`dedupe_key`);--> statement-breakpoint
CREATE INDEX `outbox_due` ON `outbox` (`status`,`next_attempt_at`);--> statement-breakpoint
ALTER TABLE `customers` ADD `live_name_key` text;--> statement-breakpoint
CREATE UNIQUE INDEX `customers_workspace_live_name` ON `customers` (`workspace_id`,`live_name_key`);--> statement-breakpoint
ALTER TABLE `reminders` ADD `lease_until` integer;