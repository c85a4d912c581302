CREATE TABLE "gathering_evaluation_respondents" (
	"gathering_id" integer NOT NULL,
	"registration_id" integer NOT NULL,
	CONSTRAINT "gathering_evaluation_respondents_registration_id_pk" PRIMARY KEY("registration_id")
);
--> statement-breakpoint
CREATE TABLE "gathering_evaluation_responses" (
	"gathering_id" integer NOT NULL,
	"answered_on" date NOT NULL,
	"answers" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "gathering_evaluations" (
	"gathering_id" integer PRIMARY KEY NOT NULL,
	"questions" jsonb NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"updated_by" integer,
	"invited_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "gathering_evaluation_respondents" ADD CONSTRAINT "gathering_evaluation_respondents_gathering_id_gatherings_id_fk" FOREIGN KEY ("gathering_id") REFERENCES "public"."gatherings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gathering_evaluation_respondents" ADD CONSTRAINT "gathering_evaluation_respondents_registration_id_gathering_registrations_id_fk" FOREIGN KEY ("registration_id") REFERENCES "public"."gathering_registrations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gathering_evaluation_responses" ADD CONSTRAINT "gathering_evaluation_responses_gathering_id_gatherings_id_fk" FOREIGN KEY ("gathering_id") REFERENCES "public"."gatherings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gathering_evaluations" ADD CONSTRAINT "gathering_evaluations_gathering_id_gatherings_id_fk" FOREIGN KEY ("gathering_id") REFERENCES "public"."gatherings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "gathering_evaluation_respondents_gathering_idx" ON "gathering_evaluation_respondents" USING btree ("gathering_id");--> statement-breakpoint
CREATE INDEX "gathering_evaluation_responses_gathering_idx" ON "gathering_evaluation_responses" USING btree ("gathering_id");