CREATE TABLE "learning_networks" (
	"id" serial PRIMARY KEY NOT NULL,
	"cohort_id" integer NOT NULL,
	"name" text NOT NULL,
	"lead_municipality" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" integer
);
--> statement-breakpoint
CREATE TABLE "network_attendance" (
	"meeting_id" integer NOT NULL,
	"member_id" integer NOT NULL,
	CONSTRAINT "network_attendance_meeting_id_member_id_pk" PRIMARY KEY("meeting_id","member_id")
);
--> statement-breakpoint
CREATE TABLE "network_documents" (
	"id" serial PRIMARY KEY NOT NULL,
	"network_id" integer NOT NULL,
	"file_key" text NOT NULL,
	"name" text NOT NULL,
	"type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"uploaded_by" integer NOT NULL,
	"uploader_name" text NOT NULL,
	"uploaded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "network_meetings" (
	"id" serial PRIMARY KEY NOT NULL,
	"network_id" integer NOT NULL,
	"title" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"place" text DEFAULT '' NOT NULL,
	"digital_link" text DEFAULT '' NOT NULL,
	"agenda" text DEFAULT '' NOT NULL,
	"minutes" text DEFAULT '' NOT NULL,
	"minutes_at" timestamp with time zone,
	"minutes_by" integer,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" integer
);
--> statement-breakpoint
CREATE TABLE "network_members" (
	"id" serial PRIMARY KEY NOT NULL,
	"network_id" integer NOT NULL,
	"kind" text NOT NULL,
	"person_id" integer,
	"unit_org_number" text,
	"municipality_code" text NOT NULL,
	"name" text NOT NULL,
	"email" text NOT NULL,
	"added_at" timestamp with time zone NOT NULL,
	"added_by" integer
);
--> statement-breakpoint
CREATE TABLE "network_municipalities" (
	"network_id" integer NOT NULL,
	"municipality_code" text NOT NULL,
	"state" text NOT NULL,
	"invited_at" timestamp with time zone NOT NULL,
	"answered_at" timestamp with time zone,
	"answered_by" integer,
	CONSTRAINT "network_municipalities_network_id_municipality_code_pk" PRIMARY KEY("network_id","municipality_code")
);
--> statement-breakpoint
CREATE TABLE "network_reflections" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"meeting_id" integer NOT NULL,
	"person_id" integer NOT NULL,
	"author_name" text NOT NULL,
	"text" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "network_attendance" ADD CONSTRAINT "network_attendance_meeting_id_network_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."network_meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_attendance" ADD CONSTRAINT "network_attendance_member_id_network_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."network_members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_documents" ADD CONSTRAINT "network_documents_network_id_learning_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."learning_networks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_meetings" ADD CONSTRAINT "network_meetings_network_id_learning_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."learning_networks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_members" ADD CONSTRAINT "network_members_network_id_learning_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."learning_networks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_municipalities" ADD CONSTRAINT "network_municipalities_network_id_learning_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."learning_networks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_reflections" ADD CONSTRAINT "network_reflections_meeting_id_network_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."network_meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "network_documents_network_idx" ON "network_documents" USING btree ("network_id");--> statement-breakpoint
CREATE INDEX "network_meetings_network_idx" ON "network_meetings" USING btree ("network_id","starts_at");--> statement-breakpoint
CREATE UNIQUE INDEX "network_members_email_uq" ON "network_members" USING btree ("network_id",lower("email"));--> statement-breakpoint
CREATE INDEX "network_members_person_idx" ON "network_members" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "network_reflections_meeting_idx" ON "network_reflections" USING btree ("meeting_id");