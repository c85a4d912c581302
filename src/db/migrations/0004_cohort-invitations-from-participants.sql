-- Participants recorded before the invitation chain existed become accepted invitations, dated
-- at the cohort's start and answered by nobody in particular.
INSERT INTO "cohort_invitations" ("cohort_id", "office_id", "invitee_kind", "invitee_id", "state", "deadline", "invited_at", "answered_at")
SELECT cm."cohort_id", cm."office_id", 'municipality', cm."municipality_code", 'accepted',
       coalesce(c."office_invite_deadline", c."starts_on"), (c."starts_on"::timestamp AT TIME ZONE 'Europe/Oslo'), (c."starts_on"::timestamp AT TIME ZONE 'Europe/Oslo')
FROM "cohort_municipalities" cm JOIN "cohorts" c ON c."id" = cm."cohort_id"
ON CONFLICT DO NOTHING;--> statement-breakpoint
DROP TABLE "cohort_municipalities" CASCADE;
