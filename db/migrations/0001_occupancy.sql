CREATE TABLE `occupancy_effects` (
	`event_id` text PRIMARY KEY NOT NULL,
	`attendee_id` text,
	`room_id` text NOT NULL,
	`day` text NOT NULL,
	`key` text NOT NULL,
	`effect` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `occupancy_effects_person_idx` ON `occupancy_effects` (`attendee_id`,`day`);--> statement-breakpoint
CREATE INDEX `occupancy_effects_room_idx` ON `occupancy_effects` (`room_id`,`day`,`key`);--> statement-breakpoint
CREATE TABLE `occupancy_marks` (
	`event_id` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`room_id` text NOT NULL,
	`day` text NOT NULL,
	`key` text NOT NULL,
	`at` integer NOT NULL,
	`delta` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE INDEX `occupancy_marks_room_idx` ON `occupancy_marks` (`room_id`,`day`,`key`);--> statement-breakpoint
CREATE INDEX `occupancy_marks_day_idx` ON `occupancy_marks` (`day`,`kind`);--> statement-breakpoint
CREATE TABLE `occupancy_rooms` (
	`room_id` text NOT NULL,
	`day` text NOT NULL,
	`inside` integer DEFAULT 0 NOT NULL,
	`tally` integer DEFAULT 0 NOT NULL,
	`arrivals` integer DEFAULT 0 NOT NULL,
	`uniq` integer DEFAULT 0 NOT NULL,
	`flagged` integer DEFAULT 0 NOT NULL,
	`duplicates` integer DEFAULT 0 NOT NULL,
	`refused` integer DEFAULT 0 NOT NULL,
	`last_at` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`room_id`, `day`)
);
--> statement-breakpoint
CREATE TABLE `occupancy_stays` (
	`id` text PRIMARY KEY NOT NULL,
	`attendee_id` text NOT NULL,
	`day` text NOT NULL,
	`room_id` text NOT NULL,
	`in_key` text NOT NULL,
	`in_at` integer NOT NULL,
	`out_event_id` text,
	`out_key` text,
	`out_at` integer,
	`out_by` text
);
--> statement-breakpoint
CREATE INDEX `occupancy_stays_person_idx` ON `occupancy_stays` (`attendee_id`,`day`);--> statement-breakpoint
CREATE INDEX `occupancy_stays_room_idx` ON `occupancy_stays` (`room_id`,`day`,`in_at`);--> statement-breakpoint
CREATE TABLE `session_access` (
	`session_id` text NOT NULL,
	`attendee_id` text NOT NULL,
	PRIMARY KEY(`session_id`, `attendee_id`)
);
