CREATE TABLE "development_unit_counts" (
	"cohort_id" integer NOT NULL,
	"unit_org_number" text NOT NULL,
	"planned" integer DEFAULT 0 NOT NULL,
	"under_way" integer DEFAULT 0 NOT NULL,
	"done" integer DEFAULT 0 NOT NULL,
	"dropped" integer DEFAULT 0 NOT NULL,
	"reflections" integer DEFAULT 0 NOT NULL,
	"shared" integer DEFAULT 0 NOT NULL,
	"follow_ups" integer DEFAULT 0 NOT NULL,
	"last_follow_up" date,
	CONSTRAINT "development_unit_counts_cohort_id_unit_org_number_pk" PRIMARY KEY("cohort_id","unit_org_number")
);
--> statement-breakpoint
-- A unit's figures counted afresh from its plan's measures and reflections and its follow-ups (after a change or a deletion, and to fill the table below).
CREATE FUNCTION development_unit_recount(k_cohort integer, k_unit text) RETURNS void LANGUAGE sql AS $$
  INSERT INTO development_unit_counts AS c
    (cohort_id, unit_org_number, planned, under_way, done, dropped, reflections, shared, follow_ups, last_follow_up)
  SELECT k_cohort, k_unit, m.planned, m.under_way, m.done, m.dropped, r.reflections, r.shared, f.follow_ups, f.last_follow_up
  FROM (SELECT (count(*) FILTER (WHERE x.status = 'planned'))::int AS planned,
               (count(*) FILTER (WHERE x.status = 'under-way'))::int AS under_way,
               (count(*) FILTER (WHERE x.status = 'done'))::int AS done,
               (count(*) FILTER (WHERE x.status = 'dropped'))::int AS dropped
        FROM development_measures x JOIN development_plans p ON p.id = x.plan_id
        WHERE p.cohort_id = k_cohort AND p.unit_org_number = k_unit) m,
       (SELECT count(*)::int AS reflections, (count(*) FILTER (WHERE y.shared))::int AS shared
        FROM development_reflections y JOIN development_plans p ON p.id = y.plan_id
        WHERE p.cohort_id = k_cohort AND p.unit_org_number = k_unit) r,
       (SELECT count(*)::int AS follow_ups, max(z.held_on) AS last_follow_up
        FROM development_follow_ups z WHERE z.cohort_id = k_cohort AND z.unit_org_number = k_unit) f
  ON CONFLICT (cohort_id, unit_org_number) DO UPDATE SET
    planned = excluded.planned, under_way = excluded.under_way, done = excluded.done,
    dropped = excluded.dropped, reflections = excluded.reflections, shared = excluded.shared,
    follow_ups = excluded.follow_ups, last_follow_up = excluded.last_follow_up;
