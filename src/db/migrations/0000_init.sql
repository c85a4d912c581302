CREATE TABLE "app_settings" (
	"key" text PRIMARY KEY NOT NULL,
	"value" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dev_outbox" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"to" text NOT NULL,
	"subject" text NOT NULL,
	"text" text NOT NULL,
	"headers" jsonb NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "jobs" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"payload" jsonb NOT NULL,
	"idempotency_key" text,
	"run_at" timestamp with time zone DEFAULT now() NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"max_attempts" integer DEFAULT 8 NOT NULL,
	"locked_until" timestamp with time zone,
	"last_error" text,
	"done_at" timestamp with time zone,
	"failed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rate_limit_windows" (
	"key" text NOT NULL,
	"window_start" bigint NOT NULL,
	"hits" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "rate_limit_windows_key_window_start_pk" PRIMARY KEY("key","window_start")
);
--> statement-breakpoint
CREATE TABLE "contact_messages" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"reference" text NOT NULL,
	"name" text NOT NULL,
	"email" text NOT NULL,
	"municipality_code" text NOT NULL,
	"programme_id" integer,
	"topic" text NOT NULL,
	"message" text NOT NULL,
	"lang" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"handled_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "page_feedback" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"page" text NOT NULL,
	"lang" text NOT NULL,
	"found" boolean NOT NULL,
	"comment" text,
	"comment_masked" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"commented_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "newsletter_subscriptions" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"email" text NOT NULL,
	"programme_id" integer,
	"lang" text NOT NULL,
	"status" text NOT NULL,
	"consent_text_version" text NOT NULL,
	"consented_at" timestamp with time zone NOT NULL,
	"confirmed_at" timestamp with time zone,
	"unsubscribed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "counties" (
	"code" text NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date,
	"name" text NOT NULL,
	CONSTRAINT "counties_code_valid_from_pk" PRIMARY KEY("code","valid_from")
);
--> statement-breakpoint
CREATE TABLE "county_office_coverage" (
	"office_id" text NOT NULL,
	"county_code" text NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date,
	CONSTRAINT "county_office_coverage_office_id_county_code_valid_from_pk" PRIMARY KEY("office_id","county_code","valid_from")
);
--> statement-breakpoint
CREATE TABLE "county_office_names" (
	"office_id" text NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date,
	"name_nb" text NOT NULL,
	"name_nn" text NOT NULL,
	CONSTRAINT "county_office_names_office_id_valid_from_pk" PRIMARY KEY("office_id","valid_from")
);
--> statement-breakpoint
CREATE TABLE "county_offices" (
	"id" text PRIMARY KEY NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date,
	"email" text
);
--> statement-breakpoint
CREATE TABLE "municipalities" (
	"code" text NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date,
	"name" text NOT NULL,
	"county_code" text NOT NULL,
	CONSTRAINT "municipalities_code_valid_from_pk" PRIMARY KEY("code","valid_from")
);
--> statement-breakpoint
CREATE TABLE "municipality_changes" (
	"old_code" text NOT NULL,
	"new_code" text NOT NULL,
	"changed_on" date NOT NULL,
	"old_name" text NOT NULL,
	"new_name" text NOT NULL,
	CONSTRAINT "municipality_changes_old_code_new_code_changed_on_pk" PRIMARY KEY("old_code","new_code","changed_on")
);
--> statement-breakpoint
CREATE TABLE "cohort_municipalities" (
	"cohort_id" integer NOT NULL,
	"municipality_code" text NOT NULL,
	"office_id" text NOT NULL,
	CONSTRAINT "cohort_municipalities_cohort_id_municipality_code_pk" PRIMARY KEY("cohort_id","municipality_code")
);
--> statement-breakpoint
CREATE TABLE "cohort_offices" (
	"cohort_id" integer NOT NULL,
	"office_id" text NOT NULL,
	CONSTRAINT "cohort_offices_cohort_id_office_id_pk" PRIMARY KEY("cohort_id","office_id")
);
--> statement-breakpoint
CREATE TABLE "cohorts" (
	"id" serial PRIMARY KEY NOT NULL,
	"programme_id" integer NOT NULL,
	"number" integer NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"office_invite_deadline" date
);
--> statement-breakpoint
CREATE TABLE "programme_texts" (
	"programme_id" integer NOT NULL,
	"lang" text NOT NULL,
	"title" text NOT NULL,
	"owner_name" text NOT NULL,
	"summary" text NOT NULL,
	"target_group" text NOT NULL,
	"body_markdown" text NOT NULL,
	CONSTRAINT "programme_texts_programme_id_lang_pk" PRIMARY KEY("programme_id","lang")
);
--> statement-breakpoint
CREATE TABLE "programmes" (
	"id" serial PRIMARY KEY NOT NULL,
	"slug" text NOT NULL,
	"owner" text NOT NULL,
	"model" text NOT NULL,
	"started_on" date,
	"duration_min_months" integer NOT NULL,
	"duration_max_months" integer NOT NULL,
	"delivery_mode" text NOT NULL,
	"contact_phone" text,
	"contact_email" text,
	"published_at" timestamp with time zone,
	"sort_order" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "county_office_coverage" ADD CONSTRAINT "county_office_coverage_office_id_county_offices_id_fk" FOREIGN KEY ("office_id") REFERENCES "public"."county_offices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "county_office_names" ADD CONSTRAINT "county_office_names_office_id_county_offices_id_fk" FOREIGN KEY ("office_id") REFERENCES "public"."county_offices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cohort_municipalities" ADD CONSTRAINT "cohort_municipalities_cohort_id_cohorts_id_fk" FOREIGN KEY ("cohort_id") REFERENCES "public"."cohorts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cohort_offices" ADD CONSTRAINT "cohort_offices_cohort_id_cohorts_id_fk" FOREIGN KEY ("cohort_id") REFERENCES "public"."cohorts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cohorts" ADD CONSTRAINT "cohorts_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_texts" ADD CONSTRAINT "programme_texts_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "jobs_idempotency_key_uq" ON "jobs" USING btree ("idempotency_key");--> statement-breakpoint
CREATE INDEX "jobs_due_idx" ON "jobs" USING btree ("run_at") WHERE "jobs"."done_at" is null and "jobs"."failed_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "contact_messages_reference_uq" ON "contact_messages" USING btree ("reference");--> statement-breakpoint
CREATE INDEX "page_feedback_page_idx" ON "page_feedback" USING btree ("page","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "newsletter_active_uq" ON "newsletter_subscriptions" USING btree (lower("email"),coalesce("programme_id", 0)) WHERE "newsletter_subscriptions"."status" <> 'unsubscribed';--> statement-breakpoint
CREATE INDEX "municipalities_county_idx" ON "municipalities" USING btree ("county_code");--> statement-breakpoint
CREATE INDEX "municipality_changes_new_idx" ON "municipality_changes" USING btree ("new_code");--> statement-breakpoint
CREATE UNIQUE INDEX "cohorts_programme_number_uq" ON "cohorts" USING btree ("programme_id","number");--> statement-breakpoint
CREATE UNIQUE INDEX "programmes_slug_uq" ON "programmes" USING btree ("slug");