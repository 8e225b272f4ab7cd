CREATE TABLE `companies` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`name` text NOT NULL,
	`siret` text,
	`siren` text,
	`website` text,
	`status` text NOT NULL,
	`created_by` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`tenant_id`) REFERENCES `institutions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `companies_tenant_siret` ON `companies` (`tenant_id`,`siret`);--> statement-breakpoint
CREATE INDEX `companies_tenant_name` ON `companies` (`tenant_id`,`name`);--> statement-breakpoint
CREATE TABLE `entities` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`parent_id` text,
	`kind` text NOT NULL,
	`name` text NOT NULL,
	`uai` text,
	`siret` text,
	FOREIGN KEY (`tenant_id`) REFERENCES `institutions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `entities_tenant` ON `entities` (`tenant_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `entities_tenant_name` ON `entities` (`tenant_id`,`name`);--> statement-breakpoint
CREATE TABLE `host_keys` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`kid` text NOT NULL,
	`alg` text NOT NULL,
	`key` text NOT NULL,
	`created_at` text NOT NULL,
	`revoked_at` text,
	FOREIGN KEY (`tenant_id`) REFERENCES `institutions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `host_keys_tenant_kid` ON `host_keys` (`tenant_id`,`kid`);--> statement-breakpoint
CREATE TABLE `institutions` (
	`id` text PRIMARY KEY NOT NULL,
	`slug` text NOT NULL,
	`name` text NOT NULL,
	`allowed_origins` text DEFAULT '[]' NOT NULL,
	`settings` text DEFAULT '{}' NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `institutions_slug_unique` ON `institutions` (`slug`);--> statement-breakpoint
CREATE TABLE `memberships` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`person_id` text NOT NULL,
	`role` text NOT NULL,
	`entity_id` text,
	`company_id` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`tenant_id`) REFERENCES `institutions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`entity_id`) REFERENCES `entities`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`company_id`) REFERENCES `companies`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `memberships_person` ON `memberships` (`person_id`);--> statement-breakpoint
CREATE INDEX `memberships_tenant_entity` ON `memberships` (`tenant_id`,`entity_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `memberships_unique` ON `memberships` (`person_id`,`role`,`entity_id`,`company_id`);--> statement-breakpoint
CREATE TABLE `people` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`host_subject` text,
	`email` text,
	`display_name` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`tenant_id`) REFERENCES `institutions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `people_tenant_subject` ON `people` (`tenant_id`,`host_subject`);--> statement-breakpoint
CREATE INDEX `people_tenant_email` ON `people` (`tenant_id`,`email`);--> statement-breakpoint
CREATE TABLE `dev_outbox` (
	`id` text PRIMARY KEY NOT NULL,
	`to` text NOT NULL,
	`subject` text NOT NULL,
	`body` text NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `email_codes` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`email` text NOT NULL,
	`code_hash` text NOT NULL,
	`ip` text NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`created_at` text NOT NULL,
	`expires_at` text NOT NULL,
	`used_at` text,
	FOREIGN KEY (`tenant_id`) REFERENCES `institutions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `email_codes_tenant_email` ON `email_codes` (`tenant_id`,`email`,`created_at`);--> statement-breakpoint
