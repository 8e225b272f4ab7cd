CREATE TABLE `soltea_campaigns` (
	`year` integer PRIMARY KEY NOT NULL,
	`campaign` text NOT NULL,
	`set_at` text NOT NULL,
	`set_by_tenant_id` text,
	`set_by` text
);
