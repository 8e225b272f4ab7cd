CREATE TABLE `pledge_transfers` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`entity_id` text NOT NULL,
	`status` text NOT NULL,
	`employer_siret` text NOT NULL,
	`uai` text NOT NULL,
	`amount_cents` integer NOT NULL,
	`paid_on` text NOT NULL,
	`line` integer NOT NULL,
	`imported_at` text NOT NULL,
	`imported_by` text,
	`pledge_id` text,
	`matched_at` text,
	`matched_by` text,
	FOREIGN KEY (`tenant_id`) REFERENCES `institutions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`entity_id`) REFERENCES `entities`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`pledge_id`) REFERENCES `pledges`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `pledge_transfers_tenant_status` ON `pledge_transfers` (`tenant_id`,`status`,`imported_at`,`id`);--> statement-breakpoint
CREATE INDEX `pledge_transfers_tenant_line` ON `pledge_transfers` (`tenant_id`,`employer_siret`,`uai`,`paid_on`);