CREATE TABLE "register_import_drafts" (
	"id" serial PRIMARY KEY NOT NULL,
	"source" text NOT NULL,
	"origin" text NOT NULL,
	"coverage" text NOT NULL,
	"pages" text NOT NULL,
	"created_by" integer NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
