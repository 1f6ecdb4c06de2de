CREATE TABLE "attendee_photos" (
	"attendee_id" text PRIMARY KEY NOT NULL,
	"jpeg" "bytea",
	"updated_at" bigint NOT NULL,
	"seq" bigint DEFAULT nextval('change_seq') NOT NULL
);
--> statement-breakpoint
ALTER TABLE "attendees" ADD COLUMN "photo_ref" text;--> statement-breakpoint
ALTER TABLE "event" ADD COLUMN "retention_date" text;--> statement-breakpoint
CREATE INDEX "attendee_photos_seq_idx" ON "attendee_photos" USING btree ("seq");