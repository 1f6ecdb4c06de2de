CREATE SEQUENCE "public"."change_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE TABLE "attendees" (
	"id" text PRIMARY KEY NOT NULL,
	"given_name" text NOT NULL,
	"family_name" text NOT NULL,
	"organisation" text DEFAULT '' NOT NULL,
	"delegation" text DEFAULT '' NOT NULL,
	"country" text DEFAULT '' NOT NULL,
	"category" text NOT NULL,
	"valid_days" jsonb,
	"status" text DEFAULT 'active' NOT NULL,
	"badge_version" integer DEFAULT 1 NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"badge_codes" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"source" text DEFAULT 'registry' NOT NULL,
	"updated_at" bigint NOT NULL,
	"seq" bigint DEFAULT nextval('change_seq') NOT NULL
);
--> statement-breakpoint
CREATE TABLE "event" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"venue" text NOT NULL,
	"time_zone" text NOT NULL,
	"days" jsonb NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"seq" bigint DEFAULT nextval('change_seq') NOT NULL
);
--> statement-breakpoint
CREATE TABLE "events" (
	"id" text PRIMARY KEY NOT NULL,
	"station_id" text NOT NULL,
	"station_seq" integer NOT NULL,
	"hlc" text NOT NULL,
	"wall_time" bigint NOT NULL,
	"kind" text NOT NULL,
	"attendee_id" text,
	"room_id" text,
	"session_id" text,
	"verdict" text,
	"reason" text,
	"operator" text,
	"payload" jsonb NOT NULL,
	"day" text NOT NULL,
	"received_at" bigint NOT NULL,
	"seq" bigint DEFAULT nextval('change_seq') NOT NULL
);
--> statement-breakpoint
CREATE TABLE "meta" (
	"key" text PRIMARY KEY NOT NULL,
	"value" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pairing_codes" (
	"code_hash" text PRIMARY KEY NOT NULL,
	"name" text,
	"role" text DEFAULT 'desk' NOT NULL,
	"room_id" text,
	"door_mode" text,
	"created_at" bigint NOT NULL,
	"expires_at" bigint NOT NULL,
	"used_at" bigint,
	"used_by" text
);
--> statement-breakpoint
CREATE TABLE "rejections" (
	"station_id" text NOT NULL,
	"station_seq" integer NOT NULL,
	"event_id" text NOT NULL,
	"reason" text NOT NULL,
	"at" bigint NOT NULL,
	CONSTRAINT "rejections_station_id_station_seq_pk" PRIMARY KEY("station_id","station_seq")
);
--> statement-breakpoint
CREATE TABLE "revocations" (
	"attendee_id" text NOT NULL,
	"badge_version" integer NOT NULL,
	"revoked_at" bigint NOT NULL,
	"reason" text DEFAULT 'reprint' NOT NULL,
	"seq" bigint DEFAULT nextval('change_seq') NOT NULL,
	CONSTRAINT "revocations_attendee_id_badge_version_pk" PRIMARY KEY("attendee_id","badge_version")
);
--> statement-breakpoint
CREATE TABLE "rooms" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"capacity" integer NOT NULL,
	"warn_pct" integer DEFAULT 80 NOT NULL,
	"critical_pct" integer DEFAULT 95 NOT NULL,
	"full_policy" text DEFAULT 'refuse' NOT NULL,
	"allowed_categories" jsonb,
	"floor" text DEFAULT '' NOT NULL,
	"seq" bigint DEFAULT nextval('change_seq') NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"id" text PRIMARY KEY NOT NULL,
	"room_id" text NOT NULL,
	"title" text NOT NULL,
	"starts_at" bigint NOT NULL,
	"ends_at" bigint NOT NULL,
	"allowed_categories" jsonb,
	"seq" bigint DEFAULT nextval('change_seq') NOT NULL
);
--> statement-breakpoint
CREATE TABLE "signing_keys" (
	"key_id" integer PRIMARY KEY NOT NULL,
	"public_key" text NOT NULL,
	"private_key" text,
	"created_at" bigint NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"seq" bigint DEFAULT nextval('change_seq') NOT NULL
);
--> statement-breakpoint
CREATE TABLE "stations" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"role" text DEFAULT 'desk' NOT NULL,
	"room_id" text,
	"door_mode" text,
	"allowed_categories" jsonb,
	"token_hash" text,
	"paired_at" bigint,
	"revoked_at" bigint,
	"last_seen_at" bigint,
	"acked_seq" integer DEFAULT 0 NOT NULL,
	"seq" bigint DEFAULT nextval('change_seq') NOT NULL
);
--> statement-breakpoint
CREATE INDEX "attendees_seq_idx" ON "attendees" USING btree ("seq");--> statement-breakpoint
CREATE UNIQUE INDEX "events_station_seq_uq" ON "events" USING btree ("station_id","station_seq");--> statement-breakpoint
CREATE INDEX "events_seq_idx" ON "events" USING btree ("seq");--> statement-breakpoint
CREATE INDEX "events_attendee_idx" ON "events" USING btree ("attendee_id","day");--> statement-breakpoint
CREATE INDEX "revocations_seq_idx" ON "revocations" USING btree ("seq");--> statement-breakpoint
CREATE INDEX "rooms_seq_idx" ON "rooms" USING btree ("seq");--> statement-breakpoint
CREATE INDEX "sessions_seq_idx" ON "sessions" USING btree ("seq");--> statement-breakpoint
CREATE INDEX "signing_keys_seq_idx" ON "signing_keys" USING btree ("seq");--> statement-breakpoint
CREATE UNIQUE INDEX "stations_token_uq" ON "stations" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "stations_seq_idx" ON "stations" USING btree ("seq");