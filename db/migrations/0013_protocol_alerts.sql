ALTER TABLE `attendees` ADD `protocol` text;--> statement-breakpoint
ALTER TABLE `attendees` ADD `protocol_ack` text;