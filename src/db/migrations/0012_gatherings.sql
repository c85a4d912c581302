CREATE TABLE "gathering_calendar_feeds" (
	"id" serial PRIMARY KEY NOT NULL,
	"person_id" integer NOT NULL,
	"token_hash" text NOT NULL,
	"lang" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "gathering_attendance" (
	"id" serial PRIMARY KEY NOT NULL,
	"gathering_id" integer NOT NULL,
	"registration_id" integer NOT NULL,
	"session_id" integer,
	"status" text NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	"recorded_by" integer
);
--> statement-breakpoint
CREATE TABLE "gathering_registrations" (
	"id" serial PRIMARY KEY NOT NULL,
	"gathering_id" integer NOT NULL,
	"person_id" integer NOT NULL,
	"unit_org_number" text,
	"municipality_code" text,
	"status" text NOT NULL,
	"queue_number" integer NOT NULL,
	"offered_at" timestamp with time zone,
	"offered_until" timestamp with time zone,
	"confirmed_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	"cancel_reason" text,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" integer,
	"check_in_code" text,
	"checked_in_at" timestamp with time zone,
	"checked_in_by" integer
);
--> statement-breakpoint
CREATE TABLE "gathering_sessions" (
	"id" serial PRIMARY KEY NOT NULL,
	"gathering_id" integer NOT NULL,
	"kind" text NOT NULL,
	"title_nb" text NOT NULL,
	"title_nn" text NOT NULL,
	"speaker" text DEFAULT '' NOT NULL,
	"room" text DEFAULT '' NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"capacity" integer
);
--> statement-breakpoint
CREATE TABLE "gatherings" (
	"id" serial PRIMARY KEY NOT NULL,
	"programme_id" integer NOT NULL,
	"cohort_id" integer,
	"level" text NOT NULL,
	"organiser_kind" text NOT NULL,
	"organiser_id" text NOT NULL,
	"title_nb" text NOT NULL,
	"title_nn" text NOT NULL,
	"description_nb" text DEFAULT '' NOT NULL,
	"description_nn" text DEFAULT '' NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"mode" text NOT NULL,
	"venue" text DEFAULT '' NOT NULL,
	"address" text DEFAULT '' NOT NULL,
	"digital_link" text DEFAULT '' NOT NULL,
	"capacity" integer NOT NULL,
	"registration_opens_at" timestamp with time zone NOT NULL,
	"registration_closes_at" timestamp with time zone NOT NULL,
	"allowed_cohorts" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"allowed_municipalities" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"allowed_roles" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"offer_hours" integer DEFAULT 48 NOT NULL,
	"last_queue_number" integer DEFAULT 0 NOT NULL,
	"seats_held" integer DEFAULT 0 NOT NULL,
	"waiting_count" integer DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"needs_deleted_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"closed_by" integer,
	"minutes" text DEFAULT '' NOT NULL,
	"present_count" integer,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" integer,
	"updated_at" timestamp with time zone,
	"updated_by" integer
);
--> statement-breakpoint
CREATE TABLE "gathering_registration_needs" (
	"registration_id" integer PRIMARY KEY NOT NULL,
	"dietary" text DEFAULT '' NOT NULL,
	"accessibility" text DEFAULT '' NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "gathering_registration_sessions" (
	"registration_id" integer NOT NULL,
	"session_id" integer NOT NULL,
	CONSTRAINT "gathering_registration_sessions_registration_id_session_id_pk" PRIMARY KEY("registration_id","session_id")
);
--> statement-breakpoint
ALTER TABLE "gathering_attendance" ADD CONSTRAINT "gathering_attendance_gathering_id_gatherings_id_fk" FOREIGN KEY ("gathering_id") REFERENCES "public"."gatherings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gathering_attendance" ADD CONSTRAINT "gathering_attendance_registration_id_gathering_registrations_id_fk" FOREIGN KEY ("registration_id") REFERENCES "public"."gathering_registrations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gathering_attendance" ADD CONSTRAINT "gathering_attendance_session_id_gathering_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."gathering_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gathering_registrations" ADD CONSTRAINT "gathering_registrations_gathering_id_gatherings_id_fk" FOREIGN KEY ("gathering_id") REFERENCES "public"."gatherings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gathering_sessions" ADD CONSTRAINT "gathering_sessions_gathering_id_gatherings_id_fk" FOREIGN KEY ("gathering_id") REFERENCES "public"."gatherings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gathering_registration_needs" ADD CONSTRAINT "gathering_registration_needs_registration_id_gathering_registrations_id_fk" FOREIGN KEY ("registration_id") REFERENCES "public"."gathering_registrations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gathering_registration_sessions" ADD CONSTRAINT "gathering_registration_sessions_registration_id_gathering_registrations_id_fk" FOREIGN KEY ("registration_id") REFERENCES "public"."gathering_registrations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gathering_registration_sessions" ADD CONSTRAINT "gathering_registration_sessions_session_id_gathering_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."gathering_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "gathering_calendar_feeds_token_uq" ON "gathering_calendar_feeds" USING btree ("token_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "gathering_calendar_feeds_live_uq" ON "gathering_calendar_feeds" USING btree ("person_id") WHERE "gathering_calendar_feeds"."revoked_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "gathering_attendance_whole_uq" ON "gathering_attendance" USING btree ("registration_id") WHERE "gathering_attendance"."session_id" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "gathering_attendance_session_uq" ON "gathering_attendance" USING btree ("registration_id","session_id") WHERE "gathering_attendance"."session_id" is not null;--> statement-breakpoint
CREATE INDEX "gathering_attendance_gathering_idx" ON "gathering_attendance" USING btree ("gathering_id","session_id");--> statement-breakpoint
CREATE UNIQUE INDEX "gathering_registrations_person_uq" ON "gathering_registrations" USING btree ("gathering_id","person_id") WHERE "gathering_registrations"."status" <> 'cancelled';--> statement-breakpoint
CREATE UNIQUE INDEX "gathering_registrations_queue_uq" ON "gathering_registrations" USING btree ("gathering_id","queue_number");--> statement-breakpoint
CREATE INDEX "gathering_registrations_status_idx" ON "gathering_registrations" USING btree ("gathering_id","status","queue_number");--> statement-breakpoint
CREATE INDEX "gathering_registrations_offers_idx" ON "gathering_registrations" USING btree ("offered_until") WHERE "gathering_registrations"."status" = 'offered';--> statement-breakpoint
CREATE INDEX "gathering_registrations_person_idx" ON "gathering_registrations" USING btree ("person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "gathering_registrations_check_in_uq" ON "gathering_registrations" USING btree ("check_in_code","gathering_id");--> statement-breakpoint
CREATE INDEX "gathering_sessions_gathering_idx" ON "gathering_sessions" USING btree ("gathering_id","starts_at");--> statement-breakpoint
CREATE INDEX "gatherings_programme_starts_idx" ON "gatherings" USING btree ("programme_id","starts_at");--> statement-breakpoint
CREATE INDEX "gatherings_cohort_idx" ON "gatherings" USING btree ("cohort_id");--> statement-breakpoint
CREATE INDEX "gathering_registration_sessions_session_idx" ON "gathering_registration_sessions" USING btree ("session_id");