CREATE TABLE `contact_phones` (
	`workspace_id` text NOT NULL,
	`phone` text NOT NULL,
	`contact_id` text NOT NULL,
	PRIMARY KEY(`workspace_id`, `phone`, `contact_id`)
);
--> statement-breakpoint
CREATE INDEX `contact_phones_contact` ON `contact_phones` (`contact_id`);--> statement-breakpoint
DROP INDEX `contacts_customer`;--> statement-breakpoint
CREATE INDEX `contacts_customer_name` ON `contacts` (`customer_id`,`normalized_name`);--> statement-breakpoint
-- contact_phones follows contacts.phones through triggers, whichever code writes a contact.
CREATE TRIGGER `contact_phones_after_insert` AFTER INSERT ON `contacts` BEGIN
  INSERT OR IGNORE INTO `contact_phones` (`workspace_id`, `phone`, `contact_id`)
    SELECT new.`workspace_id`, `value`, new.`id` FROM json_each(new.`phones`);
END;--> statement-breakpoint
CREATE TRIGGER `contact_phones_after_update` AFTER UPDATE OF `phones`, `workspace_id` ON `contacts` BEGIN
  DELETE FROM `contact_phones` WHERE `contact_id` = old.`id`;
  INSERT OR IGNORE INTO `contact_phones` (`workspace_id`, `phone`, `contact_id`)
    SELECT new.`workspace_id`, `value`, new.`id` FROM json_each(new.`phones`);
END;--> statement-breakpoint
CREATE TRIGGER `contact_phones_after_delete` AFTER DELETE ON `contacts` BEGIN
  DELETE FROM `contact_phones` WHERE `contact_id` = old.`id`;
END;--> statement-breakpoint
-- Existing contacts' numbers.
INSERT OR IGNORE INTO `contact_phones` (`workspace_id`, `phone`, `contact_id`)
  SELECT `contacts`.`workspace_id`, `value`, `contacts`.`id` FROM `contacts`, json_each(`contacts`.`phones`);
