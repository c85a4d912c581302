CREATE TABLE "gathering_attendance_counts" (
	"gathering_id" integer PRIMARY KEY NOT NULL,
	"marked" integer DEFAULT 0 NOT NULL,
	"present" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "unit_staff_counts" (
	"org_number" text PRIMARY KEY NOT NULL,
	"people" integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX "role_assignments_unit_staff_idx" ON "role_assignments" USING btree ("org_id","person_id") WHERE "role_assignments"."org_kind" = 'unit' and "role_assignments"."revoked_at" is null and "role_assignments"."role" in ('staff', 'unit-leader');--> statement-breakpoint
-- The units' staff counted afresh (after any change to their roles or people). Each unit's count is taken under a transaction lock on the unit, so that two transactions changing one unit's roles at once cannot leave a count that misses one of them.
CREATE FUNCTION unit_staff_recount(k_units text[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext('unit_staff_counts'), hashtext(u))
  FROM (SELECT DISTINCT u FROM unnest(k_units) u ORDER BY u) x;
  DELETE FROM unit_staff_counts WHERE org_number = ANY (k_units);
  INSERT INTO unit_staff_counts (org_number, people)
  SELECT r.org_id, count(DISTINCT r.person_id)::int
  FROM role_assignments r JOIN people p ON p.id = r.person_id AND p.deleted_at IS NULL
  WHERE r.org_id = ANY (k_units) AND r.org_kind = 'unit' AND r.revoked_at IS NULL
    AND r.role IN ('staff', 'unit-leader')
  GROUP BY r.org_id;
END $$;
--> statement-breakpoint
CREATE FUNCTION role_assignments_staff_count() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM unit_staff_recount(array(SELECT DISTINCT n.org_id FROM new_rows n
      WHERE n.org_kind = 'unit' AND n.role IN ('staff', 'unit-leader')));
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM unit_staff_recount(array(
      SELECT o.org_id FROM old_rows o WHERE o.org_kind = 'unit' AND o.role IN ('staff', 'unit-leader')
      UNION SELECT n.org_id FROM new_rows n WHERE n.org_kind = 'unit' AND n.role IN ('staff', 'unit-leader')));
  ELSE
    PERFORM unit_staff_recount(array(SELECT DISTINCT o.org_id FROM old_rows o
      WHERE o.org_kind = 'unit' AND o.role IN ('staff', 'unit-leader')));
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER role_assignments_staff_count_insert AFTER INSERT ON role_assignments
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION role_assignments_staff_count();
--> statement-breakpoint
CREATE TRIGGER role_assignments_staff_count_update AFTER UPDATE ON role_assignments
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION role_assignments_staff_count();
--> statement-breakpoint
CREATE TRIGGER role_assignments_staff_count_delete AFTER DELETE ON role_assignments
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION role_assignments_staff_count();
--> statement-breakpoint
-- A person deleted (or restored): the units they work at count afresh.
CREATE FUNCTION people_staff_count() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM unit_staff_recount(array(
    SELECT DISTINCT r.org_id FROM role_assignments r
    WHERE r.person_id IN (SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id
                          WHERE n.deleted_at IS DISTINCT FROM o.deleted_at)
      AND r.org_kind = 'unit' AND r.revoked_at IS NULL AND r.role IN ('staff', 'unit-leader')));
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER people_staff_count_update AFTER UPDATE ON people
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION people_staff_count();
--> statement-breakpoint
INSERT INTO unit_staff_counts (org_number, people)
SELECT r.org_id, count(DISTINCT r.person_id)::int
FROM role_assignments r JOIN people p ON p.id = r.person_id AND p.deleted_at IS NULL
WHERE r.org_kind = 'unit' AND r.revoked_at IS NULL AND r.role IN ('staff', 'unit-leader')
GROUP BY r.org_id;
--> statement-breakpoint
-- Whole-gathering attendance (no session): new marks are added, changed or removed ones subtracted and added again.
CREATE FUNCTION gathering_attendance_count() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    INSERT INTO gathering_attendance_counts AS c (gathering_id, marked, present)
    SELECT o.gathering_id, -count(*)::int, -(count(*) FILTER (WHERE o.status = 'present'))::int
    FROM old_rows o WHERE o.session_id IS NULL GROUP BY 1
    ON CONFLICT (gathering_id) DO UPDATE SET
      marked = c.marked + excluded.marked, present = c.present + excluded.present;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO gathering_attendance_counts AS c (gathering_id, marked, present)
    SELECT n.gathering_id, count(*)::int, (count(*) FILTER (WHERE n.status = 'present'))::int
    FROM new_rows n WHERE n.session_id IS NULL GROUP BY 1
    ON CONFLICT (gathering_id) DO UPDATE SET
      marked = c.marked + excluded.marked, present = c.present + excluded.present;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER gathering_attendance_count_insert AFTER INSERT ON gathering_attendance
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION gathering_attendance_count();
--> statement-breakpoint
CREATE TRIGGER gathering_attendance_count_update AFTER UPDATE ON gathering_attendance
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION gathering_attendance_count();
--> statement-breakpoint
CREATE TRIGGER gathering_attendance_count_delete AFTER DELETE ON gathering_attendance
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION gathering_attendance_count();
--> statement-breakpoint
INSERT INTO gathering_attendance_counts (gathering_id, marked, present)
SELECT gathering_id, count(*)::int, (count(*) FILTER (WHERE status = 'present'))::int
FROM gathering_attendance WHERE session_id IS NULL GROUP BY 1;
