ALTER TABLE `customers` ADD `last_contact_at` integer;--> statement-breakpoint
CREATE INDEX `customers_workspace_contact` ON `customers` (`workspace_id`,`status`,`last_contact_at`);--> statement-breakpoint
CREATE INDEX `customers_owner_contact` ON `customers` (`owner_user_id`,`status`,`last_contact_at`);--> statement-breakpoint
CREATE INDEX `customers_workspace_created` ON `customers` (`workspace_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `deals_workspace_close` ON `deals` (`workspace_id`,`expected_close`);--> statement-breakpoint
CREATE INDEX `deals_workspace_closed_at` ON `deals` (`workspace_id`,`closed_at`);--> statement-breakpoint
CREATE INDEX `interactions_workspace_time` ON `interactions` (`workspace_id`,`occurred_at`,`author_user_id`,`type`,`customer_id`);--> statement-breakpoint
CREATE INDEX `interactions_author_time` ON `interactions` (`author_user_id`,`occurred_at`,`type`,`customer_id`);--> statement-breakpoint
-- Existing customers: last contact is their latest interaction, else their creation.
UPDATE `customers` SET `last_contact_at` = coalesce((SELECT max(`occurred_at`) FROM `interactions` WHERE `interactions`.`customer_id` = `customers`.`id`), `created_at`);
