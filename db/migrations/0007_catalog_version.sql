-- Rooms and sessions change rarely (an import, a sync, a setting) but every door scan reads them.
-- db/occupancy/read.ts keeps them parsed in memory and re-reads them only when this token has
-- changed. Any write to the two tables, by any code (sync, import, a test's raw SQL), sets a new
-- random token in the same transaction: a rolled-back change takes its token with it, and a later
-- change never reuses an old one.
CREATE TRIGGER `catalog_version_rooms_insert` AFTER INSERT ON `rooms` BEGIN
  INSERT OR REPLACE INTO `settings` (`key`, `value`) VALUES ('catalog.version', '"' || lower(hex(randomblob(8))) || '"');
END;
--> statement-breakpoint
CREATE TRIGGER `catalog_version_rooms_update` AFTER UPDATE ON `rooms` BEGIN
  INSERT OR REPLACE INTO `settings` (`key`, `value`) VALUES ('catalog.version', '"' || lower(hex(randomblob(8))) || '"');
END;
--> statement-breakpoint
CREATE TRIGGER `catalog_version_rooms_delete` AFTER DELETE ON `rooms` BEGIN
  INSERT OR REPLACE INTO `settings` (`key`, `value`) VALUES ('catalog.version', '"' || lower(hex(randomblob(8))) || '"');
END;
--> statement-breakpoint
CREATE TRIGGER `catalog_version_sessions_insert` AFTER INSERT ON `sessions` BEGIN
  INSERT OR REPLACE INTO `settings` (`key`, `value`) VALUES ('catalog.version', '"' || lower(hex(randomblob(8))) || '"');
END;
--> statement-breakpoint
CREATE TRIGGER `catalog_version_sessions_update` AFTER UPDATE ON `sessions` BEGIN
  INSERT OR REPLACE INTO `settings` (`key`, `value`) VALUES ('catalog.version', '"' || lower(hex(randomblob(8))) || '"');
END;
--> statement-breakpoint
CREATE TRIGGER `catalog_version_sessions_delete` AFTER DELETE ON `sessions` BEGIN
  INSERT OR REPLACE INTO `settings` (`key`, `value`) VALUES ('catalog.version', '"' || lower(hex(randomblob(8))) || '"');
END;
