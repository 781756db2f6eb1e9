CREATE TABLE `customer_collaborators` (
	`id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`customer_id` text NOT NULL,
	`user_id` text NOT NULL,
	`added_by_user_id` text,
	`created_at` integer DEFAULT (unixepoch() * 1000) NOT NULL,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `customer_collaborators_customer_user` ON `customer_collaborators` (`customer_id`,`user_id`);--> statement-breakpoint
CREATE INDEX `customer_collaborators_user` ON `customer_collaborators` (`user_id`);--> statement-breakpoint
ALTER TABLE `workspaces` ADD `sharing_mode` text DEFAULT 'private' NOT NULL;