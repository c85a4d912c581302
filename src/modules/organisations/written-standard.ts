import { and, eq, type SQL, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { recordAudit } from "../identity";
import { countyOfficeNames, municipalities, units, writtenStandards } from "./schema";

/** Bokmål or nynorsk: the two written standards the state writes to organisations in. */
export type WrittenStandard = "nb" | "nn";

/** A database or an open transaction: the caller's transaction is used when there is one. */
type Executor = Pick<Db, "select">;

/**
 * The written standard an organisation has chosen (mållova § 15): a unit's from the register, a
 * municipality's or county office's as set here; bokmål where none is known.
 */
export async function writtenStandardOf(
  db: Executor,
  kind: "municipality" | "unit" | "county-office",
  id: string,
): Promise<WrittenStandard> {
  if (kind === "unit") {
    const [row] = await db
      .select({ s: units.writtenStandard })
      .from(units)
      .where(eq(units.orgNumber, id));
    return row?.s === "nn" ? "nn" : "nb";
  }
  const [row] = await db
    .select({ s: writtenStandards.standard })
    .from(writtenStandards)
    .where(and(eq(writtenStandards.orgKind, kind), eq(writtenStandards.orgId, id)));
  return row?.s === "nn" ? "nn" : "nb";
}

/** Record an organisation's chosen written standard (audited). */
export async function setWrittenStandard(
  db: Db,
  kind: "municipality" | "county-office",
  id: string,
  standard: WrittenStandard,
  actor: { personId: number | null; now: Date },
) {
  await db.transaction(async (tx) => {
    const before = await writtenStandardOf(tx, kind, id);
    await tx
      .insert(writtenStandards)
      .values({
        orgKind: kind,
        orgId: id,
        standard,
        changedAt: actor.now,
        changedBy: actor.personId,
      })
      .onConflictDoUpdate({
        target: [writtenStandards.orgKind, writtenStandards.orgId],
        set: { standard, changedAt: actor.now, changedBy: actor.personId },
      });
    await recordAudit(tx, {
      actorId: actor.personId,
      action: "written-standard.set",
      entityType: kind,
      entityId: id,
      before: { standard: before },
      after: { standard },
      at: actor.now,
    });
  });
}

/** Municipalities and county offices that write nynorsk (real choices, used for letters). */
const NYNORSK = {
  "county-office": ["sf-vestland", "fm-sogn-og-fjordane"],
  municipality: ["1577", "1519", "1520", "4621", "4640", "4647", "1421", "1432"],
};

export async function seedWrittenStandards(db: Db, now: Date) {
  for (const [orgKind, ids] of Object.entries(NYNORSK)) {
    for (const orgId of ids) {
      await db
        .insert(writtenStandards)
        .values({ orgKind, orgId, standard: "nn", changedAt: now })
        .onConflictDoNothing();
    }
  }
}

/**
 * Organisations with their written standard and today's name, as a query another module
 * composes into its own (a message's segment, issue 14): `orgs` yields `org_kind`
 * (municipality, unit or county-office) and `org_id`; the result adds `lang` (nb where none is
 * known) and `label`.
 */
export function withStandardAndName(orgs: SQL): SQL {
  return sql`select o.org_kind, o.org_id,
      case when o.org_kind = 'unit'
        then coalesce((select u.written_standard from ${units} u where u.org_number = o.org_id), 'nb')
        else coalesce((select ws.standard from ${writtenStandards} ws
          where ws.org_kind = o.org_kind and ws.org_id = o.org_id), 'nb') end as lang,
      coalesce(case o.org_kind
        when 'unit' then (select u.name from ${units} u where u.org_number = o.org_id)
        when 'municipality' then (select m.name from ${municipalities} m
          where m.code = o.org_id order by m.valid_from desc limit 1)
        when 'county-office' then (select n.name_nb from ${countyOfficeNames} n
          where n.office_id = o.org_id order by n.valid_from desc limit 1)
        end, o.org_id) as label
    from (${orgs}) o`;
}
