CREATE TABLE "outcome_import_drafts" (
	"id" serial PRIMARY KEY NOT NULL,
	"programme_id" integer NOT NULL,
	"file_name" text NOT NULL,
	"content" text NOT NULL,
	"created_by" integer NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "outcome_imports" (
	"id" serial PRIMARY KEY NOT NULL,
	"owner" text NOT NULL,
	"programme_id" integer NOT NULL,
	"file_name" text NOT NULL,
	"accepted" integer NOT NULL,
	"suppressed" integer NOT NULL,
	"rejected" integer NOT NULL,
	"replaced" integer NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "outcome_results" (
	"id" serial PRIMARY KEY NOT NULL,
	"owner" text NOT NULL,
	"level" text NOT NULL,
	"org_code" text NOT NULL,
	"year" integer NOT NULL,
	"grade" text NOT NULL,
	"indicator" text NOT NULL,
	"share" double precision,
	"suppressed" boolean DEFAULT false NOT NULL,
	"import_id" integer NOT NULL,
	CONSTRAINT "outcome_results_share_ck" CHECK (("outcome_results"."suppressed" and "outcome_results"."share" is null) or (not "outcome_results"."suppressed" and "outcome_results"."share" between 0 and 100))
);
--> statement-breakpoint
ALTER TABLE "outcome_results" ADD CONSTRAINT "outcome_results_import_id_outcome_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."outcome_imports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "outcome_results_cell_uq" ON "outcome_results" USING btree ("owner","level","org_code","year","grade","indicator");--> statement-breakpoint
CREATE INDEX "outcome_results_year_idx" ON "outcome_results" USING btree ("owner","level","year");