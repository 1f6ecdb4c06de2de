CREATE TABLE `hub_relay` (
	`event_id` text PRIMARY KEY NOT NULL
);
