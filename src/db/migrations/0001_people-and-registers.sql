CREATE TABLE "affiliations" (
	"id" serial PRIMARY KEY NOT NULL,
	"person_id" integer NOT NULL,
	"org_number" text NOT NULL,
	"kind" text NOT NULL,
	"affiliation" text,
	"seen_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor_id" integer,
	"action" text NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" text NOT NULL,
	"before" jsonb,
	"after" jsonb
);
--> statement-breakpoint
CREATE TABLE "identities" (
	"id" serial PRIMARY KEY NOT NULL,
	"person_id" integer NOT NULL,
	"provider" text NOT NULL,
	"subject" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "people" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text,
	"email" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_sign_in_at" timestamp with time zone,
	"deleted_at" timestamp with time zone,
	"demo" text
);
--> statement-breakpoint
CREATE TABLE "role_assignments" (
	"id" serial PRIMARY KEY NOT NULL,
	"person_id" integer NOT NULL,
	"role" text NOT NULL,
	"org_kind" text NOT NULL,
	"org_id" text NOT NULL,
	"granted_by" integer,
	"granted_at" timestamp with time zone NOT NULL,
	"revoked_by" integer,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "role_invitations" (
	"id" serial PRIMARY KEY NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"role" text NOT NULL,
	"org_kind" text NOT NULL,
	"org_id" text NOT NULL,
	"invited_by" integer,
	"created_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"accepted_at" timestamp with time zone,
	"accepted_by" integer,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"id_hash" text PRIMARY KEY NOT NULL,
	"person_id" integer NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"last_seen_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone,
	"via" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sign_in_attempts" (
	"id_hash" text PRIMARY KEY NOT NULL,
	"provider" text NOT NULL,
	"state" text NOT NULL,
	"nonce" text NOT NULL,
	"code_verifier" text NOT NULL,
	"return_to" text NOT NULL,
	"lang" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sign_in_codes" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"email" text NOT NULL,
	"code_hash" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"used_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "import_runs" (
	"id" serial PRIMARY KEY NOT NULL,
	"source" text NOT NULL,
	"origin" text NOT NULL,
	"coverage" text NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone,
	"added" integer DEFAULT 0 NOT NULL,
	"changed" integer DEFAULT 0 NOT NULL,
	"closed" integer DEFAULT 0 NOT NULL,
	"unchanged" integer DEFAULT 0 NOT NULL,
	"rejected" integer DEFAULT 0 NOT NULL,
	"skipped" integer DEFAULT 0 NOT NULL,
	"rejected_rows" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"notes" jsonb DEFAULT '[]'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pp_service_municipalities" (
	"pp_service_id" integer NOT NULL,
	"municipality_code" text NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date,
	CONSTRAINT "pp_service_municipalities_pp_service_id_municipality_code_valid_from_pk" PRIMARY KEY("pp_service_id","municipality_code","valid_from")
);
--> statement-breakpoint
CREATE TABLE "pp_services" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"org_number" text,
	"host_municipality_code" text NOT NULL,
	"search_key" text GENERATED ALWAYS AS (replace(replace(replace(btrim(regexp_replace(lower(translate("pp_services"."name", 'æÆøØåÅáÁàÀâÂäÄãÃčČçÇđĐéÉèÈêÊëËíÍìÌîÎïÏŋŊñÑóÓòÒôÔöÖõÕšŠŧŦúÚùÙûÛüÜýÝÿžŽ', 'aaooaaaaaaaaaaaaccccddeeeeeeeeiiiiiiiinnnnoooooooooossttuuuuuuuuyyyzz')), '[^a-z0-9]+', ' ', 'g')), 'aa', 'a'), 'ae', 'a'), 'oe', 'o')) STORED NOT NULL
);
--> statement-breakpoint
CREATE TABLE "unit_history" (
	"id" serial PRIMARY KEY NOT NULL,
	"org_number" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"event" text NOT NULL,
	"changes" jsonb NOT NULL,
	"run_id" integer
);
--> statement-breakpoint
CREATE TABLE "units" (
	"org_number" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"municipality_code" text NOT NULL,
	"county_code" text NOT NULL,
	"is_school" boolean DEFAULT false NOT NULL,
	"is_kindergarten" boolean DEFAULT false NOT NULL,
	"owner" text,
	"active" boolean NOT NULL,
	"closed_on" date,
	"written_standard" text,
	"search_key" text GENERATED ALWAYS AS (replace(replace(replace(btrim(regexp_replace(lower(translate("units"."name", 'æÆøØåÅáÁàÀâÂäÄãÃčČçÇđĐéÉèÈêÊëËíÍìÌîÎïÏŋŊñÑóÓòÒôÔöÖõÕšŠŧŦúÚùÙûÛüÜýÝÿžŽ', 'aaooaaaaaaaaaaaaccccddeeeeeeeeiiiiiiiinnnnoooooooooossttuuuuuuuuyyyzz')), '[^a-z0-9]+', ' ', 'g')), 'aa', 'a'), 'ae', 'a'), 'oe', 'o')) STORED NOT NULL,
	"sources" text[] NOT NULL,
	"first_seen_at" timestamp with time zone NOT NULL,
	"changed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "counties" ADD COLUMN "search_key" text GENERATED ALWAYS AS (replace(replace(replace(btrim(regexp_replace(lower(translate("counties"."name", 'æÆøØåÅáÁàÀâÂäÄãÃčČçÇđĐéÉèÈêÊëËíÍìÌîÎïÏŋŊñÑóÓòÒôÔöÖõÕšŠŧŦúÚùÙûÛüÜýÝÿžŽ', 'aaooaaaaaaaaaaaaccccddeeeeeeeeiiiiiiiinnnnoooooooooossttuuuuuuuuyyyzz')), '[^a-z0-9]+', ' ', 'g')), 'aa', 'a'), 'ae', 'a'), 'oe', 'o')) STORED NOT NULL;--> statement-breakpoint
ALTER TABLE "county_office_names" ADD COLUMN "search_key_nb" text GENERATED ALWAYS AS (replace(replace(replace(btrim(regexp_replace(lower(translate("county_office_names"."name_nb", 'æÆøØåÅáÁàÀâÂäÄãÃčČçÇđĐéÉèÈêÊëËíÍìÌîÎïÏŋŊñÑóÓòÒôÔöÖõÕšŠŧŦúÚùÙûÛüÜýÝÿžŽ', 'aaooaaaaaaaaaaaaccccddeeeeeeeeiiiiiiiinnnnoooooooooossttuuuuuuuuyyyzz')), '[^a-z0-9]+', ' ', 'g')), 'aa', 'a'), 'ae', 'a'), 'oe', 'o')) STORED NOT NULL;--> statement-breakpoint
ALTER TABLE "county_office_names" ADD COLUMN "search_key_nn" text GENERATED ALWAYS AS (replace(replace(replace(btrim(regexp_replace(lower(translate("county_office_names"."name_nn", 'æÆøØåÅáÁàÀâÂäÄãÃčČçÇđĐéÉèÈêÊëËíÍìÌîÎïÏŋŊñÑóÓòÒôÔöÖõÕšŠŧŦúÚùÙûÛüÜýÝÿžŽ', 'aaooaaaaaaaaaaaaccccddeeeeeeeeiiiiiiiinnnnoooooooooossttuuuuuuuuyyyzz')), '[^a-z0-9]+', ' ', 'g')), 'aa', 'a'), 'ae', 'a'), 'oe', 'o')) STORED NOT NULL;--> statement-breakpoint
ALTER TABLE "municipalities" ADD COLUMN "search_key" text GENERATED ALWAYS AS (replace(replace(replace(btrim(regexp_replace(lower(translate("municipalities"."name", 'æÆøØåÅáÁàÀâÂäÄãÃčČçÇđĐéÉèÈêÊëËíÍìÌîÎïÏŋŊñÑóÓòÒôÔöÖõÕšŠŧŦúÚùÙûÛüÜýÝÿžŽ', 'aaooaaaaaaaaaaaaccccddeeeeeeeeiiiiiiiinnnnoooooooooossttuuuuuuuuyyyzz')), '[^a-z0-9]+', ' ', 'g')), 'aa', 'a'), 'ae', 'a'), 'oe', 'o')) STORED NOT NULL;--> statement-breakpoint
ALTER TABLE "affiliations" ADD CONSTRAINT "affiliations_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "identities" ADD CONSTRAINT "identities_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "role_assignments" ADD CONSTRAINT "role_assignments_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pp_service_municipalities" ADD CONSTRAINT "pp_service_municipalities_pp_service_id_pp_services_id_fk" FOREIGN KEY ("pp_service_id") REFERENCES "public"."pp_services"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_history" ADD CONSTRAINT "unit_history_org_number_units_org_number_fk" FOREIGN KEY ("org_number") REFERENCES "public"."units"("org_number") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_history" ADD CONSTRAINT "unit_history_run_id_import_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."import_runs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "affiliations_person_org_uq" ON "affiliations" USING btree ("person_id","org_number");--> statement-breakpoint
CREATE INDEX "audit_log_at_idx" ON "audit_log" USING btree ("at");--> statement-breakpoint
CREATE INDEX "audit_log_entity_idx" ON "audit_log" USING btree ("entity_type","entity_id");--> statement-breakpoint
CREATE INDEX "audit_log_actor_idx" ON "audit_log" USING btree ("actor_id");--> statement-breakpoint
CREATE UNIQUE INDEX "identities_provider_subject_uq" ON "identities" USING btree ("provider","subject");--> statement-breakpoint
CREATE UNIQUE INDEX "people_email_uq" ON "people" USING btree (lower("email")) WHERE "people"."email" is not null;--> statement-breakpoint
CREATE INDEX "role_assignments_person_idx" ON "role_assignments" USING btree ("person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "role_assignments_active_uq" ON "role_assignments" USING btree ("person_id","role","org_kind","org_id") WHERE "role_assignments"."revoked_at" is null;--> statement-breakpoint
CREATE INDEX "role_invitations_email_idx" ON "role_invitations" USING btree (lower("email"));--> statement-breakpoint
CREATE INDEX "sessions_person_idx" ON "sessions" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "sign_in_codes_email_idx" ON "sign_in_codes" USING btree (lower("email"));--> statement-breakpoint
CREATE INDEX "pp_service_municipalities_code_idx" ON "pp_service_municipalities" USING btree ("municipality_code");--> statement-breakpoint
CREATE UNIQUE INDEX "pp_services_org_number_uq" ON "pp_services" USING btree ("org_number");--> statement-breakpoint
CREATE INDEX "unit_history_unit_idx" ON "unit_history" USING btree ("org_number","at");--> statement-breakpoint
CREATE INDEX "units_municipality_idx" ON "units" USING btree ("municipality_code");