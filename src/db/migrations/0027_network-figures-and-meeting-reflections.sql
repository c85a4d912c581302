CREATE INDEX "development_reflections_shared_at_idx" ON "development_reflections" USING btree ("written_at") WHERE "development_reflections"."shared";--> statement-breakpoint
CREATE INDEX "development_reflections_about_idx" ON "development_reflections" USING btree ("about_kind","about_id");--> statement-breakpoint
CREATE INDEX "learning_networks_cohort_idx" ON "learning_networks" USING btree ("cohort_id");--> statement-breakpoint
CREATE INDEX "network_members_unit_idx" ON "network_members" USING btree ("unit_org_number");