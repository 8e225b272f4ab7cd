CREATE TABLE `solicitations` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`person_id` text NOT NULL,
	`purpose_id` text NOT NULL,
	`channel` text NOT NULL,
	`entity_id` text NOT NULL,
	`campaign` text NOT NULL,
	`sent_at` text NOT NULL,
	`recorded_by` text NOT NULL,
	FOREIGN KEY (`tenant_id`) REFERENCES `institutions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`purpose_id`) REFERENCES `purposes`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`entity_id`) REFERENCES `entities`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `solicitations_person_sent` ON `solicitations` (`tenant_id`,`person_id`,`sent_at`);