DROP INDEX `audit_subject`;--> statement-breakpoint
CREATE INDEX `audit_tenant_subject_at` ON `audit_log` (`tenant_id`,`subject_id`,`at`);--> statement-breakpoint
CREATE INDEX `audit_tenant_actor_at` ON `audit_log` (`tenant_id`,`actor_id`,`at`);--> statement-breakpoint
CREATE INDEX `audit_tenant_action_at` ON `audit_log` (`tenant_id`,`action`,`at`);