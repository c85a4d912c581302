CREATE TABLE "travel_claim_receipts" (
	"id" serial PRIMARY KEY NOT NULL,
	"claim_id" integer NOT NULL,
	"storage_key" text NOT NULL,
	"name" text NOT NULL,
	"type" text NOT NULL,
	"bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"uploaded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "travel_claims" (
	"id" serial PRIMARY KEY NOT NULL,
	"scheme_id" integer NOT NULL,
	"gathering_id" integer NOT NULL,
	"person_id" integer NOT NULL,
	"municipality_code" text,
	"route" text NOT NULL,
	"means" text NOT NULL,
	"amount_ore" bigint NOT NULL,
	"account_number" text NOT NULL,
	"state" text NOT NULL,
	"submitted_at" timestamp with time zone NOT NULL,
	"submitted_by" integer,
	"decided_at" timestamp with time zone,
	"decided_by" integer,
	"reason" text,
	"paid_at" timestamp with time zone,
	"paid_by" integer,
	"payment_reference" text
);
--> statement-breakpoint
ALTER TABLE "own_costs" ADD COLUMN "estimate" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "grant_schemes" ADD COLUMN "travel_ceiling_ore" bigint;--> statement-breakpoint
ALTER TABLE "travel_claim_receipts" ADD CONSTRAINT "travel_claim_receipts_claim_id_travel_claims_id_fk" FOREIGN KEY ("claim_id") REFERENCES "public"."travel_claims"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "travel_claims" ADD CONSTRAINT "travel_claims_scheme_id_grant_schemes_id_fk" FOREIGN KEY ("scheme_id") REFERENCES "public"."grant_schemes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "travel_claim_receipts_claim_idx" ON "travel_claim_receipts" USING btree ("claim_id");--> statement-breakpoint
CREATE UNIQUE INDEX "travel_claims_person_gathering_uq" ON "travel_claims" USING btree ("gathering_id","person_id") WHERE "travel_claims"."state" <> 'rejected';--> statement-breakpoint
CREATE INDEX "travel_claims_scheme_idx" ON "travel_claims" USING btree ("scheme_id","state");--> statement-breakpoint
CREATE INDEX "travel_claims_person_idx" ON "travel_claims" USING btree ("person_id");