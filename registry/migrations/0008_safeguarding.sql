ALTER TABLE "attendees" ADD COLUMN "protected" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "attendees" ADD COLUMN "chosen_name" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "attendees" ADD COLUMN "no_photo" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "attendees" ADD COLUMN "no_photo_hlc" text;