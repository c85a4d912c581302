CREATE TABLE "grant_schemes" (
	"id" serial PRIMARY KEY NOT NULL,
	"cohort_id" integer NOT NULL,
	"purposes" text[] NOT NULL,
	"basis" text NOT NULL,
	"amount_ore" bigint NOT NULL,
	"floor_ore" bigint,
	"ceiling_ore" bigint,
	"conditions_nb" text NOT NULL,
	"conditions_nn" text NOT NULL,
	"accept_deadline" date NOT NULL,
	"report_deadline" date NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"updated_by" integer
);
--> statement-breakpoint
CREATE TABLE "grants" (
	"id" serial PRIMARY KEY NOT NULL,
	"scheme_id" integer NOT NULL,
	"municipality_code" text NOT NULL,
	"enrolled_units" integer NOT NULL,
	"amount_ore" bigint NOT NULL,
	"state" text NOT NULL,
	"allocated_at" timestamp with time zone NOT NULL,
	"letter_sent_at" timestamp with time zone,
	"answered_at" timestamp with time zone,
	"answered_by" integer,
	"org_number" text,
	"account_number" text,
	"paid_at" timestamp with time zone,
	"paid_by" integer,
	"payment_reference" text,
	"used_ore" bigint,
	"used_for" text[],
	"account" text,
	"reported_at" timestamp with time zone,
	"reported_by" integer,
	"returned_ore" bigint,
	"closed_at" timestamp with time zone,
	"accept_reminded_at" timestamp with time zone,
	"report_reminded_at" timestamp with time zone,
	"report_overdue_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "grants" ADD CONSTRAINT "grants_scheme_id_grant_schemes_id_fk" FOREIGN KEY ("scheme_id") REFERENCES "public"."grant_schemes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "grant_schemes_cohort_uq" ON "grant_schemes" USING btree ("cohort_id");--> statement-breakpoint
CREATE UNIQUE INDEX "grants_scheme_municipality_uq" ON "grants" USING btree ("scheme_id","municipality_code");--> statement-breakpoint
CREATE INDEX "grants_municipality_idx" ON "grants" USING btree ("municipality_code");--> statement-breakpoint
CREATE INDEX "grants_open_idx" ON "grants" USING btree ("state") WHERE "grants"."state" in ('letter-sent', 'paid');