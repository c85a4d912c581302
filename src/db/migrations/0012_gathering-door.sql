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
ALTER TABLE "gathering_registrations" ADD COLUMN "check_in_code" text;--> statement-breakpoint
ALTER TABLE "gathering_registrations" ADD COLUMN "checked_in_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "gathering_registrations" ADD COLUMN "checked_in_by" integer;--> statement-breakpoint
ALTER TABLE "gatherings" ADD COLUMN "closed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "gatherings" ADD COLUMN "closed_by" integer;--> statement-breakpoint
ALTER TABLE "gatherings" ADD COLUMN "minutes" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "gatherings" ADD COLUMN "present_count" integer;--> statement-breakpoint
ALTER TABLE "gathering_attendance" ADD CONSTRAINT "gathering_attendance_gathering_id_gatherings_id_fk" FOREIGN KEY ("gathering_id") REFERENCES "public"."gatherings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gathering_attendance" ADD CONSTRAINT "gathering_attendance_registration_id_gathering_registrations_id_fk" FOREIGN KEY ("registration_id") REFERENCES "public"."gathering_registrations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gathering_attendance" ADD CONSTRAINT "gathering_attendance_session_id_gathering_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."gathering_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "gathering_calendar_feeds_token_uq" ON "gathering_calendar_feeds" USING btree ("token_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "gathering_calendar_feeds_live_uq" ON "gathering_calendar_feeds" USING btree ("person_id") WHERE "gathering_calendar_feeds"."revoked_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "gathering_attendance_whole_uq" ON "gathering_attendance" USING btree ("registration_id") WHERE "gathering_attendance"."session_id" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "gathering_attendance_session_uq" ON "gathering_attendance" USING btree ("registration_id","session_id") WHERE "gathering_attendance"."session_id" is not null;--> statement-breakpoint
CREATE INDEX "gathering_attendance_gathering_idx" ON "gathering_attendance" USING btree ("gathering_id","session_id");--> statement-breakpoint
CREATE UNIQUE INDEX "gathering_registrations_check_in_uq" ON "gathering_registrations" USING btree ("check_in_code","gathering_id");