CREATE INDEX `email_codes_ip` ON `email_codes` (`ip`,`created_at`);--> statement-breakpoint
CREATE TABLE `idempotency_keys` (
	`tenant_id` text NOT NULL,
	`person_id` text NOT NULL,
	`key` text NOT NULL,
	`request_hash` text NOT NULL,
	`status` integer NOT NULL,
	`body` text NOT NULL,
	`location` text,
	`created_at` text NOT NULL,
	PRIMARY KEY(`tenant_id`, `person_id`, `key`),
	FOREIGN KEY (`tenant_id`) REFERENCES `institutions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`person_id` text NOT NULL,
	`token_hash` text NOT NULL,
	`method` text NOT NULL,
	`created_at` text NOT NULL,
	`expires_at` text NOT NULL,
	`revoked_at` text,
	FOREIGN KEY (`tenant_id`) REFERENCES `institutions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sessions_token_hash_unique` ON `sessions` (`token_hash`);--> statement-breakpoint
CREATE INDEX `sessions_person` ON `sessions` (`person_id`);--> statement-breakpoint
CREATE TABLE `used_token_ids` (
	`tenant_id` text NOT NULL,
	`jti` text NOT NULL,
	`expires_at` text NOT NULL,
	PRIMARY KEY(`tenant_id`, `jti`),
	FOREIGN KEY (`tenant_id`) REFERENCES `institutions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `audit_log` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`actor_id` text,
	`action` text NOT NULL,
	`object_type` text NOT NULL,
	`object_id` text,
	`entity_ids` text DEFAULT '[]' NOT NULL,
	`subject_id` text,
	`detail` text DEFAULT '{}' NOT NULL,
	`origin` text,
	`at` text NOT NULL,
	FOREIGN KEY (`tenant_id`) REFERENCES `institutions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `audit_tenant_at` ON `audit_log` (`tenant_id`,`at`);--> statement-breakpoint
CREATE INDEX `audit_subject` ON `audit_log` (`subject_id`);--> statement-breakpoint
CREATE TABLE `consent_events` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`person_id` text NOT NULL,
	`seq` integer NOT NULL,
	`purpose_id` text NOT NULL,
	`purpose_version_id` text NOT NULL,
	`channel` text NOT NULL,
	`granted` integer NOT NULL,
	`at` text NOT NULL,
	`origin_page` text,
	`origin_component` text,
	`actor_id` text NOT NULL,
	`actor_reason` text,
	FOREIGN KEY (`tenant_id`) REFERENCES `institutions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`purpose_id`) REFERENCES `purposes`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`purpose_version_id`) REFERENCES `purpose_versions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `consent_events_person_seq` ON `consent_events` (`tenant_id`,`person_id`,`seq`);--> statement-breakpoint
CREATE INDEX `consent_events_purpose` ON `consent_events` (`tenant_id`,`purpose_id`,`person_id`,`seq`);--> statement-breakpoint
CREATE TABLE `erasure_requests` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`person_id` text NOT NULL,
	`status` text NOT NULL,
	`note` text,
	`requested_at` text NOT NULL,
	`processed_at` text,
	`processed_by` text,
	`outcome` text DEFAULT '{}' NOT NULL,
	FOREIGN KEY (`tenant_id`) REFERENCES `institutions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `erasure_requests_tenant_status` ON `erasure_requests` (`tenant_id`,`status`);--> statement-breakpoint
CREATE INDEX `erasure_requests_person` ON `erasure_requests` (`tenant_id`,`person_id`);--> statement-breakpoint
CREATE TABLE `purpose_versions` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`purpose_id` text NOT NULL,
	`hash` text NOT NULL,
	`title` text NOT NULL,
	`description` text NOT NULL,
	`legal_basis` text NOT NULL,
	`channels` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`tenant_id`) REFERENCES `institutions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`purpose_id`) REFERENCES `purposes`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `purpose_versions_purpose_hash` ON `purpose_versions` (`purpose_id`,`hash`);--> statement-breakpoint
CREATE TABLE `purposes` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`key` text NOT NULL,
	`entity_id` text NOT NULL,
	`retention_months` integer NOT NULL,
	`current_version_id` text NOT NULL,
	`revision` integer DEFAULT 1 NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`tenant_id`) REFERENCES `institutions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`entity_id`) REFERENCES `entities`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `purposes_tenant_key` ON `purposes` (`tenant_id`,`key`);--> statement-breakpoint
