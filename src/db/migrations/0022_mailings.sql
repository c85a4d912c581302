CREATE TABLE "mail_bounces" (
	"id" serial PRIMARY KEY NOT NULL,
	"address" text NOT NULL,
	"hard_bounces" integer DEFAULT 0 NOT NULL,
	"soft_bounces" integer DEFAULT 0 NOT NULL,
	"last_status" text,
	"last_bounce_at" timestamp with time zone NOT NULL,
	"undeliverable_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "mailing_recipients" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"mailing_id" integer NOT NULL,
	"address" text NOT NULL,
	"lang" text NOT NULL,
	"subscription_id" bigint,
	"state" text DEFAULT 'queued' NOT NULL,
	"sent_at" timestamp with time zone,
	"attempted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "mailings" (
	"id" serial PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"programme_id" integer NOT NULL,
	"cohort_id" integer,
	"audience" jsonb NOT NULL,
	"sender_person_id" integer,
	"sender_name" text NOT NULL,
	"reply_to" text NOT NULL,
	"subject_nb" text NOT NULL,
	"subject_nn" text NOT NULL,
	"body_nb" text NOT NULL,
	"body_nn" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"send_at" timestamp with time zone,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"recipient_count" integer,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "mailing_recipients" ADD CONSTRAINT "mailing_recipients_mailing_id_mailings_id_fk" FOREIGN KEY ("mailing_id") REFERENCES "public"."mailings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "mail_bounces_address_uq" ON "mail_bounces" USING btree (lower("address"));--> statement-breakpoint
CREATE UNIQUE INDEX "mailing_recipients_address_uq" ON "mailing_recipients" USING btree ("mailing_id",lower("address"));--> statement-breakpoint
CREATE INDEX "mailing_recipients_state_idx" ON "mailing_recipients" USING btree ("mailing_id","state");--> statement-breakpoint
CREATE INDEX "mailings_programme_idx" ON "mailings" USING btree ("programme_id","kind","status");--> statement-breakpoint
CREATE INDEX "mailings_cohort_idx" ON "mailings" USING btree ("cohort_id");