CREATE TABLE `receipt_counters` (
	`tenant_id` text NOT NULL,
	`year` integer NOT NULL,
	`last` integer NOT NULL,
	PRIMARY KEY(`tenant_id`, `year`),
	FOREIGN KEY (`tenant_id`) REFERENCES `institutions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `receipts` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`pledge_id` text NOT NULL,
	`entity_id` text NOT NULL,
	`year` integer NOT NULL,
	`sequence` integer NOT NULL,
	`number` text NOT NULL,
	`model` text NOT NULL,
	`yearly` integer NOT NULL,
	`status` text NOT NULL,
	`donor_kind` text NOT NULL,
	`donor_name` text NOT NULL,
	`amount_cents` integer NOT NULL,
	`gift_date` text NOT NULL,
	`payment_method` text NOT NULL,
	`mentions` text NOT NULL,
	`issued_at` text NOT NULL,
	`cancelled_at` text,
	`cancel_reason` text,
	`replaced_by_id` text,
	`replaces_id` text,
	FOREIGN KEY (`tenant_id`) REFERENCES `institutions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`pledge_id`) REFERENCES `pledges`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`entity_id`) REFERENCES `entities`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `receipts_tenant_year_sequence` ON `receipts` (`tenant_id`,`year`,`sequence`);--> statement-breakpoint
CREATE INDEX `receipts_tenant_pledge` ON `receipts` (`tenant_id`,`pledge_id`);--> statement-breakpoint
CREATE INDEX `receipts_tenant_entity` ON `receipts` (`tenant_id`,`entity_id`);