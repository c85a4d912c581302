CREATE TABLE "programme_document_versions" (
	"id" serial PRIMARY KEY NOT NULL,
	"programme_id" integer NOT NULL,
	"document_ids" jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" integer,
	"published_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "programme_documents" (
	"id" serial PRIMARY KEY NOT NULL,
	"programme_id" integer NOT NULL,
	"title_nb" text NOT NULL,
	"title_nn" text NOT NULL,
	"title_en" text DEFAULT '' NOT NULL,
	"storage_key" text NOT NULL,
	"file_name" text NOT NULL,
	"type" text NOT NULL,
	"bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"added_at" timestamp with time zone NOT NULL,
	"added_by" integer
);
--> statement-breakpoint
-- application_files has no rows anywhere: nothing wrote to it before uploads were taken.
ALTER TABLE "application_files" ADD COLUMN "question_id" text NOT NULL;--> statement-breakpoint
ALTER TABLE "application_files" ADD COLUMN "storage_key" text NOT NULL;--> statement-breakpoint
ALTER TABLE "programme_document_versions" ADD CONSTRAINT "programme_document_versions_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_documents" ADD CONSTRAINT "programme_documents_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "programme_document_versions_programme_idx" ON "programme_document_versions" USING btree ("programme_id","id");--> statement-breakpoint
CREATE INDEX "programme_documents_programme_idx" ON "programme_documents" USING btree ("programme_id");