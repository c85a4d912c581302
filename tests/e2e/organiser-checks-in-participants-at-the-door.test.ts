import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ICAL from "ical.js";
import jsQR from "jsqr";
import type { Browser, Page } from "playwright-core";
import { PNG } from "pngjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createGathering } from "../../src/modules/gatherings";
import { gatheringInput } from "../../src/modules/gatherings/factories";
import { demoEmail } from "../../src/modules/identity";
import {
  expectNoAxeViolations,
  launchBrowser,
  loadsPage,
  openPage,
  scriptModes,
  shown,
} from "../support/browser";
import { IBS, programmeIdOf } from "../support/cohorts";
import { journeyKinds } from "../support/db";
import { writeFakeCamera } from "../support/fake-camera";
import { alert, h1, path, summary, useBrowser } from "../support/journey";
import { demoPeopleIds } from "../support/people";
import { type TestServer, testServer } from "../support/server";
import { signInWith } from "../support/sign-in";
import { TEMPLATE_CLOCK } from "../support/templates";

const browser = useBrowser();

/** The events of a calendar file, as Thunderbird's parser (ical.js) reads them. */
function calendarEvents(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  return calendar.getAllSubcomponents("vevent").map((v) => {
    const e = new ICAL.Event(v);
    return {
      summary: e.summary,
      start: e.startDate.toJSDate().toISOString(),
      status: String(v.getFirstPropertyValue("status")),
      url: String(v.getFirstPropertyValue("url")),
      description: e.description,
    };
  });
}

/**
 * Kari, a municipal coordinator, registers for a national gathering: the page shows her QR
 * code, the mail brings the .ics (read by ical.js) and the QR code as a picture (read by jsQR),
 * and she subscribes to her private calendar feed. On the gathering's day Ada, who organises it
 * for Udir, checks her in at the door: without JavaScript by typing the code, with JavaScript by
 * scanning it with the phone's camera (Chromium's fake camera showing the mail's QR code). Ada
 * then marks attendance for a session and closes the gathering with minutes. Each mode runs on
 * a gathering of its own (closing is final).
 */
