import { and, eq } from "drizzle-orm";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testApp } from "../../../tests/support/app";
import { databaseKinds } from "../../../tests/support/db";
import { demoPeopleIds } from "../../../tests/support/people";
import { TEMPLATE_DATE } from "../../../tests/support/templates";
import { addDays } from "../../kernel/clock";
import { answerInvitation, cohortIdOf } from "../cohorts";
import { cohortInvitations } from "../cohorts/schema";
import { auditLog } from "../identity/schema";
import { programmesOwnedBy } from "../programmes";
import { demoAccountNumber, demoOrgNumber } from "./demo";
import { addInto, databaseTotals, figuresOf, zero } from "./ledger";
import {
  acceptGrant,
  declineGrant,
  payAccepted,
  payGrant,
  reportUse,
  sendLetters,
  settleGrant,
} from "./life";
import { kronerWithTwoDecimals, normaliseAccountNumber, parseKroner } from "./money";
import { runGrantReminders } from "./reminders";
import { grantSchemes, grants } from "./schema";
import {
  adjustAllocation,
  allocate,
  amountFor,
  grantById,
  grantsOfScheme,
  saveScheme,
  schemeOfCohort,
} from "./schemes";

describe("money in øre", () => {
  it("parses kroner as typed and refuses what is not an amount", () => {
    expect(parseKroner("12 500")).toEqual({ ok: true, ore: 1_250_000 });
    expect(parseKroner("12500,5")).toEqual({ ok: true, ore: 1_250_050 });
    expect(parseKroner("0,01")).toEqual({ ok: true, ore: 1 });
    expect(parseKroner("1.234")).toEqual({ ok: false, code: "decimals" });
    expect(parseKroner("-5")).toEqual({ ok: false, code: "positive" });
    expect(parseKroner("0")).toEqual({ ok: false, code: "positive" });
    expect(parseKroner("0", { allowZero: true })).toEqual({ ok: true, ore: 0 });
    expect(parseKroner("tolv")).toEqual({ ok: false, code: "amount" });
    expect(parseKroner("1e5")).toEqual({ ok: false, code: "amount" });
    expect(kronerWithTwoDecimals(1_250_050)).toBe("12500.50");
    expect(kronerWithTwoDecimals(7)).toBe("0.07");
  });

  it("checks an account number's MOD11 check digit", () => {
    expect(normaliseAccountNumber("8601.11.17947")).toBe("86011117947");
    expect(normaliseAccountNumber("8601 11 17948")).toBeNull();
    expect(normaliseAccountNumber("860111179")).toBeNull();
    expect(normaliseAccountNumber(demoAccountNumber("1234567890"))).not.toBeNull();
  });

  it("sums many odd amounts exactly, as the database does", () => {
    let ore = 0;
    let expected = 0n;
    for (let i = 1; i <= 20_000; i++) {
      const a = (i * 7919) % 1_000_003;
      ore += a;
      expected += BigInt(a);
    }
    expect(BigInt(ore)).toBe(expected);
  });

  it("holds a per-unit amount within the floor and the ceiling", () => {
    const s = {
      basis: "per-unit" as const,
      amountOre: 1_000_00,
      floorOre: 2_500_00,
      ceilingOre: 6_000_00,
    };
    expect(amountFor(s, 1)).toBe(2_500_00);
    expect(amountFor(s, 4)).toBe(4_000_00);
    expect(amountFor(s, 9)).toBe(6_000_00);
    expect(amountFor({ ...s, basis: "flat" }, 9)).toBe(1_000_00);
  });
});

