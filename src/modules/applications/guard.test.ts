import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestApp, testApp } from "../../../tests/support/app";
import { databaseKinds } from "../../../tests/support/db";
import { demoPeopleIds, requestsAs } from "../../../tests/support/people";
import { confirmationCount } from "../../kernel/child-guard-forms";
import { getPublicProgramme } from "../programmes";
import { answersOf, saveAnswers } from "./drafts";
import { saveForm } from "./forms";
import { fubApplicationForm } from "./fub-form";
import { openRound } from "./rounds";

/** The child guard in application answers (issue 12, decision 0024). */

const text = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");

/** The hidden fingerprints of a page's section form, as a browser would post them back. */
async function seenOnPage(res: Response | string) {
  const html = typeof res === "string" ? res : await res.text();
  const seen: Record<string, string> = {};
  for (const m of html.matchAll(/name="(seen-[a-z0-9-]+)" value="([^"]*)"/g)) seen[m[1]!] = m[2]!;
  return seen;
}

const ID_NUMBER = "Kontakt 010100 12356 om saken.";
const CHILD = "Emma (7 år) blir holdt utenfor i friminuttene.";

describe.each(databaseKinds)("the child guard in application answers (%s)", (kind) => {
  let t: TestApp;
  const ids: Record<string, number> = {};
  let appId = 0;

  beforeAll(async () => {
    t = await testApp(kind, { demoPeople: true });
    Object.assign(ids, await demoPeopleIds(t.db, ["kari", "frida"]));
    const now = t.clock.now();
    const fub = (await getPublicProgramme(t.db, "bedre-foreldresamarbeid", "nb"))!.programme;
    const admin = { personId: ids.frida!, now };
    const form = await saveForm(
      t.db,
      { programmeId: fub.id, definition: fubApplicationForm },
      admin,
    );
    if (!form.ok) throw new Error("form");
    const round = await openRound(
      t.db,
      { cohortId: 9100, programmeId: fub.id, deadline: "2026-12-15", criteria: [] },
      admin,
    );
    if (!round.ok) throw new Error(JSON.stringify(round.errors));
    const start = await post("/nb/soknader", "kari", {
      round: String(round.roundId),
      municipality: "4204",
    });
    appId = Number(start.headers.get("location")!.split("/").at(-1));
  });
  afterAll(() => t.close());

  const { get, post } = requestsAs(() => t, ids);
  const postJson = async (path: string, form: Record<string, string>) =>
    t.post(path, form, {
      Cookie: (await requestsAs(() => t, ids).cookie("kari")) as string,
      Accept: "application/json",
    });
  const at = (rest = "", lang = "nb") => `/${lang}/soknader/${appId}${rest}`;

  it("refuses an identity number in a text answer or a row's note, storing nothing of the section", async () => {
    const actor = { personId: ids.kari!, now: t.clock.now() };
    const refused = await saveAnswers(
      t.db,
      {
        applicationId: appId,
        answers: {
          hvorfor: { kind: "text", value: ID_NUMBER },
          malgruppe: { kind: "choices", values: ["skole"] },
        },
        seen: {},
        questionIds: ["hvorfor", "malgruppe"],
      },
      actor,
    );
    expect(refused).toEqual({
      ok: false,
      errors: { "q-hvorfor": { code: "nationalId", params: { start: "010100" } } },
      warnings: {},
    });
    const row = { kind: "parent-meeting", mode: "digital", count: "2", when: "" } as const;
    const inNote = await saveAnswers(
      t.db,
      {
        applicationId: appId,
        answers: { aktiviteter: { kind: "rows", rows: [{ ...row, note: "Fnr 01010012356" }] } },
        seen: {},
        questionIds: ["aktiviteter"],
      },
      actor,
    );
    expect(inNote.ok).toBe(false);
    expect(!inNote.ok && inNote.errors["q-aktiviteter-0-note"]?.code).toBe("nationalId");
    expect((await answersOf(t.db, appId)).answers).toEqual({});
  });

  it("shows the refusal beside the question and in the summary, keeping the text (422)", async () => {
    const seen = await seenOnPage(await get(at("/del/motivasjon"), "kari"));
    const form = new URLSearchParams({ ...seen, "q-hvorfor": ID_NUMBER });
    form.append("q-malgruppe", "skole");
    const res = await post(at("/del/motivasjon"), "kari", form);
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('href="#q-hvorfor"');
    expect(html).toContain('id="q-hvorfor-error"');
    expect(html).toContain(`${ID_NUMBER}</textarea>`);
    expect(text(html)).toContain(
      "ta bort fødselsnummeret eller D-nummeret (det som begynner med 010100). Søknaden tar ikke imot fødselsnumre.",
    );
    expect((await answersOf(t.db, appId)).answers).toEqual({});
    const nn = await post(at("/del/motivasjon", "nn"), "kari", { ...seen, "q-hvorfor": ID_NUMBER });
    expect(text(await nn.text())).toContain("Søknaden tek ikkje imot fødselsnummer.");
    const en = await post(at("/del/motivasjon", "en"), "kari", { ...seen, "q-hvorfor": ID_NUMBER });
    expect(text(await en.text())).toContain("The application does not accept identity numbers.");
    // The autosave: 422 with the sentence, nothing stored.
    const json = await postJson(at("/del/motivasjon"), { ...seen, "q-hvorfor": ID_NUMBER });
    expect(json.status).toBe(422);
    const body = (await json.json()) as { errors: Record<string, string>; saved: string[] };
    expect(body.errors["q-hvorfor"]).toContain("det som begynner med 010100");
    expect(body.saved).toEqual([]);
    expect((await answersOf(t.db, appId)).answers).toEqual({});
  });

  it("holds back a text that looks as if it names a child until the box is ticked", async () => {
    const countBefore = await confirmationCount(t.db, "application", "q-hvorfor");
    const seen = await seenOnPage(await get(at("/del/motivasjon"), "kari"));
    // The autosave cannot tick the box: 422 with the warning as a sentence.
    const json = await postJson(at("/del/motivasjon"), { ...seen, "q-hvorfor": CHILD });
    expect(json.status).toBe(422);
    const body = (await json.json()) as { errors: Record<string, string> };
    expect(body.errors["q-hvorfor"]).toContain("kan identifisere et barn («Emma (7 år)»)");
    expect(body.errors["q-hvorfor"]).toContain("Trykk Lagre for å skrive om eller bekrefte");

    const warned = await post(at("/del/motivasjon"), "kari", { ...seen, "q-hvorfor": CHILD });
    expect(warned.status).toBe(422);
    const html = await warned.text();
    expect(html).toContain("Sjekk dette før du sender:");
    expect(html).not.toContain("For å gå videre må du rette opp dette:");
    expect(html).toContain('id="q-hvorfor-warning"');
    expect(text(html)).toContain("«Emma (7 år)»: et fornavn sammen med en alder");
    expect(html).toContain(`${CHILD}</textarea>`);
    const box = html.match(/name="confirm-q-hvorfor" value="([\w-]+)"/);
    expect(box, "the confirmation box").not.toBeNull();
    expect((await answersOf(t.db, appId)).answers.hvorfor).toBeUndefined();

    const confirmed = await post(at("/del/motivasjon"), "kari", {
      ...(await seenOnPage(html)),
      "q-hvorfor": CHILD,
      "confirm-q-hvorfor": box![1]!,
    });
    expect(confirmed.status).toBe(303);
    expect((await answersOf(t.db, appId)).answers.hvorfor).toEqual({ kind: "text", value: CHILD });
    expect(await confirmationCount(t.db, "application", "q-hvorfor")).toBe(countBefore + 1);

    // Saved again untouched, the stored text is not held back a second time.
    const again = await post(at("/del/motivasjon"), "kari", {
      ...(await seenOnPage(await get(at("/del/motivasjon"), "kari"))),
      "q-hvorfor": CHILD,
      "q-malgruppe": "skole",
    });
    expect(again.status).toBe(303);
    expect((await answersOf(t.db, appId)).answers.malgruppe).toEqual({
      kind: "choices",
      values: ["skole"],
    });
    expect(await confirmationCount(t.db, "application", "q-hvorfor")).toBe(countBefore + 1);
  });
});
