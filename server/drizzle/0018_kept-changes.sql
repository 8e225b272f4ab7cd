-- What the server keeps in memory until it changes (src/db/until-change.ts): the
-- tenants' origins and settings, their entities, people's memberships, the SOLTeA
-- calendar. A counter moved by every write to those tables, whoever makes it (this
-- process, the CLI, a cascade from people), so that a write anywhere else (a pledge,
-- a profile) no longer empties that memory. PostgreSQL's counterpart notifies the
-- instances (drizzle-pg/0006_cache-notify.sql).
CREATE TABLE `kept_changes` (
	`id` integer PRIMARY KEY NOT NULL CHECK (`id` = 1),
	`n` integer NOT NULL
);
--> statement-breakpoint
INSERT INTO `kept_changes` (`id`, `n`) VALUES (1, 0);
--> statement-breakpoint
CREATE TRIGGER `institutions_kept_insert` AFTER INSERT ON `institutions` BEGIN
	UPDATE `kept_changes` SET `n` = `n` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `institutions_kept_update` AFTER UPDATE ON `institutions` BEGIN
	UPDATE `kept_changes` SET `n` = `n` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `institutions_kept_delete` AFTER DELETE ON `institutions` BEGIN
	UPDATE `kept_changes` SET `n` = `n` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `entities_kept_insert` AFTER INSERT ON `entities` BEGIN
	UPDATE `kept_changes` SET `n` = `n` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `entities_kept_update` AFTER UPDATE ON `entities` BEGIN
	UPDATE `kept_changes` SET `n` = `n` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `entities_kept_delete` AFTER DELETE ON `entities` BEGIN
	UPDATE `kept_changes` SET `n` = `n` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `memberships_kept_insert` AFTER INSERT ON `memberships` BEGIN
	UPDATE `kept_changes` SET `n` = `n` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `memberships_kept_update` AFTER UPDATE ON `memberships` BEGIN
	UPDATE `kept_changes` SET `n` = `n` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `memberships_kept_delete` AFTER DELETE ON `memberships` BEGIN
	UPDATE `kept_changes` SET `n` = `n` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `soltea_campaigns_kept_insert` AFTER INSERT ON `soltea_campaigns` BEGIN
	UPDATE `kept_changes` SET `n` = `n` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `soltea_campaigns_kept_update` AFTER UPDATE ON `soltea_campaigns` BEGIN
	UPDATE `kept_changes` SET `n` = `n` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `soltea_campaigns_kept_delete` AFTER DELETE ON `soltea_campaigns` BEGIN
	UPDATE `kept_changes` SET `n` = `n` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `people_kept_insert` AFTER INSERT ON `people` BEGIN
	UPDATE `kept_changes` SET `n` = `n` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `people_kept_update` AFTER UPDATE ON `people` BEGIN
	UPDATE `kept_changes` SET `n` = `n` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `people_kept_delete` AFTER DELETE ON `people` BEGIN
	UPDATE `kept_changes` SET `n` = `n` + 1;
END;