describe.each(databaseKinds)("grants from allocation to the last krone (%s)", (kind) => {
  let t: Awaited<ReturnType<typeof testApp>>;
  let ids: Record<string, number>;
  let cohort3: number;
  let schemeId: number;
  const by = (who: string, days = 0) => ({
    personId: ids[who]!,
    now: new Date(t.clock.now().getTime() + days * 86_400_000),
  });
  const scheme = {
    purposes: ["resource-person"],
    basis: "flat",
    amount: "60000",
    floor: "",
    ceiling: "",
    conditionsNb: "Vilkår",
    conditionsNn: "Vilkår",
    acceptDeadline: addDays(TEMPLATE_DATE, 30),
    reportDeadline: addDays(TEMPLATE_DATE, 365),
  };
  const kristiansand = async () =>
    (await grantsOfScheme(t.db, schemeId)).find((g) => g.municipalityCode === "4204")!;

  beforeAll(async () => {
    t = await testApp(kind, { demoPeople: true });
    ids = await demoPeopleIds(t.db, ["ada", "kari"]);
    const [ibs] = await programmesOwnedBy(t.db, ["udir"]);
    cohort3 = (await cohortIdOf(t.db, ibs!.id, 3))!;
    schemeId = (await schemeOfCohort(t.db, cohort3))!.id;
  });
  afterAll(() => t.close());

  it("has the demo: cohort 3's scheme, Arendal reported with money to return, Sogndal paid", async () => {
    const rows = await grantsOfScheme(t.db, schemeId);
    expect(rows.map((g) => [g.municipalityCode, g.state])).toEqual([
      ["4203", "reported"],
      ["4640", "paid"],
    ]);
    expect(figuresOf(rows[0]!).toReturn).toBe(6_000_000 - 5_243_750);
  });

  it("refuses a scheme with bad amounts and deadlines, keeping nothing", async () => {
    const bad = await saveScheme(
      t.db,
      cohort3,
      {
        ...scheme,
        basis: "per-unit",
        amount: "100,005",
        floor: "-1",
        ceiling: "0",
        conditionsNn: "",
        reportDeadline: scheme.acceptDeadline,
      },
      by("ada"),
    );
    expect(!bad.ok && bad.errors).toMatchObject({
      amount: { code: "decimals" },
      floor: { code: "positive" },
      ceiling: { code: "positive" },
      conditionsNn: { code: "required" },
      reportDeadline: { code: "afterAccept" },
    });
    const kept = (await schemeOfCohort(t.db, cohort3))!;
    expect(kept.amountOre).toBe(6_000_000);
  });

  it("allocates to every municipality that accepted, once, and adjusts one with a reason", async () => {
    expect((await allocate(t.db, cohort3, by("ada"))).ok).toBe(false);
    const [invitation] = await t.db
      .select()
      .from(cohortInvitations)
      .where(and(eq(cohortInvitations.cohortId, cohort3), eq(cohortInvitations.inviteeId, "4204")));
    const answered = await answerInvitation(
      t.db,
      {
        invitationId: invitation!.id,
        answer: "accept",
        commitments: true,
        reason: "",
        version: invitation!.version,
      },
      { ...by("kari"), baseUrl: "http://localhost" },
    );
    expect(answered.ok).toBe(true);
    const [one, two] = await Promise.all([
      allocate(t.db, cohort3, by("ada")),
      allocate(t.db, cohort3, by("ada")),
    ]);
    expect([one, two].filter((r) => r.ok).length).toBe(1);
    const grant = await kristiansand();
    expect(grant).toMatchObject({ state: "allocated", amountOre: 6_000_000 });

    const noReason = await adjustAllocation(
      t.db,
      { schemeId, grantId: grant.id, amount: "65000", reason: " " },
      by("ada"),
    );
    expect(!noReason.ok && noReason.errors.reason?.code).toBe("required");
    const adjusted = await adjustAllocation(
      t.db,
      { schemeId, grantId: grant.id, amount: "65 000,25", reason: "Større kommune" },
      by("ada"),
    );
    expect(adjusted.ok).toBe(true);
    expect((await grantById(t.db, grant.id))!.amountOre).toBe(6_500_025);
    const [audit] = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "grant.adjust"), eq(auditLog.entityId, String(grant.id))));
    expect(audit!.after).toMatchObject({ amountOre: 6_500_025, reason: "Større kommune" });
  });

  it("refuses every act out of turn, each with the grant's state", async () => {
    const grant = await kristiansand();
    const input = { grantId: grant.id, municipalityCode: "4204" };
    const good = {
      ...input,
      orgNumber: demoOrgNumber("96400003"),
      accountNumber: demoAccountNumber("1234567890"),
      conditions: "yes",
    };
    const refused = [
      await acceptGrant(t.db, good, by("kari")),
      await declineGrant(t.db, input, by("kari")),
      await payGrant(t.db, { schemeId, grantId: grant.id }, by("ada")),
      await reportUse(
        t.db,
        { ...input, used: "1", usedFor: ["other"], account: "Brukt" },
        by("kari"),
      ),
      await settleGrant(t.db, { schemeId, grantId: grant.id }, by("ada")),
    ];
    for (const r of refused)
      expect(!r.ok && r.errors.grant).toMatchObject({
        code: "state",
        params: { state: "allocated" },
      });
    const arendal = (await grantsOfScheme(t.db, schemeId)).find(
      (g) => g.municipalityCode === "4203",
    )!;
    const late = await adjustAllocation(
      t.db,
      { schemeId, grantId: arendal.id, amount: "1", reason: "x" },
      by("ada"),
    );
    expect(!late.ok && late.errors.grant?.code).toBe("state");
    const paidTwice = await payGrant(t.db, { schemeId, grantId: arendal.id }, by("ada"));
    expect(!paidTwice.ok && paidTwice.errors.grant?.params).toMatchObject({
      act: "pay",
      state: "reported",
    });
  });

  it("sends the letter once: mail and PDF in the municipality's written standard", async () => {
    const sent = await sendLetters(t.db, { schemeId }, by("ada"));
    expect(sent.ok && sent.sent).toBe(1);
    expect((await sendLetters(t.db, { schemeId }, by("ada"))).ok).toBe(false);
    await t.jobs.runDue();
    await t.jobs.runDue();
    const mail = await t.smtp.waitFor((m) => m.subject.startsWith("Tilskuddsbrev"));
    expect(mail.to).toContain("kari");
    expect(mail.text).toMatch(/65\s000,25 kr/);
    expect(mail.text).toContain("http://localhost/nb/tilskudd/");
    const pdf = mail.raw.attachments[0]!;
    expect(pdf.contentType).toBe("application/pdf");
    const doc = await getDocument({ data: new Uint8Array(pdf.content), useSystemFonts: false })
      .promise;
    const text = (await (await doc.getPage(1)).getTextContent()).items
      .map((i) => ("str" in i ? i.str : ""))
      .join(" ")
      .replace(/\s+/g, " ");
    expect(text).toContain("Kristiansand");
    expect(text).toContain("Vilkår");
    expect(t.smtp.received.filter((m) => m.subject.startsWith("Tilskuddsbrev")).length).toBe(1);
  });

  it("takes the acceptance only with valid numbers and in time", async () => {
    const grant = await kristiansand();
    const base = { grantId: grant.id, municipalityCode: "4204", conditions: "yes" };
    const wrong = await acceptGrant(
      t.db,
      { ...base, orgNumber: "123456789", accountNumber: "8601.11.17948" },
      by("kari"),
    );
    expect(!wrong.ok && wrong.errors).toMatchObject({
      orgNumber: { code: "orgNumber" },
      accountNumber: { code: "accountNumber" },
    });
    const good = { ...base, orgNumber: demoOrgNumber("96400003"), accountNumber: "8601.11.17947" };
    const late = await acceptGrant(t.db, good, by("kari", 31));
    expect(!late.ok && late.errors.grant?.code).toBe("acceptDeadline");
    const unticked = await acceptGrant(t.db, { ...good, conditions: "" }, by("kari"));
    expect(!unticked.ok && unticked.errors.conditions?.code).toBe("conditions");
    const otherMunicipality = await acceptGrant(
      t.db,
      { ...good, municipalityCode: "4203" },
      by("kari"),
    );
    expect(!otherMunicipality.ok && otherMunicipality.errors.grant?.code).toBe("notFound");
    expect((await acceptGrant(t.db, good, by("kari"))).ok).toBe(true);
    expect(await grantById(t.db, grant.id)).toMatchObject({
      state: "accepted",
      accountNumber: "86011117947",
    });
  });

  it("pays an accepted grant once, even when two payments arrive together", async () => {
    const grant = await kristiansand();
    const results = await Promise.all([
      payGrant(t.db, { schemeId, grantId: grant.id }, by("ada")),
      payGrant(t.db, { schemeId, grantId: grant.id }, by("ada")),
      payAccepted(t.db, schemeId, by("ada")),
    ]);
    expect(results.filter((r) => r.ok).length).toBe(1);
    const pays = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "grant.pay"), eq(auditLog.entityId, String(grant.id))));
    expect(pays.length).toBe(1);
    expect((await grantById(t.db, grant.id))!.paymentReference).toBe(`SAMSPILL-TS-${grant.id}`);
  });

  it("takes a report of the use within the grant, guarded against data about children", async () => {
    const grant = await kristiansand();
    const input = {
      grantId: grant.id,
      municipalityCode: "4204",
      usedFor: ["resource-person-hours"],
    };
    const over = await reportUse(
      t.db,
      { ...input, used: "65000,26", account: "Brukt" },
      by("kari"),
    );
    expect(!over.ok && over.errors.used?.code).toBe("exceedsGrant");
    const child = await reportUse(
      t.db,
      { ...input, used: "100", account: "Vi fulgte opp Ola (5 år) med fødselsnummer 01011512345." },
      by("kari"),
    );
    expect(child.ok).toBe(false);
    const none = await reportUse(
      t.db,
      { ...input, usedFor: [], used: "1,001", account: "" },
      by("kari"),
    );
    expect(!none.ok && none.errors).toMatchObject({
      used: { code: "decimals" },
      usedFor: { code: "choice" },
      account: { code: "required" },
    });
    expect((await grantById(t.db, grant.id))!.state).toBe("paid");
    const ok = await reportUse(
      t.db,
      { ...input, used: "60000", account: "Ressursperson i 20 % stilling." },
      by("kari"),
    );
    expect(ok.ok).toBe(true);
    const settled = await settleGrant(t.db, { schemeId, grantId: grant.id }, by("ada"));
    expect(settled.ok).toBe(true);
    expect(await grantById(t.db, grant.id)).toMatchObject({
      state: "closed",
      returnedOre: 500_025,
    });
  });

  it("keeps the ledger's totals equal to the sum of its rows, to the øre", async () => {
    const rows = await grantsOfScheme(t.db, schemeId);
    const total = rows.reduce((sum, g) => addInto(sum, figuresOf(g)), zero());
    expect((await databaseTotals(t.db, [schemeId])).get(schemeId)).toEqual(total);
    expect(total.allocated).toBe(6_000_000 * 2 + 6_500_025);
  });

  it("reminds before the deadlines and after the report's, once each", async () => {
    // A fresh scheme on a cohort of its own would need a chain; move the demo's deadlines instead.
    await t.db
      .update(grantSchemes)
      .set({ reportDeadline: addDays(TEMPLATE_DATE, 5) })
      .where(eq(grantSchemes.id, schemeId));
    const context = { now: t.clock.now(), baseUrl: "http://localhost" };
    const first = await runGrantReminders(t.db, context);
    expect(first).toBe(1); // Sogndal, paid and not reported
    expect(await runGrantReminders(t.db, context)).toBe(0);
    const later = { ...context, now: new Date(context.now.getTime() + 7 * 86_400_000) };
    expect(await runGrantReminders(t.db, later)).toBe(1);
    expect(await runGrantReminders(t.db, later)).toBe(0);
    const [sogndal] = await t.db.select().from(grants).where(eq(grants.municipalityCode, "4640"));
    expect(sogndal!.reportRemindedAt).not.toBeNull();
    expect(sogndal!.reportOverdueAt).not.toBeNull();
  });
});