CREATE TABLE `solicitation_cap_events` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`person_id` text NOT NULL,
	`seq` integer NOT NULL,
	`per_month` integer NOT NULL,
	`at` text NOT NULL,
	`origin_page` text,
	`origin_component` text,
	`actor_id` text NOT NULL,
	FOREIGN KEY (`tenant_id`) REFERENCES `institutions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `solicitation_cap_events_person_seq` ON `solicitation_cap_events` (`tenant_id`,`person_id`,`seq`);--> statement-breakpoint
CREATE TABLE `company_requests` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`person_id` text NOT NULL,
	`company_id` text NOT NULL,
	`kind` text NOT NULL,
	`message` text,
	`status` text NOT NULL,
	`reason` text,
	`decided_by` text,
	`decided_at` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`tenant_id`) REFERENCES `institutions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`company_id`) REFERENCES `companies`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `company_requests_tenant_status` ON `company_requests` (`tenant_id`,`status`,`created_at`);--> statement-breakpoint
CREATE INDEX `company_requests_person` ON `company_requests` (`person_id`);--> statement-breakpoint
CREATE TABLE `offer_targets` (
	`tenant_id` text NOT NULL,
	`offer_id` text NOT NULL,
	`entity_id` text NOT NULL,
	PRIMARY KEY(`offer_id`, `entity_id`),
	FOREIGN KEY (`tenant_id`) REFERENCES `institutions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`offer_id`) REFERENCES `offers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`entity_id`) REFERENCES `entities`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `offer_targets_entity` ON `offer_targets` (`tenant_id`,`entity_id`);--> statement-breakpoint
CREATE TABLE `offers` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`company_id` text NOT NULL,
	`author_id` text NOT NULL,
	`title` text NOT NULL,
	`description` text,
	`kind` text NOT NULL,
	`location` text,
	`remote` text,
	`start_date` text,
	`duration_amount` integer,
	`duration_unit` text,
	`weekly_hours` real,
	`stipend_cents` integer,
	`apply` text,
	`expires_on` text,
	`status` text NOT NULL,
	`moderation_reason` text,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`submitted_at` text,
	`published_at` text,
	FOREIGN KEY (`tenant_id`) REFERENCES `institutions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`company_id`) REFERENCES `companies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`author_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `offers_tenant_status_published` ON `offers` (`tenant_id`,`status`,`published_at`);--> statement-breakpoint
CREATE INDEX `offers_tenant_author` ON `offers` (`tenant_id`,`author_id`,`updated_at`);--> statement-breakpoint
CREATE INDEX `offers_tenant_company` ON `offers` (`tenant_id`,`company_id`);--> statement-breakpoint
CREATE TABLE `profile_duplicate_flags` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`person_id` text NOT NULL,
	`other_person_id` text NOT NULL,
	`reason` text NOT NULL,
	`created_at` text NOT NULL,
	`resolved_at` text,
	FOREIGN KEY (`tenant_id`) REFERENCES `institutions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`other_person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `profile_duplicate_flags_pair` ON `profile_duplicate_flags` (`tenant_id`,`person_id`,`other_person_id`,`reason`);--> statement-breakpoint
CREATE INDEX `profile_duplicate_flags_other` ON `profile_duplicate_flags` (`other_person_id`);--> statement-breakpoint
CREATE TABLE `profiles` (
	`person_id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`given_name` text,
	`family_name` text,
	`usage_name` text,
	`emails` text DEFAULT '[]' NOT NULL,
	`primary_email` text,
	`phone` text,
	`address` text,
	`programme` text,
	`education_entity_id` text,
	`graduation_year` integer,
	`education_locked` integer DEFAULT false NOT NULL,
	`employer` text,
	`job_title` text,
	`sector` text,
	`work_city` text,
	`work_country` text,
	`linkedin_url` text,
	`previous_positions` text DEFAULT '[]' NOT NULL,
	`availability` text DEFAULT '{"mentoring":false,"talks":false,"hiringInterns":false}' NOT NULL,
	`bio` text,
	`preferred_language` text DEFAULT 'fr' NOT NULL,
	`visibility` text NOT NULL,
	`given_key` text,
	`family_key` text,
	`usage_key` text,
	`employer_key` text,
	`given_rank` integer DEFAULT 0 NOT NULL,
	`family_rank` integer DEFAULT 0 NOT NULL,
	`usage_rank` integer DEFAULT 0 NOT NULL,
	`employer_rank` integer DEFAULT 0 NOT NULL,
	`graduation_year_rank` integer DEFAULT 0 NOT NULL,
	`education_entity_rank` integer DEFAULT 0 NOT NULL,
	`name_rank` integer DEFAULT 0 NOT NULL,
	`sort_network` text DEFAULT '' NOT NULL,
	`sort_public` text DEFAULT '' NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`confirmed_at` text,
	`owner_updated_at` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` text,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`tenant_id`) REFERENCES `institutions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`education_entity_id`) REFERENCES `entities`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `profiles_tenant_family` ON `profiles` (`tenant_id`,`family_key`,`family_rank`,`sort_network`,`sort_public`,`person_id`);--> statement-breakpoint
