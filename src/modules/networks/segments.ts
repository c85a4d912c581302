import { type SQL, sql } from "drizzle-orm";
import { withStandardAndName } from "../organisations";
import { networkMembers } from "./schema";

/**
 * The members of a learning network now (not removed), as a message's segment (issue 14,
 * decision 0040): yields `address` (the member's work address as added), `lang` (the written
 * standard of the member's municipality), `label` (the municipality's name) and `name`.
 * Computed by the mailings module at send time; the sender's right is the caller's check.
 */
export function membersSegment(networkId: number): SQL {
  const members = sql`select m.email, m.name, m.municipality_code
      from ${networkMembers} m where m.network_id = ${networkId} and m.removed_at is null`;
  const named = withStandardAndName(
    sql`select distinct 'municipality' as org_kind, municipality_code as org_id from (${members}) x`,
  );
  return sql`select m.email as address, o.lang, o.label, m.name as name
      from (${members}) m join (${named}) o on o.org_id = m.municipality_code`;
}
