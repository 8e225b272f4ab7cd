-- Every row carries its tenant (README, "Scaling out": sharding by institution):
-- webhook attempts take their delivery's. SQLite cannot add a NOT NULL
-- column without a default, so the table is rebuilt, its rows copied with
-- their delivery's tenant.
CREATE TABLE `__new_webhook_attempts` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`delivery_id` text NOT NULL,
	`at` text NOT NULL,
	`status_code` integer,
	`error` text,
	`duration_ms` integer NOT NULL,
	FOREIGN KEY (`tenant_id`) REFERENCES `institutions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`delivery_id`) REFERENCES `webhook_deliveries`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
INSERT INTO `__new_webhook_attempts` (`id`, `tenant_id`, `delivery_id`, `at`, `status_code`, `error`, `duration_ms`)
  SELECT a.`id`, d.`tenant_id`, a.`delivery_id`, a.`at`, a.`status_code`, a.`error`, a.`duration_ms`
  FROM `webhook_attempts` a JOIN `webhook_deliveries` d ON d.`id` = a.`delivery_id`;
--> statement-breakpoint
DROP TABLE `webhook_attempts`;
--> statement-breakpoint
ALTER TABLE `__new_webhook_attempts` RENAME TO `webhook_attempts`;
--> statement-breakpoint
CREATE INDEX `webhook_attempts_delivery` ON `webhook_attempts` (`delivery_id`,`at`);
