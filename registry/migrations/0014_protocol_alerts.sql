ALTER TABLE "attendees" ADD COLUMN "protocol" jsonb;--> statement-breakpoint
ALTER TABLE "attendees" ADD COLUMN "protocol_ack" jsonb;