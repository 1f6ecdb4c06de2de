CREATE TABLE "remote_attendance" (
	"session_id" text NOT NULL,
	"key" text NOT NULL,
	"attendee_id" text,
	"match" text NOT NULL,
	"names" jsonb NOT NULL,
	"email" text DEFAULT '' NOT NULL,
	"role" text NOT NULL,
	"guest" boolean,
	"minutes" integer NOT NULL,
	"first_join" bigint,
	"last_leave" bigint,
	"rows" integer NOT NULL,
	CONSTRAINT "remote_attendance_session_id_key_pk" PRIMARY KEY("session_id","key")
);
--> statement-breakpoint
CREATE TABLE "zoom_reports" (
	"session_id" text PRIMARY KEY NOT NULL,
	"file_name" text DEFAULT '' NOT NULL,
	"kind" text NOT NULL,
	"meeting" jsonb,
	"time_zone" text NOT NULL,
	"rows" integer NOT NULL,
	"warnings" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"imported_at" bigint NOT NULL
);
--> statement-breakpoint
ALTER TABLE "attendees" ADD COLUMN "email" text;--> statement-breakpoint
CREATE INDEX "remote_attendance_attendee_idx" ON "remote_attendance" USING btree ("attendee_id");