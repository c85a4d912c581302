import { inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestApp, testApp } from "../tests/support/app";
import { IBS, programmeIdOf } from "../tests/support/cohorts";
import { databaseKinds } from "../tests/support/db";
import { capturedLogger } from "../tests/support/log";
import { demoPeopleIds, requestsAs } from "../tests/support/people";
import { gatheringInput } from "./modules/gatherings/factories";
import { createGathering } from "./modules/gatherings/gatherings";
import { demoEmail } from "./modules/identity";
import { people } from "./modules/identity/schema";

/**
 * The main journeys with the request log and the app's own log captured (pino, as in
 * production): the log must hold no e-mail address, no name and no national identity number.
 */
describe.each(databaseKinds)("the log of the main journeys holds nothing personal (%s)", (kind) => {
  let t: TestApp;
  const log = capturedLogger();
  let names: string[] = [];
  const typed = {
    contactName: "Kari Nordmann",
    contactEmail: "kari.nordmann@kommune.samspill.example",
    newsletter: "lesar.lund@skole.samspill.example",
    nationalId: "01010012356",
  };

  beforeAll(async () => {
    t = await testApp(kind, { demoPeople: true, logger: log.logger });
  });
  afterAll(() => t?.close());

  it("runs sign-in by e-mail code, the contact form, feedback, the newsletter and a registration", async () => {
    // Sign-in with a one-time code by e-mail.
    const asked = await t.post("/nb/logg-inn/e-post", { email: demoEmail("kari") });
    expect(asked.status).toBe(200);
    await t.jobs.runDue();
    const mail = await t.smtp.waitFor((m) => m.to === demoEmail("kari"));
    const code = mail.subject.match(/^(\d{6}) /)?.[1];
    const signedIn = await t.post("/nb/logg-inn/kode", { email: demoEmail("kari"), code: code! });
    expect(signedIn.status).toBe(303);
    // A wrong code too: refusals are logged as well.
    await t.post("/nb/logg-inn/kode", { email: demoEmail("siv"), code: "000000" });

    // The contact form: refused with a national id in it, then sent.
    const contact = {
      name: typed.contactName,
      email: typed.contactEmail,
      municipality: "3301",
      programme: "inkluderende-barnehage-og-skolemiljo",
      topic: "question",
      message: "Når åpner påmeldingen til neste pulje?",
    };
    const refused = await t.post("/nb/kontakt", {
      ...contact,
      message: `Gjelder ${typed.nationalId}, kan dere ringe?`,
    });
    expect(refused.status).toBe(422);
    const sent = await t.post("/nb/kontakt", contact);
    expect(sent.status).toBe(303);
    expect((await t.app.request(sent.headers.get("location")!)).status).toBe(200);

    // Feedback on a page, with a comment.
    const answer = await t.post("/nb/tilbakemelding", {
      step: "answer",
      page: "/tilbud/inkluderende-barnehage-og-skolemiljo",
      answer: "no",
    });
    expect(answer.status).toBe(303);
    const ref = decodeURIComponent(
      new URL(answer.headers.get("location")!, "http://x").searchParams.get("tilbakemelding")!,
    );
    await t.post("/nb/tilbakemelding", {
      step: "comment",
      page: "/tilbud/inkluderende-barnehage-og-skolemiljo",
      ref,
      comment: `Jeg heter ${typed.contactName}, ring ${typed.nationalId}`,
    });

    // The newsletter.
    const subscribed = await t.post("/nb/nyhetsbrev", {
      email: typed.newsletter,
      scope: "inkluderende-barnehage-og-skolemiljo",
      consent: "yes",
    });
    expect(subscribed.status).toBe(303);

    // A registration for a gathering, signed in.
    const ids = await demoPeopleIds(t.db, ["ada", "stine", "kari", "siv"]);
    const as = requestsAs(() => t, ids);
    const made = await createGathering(
      t.db,
      gatheringInput(await programmeIdOf(t.db, IBS), {
        titleNb: "Regional samling i Agder",
        level: "national",
        capacity: 10,
        allowedMunicipalities: ["4204"],
      }),
      { personId: ids.ada!, now: t.clock.now(), baseUrl: "http://localhost" },
    );
    if (!made.ok) throw new Error("no gathering");
    const page = await as.get(`/nb/samlinger/${made.gatheringId}`, "stine");
    expect(page.status).toBe(200);
    const registered = await as.post(`/nb/samlinger/${made.gatheringId}/pamelding`, "stine");
    expect(registered.status).toBeLessThan(500);
    await t.jobs.runDue();
    names = (
      await t.db
        .select({ name: people.name })
        .from(people)
        .where(inArray(people.id, Object.values(ids)))
    ).flatMap((p) => (p.name ? [p.name] : []));

    // Each request's id is a random UUID, whose hex can hold 11 digits in a row by chance (one
    // run in about 25 here): the digit checks below read the log without them. Only a UUID's
    // shape is taken out, so nothing personal can hide in what is left out.
    const text = log.raw
      .join("\n")
      .replace(/"reqId":"[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}"/g, '"reqId":"-"');
    // The log saw every request.
    const routes = log.lines
      .filter((l) => l.msg === "request")
      .map((l) => `${l.method} ${l.route}`);
    expect(routes).toEqual([
      "POST /:lang/logg-inn/e-post",
      "POST /:lang/logg-inn/kode",
      "POST /:lang/logg-inn/kode",
      "POST /:lang/kontakt",
      "POST /:lang/kontakt",
      "GET /:lang/kontakt/kvittering/:reference/:sig",
      "POST /:lang/tilbakemelding",
      "POST /:lang/tilbakemelding",
      "POST /:lang/nyhetsbrev",
      "GET /:lang/samlinger/:id",
      "POST /:lang/samlinger/:id/pamelding",
    ]);
    expect(text).not.toMatch(/[\w.+-]+@[\w-]+(\.[\w-]+)+/);
    // An 11-digit number on its own (the time stamp has 13), or written 6 + 5.
    expect(text).not.toMatch(/(?<!\d)\d{11}(?!\d)/);
    expect(text).not.toMatch(/(?<!\d)\d{6}\s\d{5}(?!\d)/);
    expect(text).not.toContain(typed.nationalId);
    expect(text).not.toMatch(new RegExp(`(?<![\\d.])${code}(?![\\d.])`));
    for (const name of [typed.contactName, ...names]) {
      expect(text).not.toContain(name);
      for (const part of name.split(/\s+/).filter((p) => p.length > 2))
        expect(text, part).not.toContain(part);
    }
  });
});
