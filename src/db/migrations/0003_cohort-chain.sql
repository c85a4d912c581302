CREATE TABLE "cohort_contacts" (
	"id" serial PRIMARY KEY NOT NULL,
	"invitation_id" integer NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"email" text NOT NULL,
	"pp_service_id" integer,
	"role_invitation_id" integer,
	"set_at" timestamp with time zone NOT NULL,
	"set_by" integer,
	"ended_at" timestamp with time zone,
	"ended_by" integer
);
--> statement-breakpoint
CREATE TABLE "cohort_enrolments" (
	"id" serial PRIMARY KEY NOT NULL,
	"cohort_id" integer NOT NULL,
	"invitation_id" integer NOT NULL,
	"unit_org_number" text NOT NULL,
	"enrolled_at" timestamp with time zone NOT NULL,
	"enrolled_by" integer,
	"withdrawn_at" timestamp with time zone,
	"withdrawn_by" integer
);
--> statement-breakpoint
CREATE TABLE "cohort_invitation_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"invitation_id" integer NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor_id" integer,
	"event" text NOT NULL,
	"from_state" text,
	"to_state" text,
	"detail" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cohort_invitations" (
	"id" serial PRIMARY KEY NOT NULL,
	"cohort_id" integer NOT NULL,
	"office_id" text NOT NULL,
	"invitee_kind" text NOT NULL,
	"invitee_id" text NOT NULL,
	"state" text NOT NULL,
	"message" text DEFAULT '' NOT NULL,
	"deadline" date NOT NULL,
	"invited_at" timestamp with time zone NOT NULL,
	"invited_by" integer,
	"answered_at" timestamp with time zone,
	"answered_by" integer,
	"decline_reason" text,
	"commitments_accepted_at" timestamp with time zone,
	"last_reminded_at" timestamp with time zone,
	"reminders_sent" integer DEFAULT 0 NOT NULL,
	"auto_reminded_for" date,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "written_standards" (
	"org_kind" text NOT NULL,
	"org_id" text NOT NULL,
	"standard" text NOT NULL,
	"changed_at" timestamp with time zone NOT NULL,
	"changed_by" integer,
	CONSTRAINT "written_standards_org_kind_org_id_pk" PRIMARY KEY("org_kind","org_id")
);
--> statement-breakpoint
CREATE TABLE "cohort_planned_gatherings" (
	"id" serial PRIMARY KEY NOT NULL,
	"cohort_id" integer NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"planned_on" date NOT NULL
);
--> statement-breakpoint
ALTER TABLE "cohort_offices" ADD COLUMN "invited_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "cohort_offices" ADD COLUMN "invited_by" integer;--> statement-breakpoint
ALTER TABLE "cohorts" ADD COLUMN "answer_deadline" date;--> statement-breakpoint
ALTER TABLE "cohorts" ADD COLUMN "reminder_days_before" integer DEFAULT 7 NOT NULL;--> statement-breakpoint
ALTER TABLE "cohorts" ADD COLUMN "terms_nb" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "cohorts" ADD COLUMN "terms_nn" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "cohorts" ADD COLUMN "terms_en" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "cohorts" ADD COLUMN "created_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "cohorts" ADD COLUMN "created_by" integer;--> statement-breakpoint
ALTER TABLE "programme_text_versions" ADD COLUMN "themes" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "programme_text_versions" ADD COLUMN "costs" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "programme_text_versions" ADD COLUMN "commitments" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "programme_texts" ADD COLUMN "themes" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "programme_texts" ADD COLUMN "costs" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "programme_texts" ADD COLUMN "commitments" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "programmes" ADD COLUMN "contact_name" text;--> statement-breakpoint
ALTER TABLE "cohort_contacts" ADD CONSTRAINT "cohort_contacts_invitation_id_cohort_invitations_id_fk" FOREIGN KEY ("invitation_id") REFERENCES "public"."cohort_invitations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cohort_enrolments" ADD CONSTRAINT "cohort_enrolments_cohort_id_cohorts_id_fk" FOREIGN KEY ("cohort_id") REFERENCES "public"."cohorts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cohort_enrolments" ADD CONSTRAINT "cohort_enrolments_invitation_id_cohort_invitations_id_fk" FOREIGN KEY ("invitation_id") REFERENCES "public"."cohort_invitations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cohort_invitation_events" ADD CONSTRAINT "cohort_invitation_events_invitation_id_cohort_invitations_id_fk" FOREIGN KEY ("invitation_id") REFERENCES "public"."cohort_invitations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cohort_invitations" ADD CONSTRAINT "cohort_invitations_cohort_id_cohorts_id_fk" FOREIGN KEY ("cohort_id") REFERENCES "public"."cohorts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cohort_planned_gatherings" ADD CONSTRAINT "cohort_planned_gatherings_cohort_id_cohorts_id_fk" FOREIGN KEY ("cohort_id") REFERENCES "public"."cohorts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "cohort_contacts_active_uq" ON "cohort_contacts" USING btree ("invitation_id","kind") WHERE "cohort_contacts"."ended_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "cohort_enrolments_active_uq" ON "cohort_enrolments" USING btree ("cohort_id","unit_org_number") WHERE "cohort_enrolments"."withdrawn_at" is null;--> statement-breakpoint
CREATE INDEX "cohort_enrolments_invitation_idx" ON "cohort_enrolments" USING btree ("invitation_id");--> statement-breakpoint
CREATE INDEX "cohort_invitation_events_invitation_idx" ON "cohort_invitation_events" USING btree ("invitation_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "cohort_invitations_invitee_uq" ON "cohort_invitations" USING btree ("cohort_id","invitee_kind","invitee_id");--> statement-breakpoint
CREATE INDEX "cohort_invitations_office_idx" ON "cohort_invitations" USING btree ("cohort_id","office_id");--> statement-breakpoint
CREATE INDEX "cohort_invitations_open_idx" ON "cohort_invitations" USING btree ("deadline") WHERE "cohort_invitations"."state" = 'invited';--> statement-breakpoint
CREATE INDEX "cohort_planned_gatherings_cohort_idx" ON "cohort_planned_gatherings" USING btree ("cohort_id","planned_on");