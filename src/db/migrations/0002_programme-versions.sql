CREATE TABLE "programme_text_versions" (
	"id" serial PRIMARY KEY NOT NULL,
	"programme_id" integer NOT NULL,
	"lang" text NOT NULL,
	"title" text NOT NULL,
	"owner_name" text NOT NULL,
	"summary" text NOT NULL,
	"target_group" text NOT NULL,
	"body_markdown" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" integer,
	"restored_from" integer
);
--> statement-breakpoint
ALTER TABLE "page_feedback" ADD COLUMN "hidden_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "page_feedback" ADD COLUMN "hidden_by" integer;--> statement-breakpoint
ALTER TABLE "page_feedback" ADD COLUMN "handled_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "page_feedback" ADD COLUMN "handled_by" integer;--> statement-breakpoint
ALTER TABLE "programme_texts" ADD COLUMN "version_id" integer;--> statement-breakpoint
ALTER TABLE "programme_text_versions" ADD CONSTRAINT "programme_text_versions_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "programme_text_versions_programme_idx" ON "programme_text_versions" USING btree ("programme_id","lang","id");--> statement-breakpoint
ALTER TABLE "programme_texts" ADD CONSTRAINT "programme_texts_version_id_programme_text_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."programme_text_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- Hand-written: every text that exists becomes its programme's first version, and is published.
INSERT INTO "programme_text_versions" ("programme_id", "lang", "title", "owner_name", "summary", "target_group", "body_markdown", "created_at")
SELECT "programme_id", "lang", "title", "owner_name", "summary", "target_group", "body_markdown", now() FROM "programme_texts";--> statement-breakpoint
UPDATE "programme_texts" t SET "version_id" = v."id" FROM "programme_text_versions" v WHERE v."programme_id" = t."programme_id" AND v."lang" = t."lang";
