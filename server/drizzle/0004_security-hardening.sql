CREATE TABLE `sign_in_failures` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`email` text NOT NULL,
	`ip` text NOT NULL,
	`at` text NOT NULL,
	FOREIGN KEY (`tenant_id`) REFERENCES `institutions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `sign_in_failures_email` ON `sign_in_failures` (`tenant_id`,`email`,`at`);--> statement-breakpoint
CREATE INDEX `sign_in_failures_ip` ON `sign_in_failures` (`ip`,`at`);--> statement-breakpoint
ALTER TABLE `email_codes` ADD `kind` text DEFAULT 'short' NOT NULL;--> statement-breakpoint
ALTER TABLE `consent_events` ADD `origin` text;--> statement-breakpoint
ALTER TABLE `solicitation_cap_events` ADD `origin` text;--> statement-breakpoint
ALTER TABLE `webhook_subscriptions` ADD `previous_secret` text;--> statement-breakpoint
ALTER TABLE `webhook_subscriptions` ADD `previous_secret_until` text;