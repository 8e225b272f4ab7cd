CREATE TABLE `mail_opt_outs` (
	`tenant_id` text NOT NULL,
	`person_id` text NOT NULL,
	`kind` text NOT NULL,
	`at` text NOT NULL,
	FOREIGN KEY (`tenant_id`) REFERENCES `institutions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `mail_opt_outs_person_kind` ON `mail_opt_outs` (`tenant_id`,`person_id`,`kind`);--> statement-breakpoint
CREATE TABLE `mail_outbox` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`person_id` text NOT NULL,
	`address` text,
	`language` text NOT NULL,
	`kind` text NOT NULL,
	`params` text NOT NULL,
	`transactional` integer NOT NULL,
	`dedupe_key` text,
	`status` text NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` text,
	`claimed_by` text,
	`claimed_until` text,
	`last_error` text,
	`unsubscribe_hash` text,
	`created_at` text NOT NULL,
	`sent_at` text,
	FOREIGN KEY (`tenant_id`) REFERENCES `institutions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `mail_outbox_due` ON `mail_outbox` (`status`,`next_attempt_at`);--> statement-breakpoint
CREATE INDEX `mail_outbox_person` ON `mail_outbox` (`tenant_id`,`person_id`,`created_at`);--> statement-breakpoint
CREATE UNIQUE INDEX `mail_outbox_dedupe` ON `mail_outbox` (`tenant_id`,`dedupe_key`);--> statement-breakpoint
CREATE UNIQUE INDEX `mail_outbox_unsubscribe` ON `mail_outbox` (`unsubscribe_hash`);