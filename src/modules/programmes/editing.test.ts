import { and, count, desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestApp, testApp } from "../../../tests/support/app";
import { IBS, programmeIdOf } from "../../../tests/support/cohorts";
import { databaseKinds } from "../../../tests/support/db";
import { demoPeopleIds, requestsAs } from "../../../tests/support/people";
import { createCohort, enrolUnits, recordParticipants } from "../cohorts";
import { cohortInvitations } from "../cohorts/schema";
import { auditLog } from "../identity/schema";
import { units } from "../organisations/schema";
import { listVersions } from "./editing";
import { programmes, programmeTexts, programmeTextVersions } from "./schema";

const FUB = "bedre-foreldresamarbeid";

describe.each(databaseKinds)("the programme editor on %s", (kind) => {
  let t: TestApp;
  const ids: Record<string, number> = {};
  let ibsId = 0;

  beforeAll(async () => {
    t = await testApp(kind, { demoPeople: true });
    Object.assign(ids, await demoPeopleIds(t.db, ["ada", "frida", "kari"]));
    ibsId = await programmeIdOf(t.db, IBS);
  });
  afterAll(() => t.close());

  const { get, post } = requestsAs(() => t, ids);
  const versions = async (lang = "nb") =>
    t.db
      .select()
      .from(programmeTextVersions)
      .where(
        and(eq(programmeTextVersions.programmeId, ibsId), eq(programmeTextVersions.lang, lang)),
      )
      .orderBy(desc(programmeTextVersions.id));
  const publicPage = async (lang = "nb") => t.app.request(`/${lang}/tilbud/${IBS}`);
  const text = (overrides: Record<string, string> = {}) => ({
    title: "Trygge miljøer for alle barn",
    summary: "En ny ingress.",
    targetGroup: "Kommuner, barnehager og skoler.",
    bodyMarkdown: "## Om tilbudet\n\nTrygg tekst med [en lenke](https://www.udir.no).",
    intent: "save",
    ...overrides,
  });

  it("starts every seeded text as its first, published version", async () => {
    const [nb] = await versions();
    const [live] = await t.db
      .select()
      .from(programmeTexts)
      .where(and(eq(programmeTexts.programmeId, ibsId), eq(programmeTexts.lang, "nb")));
    expect(live!.versionId).toBe(nb!.id);
    expect(nb!.title).toBe(live!.title);
  });

  it("lists only the programmes of the admin's own organisation", async () => {
    const ada = await (await get("/nb/admin/tilbud", "ada")).text();
    expect(ada).toContain(`/nb/admin/tilbud/${IBS}`);
    expect(ada).not.toContain(`/nb/admin/tilbud/${FUB}`);
    expect(ada).toContain('href="/nb/admin/tilbakemeldinger"');
    const frida = await (await get("/nb/admin/tilbud", "frida")).text();
    expect(frida).toContain(`/nb/admin/tilbud/${FUB}`);
    expect(frida).not.toContain(`/nb/admin/tilbud/${IBS}`);
  });

  it("lets only the owner's admin edit: FUB/FUG's admin gets 403 and stores nothing", async () => {
    const before = (await versions()).length;
    expect((await get(`/nb/admin/tilbud/${IBS}`, "frida")).status).toBe(403);
    expect((await post(`/nb/admin/tilbud/${IBS}/tekst/nb`, "frida", text())).status).toBe(403);
    expect((await post(`/nb/admin/tilbud/${IBS}/publiser`, "frida")).status).toBe(403);
    expect((await post(`/nb/admin/tilbud/${IBS}/avpubliser`, "frida")).status).toBe(403);
    expect((await get(`/nb/admin/tilbud/${IBS}`, "kari")).status).toBe(403);
    expect((await get(`/nb/admin/tilbud/${FUB}`, "frida")).status).toBe(200);
    expect((await get("/nb/admin/tilbud/finnes-ikke", "ada")).status).toBe(404);
    expect((await versions()).length).toBe(before);
  });

  it("saves a new version without touching the public page until it is published", async () => {
    const before = await versions();
    const res = await post(`/nb/admin/tilbud/${IBS}/tekst/nb`, "ada", text());
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe(`/nb/admin/tilbud/${IBS}?sprak=nb&melding=saved`);
    const after = await versions();
    expect(after.length).toBe(before.length + 1);
    expect(after[0]).toMatchObject({
      title: "Trygge miljøer for alle barn",
      createdBy: ids.ada,
      ownerName: "Utdanningsdirektoratet",
    });
    // The old version is still there, unchanged.
    expect(after[1]).toEqual(before[0]);
    const [entry] = await t.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, "programme.text.save"));
    expect(entry).toMatchObject({ actorId: ids.ada, entityType: "programme", entityId: IBS });

    expect(await (await publicPage()).text()).not.toContain("Trygge miljøer for alle barn");
    const editor = await (
      await get(`/nb/admin/tilbud/${IBS}?sprak=nb&melding=saved`, "ada")
    ).text();
    expect(editor).toContain("Teksten er lagret som en ny versjon.");
    expect(editor).toContain('value="Trygge miljøer for alle barn"');
  });

  it("publishes the newest version: the public page shows it at once, and it is audited", async () => {
    const res = await post(`/nb/admin/tilbud/${IBS}/publiser`, "ada");
    expect(res.status).toBe(303);
    const html = await (await publicPage()).text();
    expect(html).toContain("Trygge miljøer for alle barn");
    const [newest] = await versions();
    const [live] = await t.db
      .select()
      .from(programmeTexts)
      .where(and(eq(programmeTexts.programmeId, ibsId), eq(programmeTexts.lang, "nb")));
    expect(live!.versionId).toBe(newest!.id);
    const entries = await t.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, "programme.publish"));
    expect(entries).toHaveLength(1);
    expect(entries[0]!.after).toMatchObject({ versions: { nb: newest!.id } });
  });

  it("restores an old version as a new one, and publishes it", async () => {
    const before = await versions();
    const original = before[before.length - 1]!;
    const res = await post(`/nb/admin/tilbud/${IBS}/versjoner/${original.id}/gjenopprett`, "ada");
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe(`/nb/admin/tilbud/${IBS}?sprak=nb&melding=restored`);
    const after = await versions();
    expect(after.length).toBe(before.length + 1);
    expect(after[0]).toMatchObject({
      title: original.title,
      bodyMarkdown: original.bodyMarkdown,
      restoredFrom: original.id,
      createdBy: ids.ada,
    });
    expect(after[0]!.id).not.toBe(original.id);
    const [entry] = await t.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, "programme.text.restore"));
    expect(entry!.before).toEqual({ lang: "nb", versionId: original.id });

    await post(`/nb/admin/tilbud/${IBS}/publiser`, "ada");
    const html = await (await publicPage()).text();
    expect(html).toContain(original.title);
    expect(html).not.toContain("Trygge miljøer for alle barn");
    // A version of another programme cannot be restored through this one.
    const [fub] = await t.db.select().from(programmes).where(eq(programmes.slug, FUB));
    const [fubVersion] = await t.db
      .select()
      .from(programmeTextVersions)
      .where(eq(programmeTextVersions.programmeId, fub!.id));
    expect(
      (await post(`/nb/admin/tilbud/${IBS}/versjoner/${fubVersion!.id}/gjenopprett`, "ada")).status,
    ).toBe(404);
  });

  it("unpublishes: the public page answers 404 and leaves the front page, until published again", async () => {
    const res = await post(`/nb/admin/tilbud/${IBS}/avpubliser`, "ada");
    expect(res.status).toBe(303);
    expect((await publicPage()).status).toBe(404);
    expect((await publicPage("nn")).status).toBe(404);
    expect(await (await t.app.request("/nb/")).text()).not.toContain(`/nb/tilbud/${IBS}`);
    const [row] = await t.db.select().from(programmes).where(eq(programmes.id, ibsId));
    expect(row!.publishedAt).toBeNull();
    const list = await (await get("/nb/admin/tilbud", "ada")).text();
    expect(list).toContain("Ikke publisert");
    expect(
      await t.db
        .select({ n: count() })
        .from(auditLog)
        .where(eq(auditLog.action, "programme.unpublish")),
    ).toEqual([{ n: 1 }]);

    expect((await post(`/nb/admin/tilbud/${IBS}/publiser`, "ada")).status).toBe(303);
    expect((await publicPage()).status).toBe(200);
  });

  it("refuses missing and over-long fields with 422, keeps the input and stores nothing", async () => {
    const before = (await versions()).length;
    const res = await post(
      `/nb/admin/tilbud/${IBS}/tekst/nb`,
      "ada",
      text({
        title: "   ",
        summary: "s".repeat(601),
        targetGroup: "",
        bodyMarkdown: `Behold meg ${"b".repeat(20_000)}`,
      }),
    );
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain("<title>Feil: ");
    expect(html).toContain('class="ds-error-summary"');
    expect(html).toContain('href="#title"');
    expect(html).toContain("Fyll ut tittel");
    expect(html).toContain("Ingress kan ha høyst 600 tegn");
    expect(html).toContain("Fyll ut målgruppe");
    expect(html).toContain("Innhold kan ha høyst 20000 tegn");
    expect(html).toContain('id="title-error"');
    expect(html).toContain('aria-invalid="true"');
    expect(html).toContain("s".repeat(601));
    expect(html).toContain("Behold meg");
    expect((await versions()).length).toBe(before);

    // A preview is checked the same way.
    const preview = await post(
      `/nb/admin/tilbud/${IBS}/tekst/nb`,
      "ada",
      text({ title: "", intent: "preview" }),
    );
    expect(preview.status).toBe(422);
    expect((await versions()).length).toBe(before);
  });

  it("previews sanitised HTML, storing nothing: no script and no javascript: link survive", async () => {
    const before = (await versions("nn")).length;
    const hostile = [
      "## Trygg overskrift",
      "",
      "Vanleg tekst.",
      "",
      '<script>alert("xss")</script>',
      "",
      "[Klikk her](javascript:alert(1)) og [Udir](https://www.udir.no)",
      "",
      '<img src="x" onerror="alert(2)">',
    ].join("\n");
    const res = await post(
      `/nb/admin/tilbud/${IBS}/tekst/nn`,
      "ada",
      text({ bodyMarkdown: hostile, intent: "preview" }),
    );
    expect(res.status).toBe(200);
    const html = await res.text();
    const preview = html.slice(
      html.indexOf('id="forhandsvisning"'),
      html.indexOf('id="versions-heading"'),
    );
    expect(preview).toContain("Forhåndsvisning");
    expect(preview).toContain("Trygg overskrift");
    expect(preview).toContain('<a href="https://www.udir.no" class="ds-link">Udir</a>');
    expect(preview).toContain("Noe i teksten er ikke tillatt og blir fjernet");
    expect(preview).not.toMatch(/<script|javascript:|onerror|alert\(/i);
    // The text typed is kept in the form, escaped.
    expect(html).toContain("&lt;script&gt;alert(&quot;xss&quot;)&lt;/script&gt;");
    expect((await versions("nn")).length).toBe(before);

    // Saving it is refused beside the field, the text kept, nothing stored.
    const refused = await post(
      `/nb/admin/tilbud/${IBS}/tekst/nn`,
      "ada",
      text({ bodyMarkdown: hostile }),
    );
    expect(refused.status).toBe(422);
    const refusedHtml = await refused.text();
    expect(refusedHtml).toContain("Teksten har innhold som ikke er tillatt");
    expect(refusedHtml).toContain('class="ds-error-summary"');
    expect(refusedHtml).toContain("&lt;script&gt;alert(&quot;xss&quot;)&lt;/script&gt;");
    // So is a link without a valid target, which no sanitiser can mend.
    const broken = await post(
      `/nb/admin/tilbud/${IBS}/tekst/nn`,
      "ada",
      text({ bodyMarkdown: "Les meir på [Udir](www.udir.no)." }),
    );
    expect(broken.status).toBe(422);
    expect(await broken.text()).toContain("En lenke i teksten mangler en gyldig adresse");
    expect((await versions("nn")).length).toBe(before);

    // Text stored before this check existed is still sanitised on the public page.
    const [latest] = await versions("nn");
    await t.db
      .insert(programmeTextVersions)
      .values({ ...latest!, id: undefined, bodyMarkdown: hostile, createdAt: t.clock.now() });
    expect((await post(`/nb/admin/tilbud/${IBS}/publiser`, "ada")).status).toBe(303);
    const page = await (await publicPage("nn")).text();
    expect(page).toContain("Trygg overskrift");
    expect(page).not.toMatch(/alert\(|javascript:|onerror/i);
    expect(page.match(/<script/g)).toHaveLength(1); // the site's own module only
  });

  it("keeps English beside bokmål and nynorsk: a new English version is published with them", async () => {
    expect((await versions("en")).length).toBe(1);
    const editor = await (await get(`/nb/admin/tilbud/${IBS}?sprak=en`, "ada")).text();
    expect(editor).toContain('value="Inclusive kindergarten and school environments"');
    const res = await post(
      `/nb/admin/tilbud/${IBS}/tekst/en`,
      "ada",
      text({ title: "Inclusive environments for every child" }),
    );
    expect(res.status).toBe(303);
    expect(await versions("en")).toHaveLength(2);
    expect((await versions("en"))[0]).toMatchObject({
      ownerName: "Directorate for Education and Training",
    });
    await post(`/nb/admin/tilbud/${IBS}/publiser`, "ada");
    const page = await (await publicPage("en")).text();
    expect(page).toContain("Inclusive environments for every child");
    expect(page).not.toContain("This content is only available in Norwegian.");
  });

  it("shows the demo themes, costs and commitments on the public pages", async () => {
    const nb = await (await t.app.request(`/nb/tilbud/${FUB}`)).text();
    expect(nb).toContain('id="themes-heading"');
    expect(nb).toContain("<li>Samarbeidet mellom hjem og barnehage eller skole</li>");
    expect(nb).toContain("<dt>Kostnader</dt>");
    expect(nb).toContain("Kompetansehevingen og veiledningen er gratis for kommunen.");
    expect(nb).toContain("Dette forplikter kommunen seg til");
    const nn = await (await t.app.request(`/nn/tilbud/${FUB}`)).text();
    expect(nn).toContain("<li>Samarbeidet mellom heim og barnehage eller skule</li>");
    expect(nn).toContain("Dette forpliktar kommunen seg til");
    const en = await (await t.app.request(`/en/tilbud/${FUB}`)).text();
    expect(en).toContain("<li>Cooperation between home and kindergarten or school</li>");
    expect(en).toContain("What the municipality commits to");
  });

  it("versions themes, costs and commitments with the text, one per line, and publishes them", async () => {
    const fields = {
      themes: "- Trygghet for alle\n\n* Regelverket \nLedelse",
      costs: "Gratis å delta.",
      commitments: "Delta på samlingene\nLede lærende nettverk",
    };
    const preview = await post(
      `/nb/admin/tilbud/${IBS}/tekst/nb`,
      "ada",
      text({ ...fields, intent: "preview" }),
    );
    expect(preview.status).toBe(200);
    const html = await preview.text();
    const section = html.slice(html.indexOf('id="forhandsvisning"'));
    expect(section).toContain("<li>Trygghet for alle</li>");
    expect(section).toContain("<li>Regelverket</li>");
    expect(section).toContain("Gratis å delta.");
    expect(section).toContain("<li>Lede lærende nettverk</li>");

    const before = await versions();
    expect((await post(`/nb/admin/tilbud/${IBS}/tekst/nb`, "ada", text(fields))).status).toBe(303);
    const [newest] = await versions();
    expect(newest).toMatchObject({
      themes: "Trygghet for alle\nRegelverket\nLedelse",
      costs: "Gratis å delta.",
      commitments: "Delta på samlingene\nLede lærende nettverk",
    });
    expect(await (await publicPage()).text()).not.toContain("Trygghet for alle");
    await post(`/nb/admin/tilbud/${IBS}/publiser`, "ada");
    const page = await (await publicPage()).text();
    expect(page).toContain("<li>Trygghet for alle</li>");
    expect(page).toContain("Gratis å delta.");
    expect(page).toContain("<li>Lede lærende nettverk</li>");

    // Restoring brings the old themes back with the rest of the text.
    const previous = before[0]!;
    await post(`/nb/admin/tilbud/${IBS}/versjoner/${previous.id}/gjenopprett`, "ada");
    expect((await versions())[0]).toMatchObject({
      themes: previous.themes,
      costs: previous.costs,
      commitments: previous.commitments,
      restoredFrom: previous.id,
    });

    const tooLong = await post(
      `/nb/admin/tilbud/${IBS}/tekst/nb`,
      "ada",
      text({ themes: "t".repeat(2001), commitments: "Behold forpliktelsen" }),
    );
    expect(tooLong.status).toBe(422);
    const refused = await tooLong.text();
    expect(refused).toContain("Tema kan ha høyst 2000 tegn");
    expect(refused).toContain('href="#themes"');
    expect(refused).toContain("Behold forpliktelsen");
  });

  it("changes the rules and contact point: live on the public page at once, audited", async () => {
    const rules = {
      durationMinMonths: "12",
      durationMaxMonths: "24",
      deliveryMode: "mostly-digital",
      contactName: "IBS-teamet",
      contactPhone: "23 30 12 00",
      contactEmail: "ibs@udir.samspill.example",
    };
    expect((await post(`/nb/admin/tilbud/${IBS}/regler`, "frida", rules)).status).toBe(403);
    expect((await post(`/nb/admin/tilbud/${IBS}/regler`, "kari", rules)).status).toBe(403);
    const res = await post(`/nb/admin/tilbud/${IBS}/regler`, "ada", rules);
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe(`/nb/admin/tilbud/${IBS}?melding=rules`);
    const [row] = await t.db.select().from(programmes).where(eq(programmes.id, ibsId));
    expect(row).toMatchObject({
      durationMinMonths: 12,
      durationMaxMonths: 24,
      deliveryMode: "mostly-digital",
      contactName: "IBS-teamet",
    });
    const [entry] = await t.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, "programme.rules.save"));
    expect(entry).toMatchObject({ actorId: ids.ada, entityId: IBS });
    expect(entry!.before).toMatchObject({ durationMinMonths: 24, deliveryMode: "mixed" });
    expect(entry!.after).toMatchObject({ durationMinMonths: 12, contactName: "IBS-teamet" });

    const page = await (await publicPage()).text();
    expect(page).toContain("12 til 24 måneder");
    expect(page).toContain("Noe fysisk, mest digitalt");
    expect(page).toContain("Kontaktpunkt: IBS-teamet");
    expect(page).toContain('href="mailto:ibs@udir.samspill.example"');
    const editor = await (await get(`/nb/admin/tilbud/${IBS}?melding=rules`, "ada")).text();
    expect(editor).toContain("Regler og kontakt er lagret og vises på den offentlige siden.");
    expect(editor).toContain('value="IBS-teamet"');
  });

  it("refuses bad rules with 422, the errors beside the fields, the input kept, nothing changed", async () => {
    const [before] = await t.db.select().from(programmes).where(eq(programmes.id, ibsId));
    const res = await post(`/nb/admin/tilbud/${IBS}/regler`, "ada", {
      durationMinMonths: "6",
      durationMaxMonths: "to år",
      deliveryMode: "",
      contactName: "",
      contactPhone: "ring meg",
      contactEmail: "ikke-en-adresse",
    });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain("<title>Feil: ");
    expect(html).toContain('href="#durationMinMonths"');
    expect(html).toContain('id="durationMaxMonths-error"');
    expect(html).toContain("Skriv et antall måneder fra 12 til 24");
    expect(html).toContain("Velg gjennomføring");
    expect(html).toContain("Skriv et telefonnummer med sifre og mellomrom");
    expect(html).toContain("Skriv inn en gyldig e-postadresse");
    expect(html).toContain('value="ring meg"');
    expect(html).toContain('value="to år"');

    const order = await post(`/nb/admin/tilbud/${IBS}/regler`, "ada", {
      durationMinMonths: "24",
      durationMaxMonths: "12",
      deliveryMode: "mixed",
    });
    expect(order.status).toBe(422);
    expect(await order.text()).toContain(
      "Lengste varighet kan ikke være kortere enn korteste varighet",
    );
    const [after] = await t.db.select().from(programmes).where(eq(programmes.id, ibsId));
    expect(after).toEqual(before);
  });

  it("shows each cohort's live figures: municipalities that said yes and units enrolled", async () => {
    const cohortId = await createCohort(
      t.db,
      {
        programmeId: ibsId,
        number: 8,
        startsOn: "2026-01-01",
        endsOn: "2027-12-31",
        officeInviteDeadline: null,
      },
      ["sf-agder"],
    );
    const at = new Date("2025-10-01T08:00:00Z");
    await recordParticipants(
      t.db,
      cohortId,
      [
        { municipalityCode: "4204", officeId: "sf-agder" },
        { municipalityCode: "4203", officeId: "sf-agder" },
      ],
      at,
    );
    const cohort8 = (html: string) => {
      const from = html.indexOf('id="cohort-8"');
      return html.slice(from, html.indexOf("</section>", from));
    };
    const before = cohort8(await (await publicPage()).text());
    expect(before).toContain("2 kommuner i pulje 8");
    expect(before).not.toContain("meldt på");
    const [invitation] = await t.db
      .select()
      .from(cohortInvitations)
      .where(
        and(eq(cohortInvitations.cohortId, cohortId), eq(cohortInvitations.inviteeId, "4204")),
      );
    const demoUnits = await t.db
      .select()
      .from(units)
      .where(and(eq(units.municipalityCode, "4204"), eq(units.active, true)))
      .limit(2);
    const result = await enrolUnits(
      t.db,
      { invitationId: invitation!.id, orgNumbers: demoUnits.map((u) => u.orgNumber) },
      { personId: ids.kari!, now: t.clock.now() },
    );
    expect(result).toEqual({ ok: true, enrolled: 2 });
    const nb = cohort8(await (await publicPage()).text());
    expect(nb).toContain("2 kommuner i pulje 8");
    expect(nb).toContain("2 barnehager og skoler er meldt på");
    const nn = cohort8(await (await publicPage("nn")).text());
    expect(nn).toContain("2 kommunar i pulje 8");
    expect(nn).toContain("2 barnehagar og skular er melde på");
  });
  it("numbers the versions of each language 1, 2, 3, not by the ids they share", async () => {
    const nn = async () => listVersions(t.db, ibsId, "nn");
    const countDown = (n: number) => Array.from({ length: n }, (_, i) => n - i);
    const before = await nn();
    expect(before.map((v) => v.number)).toEqual(countDown(before.length));
    for (const title of ["Trygge miljø for alle", "Trygge miljø for alle born"]) {
      const res = await post(`/nb/admin/tilbud/${IBS}/tekst/nn`, "ada", text({ title }));
      expect(res.status).toBe(303);
    }
    const oldest = before.at(-1)!;
    const restore = `/nb/admin/tilbud/${IBS}/versjoner/${oldest.id}/gjenopprett`;
    expect((await post(restore, "ada")).status).toBe(303);

    const listed = await nn();
    const newest = before.length + 3;
    expect(listed.map((v) => v.number)).toEqual(countDown(newest));
    expect(listed[0]).toMatchObject({ restoredFrom: oldest.id, restoredFromNumber: 1 });
    // The ids run across languages (and programmes); the numbers do not.
    expect(listed[0]!.id).toBeGreaterThan(newest);
    for (const lang of ["nb", "en"] as const) {
      const other = await listVersions(t.db, ibsId, lang);
      expect(other.map((v) => v.number)).toEqual(countDown(other.length));
    }

    const editor = await (await get(`/nb/admin/tilbud/${IBS}?sprak=nn`, "ada")).text();
    expect(editor).toContain("Gjenopprettet fra versjon 1");
    expect(editor).toContain(`<tr><td>${newest}</td>`);
    expect(editor).not.toContain(`<tr><td>${listed[0]!.id}</td>`);
  });
});
