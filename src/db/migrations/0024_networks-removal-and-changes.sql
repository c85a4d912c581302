DROP INDEX "network_members_email_uq";--> statement-breakpoint
ALTER TABLE "network_meetings" ADD COLUMN "sequence" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "network_meetings" ADD COLUMN "updated_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "network_meetings" ADD COLUMN "cancelled_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "network_meetings" ADD COLUMN "cancelled_by" integer;--> statement-breakpoint
ALTER TABLE "network_members" ADD COLUMN "removed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "network_members" ADD COLUMN "removed_by" integer;--> statement-breakpoint
CREATE UNIQUE INDEX "network_members_email_uq" ON "network_members" USING btree ("network_id",lower("email")) WHERE "network_members"."removed_at" is null;