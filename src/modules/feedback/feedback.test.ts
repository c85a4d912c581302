import { count, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestApp, testApp } from "../../../tests/support/app";
import { databaseKinds } from "../../../tests/support/db";
import { confirmationCount } from "../../kernel/child-guard-forms";
import { pageFeedback } from "./schema";
import { recordAnswer } from "./service";

const PAGE = "/tilbud/inkluderende-barnehage-og-skolemiljo";

describe.each(databaseKinds)("page feedback on %s", (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp(kind);
  });
  afterAll(() => t.close());

  const rows = async () => (await t.db.select({ n: count() }).from(pageFeedback))[0]!.n;

  it("stores a Nei, asks the follow-up for Nei, then stores the comment and thanks", async () => {
    const before = await rows();
    const answer = await t.post("/nb/tilbakemelding", { step: "answer", page: PAGE, answer: "no" });
    expect(answer.status).toBe(303);
    const location = answer.headers.get("location")!;
    expect(location).toMatch(
      new RegExp(`^/nb${PAGE}\\?tilbakemelding=\\d+\\.0\\.[\\w-]+#tilbakemelding$`),
    );
    expect(await rows()).toBe(before + 1);

    const page = await t.app.request(location);
    const html = await page.text();
    expect(html).toContain("Hva lette du etter?");
    expect(html).toContain("0/250");
    const ref = decodeURIComponent(
      new URL(location, "http://x").searchParams.get("tilbakemelding")!,
    );

    const comment = await t.post("/nb/tilbakemelding", {
      step: "comment",
      page: PAGE,
      ref,
      comment: "Jeg lette etter søknadsfristen for pulje 3.",
    });
    expect(comment.status).toBe(303);
    expect(comment.headers.get("location")).toBe(`/nb${PAGE}?tilbakemelding=takk#tilbakemelding`);
    const thanks = await (await t.app.request(comment.headers.get("location")!)).text();
    expect(thanks).toContain("Tusen takk for hjelpen!");
    const [stored] = await t.db
      .select()
      .from(pageFeedback)
      .where(eq(pageFeedback.id, Number(ref.split(".")[0])));
    expect(stored).toMatchObject({
      page: PAGE,
      lang: "nb",
      found: false,
      comment: "Jeg lette etter søknadsfristen for pulje 3.",
    });
  });

  it("asks a different follow-up for Ja, in nynorsk", async () => {
    const answer = await t.post("/nn/tilbakemelding", {
      step: "answer",
      page: "/kontakt",
      answer: "yes",
    });
    const html = await (await t.app.request(answer.headers.get("location")!)).text();
    expect(html).toContain("Så bra! Er det noko vi kan gjere betre på denne sida?");
    expect(html).toContain('lang="nn"');
  });

  it("answers a script's request with the next step of the widget only", async () => {
    const res = await t.post(
      "/en/tilbakemelding",
      { step: "answer", page: "/", answer: "no" },
      { "X-Fragment": "feedback" },
    );
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html.startsWith("<section")).toBe(true);
    expect(html).toContain("What were you looking for?");
  });

  it("refuses a 251-character comment beside the field and in a summary, keeping the text", async () => {
    const answer = await t.post("/nb/tilbakemelding", {
      step: "answer",
      page: PAGE,
      answer: "yes",
    });
    const ref = decodeURIComponent(
      new URL(answer.headers.get("location")!, "http://x").searchParams.get("tilbakemelding")!,
    );
    const long = "å".repeat(251);
    const res = await t.post("/nb/tilbakemelding", {
      step: "comment",
      page: PAGE,
      ref,
      comment: long,
    });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain("<title>Feil: ");
    expect(html).toContain('class="ds-error-summary"');
    expect(html).toContain('href="#feedback-comment"');
    expect(html).toContain("Kommentaren kan ha høyst 250 tegn");
    expect(html).toContain(long);
    const [row] = await t.db
      .select()
      .from(pageFeedback)
      .where(eq(pageFeedback.id, Number(ref.split(".")[0])));
    expect(row?.comment).toBeNull();
  });

  /** A fresh answer's signed reference, for a comment to follow it. */
  const answerRef = async (lang = "nb") => {
    const answer = await t.post(`/${lang}/tilbakemelding`, {
      step: "answer",
      page: PAGE,
      answer: "no",
    });
    return decodeURIComponent(
      new URL(answer.headers.get("location")!, "http://x").searchParams.get("tilbakemelding")!,
    );
  };
  const storedComment = async (ref: string) =>
    (
      await t.db
        .select()
        .from(pageFeedback)
        .where(eq(pageFeedback.id, Number(ref.split(".")[0])))
    )[0];

  it("masks e-mail addresses and phone numbers in comments and says so", async () => {
    const ref = await answerRef();
    const res = await t.post("/nb/tilbakemelding", {
      step: "comment",
      page: PAGE,
      ref,
      comment: "Ring meg på 477 99 200 eller skriv til ola@kommune.example",
    });
    expect(res.headers.get("location")).toContain("maskert=1");
    const row = await storedComment(ref);
    expect(row?.comment).toBe("Ring meg på [***] eller skriv til [***]");
    expect(row?.commentMasked).toBe(true);
    const html = await (await t.app.request(res.headers.get("location")!)).text();
    expect(html).toContain("Vi fjernet noe som så ut som personopplysninger");
  });

  it("refuses a comment with a national identity number, keeping the text", async () => {
    const ref = await answerRef();
    const comment = "Gjelder sønnen min, fnr 01010012356";
    const res = await t.post("/nb/tilbakemelding", { step: "comment", page: PAGE, ref, comment });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain("<title>Feil: ");
    expect(html).toContain(
      "Ta bort fødselsnummeret eller D-nummeret (det som begynner med 010100).",
    );
    expect(html).toContain('id="feedback-comment-error"');
    expect(html).toContain(`>${comment}</textarea>`);
    expect((await storedComment(ref))?.comment).toBeNull();
  });

  it("holds back a comment that looks as if it names a child, then stores it once confirmed", async () => {
    const ref = await answerRef("nn");
    const countBefore = await confirmationCount(t.db, "feedback", "comment");
    const comment = "Guten i 5A med ADHD finn ikkje informasjon om tilrettelegging.";
    // With the script: the widget alone comes back, with the warning and its box.
    const warned = await t.post(
      "/nn/tilbakemelding",
      { step: "comment", page: PAGE, ref, comment },
      { "X-Fragment": "feedback" },
    );
    expect(warned.status).toBe(422);
    const html = await warned.text();
    expect(html.startsWith("<section")).toBe(true);
    expect(html).toContain("Sjekk dette før du sender:");
    expect(html).toContain(
      '<a class="ds-link" href="#feedback-comment">Kommentaren: kan identifisere eit barn («Guten i 5A med ADHD»)</a>',
    );
    expect(html).toContain(
      "«Guten i 5A med ADHD»: eit barn omtalt saman med ein diagnose eller eit vedtak",
    );
    expect(html).toContain(`>${comment}</textarea>`);
    expect((await storedComment(ref))?.comment).toBeNull();
    const value = html.match(
      /id="feedback-confirm-comment" name="confirm-comment" value="([\w-]+)"/,
    )![1]!;

    // Without the script: the page comes back, then the confirmed comment is stored.
    const page = await t.post("/nn/tilbakemelding", { step: "comment", page: PAGE, ref, comment });
    expect(page.status).toBe(422);
    expect(await page.text()).toContain("Teksten identifiserer ikkje eit barn");
    const confirmed = await t.post("/nn/tilbakemelding", {
      step: "comment",
      page: PAGE,
      ref,
      comment,
      "confirm-comment": value,
    });
    expect(confirmed.status).toBe(303);
    expect((await storedComment(ref))?.comment).toBe(comment);
    expect(await confirmationCount(t.db, "feedback", "comment")).toBe(countBefore + 1);
  });

  it("counts no confirmation for a comment that comes too late to be stored", async () => {
    const ref = await answerRef();
    const comment = "Eleven Jonas fant ikke fristen.";
    const first = await (
      await t.post("/nb/tilbakemelding", { step: "comment", page: PAGE, ref, comment })
    ).text();
    const value = first.match(/name="confirm-comment" value="([\w-]+)"/)![1]!;
    const ok = { step: "comment", page: PAGE, ref, comment, "confirm-comment": value };
    expect((await t.post("/nb/tilbakemelding", ok)).status).toBe(303);
    const countAfter = await confirmationCount(t.db, "feedback", "comment");
    // The same answer commented twice: the second is not stored, and not counted.
    const again = await t.post("/nb/tilbakemelding", ok);
    expect(again.headers.get("location")).toContain("tilbakemelding=takk");
    expect(await confirmationCount(t.db, "feedback", "comment")).toBe(countAfter);
  });

  it("refuses a forged reference, an unknown page, garbage and a missing answer with 400", async () => {
    const before = await rows();
    const forged = await t.post("/nb/tilbakemelding", {
      step: "comment",
      page: PAGE,
      ref: "1.0.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
      comment: "x",
    });
    expect(forged.status).toBe(400);
    expect(await forged.text()).toContain("Vi forstod ikke forespørselen");
    expect(
      (await t.post("/nb/tilbakemelding", { step: "answer", page: "/finnes-ikke", answer: "yes" }))
        .status,
    ).toBe(400);
    expect(
      (
        await t.post("/nb/tilbakemelding", {
          step: "answer",
          page: "/tilbud/finnes-ikke",
          answer: "yes",
        })
      ).status,
    ).toBe(400);
    expect((await t.post("/nb/tilbakemelding", { step: "answer", page: PAGE })).status).toBe(400);
    const garbage = await t.app.request("/nb/tilbakemelding", {
      method: "POST",
      body: "\u0000{not a form",
      headers: { "Content-Type": "application/json", Origin: "http://localhost" },
    });
    expect(garbage.status).toBe(400);
    const empty = await t.app.request("/en/tilbakemelding", {
      method: "POST",
      headers: { Origin: "http://localhost" },
    });
    expect(empty.status).toBe(400);
    expect(await empty.text()).toContain("We did not understand the request");
    expect(await rows()).toBe(before);
  });

  it("stores answers that arrive together in one batch, each caller getting its own row", async () => {
    const pages = ["/", "/kontakt", "/nyhetsbrev", PAGE];
    const ids = await Promise.all(
      Array.from({ length: 120 }, (_, i) =>
        recordAnswer(t.db, { page: pages[i % 4]!, lang: "nn", found: i % 2 === 0 }, t.clock.now()),
      ),
    );
    expect(new Set(ids).size).toBe(120);
    const rows = await t.db.select().from(pageFeedback).where(inArray(pageFeedback.id, ids));
    expect(rows).toHaveLength(120);
    ids.forEach((id, i) => {
      const row = rows.find((r) => r.id === id);
      expect(row).toMatchObject({ page: pages[i % 4], found: i % 2 === 0 });
    });
  });

  it("treats fields named like object properties as plain fields", async () => {
    const res = await t.app.request("/nb/tilbakemelding", {
      method: "POST",
      body: `step=answer&page=${encodeURIComponent(PAGE)}&answer=yes&__proto__=x&constructor=y&hasOwnProperty=z`,
      headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: "http://localhost" },
    });
    expect(res.status).toBe(303);
  });

  it("stores nothing for a filled honeypot and still thanks the sender", async () => {
    const before = await rows();
    const res = await t.post("/nb/tilbakemelding", {
      step: "answer",
      page: PAGE,
      answer: "yes",
      website: "http://spam",
    });
    expect(res.status).toBe(303);
    expect(await rows()).toBe(before);
  });
});

describe.each(databaseKinds)("a flood of feedback on %s", (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp(kind, { rateRules: { form: { limit: 5, windowSeconds: 60 } } });
  });
  afterAll(() => t.close());

  it("stops storing after the per-client limit and starts again in the next window", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) {
      statuses.push(
        (await t.post("/nb/tilbakemelding", { step: "answer", page: "/", answer: "yes" })).status,
      );
    }
    expect(statuses).toEqual([303, 303, 303, 303, 303, 429, 429, 429]);
    expect((await t.db.select({ n: count() }).from(pageFeedback))[0]!.n).toBe(5);
    t.clock.advance(61_000);
    expect(
      (await t.post("/nb/tilbakemelding", { step: "answer", page: "/", answer: "yes" })).status,
    ).toBe(303);
  });
});
