CREATE TABLE "admin_tokens" (
	"id" text PRIMARY KEY NOT NULL,
	"token_hash" text NOT NULL,
	"label" text DEFAULT '' NOT NULL,
	"created_at" bigint NOT NULL,
	"revoked_at" bigint,
	CONSTRAINT "admin_tokens_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
ALTER TABLE "pairing_codes" ADD COLUMN "station_id" text;--> statement-breakpoint
ALTER TABLE "pairing_codes" ADD COLUMN "restore" boolean DEFAULT false NOT NULL;--> statement-breakpoint
CREATE INDEX "attendees_badge_codes_idx" ON "attendees" USING gin ("badge_codes" jsonb_path_ops);