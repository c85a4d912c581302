import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testApp } from "../../../tests/support/app";
import { databaseKinds } from "../../../tests/support/db";
import { demoPeopleIds } from "../../../tests/support/people";
import { temporaryFileStore } from "../../kernel/storage";
import { cohortIdOf } from "../cohorts";
import { attendedNationalGatherings } from "../gatherings";
import { auditLog } from "../identity/schema";
import { programmesOwnedBy } from "../programmes";
import { demoAccountNumber } from "./demo";
import { addInto, figuresOf, paymentFileRows, zero } from "./ledger";
import { payAccepted } from "./life";
import { GRANT_STATES, travelClaims } from "./schema";
import { grantsOfScheme, type Scheme, saveScheme, schemeOfCohort } from "./schemes";
import {
  claimableGatherings,
  claimsOfScheme,
  decideClaim,
  type LegInput,
  legsOf,
  rebuildTravelTotals,
  receiptsOf,
  routeOf,
  submitClaim,
  summedTravelTotals,
  travelTotals,
} from "./travel";

const files = temporaryFileStore();
const PDF = new TextEncoder().encode("%PDF-1.4\n% a receipt\n%%EOF\n");
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);

describe.each(databaseKinds)("travel support for national gatherings (%s)", (kind) => {
  let t: Awaited<ReturnType<typeof testApp>>;
  let ids: Record<string, number>;
  let scheme: Scheme;
  let gatheringId: number;
  /** Cohort 1's attendees of the national gathering who have not claimed in the demo. */
  let free: number[];
  const account = demoAccountNumber("4000000000");
  const leg = (over: Partial<LegInput> = {}): LegInput => ({
    from: "Kvinesdal",
    to: "Oslo",
    means: "train",
    distance: "",
    amount: "1 999,99",
    ...over,
  });
  /** A claim of one leg; `amount` (and the other leg fields) set that leg. */
  const claim = (
    personId: number,
    over: Partial<LegInput> & { legs?: readonly LegInput[]; [k: string]: unknown } = {},
  ) => {
    const { from, to, means, distance, amount, legs, ...rest } = over;
    const one = Object.fromEntries(
      Object.entries({ from, to, means, distance, amount }).filter(([, v]) => v !== undefined),
    );
    return {
      gatheringId,
      personId,
      legs: legs ? [...legs] : [leg(one)],
      accountNumber: account,
      receipts: [{ name: "billett.pdf", bytes: PDF }],
      ...rest,
    };
  };
  const by = (personId: number | null) => ({ personId, now: t.clock.now() });

  beforeAll(async () => {
    t = await testApp(kind, { demoPeople: true });
    ids = await demoPeopleIds(t.db, ["ada", "kari"]);
    const [ibs] = await programmesOwnedBy(t.db, ["udir"]);
    const cohort1 = (await cohortIdOf(t.db, ibs!.id, 1))!;
    scheme = (await schemeOfCohort(t.db, cohort1))!;
    const claims = await claimsOfScheme(t.db, scheme.id);
    gatheringId = claims[0]!.gatheringId;
    const attendees = await attendedNationalGatherings(t.db, { gatheringId }, t.clock.now());
    const claimed = new Set(claims.map((c) => c.personId));
    free = attendees.map((a) => a.personId).filter((p) => !claimed.has(p));
  });
  afterAll(() => t.close());

  it("has the demo: cohort 1's grants in every state, and claims waiting, approved, rejected, paid", async () => {
    expect(scheme.purposes).toEqual(["resource-person", "travel"]);
    expect(scheme.travelCeilingOre).toBe(450_000);
    const states = new Set((await grantsOfScheme(t.db, scheme.id)).map((g) => g.state));
    expect([...states].sort()).toEqual([...GRANT_STATES].sort());
    const claims = await claimsOfScheme(t.db, scheme.id);
    expect(claims.map((c) => c.state)).toEqual([
      "submitted",
      "approved",
      "rejected",
      "paid",
      "paid",
      "paid",
    ]);
    expect(claims[2]!.reason).toMatch(/egen bil/);
    expect(claims[3]!.paymentReference).toBe(`SAMSPILL-RS-${claims[3]!.id}`);
    expect(await receiptsOf(t.db, claims[0]!.id)).toHaveLength(1);
    expect(free.length).toBeGreaterThan(3);
  });

  it("refuses bad input, all of it at once, and stores nothing", async () => {
    const before = (await claimsOfScheme(t.db, scheme.id)).length;
    const bad = await submitClaim(
      t.db,
      files,
      claim(free[0]!, {
        legs: [
          leg({ from: " ", means: "rocket", amount: "100,005" }),
          leg({ from: "", to: "", means: "", distance: "", amount: "" }),
          leg({ means: "car", distance: "", amount: "" }),
          leg({ means: "bus", distance: "2,5" }),
        ],
        accountNumber: "1234.56.78901",
        receipts: [],
      }),
      by(free[0]!),
    );
    expect(bad.ok).toBe(false);
    // Each leg's errors on its own row's fields (the blank row 2 is no leg, and no error).
    expect(!bad.ok && bad.errors).toEqual({
      from1: { code: "required" },
      means1: { code: "choice" },
      amount1: { code: "decimals" },
      distance3: { code: "distanceForCar" },
      amount3: { code: "required" },
      distance4: { code: "distance", params: { max: 5000 } },
      accountNumber: { code: "accountNumber" },
      receipts: { code: "fileRequired" },
    });
    for (const [over, code] of [
      [{ amount: "0" }, "positive"],
      [{ amount: "-10" }, "positive"],
      [{ amount: "4 500,01" }, "aboveCeiling"],
      // Two legs within the ceiling each, above it together: the total is what counts.
      [
        {
          legs: [
            leg({ amount: "2 250" }),
            leg({ from: "Oslo", to: "Kvinesdal", amount: "2 250,01" }),
          ],
        },
        "aboveCeiling",
      ],
      [{ legs: [] }, "legsRequired"],
      [{ legs: [leg({ from: "", to: "", means: "", amount: "" })] }, "legsRequired"],
      [{ legs: Array.from({ length: 9 }, () => leg({ amount: "1" })) }, "tooManyLegs"],
      [{ means: "car", distance: "5001" }, "distance"],
      [{ to: "O".repeat(101) }, "max"],
      [
        { receipts: [{ name: "kvittering.txt", bytes: new TextEncoder().encode("hei") }] },
        "fileType",
      ],
      [
        { receipts: [{ name: "stor.pdf", bytes: new Uint8Array(5 * 1024 * 1024 + 1).fill(37) }] },
        "fileSize",
      ],
      [
        { receipts: Array.from({ length: 6 }, () => ({ name: "k.png", bytes: PNG })) },
        "tooManyFiles",
      ],
    ] as const) {
      const r = await submitClaim(t.db, files, claim(free[0]!, over), by(free[0]!));
      expect(r.ok).toBe(false);
      expect(!r.ok && Object.values(r.errors).map((e) => e.code)).toEqual([code]);
    }
    // Kari was at no national gathering of cohort 1.
    const absent = await submitClaim(t.db, files, claim(ids.kari!), by(ids.kari!));
    expect(!absent.ok && absent.errors.gathering?.code).toBe("notAttended");
    expect((await claimsOfScheme(t.db, scheme.id)).length).toBe(before);
  });

  it("takes a claim within the ceiling once, also when two arrive together", async () => {
    const [one, two] = await Promise.all([
      submitClaim(t.db, files, claim(free[1]!, { amount: "4 500" }), by(free[1]!)),
      submitClaim(t.db, files, claim(free[1]!, { amount: "4 500" }), by(free[1]!)),
    ]);
    expect([one.ok, two.ok].filter(Boolean)).toHaveLength(1);
    const refused = one.ok ? two : one;
    expect(!refused.ok && refused.errors.gathering?.code).toBe("alreadyClaimed");
    const rows = await t.db.select().from(travelClaims).where(eq(travelClaims.personId, free[1]!));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ state: "submitted", amountOre: 450_000, means: "train" });
    expect(await legsOf(t.db, rows[0]!.id)).toHaveLength(1);
    const [audit] = await t.db
      .select()
      .from(auditLog)
      .where(
        and(eq(auditLog.action, "travel-claim.submit"), eq(auditLog.entityId, String(rows[0]!.id))),
      );
    expect(audit).toBeDefined();
    // The participant's list shows it claimed.
    const [row] = await claimableGatherings(t.db, { personIds: [free[1]!] }, t.clock.now());
    expect(row?.claim?.id).toBe(rows[0]!.id);
  });

  it("takes a journey of several legs: the total summed here, each leg kept in order", async () => {
    const legs = [
      leg({
        from: "Heime",
        to: "Kvinesdal stasjon",
        means: "car",
        distance: "12",
        amount: "43,21",
      }),
      leg({ from: "Kvinesdal stasjon", to: "Oslo S", means: "train", amount: "899,99" }),
      leg({ from: "Oslo S", to: "Samlingen", means: "other", amount: "42" }),
      leg({ from: "", to: "", means: "", amount: "" }),
      leg({ from: "Samlingen", to: "Heime", means: "bus", distance: "350", amount: "1 011,11" }),
    ];
    // The client sends a total of its own? There is none to send: the server sums the legs.
    const r = await submitClaim(t.db, files, claim(free[3]!, { legs }), by(free[3]!));
    expect(r.ok).toBe(true);
    const [row] = await t.db.select().from(travelClaims).where(eq(travelClaims.personId, free[3]!));
    expect(row).toMatchObject({
      amountOre: 4_321 + 89_999 + 4_200 + 101_111,
      means: "bus",
      route: "Heime – Kvinesdal stasjon – Oslo S – Samlingen – Heime",
    });
    const stored = await legsOf(t.db, row!.id);
    expect(
      stored.map((l) => [l.position, l.fromPlace, l.means, l.distanceKm, l.amountOre]),
    ).toEqual([
      [1, "Heime", "car", 12, 4_321],
      [2, "Kvinesdal stasjon", "train", null, 89_999],
      [3, "Oslo S", "other", null, 4_200],
      [4, "Samlingen", "bus", 350, 101_111],
    ]);
    expect(stored.reduce((sum, l) => sum + l.amountOre, 0)).toBe(row!.amountOre);
    expect(
      routeOf([
        { fromPlace: "A", toPlace: "B" },
        { fromPlace: "C", toPlace: "D" },
      ]),
    ).toBe("A – B, C – D");
  });

  it("refuses a claim where the scheme pays no travel", async () => {
    const [ibs] = await programmesOwnedBy(t.db, ["udir"]);
    const cohort1 = (await cohortIdOf(t.db, ibs!.id, 1))!;
    const input = {
      purposes: ["resource-person"],
      basis: "flat",
      amount: "40000",
      floor: "",
      ceiling: "",
      conditionsNb: scheme.conditionsNb,
      conditionsNn: scheme.conditionsNn,
      acceptDeadline: scheme.acceptDeadline,
      reportDeadline: scheme.reportDeadline,
    };
    expect((await saveScheme(t.db, cohort1, input, by(ids.ada!))).ok).toBe(true);
    const r = await submitClaim(t.db, files, claim(free[2]!), by(free[2]!));
    expect(!r.ok && r.errors.gathering?.code).toBe("noTravel");
    // Travel with no ceiling is refused; with one, claims are taken again.
    const missing = await saveScheme(
      t.db,
      cohort1,
      { ...input, purposes: ["resource-person", "travel"], travelCeiling: "" },
      by(ids.ada!),
    );
    expect(!missing.ok && missing.errors.travelCeiling?.code).toBe("required");
    const back = await saveScheme(
      t.db,
      cohort1,
      { ...input, purposes: ["resource-person", "travel"], travelCeiling: "4500" },
      by(ids.ada!),
    );
    expect(back.ok).toBe(true);
  });

  it("decides once, with a reason to reject; approved claims join the payment batch and file", async () => {
    const claims = await claimsOfScheme(t.db, scheme.id);
    const waiting = claims.find((c) => c.state === "submitted" && c.personId === free[1]!)!;
    const noReason = await decideClaim(
      t.db,
      { schemeId: scheme.id, claimId: waiting.id, decision: "reject", reason: " " },
      by(ids.ada!),
    );
    expect(!noReason.ok && noReason.errors.reason?.code).toBe("required");
    const odd = await decideClaim(
      t.db,
      { schemeId: scheme.id, claimId: waiting.id, decision: "maybe", reason: "" },
      by(ids.ada!),
    );
    expect(!odd.ok && odd.errors.decision?.code).toBe("choice");
    const approve = () =>
      decideClaim(
        t.db,
        { schemeId: scheme.id, claimId: waiting.id, decision: "approve", reason: "" },
        by(ids.ada!),
      );
    const [a, b] = await Promise.all([approve(), approve()]);
    expect([a.ok, b.ok].filter(Boolean)).toHaveLength(1);
    const again = a.ok ? b : a;
    expect(!again.ok && again.errors.claim).toMatchObject({
      code: "claimState",
      params: { act: "approve", state: "approved" },
    });
    // A claim of another scheme is not found in this one.
    const foreign = await decideClaim(
      t.db,
      { schemeId: scheme.id + 1000, claimId: waiting.id, decision: "approve", reason: "" },
      by(ids.ada!),
    );
    expect(!foreign.ok && foreign.errors.claim?.code).toBe("claimNotFound");

    const approvedBefore = (await claimsOfScheme(t.db, scheme.id)).filter(
      (c) => c.state === "approved",
    );
    const acceptedBefore = (await grantsOfScheme(t.db, scheme.id)).filter(
      (g) => g.state === "accepted",
    );
    const paid = await payAccepted(t.db, scheme.id, by(ids.ada!));
    expect(paid.ok && paid.paid).toBe(approvedBefore.length + acceptedBefore.length);
    const after = await claimsOfScheme(t.db, scheme.id);
    const mine = after.find((c) => c.id === waiting.id)!;
    expect(mine).toMatchObject({ state: "paid", paymentReference: `SAMSPILL-RS-${waiting.id}` });
    const twice = await payAccepted(t.db, scheme.id, by(ids.ada!));
    expect(!twice.ok && twice.errors.scheme?.code).toBe("nothingToPay");

    const rows = await paymentFileRows(
      t.db,
      scheme,
      new Map(),
      await grantsOfScheme(t.db, scheme.id),
      { rows: after, people: new Map([[free[1]!, "Deltaker"]]) },
    );
    expect(rows.find((r) => r[4] === `SAMSPILL-RS-${waiting.id}`)).toEqual([
      "",
      "Deltaker",
      account,
      "4500.00",
      `SAMSPILL-RS-${waiting.id}`,
      "1",
    ]);
    // One row per paid grant and per paid claim, besides the header.
    const paidGrants = (await grantsOfScheme(t.db, scheme.id)).filter((g) => g.paymentReference);
    expect(rows.length).toBe(
      1 + paidGrants.length + after.filter((c) => c.state === "paid").length,
    );
  });

  it("adds the travel figures up to the øre, as the database does", async () => {
    // Many odd amounts: each claim of its own attendee, within the ceiling.
    const claims = await claimsOfScheme(t.db, scheme.id);
    const sums = { submitted: 0, approved: 0, paid: 0, rejected: 0 };
    for (const c of claims) sums[c.state] += c.amountOre;
    const totals = (await travelTotals(t.db, [scheme.id])).get(scheme.id)!;
    expect(totals).toEqual({ ...sums, count: claims.length });
    // The totals kept with every move are the claims' sums, and a rebuild changes nothing.
    expect(await travelTotals(t.db, [scheme.id])).toEqual(
      await summedTravelTotals(t.db, [scheme.id]),
    );
    await rebuildTravelTotals(t.db, [scheme.id]);
    expect((await travelTotals(t.db, [scheme.id])).get(scheme.id)).toEqual(totals);
    // And the grants' ledger of the same scheme still adds up.
    const grantsTotal = (await grantsOfScheme(t.db, scheme.id)).reduce(
      (sum, g) => addInto(sum, figuresOf(g)),
      zero(),
    );
    expect(grantsTotal.toReturn).toBeGreaterThan(0);
    expect(grantsTotal.returned).toBeGreaterThan(0);
  });
});
