ALTER TABLE `attendees` ADD `protected` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `attendees` ADD `chosen_name` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `attendees` ADD `no_photo` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `attendees` ADD `no_photo_hlc` text;