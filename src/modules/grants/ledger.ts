import { asc, eq, inArray, sql } from "drizzle-orm";
import type { Executor } from "../../db/client";
import type { Cell } from "../../kernel/spreadsheet";
import { cohortRef } from "../cohorts";
import { kronerWithTwoDecimals } from "./money";
import { grants } from "./schema";
import type { Grant } from "./schemes";
import type { TravelClaim } from "./travel";

/** The ledger's figures, in øre: what was allocated and what became of it. */
export type Figures = {
  allocated: number;
  accepted: number;
  paid: number;
  reported: number;
  unused: number;
  toReturn: number;
  returned: number;
};

export const FIGURES = [
  "allocated",
  "accepted",
  "paid",
  "reported",
  "unused",
  "toReturn",
  "returned",
] as const satisfies (keyof Figures)[];

export const zero = (): Figures => ({
  allocated: 0,
  accepted: 0,
  paid: 0,
  reported: 0,
  unused: 0,
  toReturn: 0,
  returned: 0,
});

const ACCEPTED = new Set(["accepted", "paid", "reported", "closed"]);
const PAID = new Set(["paid", "reported", "closed"]);
const REPORTED = new Set(["reported", "closed"]);

/**
 * One grant's figures: allocated unless declined; accepted, paid, reported as it went; unused is
 * what a report left of the grant, to be returned until the return is received (closed).
 */
export function figuresOf(
  g: Pick<Grant, "state" | "amountOre" | "usedOre" | "returnedOre">,
): Figures {
  const f = zero();
  if (g.state !== "declined") f.allocated = g.amountOre;
  if (ACCEPTED.has(g.state)) f.accepted = g.amountOre;
  if (PAID.has(g.state)) f.paid = g.amountOre;
  if (REPORTED.has(g.state)) {
    f.reported = g.usedOre ?? 0;
    f.unused = g.amountOre - (g.usedOre ?? 0);
    if (g.state === "reported") f.toReturn = f.unused;
    else f.returned = g.returnedOre ?? 0;
  }
  return f;
}

/** Add figures into a running total (integers: exact to the øre). */
export function addInto(total: Figures, f: Figures): Figures {
  for (const k of FIGURES) total[k] += f[k];
  return total;
}

/**
 * The same totals summed by the database (bigint sums, exact): a check on the rows' sum in the
 * tests and the benchmark, one row per scheme.
 */
export async function databaseTotals(
  db: Executor,
  schemeIds: number[],
): Promise<Map<number, Figures>> {
  if (schemeIds.length === 0) return new Map();
  const s = (expr: ReturnType<typeof sql>) => sql<string>`coalesce(sum(${expr}), 0)::bigint::text`;
  const rows = await db
    .select({
      schemeId: grants.schemeId,
      allocated: s(sql`case when ${grants.state} <> 'declined' then ${grants.amountOre} end`),
      accepted: s(
        sql`case when ${grants.state} in ('accepted','paid','reported','closed') then ${grants.amountOre} end`,
      ),
      paid: s(
        sql`case when ${grants.state} in ('paid','reported','closed') then ${grants.amountOre} end`,
      ),
      reported: s(
        sql`case when ${grants.state} in ('reported','closed') then ${grants.usedOre} end`,
      ),
      unused: s(
        sql`case when ${grants.state} in ('reported','closed') then ${grants.amountOre} - ${grants.usedOre} end`,
      ),
      toReturn: s(
        sql`case when ${grants.state} = 'reported' then ${grants.amountOre} - ${grants.usedOre} end`,
      ),
      returned: s(sql`case when ${grants.state} = 'closed' then ${grants.returnedOre} end`),
    })
    .from(grants)
    .where(inArray(grants.schemeId, schemeIds))
    .groupBy(grants.schemeId);
  return new Map(
    rows.map((r) => [
      r.schemeId,
      Object.fromEntries(FIGURES.map((k) => [k, Number(r[k])])) as Figures,
    ]),
  );
}

/** What a row of the ledger needs of a grant: no timestamps, accounts or references. */
export type LedgerGrant = Pick<
  Grant,
  "id" | "municipalityCode" | "enrolledUnits" | "state" | "amountOre" | "usedOre" | "returnedOre"
>;

/**
 * The rows of a scheme's ledger, by municipality number: only the columns the page shows (the
 * full rows cost more to read and parse than the page costs to render), on the unique index
 * (scheme, municipality), which needs no statistics to be chosen.
 */
export async function ledgerGrants(db: Executor, schemeId: number): Promise<LedgerGrant[]> {
  return db
    .select({
      id: grants.id,
      municipalityCode: grants.municipalityCode,
      enrolledUnits: grants.enrolledUnits,
      state: grants.state,
      amountOre: grants.amountOre,
      usedOre: grants.usedOre,
      returnedOre: grants.returnedOre,
    })
    .from(grants)
    .where(eq(grants.schemeId, schemeId))
    .orderBy(asc(grants.municipalityCode));
}

/**
 * The payment file's columns, in this order (decision 0032): organisation number, name,
 * account number, amount in kroner with two decimals and a point ("12500.50"), reference, cohort.
 */
export const PAYMENT_COLUMNS = [
  "organisasjonsnummer",
  "navn",
  "kontonummer",
  "belop",
  "referanse",
  "pulje",
] as const;

/**
 * The payment file's rows, header first: every grant of the scheme whose payment is recorded,
 * then every paid travel claim (decision 0033: no organisation number, the participant's name
 * and account, the reference `SAMSPILL-RS-<claim id>`).
 */
export async function paymentFileRows(
  db: Executor,
  scheme: { id: number; cohortId: number },
  names: Map<string, string>,
  schemeGrants: Grant[],
  claims: { rows: TravelClaim[]; people: Map<number, string | null> } = {
    rows: [],
    people: new Map(),
  },
): Promise<Cell[][]> {
  const cohort = await cohortRef(db, scheme.cohortId);
  const paid = schemeGrants.filter((g) => g.paymentReference !== null);
  const number = String(cohort?.number ?? "");
  return [
    [...PAYMENT_COLUMNS],
    ...paid.map((g) => [
      g.orgNumber ?? "",
      names.get(g.municipalityCode) ?? g.municipalityCode,
      g.accountNumber ?? "",
      kronerWithTwoDecimals(g.amountOre),
      g.paymentReference ?? "",
      number,
    ]),
    ...claims.rows
      .filter((c) => c.paymentReference !== null)
      .map((c) => [
        "",
        claims.people.get(c.personId) ?? "",
        c.accountNumber,
        kronerWithTwoDecimals(c.amountOre),
        c.paymentReference ?? "",
        number,
      ]),
  ];
}