describe.each(journeyKinds)("an organiser checks participants in at the door, on %s", (kind) => {
  let server: TestServer;
  const gatherings: Record<string, { id: number; title: string; day: string }> = {};
  let dir = "";
  /** Chromium with a camera that shows the QR code of the mail (the JavaScript run). */
  let camera: Browser | undefined;

  beforeAll(async () => {
    server = await testServer(kind, { signIn: true });
    dir = mkdtempSync(join(tmpdir(), "samspill-door-"));
    const { ada } = await demoPeopleIds(server.db, ["ada"]);
    const programmeId = await programmeIdOf(server.db, IBS);
    for (const [tag, day] of [
      ["js", "2027-02-10"],
      ["nojs", "2027-02-17"],
    ] as const) {
      const title = `Nasjonal samling ${day}`;
      const made = await createGathering(
        server.db,
        gatheringInput(programmeId, {
          day,
          titleNb: title,
          mode: "hybrid",
          digitalLink: "https://meet.example.org/nasjonal",
          capacity: 50,
        }),
        { personId: ada!, now: server.clock.now(), baseUrl: server.url },
      );
      if (!made.ok) throw new Error(JSON.stringify(made.errors));
      gatherings[tag] = { id: made.gatheringId, title, day };
    }
  });
  afterAll(async () => {
    await camera?.close();
    await server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /** Kari registers and gets her code, on the page and by mail; returns the mail's QR picture. */
  async function kariRegisters(page: Page, g: { id: number; title: string }) {
    await page.goto("/nb/samlinger");
    await signInWith(page, server, "ID-porten", "Kari Kommune");
    expect(path(page)).toBe("/nb/samlinger");
    await expectNoAxeViolations(page);
    await loadsPage(page, () => page.getByRole("link", { name: g.title }).click());
    expect(await h1(page)).toBe(g.title);
    await loadsPage(page, () => page.getByRole("button", { name: "Meld meg på" }).click());
    expect(await shown(page.getByRole("main"))).toContain(
      "Du er påmeldt og har plass på samlingen.",
    );
    const code = await shown(page.getByTestId("check-in-code"));
    expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    expect(
      await page.getByRole("img", { name: `QR-kode for innsjekking. Koden er ${code}.` }).count(),
    ).toBe(1);
    await expectNoAxeViolations(page);

    const mail = await server.mail(
      (m) => m.to.includes(demoEmail("kari")) && m.subject === `Påmeldt: ${g.title}`,
    );
    expect(mail.text).toContain(`Innsjekkingskoden din er ${code}.`);
    expect(mail.text).toContain("Digitalt møte: https://meet.example.org/nasjonal");
    const ics = mail.raw.attachments.find((a) => a.contentType === "text/calendar")!;
    const [event] = calendarEvents(ics.content.toString("utf8"));
    expect(event).toMatchObject({
      summary: g.title,
      status: "CONFIRMED",
      url: `${server.url}/nb/samlinger/${g.id}`,
    });
    expect(event!.description).toContain("https://meet.example.org/nasjonal");
    const png = mail.raw.attachments.find((a) => a.contentType === "image/png")!.content;
    const picture = PNG.sync.read(png);
    expect(jsQR(new Uint8ClampedArray(picture.data), picture.width, picture.height)?.data).toBe(
      code.replace("-", ""),
    );

    // Her private calendar feed, which a calendar app reads without signing in.
    await loadsPage(page, () =>
      page.getByRole("link", { name: "Alle samlingene dine i kalenderappen" }).click(),
    );
    expect(await h1(page)).toBe("Samlingene i kalenderen din");
    await expectNoAxeViolations(page);
    await loadsPage(page, () =>
      page.getByRole("button", { name: /^Lag (kalenderadresse|ny adresse)$/ }).click(),
    );
    const address = await page
      .getByRole("textbox", { name: "Adressen til kalenderen" })
      .inputValue();
    expect(address).toMatch(new RegExp(`^${server.url}/kalender/[A-Za-z0-9_-]{43}\\.ics$`));
    await expectNoAxeViolations(page);
    const feed = await page.request.get(address);
    expect(feed.status()).toBe(200);
    expect(calendarEvents(await feed.text()).map((e) => [e.summary, e.status])).toContainEqual([
      g.title,
      "CONFIRMED",
    ]);
    return { code, png };
  }

  /** Ada opens the door page of the gathering, signing in on the way. */
  async function adaAtTheDoor(page: Page, g: { id: number; title: string }) {
    await page.goto(`/nb/admin/samlinger/${g.id}/innsjekk`);
    await signInWith(page, server, "ID-porten", "Ada Direktorat");
    expect(path(page)).toBe(`/nb/admin/samlinger/${g.id}/innsjekk`);
    expect(await h1(page)).toBe(`Innsjekking: ${g.title}`);
    expect(await shown(page.getByTestId("door-count"))).toBe("0 av 1 påmeldte er sjekket inn.");
    await expectNoAxeViolations(page);
  }

  /** Attendance for the opening lecture, then closing with minutes. */
  async function adaMarksAttendanceAndCloses(page: Page, g: { id: number; title: string }) {
    await loadsPage(page, () =>
      page
        .getByRole("navigation", { name: "Samlingens dag" })
        .getByRole("link", { name: "Oppmøte" })
        .click(),
    );
    expect(await h1(page)).toBe(`Oppmøte: ${g.title}`);
    // The door marked Kari present for the whole gathering.
    expect(await shown(page.getByTestId("attendance-tally"))).toBe(
      "Til stede: 1. Borte: 0. Gyldig fravær: 0. Ikke merket: 0.",
    );
    await expectNoAxeViolations(page);
    await page
      .getByLabel("Del av samlingen")
      .selectOption({ label: "09:00–10:30 Velkommen og innledning" });
    await loadsPage(page, () => page.getByRole("button", { name: "Vis" }).click());
    expect(await shown(page.getByTestId("attendance-tally"))).toContain("Ikke merket: 1.");
    await page
      .getByRole("group", { name: "Oppmøte for Kari Kommune" })
      .getByRole("radio", { name: "Gyldig fravær" })
      .check();
    await loadsPage(page, () => page.getByRole("button", { name: "Lagre oppmøte" }).click());
    expect(await alert(page)).toBe("1 endring er lagret.");
    expect(await shown(page.getByTestId("attendance-tally"))).toBe(
      "Til stede: 0. Borte: 0. Gyldig fravær: 1. Ikke merket: 0.",
    );
    await expectNoAxeViolations(page);

    await loadsPage(page, () =>
      page
        .getByRole("navigation", { name: "Samlingens dag" })
        .getByRole("link", { name: "Avslutt samlingen" })
        .click(),
    );
    expect(await h1(page)).toBe(`Avslutt ${g.title}`);
    expect(await page.getByLabel("Antall til stede").inputValue()).toBe("1");
    await expectNoAxeViolations(page);
    await page.getByLabel("Referat").fill("Kari deltok. Neste samling planlegges i mai.");
    await loadsPage(page, () => page.getByRole("button", { name: "Avslutt samlingen" }).click());
    expect(await alert(page)).toBe("Samlingen er avsluttet.");
    expect(await shown(page.getByTestId("closed-on"))).toMatch(/^Samlingen ble avsluttet /);
    expect(await page.getByLabel("Referat").inputValue()).toBe(
      "Kari deltok. Neste samling planlegges i mai.",
    );
    await expectNoAxeViolations(page);
  }

  for (const { js, mode, tag } of scriptModes) {
    it(`${mode}: Kari registers and gets her code; Ada checks her in ${js ? "by scanning it" : "by typing it"}, marks attendance and closes`, async () => {
      const g = gatherings[tag]!;
      server.clock.set(TEMPLATE_CLOCK);
      const participant = await openPage(browser(), { js, baseURL: server.url });
      const { code, png } = await kariRegisters(participant.page, g);

      // The gathering's day.
      server.clock.set(new Date(`${g.day}T08:30:00Z`));
      try {
        let page: Page;
        if (js) {
          const file = join(dir, `${tag}.y4m`);
          writeFakeCamera(file, png);
          camera = await launchBrowser({ camera: file });
          page = (await openPage(camera, { js, baseURL: server.url })).page;
          await adaAtTheDoor(page, g);
          // The reader fills the code field and sends the form itself.
          await loadsPage(page, () => page.getByRole("button", { name: "Skann QR-kode" }).click());
        } else {
          const organiser = await openPage(browser(), { js, baseURL: server.url });
          page = organiser.page;
          await adaAtTheDoor(page, g);
          // A mistyped code is refused beside the field, and kept.
          organiser.allowErrorStatus(422);
          await page.getByLabel("Kode fra QR-koden").fill("ABCD-12");
          await loadsPage(page, () =>
            page.getByRole("button", { name: "Sjekk inn", exact: true }).click(),
          );
          expect(organiser.status()).toBe(422);
          expect(await page.title()).toMatch(/^Feil: /);
          expect(await shown(summary(page))).toContain("Skriv koden slik den står i e-posten");
          expect(await page.getByLabel("Kode fra QR-koden").inputValue()).toBe("ABCD-12");
          await expectNoAxeViolations(page);
          await page.getByLabel("Kode fra QR-koden").fill(code.toLowerCase().replace("-", " "));
          await loadsPage(page, () =>
            page.getByRole("button", { name: "Sjekk inn", exact: true }).click(),
          );
        }
        expect(await alert(page)).toBe("Kari Kommune er sjekket inn.");
        expect(await shown(page.getByTestId("door-count"))).toBe("1 av 1 påmeldte er sjekket inn.");
        await expectNoAxeViolations(page);

        // The list, searched: she is in.
        await page.getByLabel("Søk etter navn, enhet eller kommune").fill("kari");
        await loadsPage(page, () => page.getByRole("button", { name: "Søk", exact: true }).click());
        const row = page.getByRole("row", { name: /Kari Kommune/ });
        expect(await shown(row)).toContain("Sjekket inn kl. 09:30");
        await expectNoAxeViolations(page);

        await adaMarksAttendanceAndCloses(page, g);
      } finally {
        server.clock.set(TEMPLATE_CLOCK);
      }
    });
  }
});
