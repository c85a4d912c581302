CREATE TABLE "travel_claim_legs" (
	"id" serial PRIMARY KEY NOT NULL,
	"claim_id" integer NOT NULL,
	"position" integer NOT NULL,
	"from_place" text NOT NULL,
	"to_place" text NOT NULL,
	"means" text NOT NULL,
	"distance_km" integer,
	"amount_ore" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "travel_claim_totals" (
	"scheme_id" integer NOT NULL,
	"state" text NOT NULL,
	"amount_ore" bigint NOT NULL,
	"count" integer NOT NULL,
	CONSTRAINT "travel_claim_totals_scheme_id_state_pk" PRIMARY KEY("scheme_id","state")
);
--> statement-breakpoint
ALTER TABLE "travel_claim_legs" ADD CONSTRAINT "travel_claim_legs_claim_id_travel_claims_id_fk" FOREIGN KEY ("claim_id") REFERENCES "public"."travel_claims"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "travel_claim_totals" ADD CONSTRAINT "travel_claim_totals_scheme_id_grant_schemes_id_fk" FOREIGN KEY ("scheme_id") REFERENCES "public"."grant_schemes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "travel_claim_legs_claim_position_uq" ON "travel_claim_legs" USING btree ("claim_id","position");--> statement-breakpoint
-- The totals of the claims made before this migration (decision 0045).
INSERT INTO "travel_claim_totals" ("scheme_id", "state", "amount_ore", "count") SELECT "scheme_id", "state", sum("amount_ore"), count(*) FROM "travel_claims" GROUP BY "scheme_id", "state";
