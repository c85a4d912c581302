CREATE TABLE "application_answers" (
	"application_id" integer NOT NULL,
	"question_id" text NOT NULL,
	"value" jsonb NOT NULL,
	"saved_at_version" integer NOT NULL,
	"saved_at" timestamp with time zone NOT NULL,
	"saved_by" integer,
	CONSTRAINT "application_answers_application_id_question_id_pk" PRIMARY KEY("application_id","question_id")
);
--> statement-breakpoint
CREATE TABLE "application_files" (
	"id" text PRIMARY KEY NOT NULL,
	"application_id" integer NOT NULL,
	"name" text NOT NULL,
	"type" text NOT NULL,
	"bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"uploaded_at" timestamp with time zone NOT NULL,
	"uploaded_by" integer
);
--> statement-breakpoint
CREATE TABLE "application_forms" (
	"id" serial PRIMARY KEY NOT NULL,
	"programme_id" integer NOT NULL,
	"version" integer NOT NULL,
	"definition" jsonb NOT NULL,
	"published_at" timestamp with time zone,
	"saved_at" timestamp with time zone NOT NULL,
	"saved_by" integer
);
--> statement-breakpoint
CREATE TABLE "application_rounds" (
	"id" serial PRIMARY KEY NOT NULL,
	"cohort_id" integer NOT NULL,
	"programme_id" integer NOT NULL,
	"form_id" integer NOT NULL,
	"opens_at" timestamp with time zone NOT NULL,
	"deadline" timestamp with time zone NOT NULL,
	"closed_at" timestamp with time zone,
	"criteria" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" integer
);
--> statement-breakpoint
CREATE TABLE "application_submissions" (
	"application_id" integer PRIMARY KEY NOT NULL,
	"form_id" integer NOT NULL,
	"answers" jsonb NOT NULL,
	"content_hash" text NOT NULL,
	"submitted_at" timestamp with time zone NOT NULL,
	"submitted_by" integer
);
--> statement-breakpoint
CREATE TABLE "applications" (
	"id" serial PRIMARY KEY NOT NULL,
	"round_id" integer NOT NULL,
	"municipality_code" text NOT NULL,
	"form_id" integer NOT NULL,
	"state" text DEFAULT 'draft' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"started_by" integer,
	"submitted_at" timestamp with time zone,
	"submitted_by" integer,
	"content_hash" text,
	"written_standard" text,
	"reopened_until" timestamp with time zone,
	"withdrawn_at" timestamp with time zone,
	"decided_at" timestamp with time zone,
	"decided_by" integer,
	"decision_reason" text,
	"waitlist_position" integer
);
--> statement-breakpoint
CREATE TABLE "assessments" (
	"application_id" integer NOT NULL,
	"person_id" integer NOT NULL,
	"conflict" text NOT NULL,
	"conflict_note" text,
	"scores" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"proposal" text,
	"comment" text DEFAULT '' NOT NULL,
	"submitted_at" timestamp with time zone,
	"saved_at" timestamp with time zone NOT NULL,
	CONSTRAINT "assessments_application_id_person_id_pk" PRIMARY KEY("application_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "guidance_entries" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"participation_id" integer NOT NULL,
	"given_on" date NOT NULL,
	"mode" text NOT NULL,
	"topics" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	"recorded_by" integer
);
--> statement-breakpoint
CREATE TABLE "own_costs" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"participation_id" integer NOT NULL,
	"kind" text NOT NULL,
	"amount" integer NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	"recorded_by" integer
);
--> statement-breakpoint
CREATE TABLE "participations" (
	"id" serial PRIMARY KEY NOT NULL,
	"application_id" integer NOT NULL,
	"cohort_id" integer NOT NULL,
	"municipality_code" text NOT NULL,
	"starts_on" date NOT NULL,
	"months" integer NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan_activities" (
	"id" serial PRIMARY KEY NOT NULL,
	"participation_id" integer NOT NULL,
	"kind" text NOT NULL,
	"mode" text NOT NULL,
	"planned_on" date,
	"units" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"done_at" timestamp with time zone,
	"done_by" integer
);
--> statement-breakpoint
CREATE TABLE "round_assessors" (
	"round_id" integer NOT NULL,
	"person_id" integer NOT NULL,
	"named_at" timestamp with time zone NOT NULL,
	"named_by" integer,
	CONSTRAINT "round_assessors_round_id_person_id_pk" PRIMARY KEY("round_id","person_id")
);
--> statement-breakpoint
ALTER TABLE "application_answers" ADD CONSTRAINT "application_answers_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_files" ADD CONSTRAINT "application_files_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_rounds" ADD CONSTRAINT "application_rounds_form_id_application_forms_id_fk" FOREIGN KEY ("form_id") REFERENCES "public"."application_forms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_submissions" ADD CONSTRAINT "application_submissions_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_round_id_application_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."application_rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_form_id_application_forms_id_fk" FOREIGN KEY ("form_id") REFERENCES "public"."application_forms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessments" ADD CONSTRAINT "assessments_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "guidance_entries" ADD CONSTRAINT "guidance_entries_participation_id_participations_id_fk" FOREIGN KEY ("participation_id") REFERENCES "public"."participations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "own_costs" ADD CONSTRAINT "own_costs_participation_id_participations_id_fk" FOREIGN KEY ("participation_id") REFERENCES "public"."participations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participations" ADD CONSTRAINT "participations_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_activities" ADD CONSTRAINT "plan_activities_participation_id_participations_id_fk" FOREIGN KEY ("participation_id") REFERENCES "public"."participations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "round_assessors" ADD CONSTRAINT "round_assessors_round_id_application_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."application_rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "application_files_application_idx" ON "application_files" USING btree ("application_id");--> statement-breakpoint
CREATE UNIQUE INDEX "application_forms_programme_version_uq" ON "application_forms" USING btree ("programme_id","version");--> statement-breakpoint
CREATE UNIQUE INDEX "application_rounds_cohort_uq" ON "application_rounds" USING btree ("cohort_id");--> statement-breakpoint
CREATE UNIQUE INDEX "applications_round_municipality_uq" ON "applications" USING btree ("round_id","municipality_code");--> statement-breakpoint
CREATE INDEX "applications_round_state_idx" ON "applications" USING btree ("round_id","state");--> statement-breakpoint
CREATE INDEX "guidance_entries_participation_idx" ON "guidance_entries" USING btree ("participation_id","given_on");--> statement-breakpoint
CREATE INDEX "own_costs_participation_idx" ON "own_costs" USING btree ("participation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "participations_application_uq" ON "participations" USING btree ("application_id");--> statement-breakpoint
CREATE INDEX "plan_activities_participation_idx" ON "plan_activities" USING btree ("participation_id","planned_on");