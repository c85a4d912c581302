import { type SQL, sql } from "drizzle-orm";
import { personAddressesQuery } from "../identity";
import { withStandardAndName } from "../organisations";
import { gatheringRegistrations } from "./schema";

/**
 * Everyone registered for a gathering (a seat, an offer or a place on the waiting list; not the
 * cancelled), as a message's segment (issue 14, decision 0040): yields `address`, `lang` (the
 * written standard of the person's municipality, else of their unit) and `label` (its name).
 * Computed by the mailings module at send time; the sender's right is the caller's check.
 */
export function registeredSegment(gatheringId: number): SQL {
  const regs = sql`select r.person_id,
        case when r.municipality_code is not null then 'municipality'
             when r.unit_org_number is not null then 'unit' else 'none' end as org_kind,
        coalesce(r.municipality_code, r.unit_org_number, '') as org_id
      from ${gatheringRegistrations} r
     where r.gathering_id = ${gatheringId} and r.status <> 'cancelled'`;
  const named = withStandardAndName(sql`select distinct org_kind, org_id from (${regs}) g`);
  return personAddressesQuery(sql`select g.person_id,
        coalesce(o.lang, 'nb') as lang,
        case when g.org_kind = 'none' then null else o.label end as label
      from (${regs}) g left join (${named}) o on o.org_kind = g.org_kind and o.org_id = g.org_id`);
}
