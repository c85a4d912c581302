import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ORIGIN, testApp } from "../../../tests/support/app";
import { databaseKinds } from "../../../tests/support/db";
import { demoPeopleIds, sessionCookie } from "../../../tests/support/people";
import { cohortIdOf } from "../cohorts";
import { attendedNationalGatherings, createGathering, register } from "../gatherings";
import { gatheringInput } from "../gatherings/factories";
import { insertTestPerson } from "../identity/factories";
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
  /** The gathering of 2018 Rune attended (made here). */
  let runeGathering: number;
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
  /** A journey there and back by bus, 789,10 kr in all. */
  const good = (personId: number, over: Record<string, string> = {}) => ({
    gathering: String(gatheringId),
    person: String(personId),
    from1: "Vennesla",
    to1: "Oslo",
    means1: "bus",
    distance1: "",
    amount1: "394,55",
    from2: "Oslo",
    to2: "Vennesla",
    means2: "bus",
    distance2: "",
    amount2: "394,55",
    accountNumber: demoAccountNumber("5000000000"),
    ...over,
  });

  beforeAll(async () => {
    t = await testApp(kind, { demoPeople: true });
    ids = await demoPeopleIds(t.db, ["ada", "frida", "kari", "rune", "siv"]);
    // Mona coordinates Lillesand, not Kristiansand.
    ids.mona = await insertTestPerson(
      t.db,
      {
        name: "Mona Lillesand",
        email: "mona@kommune.samspill.example",
        role: { role: "municipal-coordinator", orgId: "4215" },
      },
      t.clock.now(),
    );
    const [ibs] = await programmesOwnedBy(t.db, ["udir"]);
    cohort1 = (await cohortIdOf(t.db, ibs!.id, 1))!;
    const scheme = (await schemeOfCohort(t.db, cohort1))!;
    const claims = await claimsOfScheme(t.db, scheme.id);
    gatheringId = claims[0]!.gatheringId;
    const claimed = new Set(claims.map((c) => c.personId));
    free = (await attendedNationalGatherings(t.db, { gatheringId }, t.clock.now()))
      .map((a) => a.personId)
      .filter((p) => !claimed.has(p));
    // Rune (Kristiansand, as Kari) attended a national gathering of cohort 1 in 2018.
    const opens = new Date("2018-04-01T08:00:00Z");
    const made = await createGathering(
      t.db,
      gatheringInput(ibs!.id, {
        day: "2018-05-15",
        cohortId: cohort1,
        titleNb: "Nasjonal samling 2 for pulje 1",
        titleNn: "Nasjonal samling 2 for pulje 1",
        registrationOpensAt: opens,
        registrationClosesAt: new Date("2018-05-10T08:00:00Z"),
      }),
      { personId: null, now: opens, baseUrl: "http://localhost" },
    );
    if (!made.ok) throw new Error(JSON.stringify(made.errors));
    runeGathering = made.gatheringId;
    const registered = await register(
      t.db,
      { gatheringId: runeGathering, personId: ids.rune!, sessionIds: [] },
      { personId: ids.rune!, now: new Date("2018-04-15T08:00:00Z"), baseUrl: "http://localhost" },
    );
    if (!registered.ok) throw new Error(JSON.stringify(registered.errors));
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
      good(free[0]!, { amount2: "4 205,45", accountNumber: "1234.56.78901" }),
      [txt],
    );
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain("ds-error-summary");
    expect(html).toContain("Kvitteringene må være en av disse filtypene: PDF, PNG, JPEG");
    expect(html).toContain("Kontonummeret er ikke gyldig");
    expect(html).toContain('href="#claim-accountNumber"');
    expect(html).toContain('value="Vennesla"');
    expect(html).toContain('value="4 205,45"');
    // The total as the server summed it, with the ceiling's error beside it.
    expect(html).toMatch(/data-testid="claim-total"[^>]*>4\u00a0600,00 kr/);
    expect(html).toContain('href="#claim-total"');
    const noFile = await claim(free[0]!, good(free[0]!), []);
    expect(noFile.status).toBe(422);
    expect(await noFile.text()).toContain("Legg ved minst én kvittering");
    const above = await claim(
      free[0]!,
      good(free[0]!, { amount1: "4 600", from2: "", to2: "", means2: "", amount2: "" }),
      [new File([PDF], "billett.pdf")],
    );
    expect(above.status).toBe(422);
    expect(await above.text()).toContain(
      "Beløpet er over taket i ordningen, som er 4\u00a0500,00 kr",
    );
    expect(
      await t.db.select().from(travelClaims).where(eq(travelClaims.personId, free[0]!)),
    ).toHaveLength(0);
  });

  it("checks each leg on its own row: errors beside the leg's fields and in the summary", async () => {
    const res = await claim(
      free[0]!,
      good(free[0]!, {
        means2: "car",
        amount2: "12,345",
        from3: "Vennesla",
        to3: "",
        means3: "",
        distance3: "",
        amount3: "",
        from4: "",
        to4: "",
        means4: "",
        distance4: "",
        amount4: "",
      }),
      [new File([PDF], "billett.pdf")],
    );
    expect(res.status).toBe(422);
    const html = await res.text();
    for (const field of ["distance2", "amount2", "to3", "means3", "amount3"]) {
      expect(html).toContain(`href="#claim-${field}"`);
      expect(html).toContain(`id="claim-${field}-error"`);
    }
    expect(html).not.toContain('href="#claim-from4"');
    expect(html).toContain("Fyll ut etappe 2, kilometer: det må være med for egen bil");
    expect(html).toContain("Fyll ut etappe 3, til");
    // Every row kept as typed, the blank fourth too.
    expect(html).toContain('value="12,345"');
    expect(html).toMatch(/name="means2"[\s\S]*?<option value="car" selected/);
    expect(html).toContain('name="from4"');
    const none = await claim(
      free[0]!,
      good(free[0]!, {
        from1: "",
        to1: "",
        means1: "",
        amount1: "",
        from2: "",
        to2: "",
        means2: "",
        amount2: "",
      }),
      [new File([PDF], "billett.pdf")],
    );
    expect(none.status).toBe(422);
    expect(await none.text()).toContain("Fyll ut minst én etappe av reisen");
    expect(
      await t.db.select().from(travelClaims).where(eq(travelClaims.personId, free[0]!)),
    ).toHaveLength(0);
  });

  it("adds a leg without JavaScript: the same form with one row more, its total summed", async () => {
    const res = await claim(free[0]!, { ...good(free[0]!), leggTil: "1" }, []);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).not.toContain('class="ds-error-summary"');
    expect(html).toContain('name="from3"');
    expect(html).not.toContain('name="from4"');
    expect(html).toContain('value="Vennesla"');
    expect(html).toMatch(/data-testid="claim-total"[^>]*>789,10 kr/);
    expect(
      await t.db.select().from(travelClaims).where(eq(travelClaims.personId, free[0]!)),
    ).toHaveLength(0);
    // Eight rows at most: no button to add a ninth.
    const rows: Record<string, string> = {};
    for (let n = 3; n <= 8; n++) Object.assign(rows, { [`from${n}`]: "", [`amount${n}`]: "" });
    const full = await (
      await claim(free[0]!, { ...good(free[0]!), ...rows, leggTil: "1" }, [])
    ).text();
    expect(full).toContain('name="from8"');
    expect(full).not.toContain('name="from9"');
    expect(full).not.toContain('name="leggTil"');
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
    expect(html).toContain("Vennesla – Oslo: Buss, 394,55 kr");
    expect(html).toContain("Oslo – Vennesla: Buss, 394,55 kr");
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

  it("lets Kari claim for Rune of her municipality; Mona, of another, is refused (403)", async () => {
    const forRune = (over: Record<string, string> = {}) =>
      good(ids.rune!, { gathering: String(runeGathering), ...over });
    const form = `/nb/reisestotte/ny?samling=${runeGathering}&deltaker=${ids.rune}`;
    const page = await get(form, ids.kari!);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("Du søker for Rune Ressurs.");
    expect((await get(form, ids.mona!)).status).toBe(403);
    expect((await claim(ids.mona!, forRune(), [new File([PDF], "b.pdf")])).status).toBe(403);
    expect((await claim(ids.siv!, forRune(), [new File([PDF], "b.pdf")])).status).toBe(403);
    expect(
      await t.db.select().from(travelClaims).where(eq(travelClaims.personId, ids.rune!)),
    ).toHaveLength(0);
    const res = await claim(ids.kari!, forRune(), [new File([PDF], "billett.pdf")]);
    expect(res.status).toBe(303);
    const [row] = await t.db
      .select()
      .from(travelClaims)
      .where(eq(travelClaims.personId, ids.rune!));
    expect(row).toMatchObject({
      submittedBy: ids.kari,
      municipalityCode: "4204",
      amountOre: 78_910,
      state: "submitted",
    });
    const where = res.headers.get("Location")!.split("?")[0]!;
    expect((await get(where, ids.kari!)).status).toBe(200);
    expect((await get(where, ids.rune!)).status).toBe(200);
    expect((await get(where, ids.mona!)).status).toBe(403);
  });

  it("shows the travel figures per county and municipality, with CSV and XLSX, in scope", async () => {
    const figures = "/nb/admin/tilskudd/reisestotte";
    const page = await get(figures, ids.ada!);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("Reisestøtte per fylke og kommune");
    expect(html).toContain("Per kommune");
    const all = await t.db.select().from(travelClaims);
    const sum = (rows: typeof all) => rows.reduce((s, c) => s + c.amountOre, 0);
    const kr = (ore: number) => `${Math.trunc(ore / 100)}.${String(ore % 100).padStart(2, "0")}`;
    const csv = await (await get(`${figures}.csv`, ids.ada!)).text();
    const lines = csv
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(lines[0]).toBe("fylke;kommunenummer;kommune;krav;sokt_kr;godkjent_kr;utbetalt_kr");
    const cells = lines.slice(1).map((l) => l.split(";"));
    // Each municipality's row adds up its claims to the øre; the rows add up to all claims.
    for (const row of cells) {
      const mine = all.filter((c) => (c.municipalityCode ?? "") === row[1]);
      expect(row.slice(3)).toEqual([
        String(mine.length),
        kr(sum(mine)),
        kr(sum(mine.filter((c) => c.state === "approved" || c.state === "paid"))),
        kr(sum(mine.filter((c) => c.state === "paid"))),
      ]);
    }
    expect(cells.reduce((n, r) => n + Number(r[3]), 0)).toBe(all.length);
    expect(cells.find((r) => r[1] === "4204")?.[2]).toBe("Kristiansand");
    const xlsx = await get(`${figures}.xlsx?pulje=${cohort1}`, ids.ada!);
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get("Content-Type")).toContain("spreadsheetml");
    // Siv sees the cohorts her office takes part in, for Agder's municipalities only.
    const siv = await get(`${figures}.csv`, ids.siv!);
    expect(siv.status).toBe(200);
    const sivRows = (await siv.text())
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n")
      .slice(1);
    for (const l of sivRows) expect(l.split(";")[0]).toBe("Agder");
    // Municipal coordinators and participants: 403; a malformed cohort 400, another 404.
    expect((await get(figures, ids.kari!)).status).toBe(403);
    expect((await get(figures, ids.rune!)).status).toBe(403);
    expect((await get(`${figures}?pulje=abc`, ids.ada!)).status).toBe(400);
    expect((await get(`${figures}?pulje=999999`, ids.ada!)).status).toBe(404);
  });
});
