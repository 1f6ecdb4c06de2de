-- Front-desk name search (issue 6): an FTS5 index over each attendee's search keys.
-- attendees.search_text holds "family|given|organisation" keys computed in TypeScript
-- (core/search/keys.ts: any-ascii folding, German ue/ü, native-script tokens); these
-- triggers split it into FTS columns, so every writer that sets search_text keeps the
-- index in step. db/search.ts re-checks the triggers and counts when a station opens.
CREATE VIRTUAL TABLE `attendees_fts` USING fts5(
  attendee_id UNINDEXED,
  family,
  given,
  org,
  tokenize = 'unicode61 remove_diacritics 2',
  prefix = '1 2 3'
);
--> statement-breakpoint
CREATE TRIGGER `attendees_fts_ai` AFTER INSERT ON `attendees` BEGIN
  INSERT INTO attendees_fts (rowid, attendee_id, family, given, org) VALUES (
    new.rowid, new.id,
    substr(new.search_text, 1, instr(new.search_text, '|') - 1),
    substr(substr(new.search_text, instr(new.search_text, '|') + 1), 1, instr(substr(new.search_text, instr(new.search_text, '|') + 1), '|') - 1),
    substr(substr(new.search_text, instr(new.search_text, '|') + 1), instr(substr(new.search_text, instr(new.search_text, '|') + 1), '|') + 1)
  );
END;
--> statement-breakpoint
CREATE TRIGGER `attendees_fts_ad` AFTER DELETE ON `attendees` BEGIN
  DELETE FROM attendees_fts WHERE rowid = old.rowid;
END;
--> statement-breakpoint
CREATE TRIGGER `attendees_fts_au` AFTER UPDATE OF search_text ON `attendees` BEGIN
  DELETE FROM attendees_fts WHERE rowid = old.rowid;
  INSERT INTO attendees_fts (rowid, attendee_id, family, given, org) VALUES (
    new.rowid, new.id,
    substr(new.search_text, 1, instr(new.search_text, '|') - 1),
    substr(substr(new.search_text, instr(new.search_text, '|') + 1), 1, instr(substr(new.search_text, instr(new.search_text, '|') + 1), '|') - 1),
    substr(substr(new.search_text, instr(new.search_text, '|') + 1), instr(substr(new.search_text, instr(new.search_text, '|') + 1), '|') + 1)
  );
END;
--> statement-breakpoint
-- Rows written before this migration carry the old key format: blank them so the
-- station recomputes them in TypeScript on first use (db/search.ts ensureSearchIndex).
UPDATE `attendees` SET `search_text` = '';
