CREATE TABLE "development_comments" (
	"id" serial PRIMARY KEY NOT NULL,
	"plan_id" integer NOT NULL,
	"person_id" integer,
	"author_name" text NOT NULL,
	"text" text NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "development_follow_ups" (
	"id" serial PRIMARY KEY NOT NULL,
	"cohort_id" integer NOT NULL,
	"unit_org_number" text NOT NULL,
	"municipality_code" text NOT NULL,
	"kind" text NOT NULL,
	"held_on" date NOT NULL,
	"minutes" integer NOT NULL,
	"topics" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"logged_at" timestamp with time zone NOT NULL,
	"logged_by" integer
);
--> statement-breakpoint
CREATE TABLE "development_frames" (
	"id" serial PRIMARY KEY NOT NULL,
	"programme_id" integer NOT NULL,
	"cohort_id" integer,
	"version" integer NOT NULL,
	"themes" jsonb NOT NULL,
	"phases" jsonb NOT NULL,
	"questions" jsonb NOT NULL,
	"saved_at" timestamp with time zone NOT NULL,
	"saved_by" integer
);
--> statement-breakpoint
CREATE TABLE "development_measures" (
	"id" serial PRIMARY KEY NOT NULL,
	"plan_id" integer NOT NULL,
	"what" text NOT NULL,
	"responsible" text NOT NULL,
	"due" text NOT NULL,
	"status" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" integer,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "development_plan_versions" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"plan_id" integer NOT NULL,
	"version" integer NOT NULL,
	"phase" text,
	"self_assessment" jsonb NOT NULL,
	"goals" text NOT NULL,
	"saved_at" timestamp with time zone NOT NULL,
	"saved_by" integer
);
--> statement-breakpoint
CREATE TABLE "development_plans" (
	"id" serial PRIMARY KEY NOT NULL,
	"cohort_id" integer NOT NULL,
	"unit_org_number" text NOT NULL,
	"municipality_code" text NOT NULL,
	"phase" text,
	"self_assessment" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"goals" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"updated_by" integer
);
--> statement-breakpoint
CREATE TABLE "development_reflections" (
	"id" serial PRIMARY KEY NOT NULL,
	"plan_id" integer NOT NULL,
	"about_kind" text NOT NULL,
	"about_id" integer NOT NULL,
	"tried" text NOT NULL,
	"saw" text NOT NULL,
	"next" text NOT NULL,
	"shared" boolean DEFAULT false NOT NULL,
	"written_at" timestamp with time zone NOT NULL,
	"written_by" integer
);
--> statement-breakpoint
ALTER TABLE "development_comments" ADD CONSTRAINT "development_comments_plan_id_development_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."development_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "development_measures" ADD CONSTRAINT "development_measures_plan_id_development_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."development_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "development_plan_versions" ADD CONSTRAINT "development_plan_versions_plan_id_development_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."development_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "development_reflections" ADD CONSTRAINT "development_reflections_plan_id_development_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."development_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "development_comments_plan_idx" ON "development_comments" USING btree ("plan_id","at");--> statement-breakpoint
CREATE INDEX "development_follow_ups_unit_idx" ON "development_follow_ups" USING btree ("cohort_id","unit_org_number","held_on");--> statement-breakpoint
CREATE INDEX "development_follow_ups_municipality_idx" ON "development_follow_ups" USING btree ("municipality_code","cohort_id");--> statement-breakpoint
CREATE INDEX "development_frames_programme_idx" ON "development_frames" USING btree ("programme_id","cohort_id","version");--> statement-breakpoint
CREATE INDEX "development_measures_plan_idx" ON "development_measures" USING btree ("plan_id");--> statement-breakpoint
CREATE UNIQUE INDEX "development_plan_versions_uq" ON "development_plan_versions" USING btree ("plan_id","version");--> statement-breakpoint
CREATE UNIQUE INDEX "development_plans_unit_uq" ON "development_plans" USING btree ("cohort_id","unit_org_number");--> statement-breakpoint
CREATE INDEX "development_plans_municipality_idx" ON "development_plans" USING btree ("municipality_code","cohort_id");--> statement-breakpoint
CREATE INDEX "development_reflections_plan_idx" ON "development_reflections" USING btree ("plan_id");