CREATE TABLE "page_feedback_monthly" (
	"page" text NOT NULL,
	"lang" text NOT NULL,
	"month" text NOT NULL,
	"answers" integer DEFAULT 0 NOT NULL,
	"yes" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "page_feedback_monthly_page_lang_month_pk" PRIMARY KEY("page","lang","month")
);
--> statement-breakpoint
-- One statement's rows (columns qualified: FOUND is also a PL/pgSQL variable) are counted together: a batch of answers is one upsert per page and month.
CREATE FUNCTION page_feedback_monthly_count() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO page_feedback_monthly AS m (page, lang, month, answers, yes)
  SELECT r.page, r.lang, to_char(r.created_at AT TIME ZONE 'Europe/Oslo', 'YYYY-MM'),
         count(*)::int, (count(*) FILTER (WHERE r.found))::int
  FROM new_rows r GROUP BY 1, 2, 3
  ON CONFLICT (page, lang, month)
  DO UPDATE SET answers = m.answers + excluded.answers, yes = m.yes + excluded.yes;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER page_feedback_monthly_count AFTER INSERT ON page_feedback
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION page_feedback_monthly_count();
--> statement-breakpoint
INSERT INTO page_feedback_monthly (page, lang, month, answers, yes)
SELECT page, lang, to_char(created_at AT TIME ZONE 'Europe/Oslo', 'YYYY-MM'),
       count(*)::int, (count(*) FILTER (WHERE found))::int
FROM page_feedback GROUP BY 1, 2, 3;
