CREATE TABLE `attendee_photos` (
	`attendee_id` text PRIMARY KEY NOT NULL,
	`jpeg` blob NOT NULL
);
--> statement-breakpoint
ALTER TABLE `event` ADD `retention_date` text;