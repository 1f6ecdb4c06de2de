-- Several Zoom reports per session (docs/hybrid-attendance.md): one row per report key. A report
-- imported before this keeps key '' and no participants: import it again to merge it.
ALTER TABLE "zoom_reports" ADD COLUMN "report_key" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "zoom_reports" ADD COLUMN "participants" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "zoom_reports" DROP CONSTRAINT "zoom_reports_pkey";--> statement-breakpoint
ALTER TABLE "zoom_reports" ADD CONSTRAINT "zoom_reports_session_id_report_key_pk" PRIMARY KEY("session_id","report_key");
