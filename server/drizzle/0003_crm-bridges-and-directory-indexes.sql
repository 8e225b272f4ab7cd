CREATE TABLE `webhook_attempts` (
	`id` text PRIMARY KEY NOT NULL,
	`delivery_id` text NOT NULL,
	`at` text NOT NULL,
	`status_code` integer,
	`error` text,
	`duration_ms` integer NOT NULL,
	FOREIGN KEY (`delivery_id`) REFERENCES `webhook_deliveries`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `webhook_attempts_delivery` ON `webhook_attempts` (`delivery_id`,`at`);--> statement-breakpoint
CREATE TABLE `webhook_deliveries` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`subscription_id` text NOT NULL,
	`event_type` text NOT NULL,
	`payload` text NOT NULL,
	`created_at` text NOT NULL,
	`status` text NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` text,
	`locked_until` text,
	`delivered_at` text,
	FOREIGN KEY (`tenant_id`) REFERENCES `institutions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`subscription_id`) REFERENCES `webhook_subscriptions`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `webhook_deliveries_due` ON `webhook_deliveries` (`status`,`next_attempt_at`);--> statement-breakpoint
CREATE INDEX `webhook_deliveries_subscription` ON `webhook_deliveries` (`subscription_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `webhook_subscriptions` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`entity_id` text NOT NULL,
	`url` text NOT NULL,
	`events` text NOT NULL,
	`secret` text NOT NULL,
	`description` text,
	`enabled` integer NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text NOT NULL,
	`created_by` text,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`tenant_id`) REFERENCES `institutions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`entity_id`) REFERENCES `entities`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `webhook_subscriptions_tenant` ON `webhook_subscriptions` (`tenant_id`);--> statement-breakpoint
DROP INDEX `profiles_tenant_family`;--> statement-breakpoint
DROP INDEX `profiles_tenant_given`;--> statement-breakpoint
DROP INDEX `profiles_tenant_usage`;--> statement-breakpoint
DROP INDEX `profiles_tenant_employer`;--> statement-breakpoint
DROP INDEX `profiles_tenant_year`;--> statement-breakpoint
DROP INDEX `profiles_tenant_entity`;--> statement-breakpoint
CREATE INDEX `profiles_tenant_family` ON `profiles` (`tenant_id`,`family_key`,`family_rank`,`given_key`,`given_rank`,`usage_key`,`usage_rank`,`employer_key`,`employer_rank`,`graduation_year`,`graduation_year_rank`,`education_entity_id`,`education_entity_rank`,`name_rank`,`sort_network`,`sort_public`,`person_id`);--> statement-breakpoint
CREATE INDEX `profiles_tenant_given` ON `profiles` (`tenant_id`,`given_key`,`given_rank`,`family_key`,`family_rank`,`usage_key`,`usage_rank`,`employer_key`,`employer_rank`,`graduation_year`,`graduation_year_rank`,`education_entity_id`,`education_entity_rank`,`name_rank`,`sort_network`,`sort_public`,`person_id`);--> statement-breakpoint
CREATE INDEX `profiles_tenant_usage` ON `profiles` (`tenant_id`,`usage_key`,`usage_rank`,`family_key`,`family_rank`,`given_key`,`given_rank`,`employer_key`,`employer_rank`,`graduation_year`,`graduation_year_rank`,`education_entity_id`,`education_entity_rank`,`name_rank`,`sort_network`,`sort_public`,`person_id`);--> statement-breakpoint
CREATE INDEX `profiles_tenant_employer` ON `profiles` (`tenant_id`,`employer_key`,`employer_rank`,`family_key`,`family_rank`,`given_key`,`given_rank`,`usage_key`,`usage_rank`,`graduation_year`,`graduation_year_rank`,`education_entity_id`,`education_entity_rank`,`name_rank`,`sort_network`,`sort_public`,`person_id`);--> statement-breakpoint
CREATE INDEX `profiles_tenant_year` ON `profiles` (`tenant_id`,`graduation_year`,`graduation_year_rank`,`family_key`,`family_rank`,`given_key`,`given_rank`,`usage_key`,`usage_rank`,`employer_key`,`employer_rank`,`education_entity_id`,`education_entity_rank`,`name_rank`,`sort_network`,`sort_public`,`person_id`);--> statement-breakpoint
CREATE INDEX `profiles_tenant_entity` ON `profiles` (`tenant_id`,`education_entity_id`,`education_entity_rank`,`family_key`,`family_rank`,`given_key`,`given_rank`,`usage_key`,`usage_rank`,`employer_key`,`employer_rank`,`graduation_year`,`graduation_year_rank`,`name_rank`,`sort_network`,`sort_public`,`person_id`);--> statement-breakpoint
ALTER TABLE `companies` ADD `city` text;--> statement-breakpoint
ALTER TABLE `companies` ADD `sector` text;--> statement-breakpoint
ALTER TABLE `people` ADD `external_id` text;--> statement-breakpoint
CREATE UNIQUE INDEX `people_tenant_external_id` ON `people` (`tenant_id`,`external_id`);--> statement-breakpoint
CREATE INDEX `people_tenant_id` ON `people` (`tenant_id`,`id`);