CREATE TABLE `customer_aliases` (
	`id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`customer_id` text NOT NULL,
	`alias` text NOT NULL,
	`alias_key` text NOT NULL,
	`source` text DEFAULT 'manual' NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `customer_aliases_key` ON `customer_aliases` (`workspace_id`,`alias_key`);--> statement-breakpoint
CREATE INDEX `customer_aliases_customer` ON `customer_aliases` (`customer_id`);--> statement-breakpoint
CREATE TABLE `customer_merges` (
	`id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`survivor_id` text NOT NULL,
	`merged_id` text NOT NULL,
	`merged_status` text NOT NULL,
	`moved` text NOT NULL,
	`actor_user_id` text,
	`merged_at` integer NOT NULL,
	`undone_at` integer,
	FOREIGN KEY (`survivor_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`merged_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `customer_merges_workspace` ON `customer_merges` (`workspace_id`,`merged_at`);