ALTER TABLE "mailing_recipients" ADD COLUMN "attempts" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "mailing_recipients" ADD COLUMN "retry_at" timestamp with time zone;