CREATE INDEX `profiles_tenant_given` ON `profiles` (`tenant_id`,`given_key`,`given_rank`,`sort_network`,`sort_public`,`person_id`);--> statement-breakpoint
CREATE INDEX `profiles_tenant_usage` ON `profiles` (`tenant_id`,`usage_key`,`usage_rank`,`sort_network`,`sort_public`,`person_id`);--> statement-breakpoint
CREATE INDEX `profiles_tenant_employer` ON `profiles` (`tenant_id`,`employer_key`,`employer_rank`,`name_rank`,`sort_network`,`sort_public`,`person_id`);--> statement-breakpoint
CREATE INDEX `profiles_tenant_year` ON `profiles` (`tenant_id`,`graduation_year`,`graduation_year_rank`,`name_rank`,`sort_network`,`sort_public`,`person_id`);--> statement-breakpoint
CREATE INDEX `profiles_tenant_entity` ON `profiles` (`tenant_id`,`education_entity_id`,`education_entity_rank`,`name_rank`,`sort_network`,`sort_public`,`person_id`);--> statement-breakpoint
CREATE INDEX `profiles_tenant_email` ON `profiles` (`tenant_id`,`primary_email`);--> statement-breakpoint
CREATE INDEX `profiles_tenant_sort_network` ON `profiles` (`tenant_id`,`sort_network`,`person_id`,`name_rank`);--> statement-breakpoint
CREATE INDEX `profiles_tenant_sort_public` ON `profiles` (`tenant_id`,`sort_public`,`person_id`,`name_rank`);--> statement-breakpoint
CREATE TABLE `pledges` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`kind` text NOT NULL,
	`status` text NOT NULL,
	`author_id` text NOT NULL,
	`company_id` text,
	`entity_id` text NOT NULL,
	`designation` text,
	`fund` text,
	`frequency` text,
	`amount_cents` integer,
	`sort_amount_cents` integer NOT NULL,
	`received_cents` integer,
	`received_on` text,
	`donor_kind` text,
	`donor_name` text,
	`donor_siret` text,
	`donor_address` text,
	`public_thanks` integer,
	`tax_estimate` text,
	`employer_siret` text,
	`uai` text,
	`programme` text,
	`share_basis_points` integer,
	`campaign_year` integer,
	`contact` text,
	`via_accountant` integer,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`tenant_id`) REFERENCES `institutions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`author_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`company_id`) REFERENCES `companies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`entity_id`) REFERENCES `entities`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `pledges_tenant_created` ON `pledges` (`tenant_id`,`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `pledges_tenant_amount` ON `pledges` (`tenant_id`,`sort_amount_cents`,`id`);--> statement-breakpoint
CREATE INDEX `pledges_tenant_entity` ON `pledges` (`tenant_id`,`entity_id`);--> statement-breakpoint
CREATE INDEX `pledges_tenant_siret_uai` ON `pledges` (`tenant_id`,`employer_siret`,`uai`);--> statement-breakpoint
CREATE INDEX `pledges_author` ON `pledges` (`author_id`);--> statement-breakpoint
CREATE INDEX `pledges_company` ON `pledges` (`company_id`);