$$;
--> statement-breakpoint
-- One statement's rows are counted together: new measures are added, changed or deleted ones make their units count afresh.
CREATE FUNCTION development_measures_count() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO development_unit_counts AS c (cohort_id, unit_org_number, planned, under_way, done, dropped)
    SELECT p.cohort_id, p.unit_org_number,
           (count(*) FILTER (WHERE n.status = 'planned'))::int, (count(*) FILTER (WHERE n.status = 'under-way'))::int,
           (count(*) FILTER (WHERE n.status = 'done'))::int, (count(*) FILTER (WHERE n.status = 'dropped'))::int
    FROM new_rows n JOIN development_plans p ON p.id = n.plan_id GROUP BY 1, 2
    ON CONFLICT (cohort_id, unit_org_number) DO UPDATE SET
      planned = c.planned + excluded.planned, under_way = c.under_way + excluded.under_way,
      done = c.done + excluded.done, dropped = c.dropped + excluded.dropped;
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM development_unit_recount(k.cohort_id, k.unit_org_number)
    FROM (SELECT p.cohort_id, p.unit_org_number FROM development_plans p
          WHERE p.id IN (SELECT o.plan_id FROM old_rows o UNION SELECT n.plan_id FROM new_rows n)) k;
  ELSE
    PERFORM development_unit_recount(k.cohort_id, k.unit_org_number)
    FROM (SELECT p.cohort_id, p.unit_org_number FROM development_plans p
          WHERE p.id IN (SELECT o.plan_id FROM old_rows o)) k;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER development_measures_count_insert AFTER INSERT ON development_measures
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION development_measures_count();
--> statement-breakpoint
CREATE TRIGGER development_measures_count_update AFTER UPDATE ON development_measures
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION development_measures_count();
--> statement-breakpoint
CREATE TRIGGER development_measures_count_delete AFTER DELETE ON development_measures
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION development_measures_count();
--> statement-breakpoint
CREATE FUNCTION development_reflections_count() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO development_unit_counts AS c (cohort_id, unit_org_number, reflections, shared)
    SELECT p.cohort_id, p.unit_org_number, count(*)::int, (count(*) FILTER (WHERE n.shared))::int
    FROM new_rows n JOIN development_plans p ON p.id = n.plan_id GROUP BY 1, 2
    ON CONFLICT (cohort_id, unit_org_number) DO UPDATE SET
      reflections = c.reflections + excluded.reflections, shared = c.shared + excluded.shared;
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM development_unit_recount(k.cohort_id, k.unit_org_number)
    FROM (SELECT p.cohort_id, p.unit_org_number FROM development_plans p
          WHERE p.id IN (SELECT o.plan_id FROM old_rows o UNION SELECT n.plan_id FROM new_rows n)) k;
  ELSE
    PERFORM development_unit_recount(k.cohort_id, k.unit_org_number)
    FROM (SELECT p.cohort_id, p.unit_org_number FROM development_plans p
          WHERE p.id IN (SELECT o.plan_id FROM old_rows o)) k;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER development_reflections_count_insert AFTER INSERT ON development_reflections
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION development_reflections_count();
--> statement-breakpoint
CREATE TRIGGER development_reflections_count_update AFTER UPDATE ON development_reflections
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION development_reflections_count();
--> statement-breakpoint
CREATE TRIGGER development_reflections_count_delete AFTER DELETE ON development_reflections
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION development_reflections_count();
--> statement-breakpoint
CREATE FUNCTION development_follow_ups_count() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO development_unit_counts AS c (cohort_id, unit_org_number, follow_ups, last_follow_up)
    SELECT n.cohort_id, n.unit_org_number, count(*)::int, max(n.held_on)
    FROM new_rows n GROUP BY 1, 2
    ON CONFLICT (cohort_id, unit_org_number) DO UPDATE SET
      follow_ups = c.follow_ups + excluded.follow_ups,
      last_follow_up = greatest(c.last_follow_up, excluded.last_follow_up);
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM development_unit_recount(k.cohort_id, k.unit_org_number)
    FROM (SELECT o.cohort_id, o.unit_org_number FROM old_rows o
          UNION SELECT n.cohort_id, n.unit_org_number FROM new_rows n) k;
  ELSE
    PERFORM development_unit_recount(k.cohort_id, k.unit_org_number)
    FROM (SELECT DISTINCT o.cohort_id, o.unit_org_number FROM old_rows o) k;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER development_follow_ups_count_insert AFTER INSERT ON development_follow_ups
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION development_follow_ups_count();
--> statement-breakpoint
CREATE TRIGGER development_follow_ups_count_update AFTER UPDATE ON development_follow_ups
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION development_follow_ups_count();
--> statement-breakpoint
CREATE TRIGGER development_follow_ups_count_delete AFTER DELETE ON development_follow_ups
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION development_follow_ups_count();
--> statement-breakpoint
SELECT development_unit_recount(k.cohort_id, k.unit_org_number)
FROM (SELECT cohort_id, unit_org_number FROM development_plans
      UNION SELECT cohort_id, unit_org_number FROM development_follow_ups) k;
