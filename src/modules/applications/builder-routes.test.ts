import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestApp, testApp } from "../../../tests/support/app";
import { programmeIdOf } from "../../../tests/support/cohorts";
import { databaseKinds } from "../../../tests/support/db";
import { demoPeopleIds, requestsAs } from "../../../tests/support/people";
import { openRound } from "./rounds";
import { applicationForms } from "./schema";

// IBS has no application form in the demo (FUB/FUG's has): the builder starts from nothing.
const FUB = "inkluderende-barnehage-og-skolemiljo";
const PAGE = `/nb/admin/tilbud/${FUB}/soknadsskjema`;
const Q = (s: number, q: number) => `${PAGE}/sporsmal/${s}/${q}`;
const base = (s: number, q: number) => `sections.${s}.questions.${q}`;

describe.each(databaseKinds)("the form builder on %s", (kind) => {
  let t: TestApp;
  const ids: Record<string, number> = {};
  let fub = 0;

  beforeAll(async () => {
    t = await testApp(kind, { demoPeople: true });
    Object.assign(ids, await demoPeopleIds(t.db, ["frida", "ada", "kari"]));
    fub = await programmeIdOf(t.db, FUB);
  });
  afterAll(() => t.close());

  const { get, post } = requestsAs(() => t, ids);
  const text = async (res: Response) =>
    (await res.text()).replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");
  const versions = () =>
    t.db
      .select()
      .from(applicationForms)
      .where(eq(applicationForms.programmeId, fub))
      .orderBy(asc(applicationForms.version));
  const question = (s: number, q: number, overrides: Record<string, string> = {}) => {
    const b = base(s, q);
    return {
      [`${b}.kind`]: "short-text",
      [`${b}.id`]: "navn",
      [`${b}.label.nb`]: "Navn på prosjektet",
      [`${b}.label.nn`]: "Namn på prosjektet",
      [`${b}.label.en`]: "",
      [`${b}.help.nb`]: "",
      [`${b}.help.nn`]: "",
      [`${b}.help.en`]: "",
      [`${b}.required`]: "yes",
      [`${b}.maxLength`]: "120",
      [`${b}.showIf.question`]: "",
      [`${b}.showIf.anyOf`]: "",
      ...overrides,
    };
  };

  it("is the programme owner's admin's only: others 403, nobody signed in to sign-in", async () => {
    const res = await get(PAGE, "ada");
    expect(res.status).toBe(200);
    expect(await text(res)).toContain("Skjemaet har ingen deler ennå.");
    expect((await get(PAGE, "frida")).status).toBe(403);
    expect((await get(PAGE, "kari")).status).toBe(403);
    expect((await post(`${PAGE}/handling`, "frida", { act: "add-section" })).status).toBe(403);
    expect((await get(PAGE)).status).toBe(302);
    expect((await get("/nb/admin/tilbud/finnes-ikke/soknadsskjema", "ada")).status).toBe(404);
    expect(await versions()).toHaveLength(0);
  });

  it("adds a section with a question, and edits the question; refusals beside the builder's fields", async () => {
    expect((await post(`${PAGE}/handling`, "ada", { act: "add-section" })).status).toBe(303);
    const [v1] = await versions();
    expect(v1?.definition.sections).toHaveLength(1);
    expect(v1?.publishedAt).toBeNull();

    const missing = await post(Q(0, 0), "ada", question(0, 0, { [`${base(0, 0)}.label.nn`]: "" }));
    expect(missing.status).toBe(422);
    const html = await missing.text();
    expect(html).toContain(`href="#${base(0, 0)}.label.nn"`);
    expect(html).toContain(`id="${base(0, 0)}.label.nn-error"`);
    expect(html).toContain("Navn på prosjektet");
    const badId = await post(Q(0, 0), "ada", question(0, 0, { [`${base(0, 0)}.id`]: "Navn!" }));
    expect(badId.status).toBe(422);
    expect(await text(badId)).toContain("Bruk små bokstaver, tall og bindestrek");

    expect((await post(Q(0, 0), "ada", question(0, 0))).status).toBe(303);
    const [saved] = await versions();
    expect(saved?.definition.sections[0]?.questions[0]).toMatchObject({
      id: "navn",
      kind: "short-text",
      maxLength: 120,
      required: true,
      label: { nb: "Navn på prosjektet", nn: "Namn på prosjektet" },
    });
  });

  it("changes a question's kind, then asks for that kind's settings; a condition must name an earlier choice", async () => {
    await post(`${PAGE}/handling`, "ada", { act: "add-question:0" });
    const toChoice = await post(
      Q(0, 1),
      "ada",
      question(0, 1, { [`${base(0, 1)}.kind`]: "single-choice", [`${base(0, 1)}.id`]: "form" }),
    );
    expect(toChoice.status).toBe(303);
    expect(toChoice.headers.get("location")).toBe(Q(0, 1));
    const page = await (await get(Q(0, 1), "ada")).text();
    expect(page).toContain(`name="${base(0, 1)}.options"`);
    const oneOption = await post(
      Q(0, 1),
      "ada",
      question(0, 1, {
        [`${base(0, 1)}.kind`]: "single-choice",
        [`${base(0, 1)}.id`]: "form",
        [`${base(0, 1)}.options`]: "digital; Digitalt; Digitalt",
      }),
    );
    expect(oneOption.status).toBe(422);
    expect(await oneOption.text()).toContain(`href="#${base(0, 1)}.options"`);
    const two = await post(
      Q(0, 1),
      "ada",
      question(0, 1, {
        [`${base(0, 1)}.kind`]: "single-choice",
        [`${base(0, 1)}.id`]: "form",
        [`${base(0, 1)}.options`]: "digital; Digitalt; Digitalt\nfysisk; Fysisk; Fysisk",
      }),
    );
    expect(two.status).toBe(303);

    await post(`${PAGE}/handling`, "ada", { act: "add-question:0" });
    const wrong = await post(
      Q(0, 2),
      "ada",
      question(0, 2, {
        [`${base(0, 2)}.id`]: "sted",
        [`${base(0, 2)}.showIf.question`]: "form",
        [`${base(0, 2)}.showIf.anyOf`]: "kanskje",
      }),
    );
    expect(wrong.status).toBe(422);
    expect(await text(wrong)).toContain("Vilkåret må vise til et tidligere valgspørsmål");
    const right = await post(
      Q(0, 2),
      "ada",
      question(0, 2, {
        [`${base(0, 2)}.id`]: "sted",
        [`${base(0, 2)}.showIf.question`]: "form",
        [`${base(0, 2)}.showIf.anyOf`]: "fysisk",
      }),
    );
    expect(right.status).toBe(303);
    // Moving the condition above its choice breaks it: refused, nothing saved.
    const broken = await post(`${PAGE}/handling`, "ada", { act: "up-question:0.2" });
    expect(broken.status).toBe(422);
    expect(await text(broken)).toContain("Vilkåret må vise til et tidligere valgspørsmål");
    const ids = async () =>
      (await versions())[0]!.definition.sections[0]!.questions.map((q) => q.id);
    expect(await ids()).toEqual(["navn", "form", "sted"]);
    const moved = await post(`${PAGE}/handling`, "ada", { act: "up-question:0.1" });
    expect(moved.status).toBe(303);
    expect(await ids()).toEqual(["form", "navn", "sted"]);
    const removed = await post(`${PAGE}/handling`, "ada", { act: "remove-question:0.1" });
    expect(removed.status).toBe(303);
    expect(await ids()).toEqual(["form", "sted"]);
    expect((await post(`${PAGE}/handling`, "ada", { act: "explode" })).status).toBe(400);
  });

  it("keeps a published version frozen: the next change makes version 2", async () => {
    const opened = await openRound(
      t.db,
      { cohortId: 4242, programmeId: fub, deadline: "2027-03-15", criteria: [] },
      { personId: ids.ada!, now: t.clock.now() },
    );
    expect(opened.ok).toBe(true);
    expect(await text(await get(PAGE, "ada"))).toContain(
      "Versjon 1 er publisert og låst. Endringene dine blir versjon 2",
    );
    const section = await post(`${PAGE}/del/0`, "ada", {
      "sections.0.id": "om-prosjektet",
      "sections.0.title.nb": "Om prosjektet",
      "sections.0.title.nn": "Om prosjektet",
      "sections.0.title.en": "",
    });
    expect(section.status).toBe(303);
    const [v1, v2] = await versions();
    expect(v1?.definition.sections[0]?.id).toBe("del-1");
    expect(v2?.version).toBe(2);
    expect(v2?.definition.sections[0]?.id).toBe("om-prosjektet");
    const page = await text(await get(PAGE, "ada"));
    expect(page).toContain("Du redigerer utkastet til versjon 2.");
    expect(page).toContain("Slik ser kommunen skjemaet");
  });

  it("gives a section an introduction in each language, refuses one over its limit, and removes an emptied one", async () => {
    const fields = (intro: { nb: string; nn: string; en: string }) => ({
      "sections.0.id": "om-prosjektet",
      "sections.0.title.nb": "Om prosjektet",
      "sections.0.title.nn": "Om prosjektet",
      "sections.0.title.en": "",
      "sections.0.intro.nb": intro.nb,
      "sections.0.intro.nn": intro.nn,
      "sections.0.intro.en": intro.en,
    });
    const long = "x".repeat(1001);
    const refused = await post(`${PAGE}/del/0`, "ada", fields({ nb: long, nn: "Kort", en: "" }));
    expect(refused.status).toBe(422);
    const html = await refused.text();
    expect(html).toContain('href="#sections.0.intro.nb"');
    expect(html).toContain('id="sections.0.intro.nb-error"');
    expect(html).toContain(">Kort</textarea>");
    const latest = async () => (await versions()).at(-1)?.definition.sections[0];
    expect((await latest())?.intro).toBeUndefined();

    const intro = { nb: "Fortell kort om prosjektet.", nn: "Fortel kort om prosjektet.", en: "" };
    expect((await post(`${PAGE}/del/0`, "ada", fields(intro))).status).toBe(303);
    expect((await latest())?.intro).toEqual({ nb: intro.nb, nn: intro.nn });
    expect(await text(await get(PAGE, "ada"))).toContain(intro.nb);

    const emptied = fields({ nb: " ", nn: "", en: "" });
    expect((await post(`${PAGE}/del/0`, "ada", emptied)).status).toBe(303);
    expect((await latest())?.intro).toBeUndefined();
  });
});
