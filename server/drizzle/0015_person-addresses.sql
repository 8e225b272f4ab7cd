CREATE TABLE `person_addresses` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`person_id` text NOT NULL,
	`email` text NOT NULL,
	`verified_at` text NOT NULL,
	FOREIGN KEY (`tenant_id`) REFERENCES `institutions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `person_addresses_tenant_email` ON `person_addresses` (`tenant_id`,`email`);--> statement-breakpoint
CREATE INDEX `person_addresses_person` ON `person_addresses` (`tenant_id`,`person_id`);