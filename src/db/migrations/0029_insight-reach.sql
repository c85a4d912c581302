CREATE TABLE "insight_reach_counts" (
	"municipality_code" text NOT NULL,
	"county_code" text NOT NULL,
	"cohort_ids" integer[] NOT NULL,
	"active" boolean NOT NULL,
	"units" integer NOT NULL,
	"kindergartens" integer NOT NULL,
	"schools" integer NOT NULL,
	"public" integer NOT NULL,
	"private" integer NOT NULL,
	"staff" integer NOT NULL,
	CONSTRAINT "insight_reach_counts_pk" PRIMARY KEY("municipality_code","county_code","cohort_ids","active")
);
--> statement-breakpoint
CREATE INDEX "cohort_enrolments_unit_idx" ON "cohort_enrolments" USING btree ("unit_org_number") WHERE "cohort_enrolments"."withdrawn_at" is null;--> statement-breakpoint
-- The reach counts of these municipalities (null: of every one) counted afresh from the units, their enrolments and their kept staff counts. Each municipality is counted under a transaction lock on it, so that two transactions changing one municipality's units at once cannot leave a count that misses one of them (or both insert its rows); every municipality at once under a lock on the whole table.
CREATE FUNCTION insight_reach_recount(k_municipalities text[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF k_municipalities IS NULL THEN
    LOCK TABLE insight_reach_counts IN EXCLUSIVE MODE;
    DELETE FROM insight_reach_counts;
    INSERT INTO insight_reach_counts
      (municipality_code, county_code, cohort_ids, active, units, kindergartens, schools, public, private, staff)
    SELECT u.municipality_code, u.county_code, coalesce(e.cohort_ids, '{}'), u.active, count(*)::int,
           (count(*) FILTER (WHERE u.is_kindergarten))::int, (count(*) FILTER (WHERE u.is_school))::int,
           (count(*) FILTER (WHERE u.owner = 'public'))::int, (count(*) FILTER (WHERE u.owner = 'private'))::int,
           coalesce(sum(s.people), 0)::int
    FROM units u
    LEFT JOIN (SELECT e.unit_org_number, array_agg(DISTINCT e.cohort_id ORDER BY e.cohort_id) AS cohort_ids
               FROM cohort_enrolments e WHERE e.withdrawn_at IS NULL GROUP BY 1) e
      ON e.unit_org_number = u.org_number
    LEFT JOIN unit_staff_counts s ON s.org_number = u.org_number
    GROUP BY 1, 2, 3, 4;
    RETURN;
  END IF;
  IF cardinality(k_municipalities) = 0 THEN
    RETURN;
  END IF;
  PERFORM pg_advisory_xact_lock(hashtext('insight_reach_counts'), hashtext(m))
  FROM (SELECT DISTINCT m FROM unnest(k_municipalities) m WHERE m IS NOT NULL ORDER BY m) x;
  DELETE FROM insight_reach_counts WHERE municipality_code = ANY (k_municipalities);
  INSERT INTO insight_reach_counts
    (municipality_code, county_code, cohort_ids, active, units, kindergartens, schools, public, private, staff)
  SELECT u.municipality_code, u.county_code, coalesce(e.cohort_ids, '{}'), u.active, count(*)::int,
         (count(*) FILTER (WHERE u.is_kindergarten))::int, (count(*) FILTER (WHERE u.is_school))::int,
         (count(*) FILTER (WHERE u.owner = 'public'))::int, (count(*) FILTER (WHERE u.owner = 'private'))::int,
         coalesce(sum(s.people), 0)::int
  FROM units u
  LEFT JOIN LATERAL (SELECT array_agg(DISTINCT e.cohort_id ORDER BY e.cohort_id) AS cohort_ids
                     FROM cohort_enrolments e
                     WHERE e.unit_org_number = u.org_number AND e.withdrawn_at IS NULL) e ON true
  LEFT JOIN unit_staff_counts s ON s.org_number = u.org_number
  WHERE u.municipality_code = ANY (k_municipalities)
  GROUP BY 1, 2, 3, 4;
END $$;
--> statement-breakpoint
-- A unit added, changed where the counts can see it (place, type, owner, active) or removed: its municipalities, before and after, count afresh.
CREATE FUNCTION units_reach_count() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM insight_reach_recount(array(SELECT DISTINCT n.municipality_code FROM new_rows n));
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM insight_reach_recount(array(
      SELECT o.municipality_code FROM old_rows o LEFT JOIN new_rows n ON n.org_number = o.org_number
      WHERE n.org_number IS NULL
         OR (o.municipality_code, o.county_code, o.is_school, o.is_kindergarten, o.owner, o.active)
            IS DISTINCT FROM (n.municipality_code, n.county_code, n.is_school, n.is_kindergarten, n.owner, n.active)
      UNION
      SELECT n.municipality_code FROM new_rows n LEFT JOIN old_rows o ON o.org_number = n.org_number
      WHERE o.org_number IS NULL
         OR (o.municipality_code, o.county_code, o.is_school, o.is_kindergarten, o.owner, o.active)
            IS DISTINCT FROM (n.municipality_code, n.county_code, n.is_school, n.is_kindergarten, n.owner, n.active)));
  ELSE
    PERFORM insight_reach_recount(array(SELECT DISTINCT o.municipality_code FROM old_rows o));
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER units_reach_count_insert AFTER INSERT ON units
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION units_reach_count();
--> statement-breakpoint
CREATE TRIGGER units_reach_count_update AFTER UPDATE ON units
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION units_reach_count();
--> statement-breakpoint
CREATE TRIGGER units_reach_count_delete AFTER DELETE ON units
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION units_reach_count();
--> statement-breakpoint
-- A unit enrolled, withdrawn or moved between cohorts, or its staff counted afresh: the municipality the register places it in counts afresh.
CREATE FUNCTION cohort_enrolments_reach_count() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM insight_reach_recount(array(SELECT DISTINCT u.municipality_code FROM units u
      WHERE u.org_number IN (SELECT n.unit_org_number FROM new_rows n)));
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM insight_reach_recount(array(SELECT DISTINCT u.municipality_code FROM units u
      WHERE u.org_number IN (SELECT o.unit_org_number FROM old_rows o
                             UNION SELECT n.unit_org_number FROM new_rows n)));
  ELSE
    PERFORM insight_reach_recount(array(SELECT DISTINCT u.municipality_code FROM units u
      WHERE u.org_number IN (SELECT o.unit_org_number FROM old_rows o)));
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER cohort_enrolments_reach_count_insert AFTER INSERT ON cohort_enrolments
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION cohort_enrolments_reach_count();
--> statement-breakpoint
CREATE TRIGGER cohort_enrolments_reach_count_update AFTER UPDATE ON cohort_enrolments
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION cohort_enrolments_reach_count();
--> statement-breakpoint
CREATE TRIGGER cohort_enrolments_reach_count_delete AFTER DELETE ON cohort_enrolments
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION cohort_enrolments_reach_count();
--> statement-breakpoint
CREATE FUNCTION unit_staff_counts_reach_count() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM insight_reach_recount(array(SELECT DISTINCT u.municipality_code FROM units u
      WHERE u.org_number IN (SELECT n.org_number FROM new_rows n)));
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM insight_reach_recount(array(SELECT DISTINCT u.municipality_code FROM units u
      WHERE u.org_number IN (SELECT o.org_number FROM old_rows o UNION SELECT n.org_number FROM new_rows n)));
  ELSE
    PERFORM insight_reach_recount(array(SELECT DISTINCT u.municipality_code FROM units u
      WHERE u.org_number IN (SELECT o.org_number FROM old_rows o)));
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER unit_staff_counts_reach_count_insert AFTER INSERT ON unit_staff_counts
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION unit_staff_counts_reach_count();
--> statement-breakpoint
CREATE TRIGGER unit_staff_counts_reach_count_update AFTER UPDATE ON unit_staff_counts
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION unit_staff_counts_reach_count();
--> statement-breakpoint
CREATE TRIGGER unit_staff_counts_reach_count_delete AFTER DELETE ON unit_staff_counts
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION unit_staff_counts_reach_count();
--> statement-breakpoint
SELECT insight_reach_recount(null);
