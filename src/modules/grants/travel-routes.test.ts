import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ORIGIN, testApp } from "../../../tests/support/app";
import { databaseKinds } from "../../../tests/support/db";
import { demoPeopleIds, sessionCookie } from "../../../tests/support/people";
import { cohortIdOf } from "../cohorts";
import { attendedNationalGatherings } from "../gatherings";
import { programmesOwnedBy } from "../programmes";
import { demoAccountNumber } from "./demo";
import { travelClaims } from "./schema";
import { schemeOfCohort } from "./schemes";
import { claimsOfScheme } from "./travel";

const PDF = new TextEncoder().encode("%PDF-1.4\n% billett\n%%EOF\n");

describe.each(databaseKinds)("the travel-support pages (%s)", (kind) => {
  let t: Awaited<ReturnType<typeof testApp>>;
  let ids: Record<string, number>;
  let cohort1: number;
  let gatheringId: number;
  /** Attendees of the national gathering without a claim in the demo. */
  let free: number[];
  const cookie = (personId: number) => sessionCookie(t, personId);
  const get = async (path: string, personId: number) =>
    t.app.request(path, { headers: { Cookie: await cookie(personId) } });
  const post = async (path: string, personId: number, form: Record<string, string>) =>
    t.post(path, form, { Cookie: await cookie(personId) });
  async function claim(personId: number, fields: Record<string, string>, receipts: File[]) {
    const form = new FormData();
    for (const [k, v] of Object.entries(fields)) form.append(k, v);
    if (receipts.length === 0) form.append("receipts", new File([], ""));
    for (const r of receipts) form.append("receipts", r);
    return t.app.request("/nb/reisestotte/ny", {
      method: "POST",
      body: form,
      headers: { Origin: ORIGIN, Cookie: await cookie(personId) },
    });
  }
  const good = (personId: number) => ({
    gathering: String(gatheringId),
    person: String(personId),
    route: "Vennesla–Oslo tur-retur",
    means: "bus",
    amount: "789,10",
    accountNumber: demoAccountNumber("5000000000"),
  });

  beforeAll(async () => {
    t = await testApp(kind, { demoPeople: true });
    ids = await demoPeopleIds(t.db, ["ada", "frida", "kari"]);
    const [ibs] = await programmesOwnedBy(t.db, ["udir"]);
    cohort1 = (await cohortIdOf(t.db, ibs!.id, 1))!;
    const scheme = (await schemeOfCohort(t.db, cohort1))!;
    const claims = await claimsOfScheme(t.db, scheme.id);
    gatheringId = claims[0]!.gatheringId;
    const claimed = new Set(claims.map((c) => c.personId));
    free = (await attendedNationalGatherings(t.db, { gatheringId }, t.clock.now()))
      .map((a) => a.personId)
      .filter((p) => !claimed.has(p));
  });
  afterAll(() => t.close());

  it("lists the participant's gathering with a link to claim, in every language", async () => {
    for (const [lang, word] of [
      ["nb", "Søk om reisestøtte"],
      ["nn", "Søk om reisestønad"],
      ["en", "Claim travel support"],
    ] as const) {
      const res = await get(`/${lang}/reisestotte`, free[0]!);
      expect(res.status).toBe(200);
      const html = await res.text();
      expect(html).toContain("Nasjonal samling 1 for pulje 1");
      expect(html).toContain(word);
    }
    const form = await get(
      `/nb/reisestotte/ny?samling=${gatheringId}&deltaker=${free[0]}`,
      free[0]!,
    );
    expect(form.status).toBe(200);
    expect(await form.text()).toContain("høyst 4\u00a0500,00 kr per deltaker og samling");
  });

  it("answers a bad claim with 422, the errors beside the fields and the input kept", async () => {
    const txt = new File([new TextEncoder().encode("hei")], "kvittering.txt", {
      type: "application/pdf",
    });
    const res = await claim(
      free[0]!,
      { ...good(free[0]!), amount: "4 600", accountNumber: "1234.56.78901" },
      [txt],
    );
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain("ds-error-summary");
    expect(html).toContain("Kvitteringene må være en av disse filtypene: PDF, PNG, JPEG");
    expect(html).toContain("Kontonummeret er ikke gyldig");
    expect(html).toContain('href="#claim-accountNumber"');
    expect(html).toContain('value="Vennesla–Oslo tur-retur"');
    expect(html).toContain('value="4 600"');
    const noFile = await claim(free[0]!, good(free[0]!), []);
    expect(noFile.status).toBe(422);
    expect(await noFile.text()).toContain("Legg ved minst én kvittering");
    const above = await claim(free[0]!, { ...good(free[0]!), amount: "4 600" }, [
      new File([PDF], "billett.pdf"),
    ]);
    expect(above.status).toBe(422);
    expect(await above.text()).toContain(
      "Beløpet er over taket i ordningen, som er 4\u00a0500,00 kr",
    );
    expect(
      await t.db.select().from(travelClaims).where(eq(travelClaims.personId, free[0]!)),
    ).toHaveLength(0);
  });

  it("takes a good claim, shows it and its receipt to the claimant only", async () => {
    const res = await claim(free[0]!, good(free[0]!), [new File([PDF], "billett.pdf")]);
    expect(res.status).toBe(303);
    const where = res.headers.get("Location")!;
    expect(where).toMatch(/^\/nb\/reisestotte\/\d+\?melding=sendt$/);
    const page = await get(where, free[0]!);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("Kravet er sendt.");
    expect(html).toMatch(/data-testid="claim-amount">789,10 kr/);
    const receipt = html.match(/href="(\/nb\/reisestotte\/\d+\/kvittering\/\d+)"/)![1]!;
    const file = await get(receipt, free[0]!);
    expect(file.status).toBe(200);
    expect(file.headers.get("Content-Type")).toBe("application/pdf");
    // Another participant, and Kari (who coordinates another municipality), may not see it.
    expect((await get(where, free[1]!)).status).toBe(403);
    expect((await get(receipt, ids.kari!)).status).toBe(403);
    // Nor claim for the participant.
    expect(
      (await get(`/nb/reisestotte/ny?samling=${gatheringId}&deltaker=${free[1]}`, ids.kari!))
        .status,
    ).toBe(403);
    expect((await claim(ids.kari!, good(free[1]!), [new File([PDF], "b.pdf")])).status).toBe(403);
    // A second claim for the same gathering is refused with the reason.
    const again = await claim(free[0]!, good(free[0]!), [new File([PDF], "billett.pdf")]);
    expect(again.status).toBe(422);
    expect(await again.text()).toContain("Det er allerede sendt et reisekrav for denne samlingen");
  });

  it("lets Ada reject with a reason, approve, pay in the batch and find it in the payment file", async () => {
    const admin = (rest = "") => `/nb/admin/tilskudd/${cohort1}${rest}`;
    const list = await get(admin("/reisekrav"), ids.ada!);
    expect(list.status).toBe(200);
    expect(await list.text()).toContain("Reisestøtte i regnskapet");
    expect((await get(admin("/reisekrav"), ids.frida!)).status).toBe(403);
    const [mine] = await t.db
      .select()
      .from(travelClaims)
      .where(eq(travelClaims.personId, free[0]!));
    const page = admin(`/reisekrav/${mine!.id}`);
    const noReason = await post(page, ids.ada!, { decision: "reject", reason: "" });
    expect(noReason.status).toBe(422);
    const html = await noReason.text();
    expect(html).toContain("Fyll ut begrunnelse");
    expect(html).toMatch(/value="reject"[^>]*checked/);
    const approved = await post(page, ids.ada!, { decision: "approve", reason: "Rimelig reise." });
    expect(approved.status).toBe(303);
    const twice = await post(page, ids.ada!, { decision: "approve", reason: "" });
    expect(twice.status).toBe(409);
    expect(await twice.text()).toContain(
      "Du kan ikke godkjenne et reisekrav som har status «godkjent»",
    );
    expect((await post(admin("/utbetal"), ids.ada!, {})).status).toBe(303);
    const csv = await (await get(admin("/utbetalinger.csv"), ids.ada!)).text();
    const row = csv
      .split("\r\n")
      .find((l) => l.endsWith(`SAMSPILL-RS-${mine!.id};1`))!
      .split(";");
    expect(row.slice(2, 4)).toEqual([demoAccountNumber("5000000000"), "789.10"]);
    const bad = await post(admin("/reisekrav/999999"), ids.ada!, { decision: "approve" });
    expect(bad.status).toBe(404);
  });
});
