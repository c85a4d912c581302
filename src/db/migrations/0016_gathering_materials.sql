CREATE TABLE "gathering_materials" (
	"id" serial PRIMARY KEY NOT NULL,
	"gathering_id" integer NOT NULL,
	"title_nb" text NOT NULL,
	"title_nn" text NOT NULL,
	"storage_key" text NOT NULL,
	"file_name" text NOT NULL,
	"type" text NOT NULL,
	"bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"added_at" timestamp with time zone NOT NULL,
	"added_by" integer
);
--> statement-breakpoint
ALTER TABLE "gathering_materials" ADD CONSTRAINT "gathering_materials_gathering_id_gatherings_id_fk" FOREIGN KEY ("gathering_id") REFERENCES "public"."gatherings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "gathering_materials_gathering_idx" ON "gathering_materials" USING btree ("gathering_id");