CREATE TABLE `admissions` (
	`attendee_id` text NOT NULL,
	`day` text NOT NULL,
	`event_id` text NOT NULL,
	`hlc` text NOT NULL,
	`station_id` text NOT NULL,
	`wall_time` integer NOT NULL,
	`admit_count` integer NOT NULL,
	`conflict` integer DEFAULT false NOT NULL,
	PRIMARY KEY(`attendee_id`, `day`)
);
--> statement-breakpoint
CREATE INDEX `admissions_day_idx` ON `admissions` (`day`,`hlc`);--> statement-breakpoint
CREATE TABLE `attendees` (
	`id` text PRIMARY KEY NOT NULL,
	`given_name` text NOT NULL,
	`family_name` text NOT NULL,
	`organisation` text DEFAULT '' NOT NULL,
	`delegation` text DEFAULT '' NOT NULL,
	`country` text DEFAULT '' NOT NULL,
	`category` text NOT NULL,
	`valid_days` text,
	`status` text DEFAULT 'active' NOT NULL,
	`badge_version` integer DEFAULT 1 NOT NULL,
	`notes` text DEFAULT '' NOT NULL,
	`source` text DEFAULT 'registry' NOT NULL,
	`search_text` text DEFAULT '' NOT NULL,
	`updated_at` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE INDEX `attendees_family_idx` ON `attendees` (`family_name`);--> statement-breakpoint
CREATE TABLE `badge_codes` (
	`code` text PRIMARY KEY NOT NULL,
	`attendee_id` text NOT NULL,
	`badge_version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`attendee_id`) REFERENCES `attendees`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `badge_codes_attendee_idx` ON `badge_codes` (`attendee_id`);--> statement-breakpoint
CREATE TABLE `event` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`venue` text NOT NULL,
	`time_zone` text NOT NULL,
	`days` text NOT NULL,
	`description` text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE `events` (
	`id` text PRIMARY KEY NOT NULL,
	`station_id` text NOT NULL,
	`seq` integer NOT NULL,
	`hlc` text NOT NULL,
	`wall_time` integer NOT NULL,
	`kind` text NOT NULL,
	`attendee_id` text,
	`room_id` text,
	`session_id` text,
	`verdict` text,
	`reason` text,
	`operator` text,
	`payload` text NOT NULL,
	`day` text NOT NULL,
	`pushed_at` integer,
	`received_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `events_station_seq_uq` ON `events` (`station_id`,`seq`);--> statement-breakpoint
CREATE INDEX `events_hlc_idx` ON `events` (`hlc`);--> statement-breakpoint
CREATE INDEX `events_attendee_idx` ON `events` (`attendee_id`,`day`);--> statement-breakpoint
CREATE INDEX `events_room_idx` ON `events` (`room_id`,`hlc`);--> statement-breakpoint
CREATE INDEX `events_outbox_idx` ON `events` (`station_id`,`pushed_at`);--> statement-breakpoint
CREATE TABLE `revocations` (
	`attendee_id` text NOT NULL,
	`badge_version` integer NOT NULL,
	`revoked_at` integer NOT NULL,
	`reason` text DEFAULT 'reprint' NOT NULL,
	PRIMARY KEY(`attendee_id`, `badge_version`)
);
--> statement-breakpoint
CREATE TABLE `rooms` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`capacity` integer NOT NULL,
	`warn_pct` integer DEFAULT 80 NOT NULL,
	`critical_pct` integer DEFAULT 95 NOT NULL,
	`full_policy` text DEFAULT 'refuse' NOT NULL,
	`allowed_categories` text,
	`floor` text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE `sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`room_id` text NOT NULL,
	`title` text NOT NULL,
	`starts_at` integer NOT NULL,
	`ends_at` integer NOT NULL,
	`allowed_categories` text,
	FOREIGN KEY (`room_id`) REFERENCES `rooms`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `sessions_room_idx` ON `sessions` (`room_id`,`starts_at`);--> statement-breakpoint
CREATE TABLE `settings` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `signing_keys` (
	`key_id` integer PRIMARY KEY NOT NULL,
	`public_key` text NOT NULL,
	`private_key` text,
	`created_at` integer NOT NULL,
	`active` integer DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE TABLE `stations` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`role` text DEFAULT 'desk' NOT NULL,
	`room_id` text,
	`door_mode` text,
	`allowed_categories` text
);
--> statement-breakpoint
CREATE TABLE `undone` (
	`event_id` text PRIMARY KEY NOT NULL,
	`undo_event_id` text NOT NULL
);
