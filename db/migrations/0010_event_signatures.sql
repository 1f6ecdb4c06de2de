ALTER TABLE `events` ADD `sig` text;--> statement-breakpoint
ALTER TABLE `signing_keys` ADD `station_id` text;