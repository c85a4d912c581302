CREATE TABLE "gathering_invitee_reminders" (
	"id" serial PRIMARY KEY NOT NULL,
	"gathering_id" integer NOT NULL,
	"day" text NOT NULL,
	"recipients" integer NOT NULL,
	"sent_at" timestamp with time zone NOT NULL,
	"sent_by" integer
);
--> statement-breakpoint
CREATE TABLE "gathering_messages" (
	"id" serial PRIMARY KEY NOT NULL,
	"gathering_id" integer NOT NULL,
	"token" text NOT NULL,
	"subject" text NOT NULL,
	"include_waiting" boolean DEFAULT false NOT NULL,
	"recipients" integer NOT NULL,
	"sent_at" timestamp with time zone NOT NULL,
	"sent_by" integer
);
--> statement-breakpoint
ALTER TABLE "gathering_invitee_reminders" ADD CONSTRAINT "gathering_invitee_reminders_gathering_id_gatherings_id_fk" FOREIGN KEY ("gathering_id") REFERENCES "public"."gatherings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gathering_messages" ADD CONSTRAINT "gathering_messages_gathering_id_gatherings_id_fk" FOREIGN KEY ("gathering_id") REFERENCES "public"."gatherings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "gathering_invitee_reminders_day_uq" ON "gathering_invitee_reminders" USING btree ("gathering_id","day");--> statement-breakpoint
CREATE UNIQUE INDEX "gathering_messages_token_uq" ON "gathering_messages" USING btree ("gathering_id","token");