import { type SQL, sql } from "drizzle-orm";
import { osloToday } from "../../kernel/clock";
import { roleAddressesQuery } from "../identity";
import { withStandardAndName } from "../organisations";
import { cohortContacts, cohortInvitations } from "./schema";

// The cohort's segments for a message (issue 14, decision 0040): each a query yielding
// `address`, `lang` (the organisation's written standard), `label` (the organisation's name)
// and `name`, computed by the mailings module at send time and frozen with the send. The
// sender's right to the segment is checked by the caller; `officeIds` narrows to the
// invitations a county office sent (null: the whole cohort, for the programme's admin).

const inList = (column: SQL, values: string[]) =>
  sql`${column} in (${sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  )})`;

/** The offices' part of the cohort: every invitation (null), or those the offices sent. */
function byOffices(officeIds: string[] | null): SQL {
  if (officeIds === null) return sql`true`;
  if (officeIds.length === 0) return sql`false`;
  return inList(sql`i.office_id`, officeIds);
}

/**
 * The municipalities (and private units invited directly) invited to the cohort that have not
 * answered and still may (the deadline, Europe/Oslo, not passed): their coordinators (unit
 * leaders) and those invited to be, who are the ones to answer.
 */
export function nonRespondentsSegment(
  cohortId: number,
  officeIds: string[] | null,
  now: Date,
): SQL {
  const orgs = sql`select i.invitee_kind as org_kind, i.invitee_id as org_id
      from ${cohortInvitations} i
     where i.cohort_id = ${cohortId} and i.state = 'invited'
       and i.deadline >= ${osloToday(now)}::date and ${byOffices(officeIds)}`;
  return roleAddressesQuery(
    withStandardAndName(orgs),
    ["municipal-coordinator", "unit-leader"],
    now,
  );
}

/** Where the cohort's people are: one county (first two digits of the code) or one municipality. */
export type CohortPlace = { county: string } | { municipality: string };

/**
 * The coordinators and resource persons of the municipalities taking part in the cohort (an
 * accepted invitation) in a county or one municipality: those holding the role, and the resource
 * person the municipality named for the cohort.
 */
export function cohortPeopleSegment(
  cohortId: number,
  place: CohortPlace,
  officeIds: string[] | null,
  now: Date,
): SQL {
  const where =
    "county" in place
      ? sql`left(i.invitee_id, 2) = ${place.county}`
      : sql`i.invitee_id = ${place.municipality}`;
  const accepted = sql`select i.id as invitation_id, i.invitee_kind as org_kind, i.invitee_id as org_id
      from ${cohortInvitations} i
     where i.cohort_id = ${cohortId} and i.invitee_kind = 'municipality'
       and i.state = 'accepted' and ${where} and ${byOffices(officeIds)}`;
  const named = withStandardAndName(sql`select org_kind, org_id from (${accepted}) a`);
  return sql`${roleAddressesQuery(named, ["municipal-coordinator", "resource-person"], now)}
    union all
    select c.email as address, o.lang, o.label, c.name as name
      from (${accepted}) a
      join (${named}) o on o.org_id = a.org_id
      join ${cohortContacts} c on c.invitation_id = a.invitation_id
       and c.kind = 'resource-person' and c.ended_at is null`;
}
