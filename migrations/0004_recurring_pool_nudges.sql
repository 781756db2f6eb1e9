CREATE TABLE `nudge_log` (
	`key` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`owner_user_id` text NOT NULL,
	`last_sent_at` integer,
	`snoozed_until` integer
);
--> statement-breakpoint
CREATE TABLE `workspace_settings` (
	`workspace_id` text PRIMARY KEY NOT NULL,
	`quiet_hours_enabled` integer DEFAULT true NOT NULL,
	`quiet_start_minute` integer DEFAULT 1260 NOT NULL,
	`quiet_end_minute` integer DEFAULT 480 NOT NULL,
	`pool_enabled` integer DEFAULT false NOT NULL,
	`pool_no_follow_up_days` integer DEFAULT 30 NOT NULL,
	`pool_no_won_days` integer DEFAULT 90 NOT NULL,
	`pool_warn_days` integer DEFAULT 3 NOT NULL,
	`pool_claim_limit` integer DEFAULT 50 NOT NULL,
	`nudge_deal_days` integer DEFAULT 14 NOT NULL,
	`nudge_customer_days` integer DEFAULT 60 NOT NULL,
	`updated_at` integer DEFAULT (unixepoch() * 1000) NOT NULL,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
ALTER TABLE `customers` ADD `owned_since` integer;--> statement-breakpoint
ALTER TABLE `customers` ADD `pool_returned_at` integer;--> statement-breakpoint
ALTER TABLE `customers` ADD `last_owner_user_id` text;--> statement-breakpoint
ALTER TABLE `reminders` ADD `recurrence` text;--> statement-breakpoint
ALTER TABLE `reminders` ADD `series_id` text;--> statement-breakpoint
ALTER TABLE `reminders` ADD `occurrence_at` integer;--> statement-breakpoint
ALTER TABLE `reminders` ADD `time_zone` text;--> statement-breakpoint
CREATE UNIQUE INDEX `reminders_series_occurrence` ON `reminders` (`series_id`,`occurrence_at`);--> statement-breakpoint
-- The 公海 clock starts at the upgrade for customers that already had an owner, never in the past.
UPDATE `customers` SET `owned_since` = (unixepoch() * 1000) WHERE `owner_user_id` IS NOT NULL;
