CREATE TABLE `pending_confirmations` (
	`id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`user_id` text NOT NULL,
	`platform` text NOT NULL,
	`chat_id` text NOT NULL,
	`inbound_message_id` text NOT NULL,
	`question` text NOT NULL,
	`options` text NOT NULL,
	`created_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	`resolved_at` integer,
	`outcome` text,
	`chosen` integer
);
--> statement-breakpoint
CREATE INDEX `pending_confirmations_user_chat` ON `pending_confirmations` (`user_id`,`chat_id`,`created_at`);