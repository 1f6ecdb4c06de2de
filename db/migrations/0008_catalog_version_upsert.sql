-- 0007's triggers wrote the token with INSERT OR REPLACE. Inside a trigger fired by an upsert
-- (INSERT … ON CONFLICT DO UPDATE: how sync applies a room or session it already has), SQLite
-- applies the outer statement's conflict handling instead, so the REPLACE failed with "UNIQUE
-- constraint failed: settings.key" and the whole downloaded page was rolled back: a station could
-- never receive a changed room or session again. The token is now set by statements that cannot
-- conflict: update the row, and insert it only where it is missing.
DROP TRIGGER IF EXISTS `catalog_version_rooms_insert`;
--> statement-breakpoint
CREATE TRIGGER `catalog_version_rooms_insert` AFTER INSERT ON `rooms` BEGIN
  UPDATE `settings` SET `value` = '"' || lower(hex(randomblob(8))) || '"' WHERE `key` = 'catalog.version';
  INSERT INTO `settings` (`key`, `value`) SELECT 'catalog.version', '"' || lower(hex(randomblob(8))) || '"'
    WHERE NOT EXISTS (SELECT 1 FROM `settings` WHERE `key` = 'catalog.version');
END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `catalog_version_rooms_update`;
--> statement-breakpoint
CREATE TRIGGER `catalog_version_rooms_update` AFTER UPDATE ON `rooms` BEGIN
  UPDATE `settings` SET `value` = '"' || lower(hex(randomblob(8))) || '"' WHERE `key` = 'catalog.version';
  INSERT INTO `settings` (`key`, `value`) SELECT 'catalog.version', '"' || lower(hex(randomblob(8))) || '"'
    WHERE NOT EXISTS (SELECT 1 FROM `settings` WHERE `key` = 'catalog.version');
END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `catalog_version_rooms_delete`;
--> statement-breakpoint
CREATE TRIGGER `catalog_version_rooms_delete` AFTER DELETE ON `rooms` BEGIN
  UPDATE `settings` SET `value` = '"' || lower(hex(randomblob(8))) || '"' WHERE `key` = 'catalog.version';
  INSERT INTO `settings` (`key`, `value`) SELECT 'catalog.version', '"' || lower(hex(randomblob(8))) || '"'
    WHERE NOT EXISTS (SELECT 1 FROM `settings` WHERE `key` = 'catalog.version');
END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `catalog_version_sessions_insert`;
--> statement-breakpoint
CREATE TRIGGER `catalog_version_sessions_insert` AFTER INSERT ON `sessions` BEGIN
  UPDATE `settings` SET `value` = '"' || lower(hex(randomblob(8))) || '"' WHERE `key` = 'catalog.version';
  INSERT INTO `settings` (`key`, `value`) SELECT 'catalog.version', '"' || lower(hex(randomblob(8))) || '"'
    WHERE NOT EXISTS (SELECT 1 FROM `settings` WHERE `key` = 'catalog.version');
END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `catalog_version_sessions_update`;
--> statement-breakpoint
CREATE TRIGGER `catalog_version_sessions_update` AFTER UPDATE ON `sessions` BEGIN
  UPDATE `settings` SET `value` = '"' || lower(hex(randomblob(8))) || '"' WHERE `key` = 'catalog.version';
  INSERT INTO `settings` (`key`, `value`) SELECT 'catalog.version', '"' || lower(hex(randomblob(8))) || '"'
    WHERE NOT EXISTS (SELECT 1 FROM `settings` WHERE `key` = 'catalog.version');
END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `catalog_version_sessions_delete`;
--> statement-breakpoint
CREATE TRIGGER `catalog_version_sessions_delete` AFTER DELETE ON `sessions` BEGIN
  UPDATE `settings` SET `value` = '"' || lower(hex(randomblob(8))) || '"' WHERE `key` = 'catalog.version';
  INSERT INTO `settings` (`key`, `value`) SELECT 'catalog.version', '"' || lower(hex(randomblob(8))) || '"'
    WHERE NOT EXISTS (SELECT 1 FROM `settings` WHERE `key` = 'catalog.version');
END;
