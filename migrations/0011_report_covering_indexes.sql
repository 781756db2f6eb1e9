DROP INDEX `customers_workspace_contact`;--> statement-breakpoint
DROP INDEX `customers_owner_contact`;--> statement-breakpoint
CREATE INDEX `customers_workspace_contact` ON `customers` (`workspace_id`,`status`,`last_contact_at`,`owner_user_id`);--> statement-breakpoint
CREATE INDEX `customers_owner_contact` ON `customers` (`workspace_id`,`owner_user_id`,`status`,`last_contact_at`);--> statement-breakpoint
DROP INDEX `deal_stage_history_deal`;--> statement-breakpoint
CREATE INDEX `deal_stage_history_deal` ON `deal_stage_history` (`deal_id`,`changed_at`);--> statement-breakpoint
DROP INDEX `deals_workspace_stage`;--> statement-breakpoint
DROP INDEX `deals_workspace_closed_at`;--> statement-breakpoint
ALTER TABLE `deals` ADD `stage_changed_at` integer;--> statement-breakpoint
CREATE INDEX `deals_workspace_stage` ON `deals` (`workspace_id`,`stage`,`owner_user_id`,`currency`,`closed_at`,`amount_minor`,`probability`,`stage_changed_at`,`id`);--> statement-breakpoint
CREATE INDEX `deals_workspace_closed_at` ON `deals` (`workspace_id`,`closed_at`,`stage`,`owner_user_id`,`currency`,`amount_minor`,`probability`,`stage_changed_at`,`id`);--> statement-breakpoint
DROP INDEX `interactions_author_time`;--> statement-breakpoint
CREATE INDEX `interactions_author_time` ON `interactions` (`author_user_id`,`occurred_at`,`type`,`customer_id`,`workspace_id`);--> statement-breakpoint
-- Existing deals: the stage last changed at their latest stage history row (none: null, never moved).
UPDATE `deals` SET `stage_changed_at` = (SELECT max(`changed_at`) FROM `deal_stage_history` WHERE `deal_stage_history`.`deal_id` = `deals`.`id`);
