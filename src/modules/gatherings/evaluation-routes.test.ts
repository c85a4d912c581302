import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestApp, testApp } from "../../../tests/support/app";
import { IBS, programmeIdOf } from "../../../tests/support/cohorts";
import { databaseKinds } from "../../../tests/support/db";
import { demoPeopleIds, requestsAs } from "../../../tests/support/people";
import { TEMPLATE_CLOCK } from "../../../tests/support/templates";
import { demoEmail } from "../identity";
import { defaultQuestions, inviteToEvaluations, questionsAsForm } from "./evaluation";
import { gatheringInput } from "./factories";
import { createGathering } from "./gatherings";

const text = async (res: Response) =>
  (await res.text()).replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");

/** The day after the gathering of 10 February 2027. */
const AFTER = new Date("2027-02-11T10:00:00Z");
const ANSWER = {
  "a-1": "4",
  "a-2": "5",
  "a-3": "Gruppearbeidet om mobbing",
  "a-4": "",
};

describe.each(databaseKinds)("the evaluation after a gathering, by route (%s)", (kind) => {
  let t: TestApp;
  let ids: Record<string, number>;
  let as: ReturnType<typeof requestsAs>;
  let gatheringId = 0;
  const admin = (rest = "/evaluering") => `/nb/admin/samlinger/${gatheringId}${rest}`;
  const mine = (lang = "nb") => `/${lang}/samlinger/${gatheringId}/evaluering`;

  beforeAll(async () => {
    t = await testApp(kind, { demoPeople: true });
    ids = await demoPeopleIds(t.db, ["ada", "kari", "rune", "bente", "siv", "stine"]);
    as = requestsAs(() => t, ids);
    const made = await createGathering(
      t.db,
      gatheringInput(await programmeIdOf(t.db, IBS), { titleNb: "Nasjonal samling i Bergen" }),
      { personId: ids.ada!, now: t.clock.now(), baseUrl: "http://localhost" },
    );
    if (!made.ok) throw new Error("no gathering");
    gatheringId = made.gatheringId;
    for (const who of ["kari", "rune", "bente", "siv"]) {
      expect((await as.post(`/nb/samlinger/${gatheringId}/pamelding`, who)).status).toBe(303);
    }
  });
  afterAll(() => {
    t?.clock.set(TEMPLATE_CLOCK);
    return t?.close();
  });

  it("offers Ada the suggested questions, refuses a half-written one beside its field, and saves", async () => {
    const page = await (await as.get(admin(), "ada")).text();
    expect(page).toContain("Her er noen forslag til spørsmål.");
    expect(page).toContain('value="Hvor nyttig var samlingen for arbeidet ditt?"');

    const values: Record<string, string> = {
      ...questionsAsForm(defaultQuestions()),
      "q5-kind": "choice",
      "q5-nb": "Hvilken dag passer?",
      "q5-options-nb": "Mandag\nFredag",
    };
    const refused = await as.post(admin(), "ada", values);
    expect(refused.status).toBe(422);
    const html = await refused.text();
    expect(html).toContain('href="#q5-nn"');
    expect(html).toContain("Fyll ut spørsmål 5: spørsmål på nynorsk");
    expect(html).toContain("Skriv like mange alternativer som på bokmål (2)");
    expect(html).toContain('value="Hvilken dag passer?"');

    const saved = await as.post(admin(), "ada", questionsAsForm(defaultQuestions()));
    expect(saved.status).toBe(303);
    expect(saved.headers.get("location")).toBe(`${admin()}?melding=lagret`);
    expect(await text(await as.get(`${admin()}?melding=lagret`, "ada"))).toContain(
      "Spørsmålene er lagret.",
    );
    // Not a form the page could send: malformed.
    expect((await as.post(admin(), "ada", { slots: "x" })).status).toBe(400);
    expect((await as.post(admin(), "ada", { slots: "2", "q1-kind": "poll" })).status).toBe(400);
  });

  it("says the evaluation opens after the gathering, then mails each participant a link once", async () => {
    expect(await text(await as.get(mine(), "kari"))).toContain(
      "Evalueringen åpner når samlingen er over.",
    );
    t.clock.set(AFTER);
    const first = await inviteToEvaluations(t.db, { now: AFTER, baseUrl: "http://localhost" });
    expect(first).toEqual({ gatherings: 1, mails: 4 });
    expect(await inviteToEvaluations(t.db, { now: AFTER, baseUrl: "http://localhost" })).toEqual({
      gatherings: 0,
      mails: 0,
    });
    await t.jobs.runDue();
    const mail = await t.smtp.waitFor(
      (m) => m.to.includes(demoEmail("kari")) && m.subject.startsWith("Hva syntes"),
    );
    expect(mail.subject).toBe("Hva syntes du om Nasjonal samling i Bergen?");
    expect(mail.text).toContain(`http://localhost/nb/samlinger/${gatheringId}/evaluering`);
    // The gathering's page links to it.
    expect(await text(await as.get(`/nb/samlinger/${gatheringId}`, "kari"))).toContain(
      "Svar på evalueringen",
    );
  });

  it("takes Kari's answers once: what is missing is said beside the field, a second answer is refused", async () => {
    const form = await text(await as.get(mine(), "kari"));
    expect(form).toContain("Svarene dine er anonyme");
    const missing = await as.post(mine(), "kari", { "a-3": "Noe" });
    expect(missing.status).toBe(422);
    const html = await missing.text();
    expect(html).toContain('href="#a-1"');
    expect(html).toContain("Velg et svar på «Hvor nyttig var samlingen for arbeidet ditt?»");
    expect(html).toContain(">Noe</textarea>");

    // A child named in an open answer: held back with the warning and the box to confirm.
    const warned = await as.post(mine(), "kari", {
      ...ANSWER,
      "a-3": "Emma (7 år) i 2B lærte mest av dagen.",
    });
    expect(warned.status).toBe(422);
    const warning = await warned.text();
    expect(warning).toContain('name="confirm-a-3"');
    expect(warning).toContain("Emma (7 år) i 2B lærte mest av dagen.</textarea>");

    const done = await as.post(mine(), "kari", ANSWER);
    expect(done.status).toBe(303);
    expect(done.headers.get("location")).toBe(`${mine()}?melding=takk`);
    expect(await text(await as.get(`${mine()}?melding=takk`, "kari"))).toContain(
      "Takk for svarene dine!",
    );
    const again = await as.post(mine(), "kari", ANSWER);
    expect(again.status).toBe(409);
    expect(await text(again)).toContain(
      "Du har allerede svart på denne evalueringen. Du kan bare svare én gang.",
    );
    // A value no form offers is a malformed request; someone not registered learns nothing.
    expect((await as.post(mine(), "rune", { ...ANSWER, "a-1": "9" })).status).toBe(400);
    expect((await as.get(mine(), "stine")).status).toBe(404);
    expect(await text(await as.get(mine("nn"), "kari"))).toContain(
      "Du har svart på evalueringa av denne samlinga. Takk!",
    );
  });

  it("locks the questions, and shows Ada the results only from three answers, with charts and a CSV", async () => {
    const locked = await text(await as.get(admin(), "ada"));
    expect(locked).toContain("Én deltaker har svart, så spørsmålene kan ikke endres lenger.");
    const few = await text(await as.get(admin("/evaluering/resultater"), "ada"));
    expect(few).toContain("1 av 4 deltakere har svart.");
    expect(few).toContain("Resultatene vises når minst 3 har svart på et spørsmål");
    expect((await as.get(admin("/evaluering/resultater.csv"), "ada")).status).toBe(404);

    expect(
      (await as.post(mine(), "rune", { ...ANSWER, "a-1": "5", "a-3": "Foredraget" })).status,
    ).toBe(303);
    expect(
      (await as.post(mine(), "bente", { ...ANSWER, "a-1": "3", "a-3": "Lunsjen" })).status,
    ).toBe(303);
    const res = await as.get(admin("/evaluering/resultater"), "ada");
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("3 av 4 deltakere har svart.");
    expect(html).toMatch(
      /<svg role="img" aria-label="Stolpediagram for «Hvor nyttig var samlingen for arbeidet ditt\?»: 1: 0, 2: 0, 3: 1, 4: 1, 5: 1\. Gjennomsnitt 4,0\."/,
    );
    expect(html).toContain("Gjennomsnitt: 4,0");
    // Open answers in alphabetical order, never in the order they came.
    expect(html).toContain(
      '<li class="open-answer">Foredraget</li><li class="open-answer">Gruppearbeidet om mobbing</li><li class="open-answer">Lunsjen</li>',
    );
    // Nobody wrote on the fourth question: nothing shown.
    expect(html).toContain("0 har svart på dette spørsmålet. Fordelingen vises fra 3 svar.");
    const csv = await as.get(admin("/evaluering/resultater.csv"), "ada");
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const rows = (await csv.text())
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(rows[0]).toBe(
      "Dato;Hvor nyttig var samlingen for arbeidet ditt?;Hvor fornøyd er du med organiseringen av samlingen?;Hva var mest nyttig?;Hva kan bli bedre til neste gang?",
    );
    expect(rows.slice(1).sort()).toEqual([
      "2027-02-11;3;5;Lunsjen;",
      "2027-02-11;4;5;Gruppearbeidet om mobbing;",
      "2027-02-11;5;5;Foredraget;",
    ]);
    // Another organiser's admin sees none of it.
    expect((await as.get(admin("/evaluering/resultater"), "siv")).status).toBe(403);
  });
});
