import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ORIGIN, testApp } from "../../../tests/support/app";
import { databaseKinds } from "../../../tests/support/db";
import { demoPeopleIds, requestsAs } from "../../../tests/support/people";
import { programmesOwnedBy } from "../programmes";

const HEADER = "Organisasjonsnummer;Enhetsnavn;Skoleår;Trinn;Indikator;AndelMobbet";

describe.each(databaseKinds)("the outcome pages (%s)", (kind) => {
  let t: Awaited<ReturnType<typeof testApp>>;
  let as: ReturnType<typeof requestsAs>;
  let ibs = 0;
  const page = (rest = "") => `/nb/admin/resultater/${ibs}${rest}`;

  async function upload(who: string, text: string | null, name = "elevundersokelsen.csv") {
    const form = new FormData();
    form.append("file", text === null ? new File([], "") : new File([text], name));
    return t.app.request(page("/import"), {
      method: "POST",
      body: form,
      headers: { Origin: ORIGIN, Cookie: await as.cookie(who) },
    });
  }

  beforeAll(async () => {
    t = await testApp(kind, { demoPeople: true });
    const ids = await demoPeopleIds(t.db, ["ada", "frida", "siv", "kari"]);
    as = requestsAs(() => t, ids);
    ibs = (await programmesOwnedBy(t.db, ["udir"])).find((p) =>
      p.slug.startsWith("inkluderende"),
    )!.id;
  });
  afterAll(() => t.close());

  it("shows Ada the estimates with the chart, the table and the explanation, in every language", async () => {
    for (const [lang, words] of [
      ["nb", ["Hva tallet kan og ikke kan si", "Pulje 1, Kommuner, 7. trinn", "ikke gjennomført"]],
      [
        "nn",
        ["Kva talet kan og ikkje kan seie", "Pulje 1, Kommunar, 7. trinn", "ikkje gjennomført"],
      ],
      [
        "en",
        [
          "What the figure can and cannot say",
          "Cohort 1, Municipalities, Grade 7",
          "has not been held",
        ],
      ],
    ] as const) {
      const res = await as.get(`/${lang}/admin/resultater/${ibs}`, "ada");
      expect(res.status).toBe(200);
      const html = await res.text();
      for (const w of words) expect(html).toContain(w);
      expect(html).toContain('<svg role="img"');
    }
    const list = await (await as.get("/nb/admin/resultater", "ada")).text();
    expect(list).toContain(`/nb/admin/resultater/${ibs}`);
  });

  it("shows the county coordinator her county only, with no import; others are refused", async () => {
    const html = await (await as.get(page(), "siv")).text();
    expect(html).toContain("Du ser skolene og kommunene i fylket ditt.");
    expect(html).not.toContain("/import");
    expect((await as.get(page("/import"), "siv")).status).toBe(403);
    expect((await as.get(page(), "frida")).status).toBe(403);
    expect((await as.get(page(), "kari")).status).toBe(403);
    expect((await as.get("/nb/admin/resultater/999999", "ada")).status).toBe(404);
  });

  it("downloads the estimates as CSV and XLSX", async () => {
    const csv = await as.get(page("/anslag.csv"), "ada");
    expect(csv.status).toBe(200);
    const text = await csv.text();
    expect(text.split("\r\n")[0]).toContain("Pulje;Nivå;Trinn");
    expect(text).toContain("Ikke beregnet ennå");
    const xlsx = await as.get(page("/anslag.xlsx?pulje=1"), "ada");
    expect(xlsx.status).toBe(200);
    expect(new Uint8Array(await xlsx.arrayBuffer()).slice(0, 2)).toEqual(
      new Uint8Array([0x50, 0x4b]),
    );
  });

  it("refuses a file without the columns beside the field, and a missing file", async () => {
    const none = await upload("ada", null);
    expect(none.status).toBe(422);
    const html = await none.text();
    expect(html).toContain("Velg en CSV-fil");
    expect(html).toContain('href="#file"');
    const wrong = await upload("ada", "Orgnr,År,Andel\n0118,2017,5\n");
    expect(wrong.status).toBe(422);
    expect(await wrong.text()).toContain("Filen mangler kolonnene Organisasjonsnummer");
    expect((await upload("frida", `${HEADER}\n`)).status).toBe(403);
  });

  it("previews each row, imports on confirmation in one go, and discards", async () => {
    const file = [
      HEADER,
      "0118;Aremark;2018-19;7. trinn;Mobbing på skolen;4,4",
      "0118;Aremark;2018-19;10. trinn;Mobbing på skolen;*",
      "9999;Ukjent;2018-19;7. trinn;Mobbing på skolen;4,4",
    ].join("\r\n");
    const res = await upload("ada", file);
    expect(res.status).toBe(303);
    const preview = res.headers.get("location")!;
    const html = await (await as.get(preview, "ada")).text();
    expect(html).toMatch(/data-testid="accepted">1</);
    expect(html).toMatch(/data-testid="suppressed">1</);
    expect(html).toMatch(/data-testid="rejected">1</);
    expect(html).toContain("Ukjent skole, eller kommunen fantes ikke det året");
    // Someone else's draft is not found.
    expect((await as.get(preview, "siv")).status).toBe(403);
    const done = await as.post(preview, "ada");
    expect(done.status).toBe(303);
    const back = await (await as.get(done.headers.get("location")!, "ada")).text();
    expect(back).toContain("Importert: 1 rader med tall og 1 prikkede. 1 avvist.");
    // The draft is gone once run.
    expect((await as.get(preview, "ada")).status).toBe(404);

    const again = await upload("ada", file);
    const second = again.headers.get("location")!;
    const discarded = await as.post(second, "ada", { discard: "yes" });
    expect(discarded.status).toBe(303);
    expect((await as.get(second, "ada")).status).toBe(404);
  });

  it("answers malformed requests with 400, never 500", async () => {
    const res = await t.app.request(page("/import"), {
      method: "POST",
      body: "not a form",
      headers: { Origin: ORIGIN, Cookie: await as.cookie("ada"), "Content-Type": "text/plain" },
    });
    expect(res.status).toBe(400);
  });
});
