import ICAL from "ical.js";
import jsQR from "jsqr";
import { PNG } from "pngjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestApp, testApp } from "../../../tests/support/app";
import { IBS, programmeIdOf } from "../../../tests/support/cohorts";
import { databaseKinds } from "../../../tests/support/db";
import { demoPeopleIds, requestsAs } from "../../../tests/support/people";
import { TEMPLATE_CLOCK } from "../../../tests/support/templates";
import { demoEmail } from "../identity";
import { attendanceOf } from "./door";
import { gatheringInput } from "./factories";
import { createGathering, gatheringById, sessionsOf } from "./gatherings";
import { registrationOf } from "./registration";

const text = async (res: Response) =>
  (await res.text()).replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");

/** The gathering's day, at the door. */
const DAY = new Date("2027-02-10T08:30:00Z");

describe.each(databaseKinds)(
  "the door, the participant's code and calendar, by route (%s)",
  (kind) => {
    let t: TestApp;
    let ids: Record<string, number>;
    let as: ReturnType<typeof requestsAs>;
    let gatheringId = 0;
    let rid = 0;
    const door = (rest = "/innsjekk") => `/nb/admin/samlinger/${gatheringId}${rest}`;

    beforeAll(async () => {
      t = await testApp(kind, { demoPeople: true });
      ids = await demoPeopleIds(t.db, ["ada", "frida", "kari", "rune", "stine"]);
      as = requestsAs(() => t, ids);
      const made = await createGathering(
        t.db,
        gatheringInput(await programmeIdOf(t.db, IBS), {
          titleNb: "Nasjonal samling i Oslo",
          mode: "hybrid",
          digitalLink: "https://meet.example.org/oslo",
          capacity: 30,
        }),
        { personId: ids.ada!, now: t.clock.now(), baseUrl: "http://localhost" },
      );
      if (!made.ok) throw new Error("no gathering");
      gatheringId = made.gatheringId;
    });
    afterAll(() => t?.close());

    it("registers Kari, who gets the mail with the .ics and the QR code, and sees the code on the page", async () => {
      const res = await as.post(`/nb/samlinger/${gatheringId}/pamelding`, "kari");
      expect(res.status).toBe(303);
      const r = (await registrationOf(t.db, gatheringId, ids.kari!))!;
      rid = r.id;
      const code = r.checkInCode!;
      const shown = `${code.slice(0, 4)}-${code.slice(4)}`;

      await t.jobs.runDue();
      const mail = await t.smtp.waitFor(
        (m) => m.to.includes(demoEmail("kari")) && m.subject.startsWith("Påmeldt"),
      );
      expect(mail.subject).toBe("Påmeldt: Nasjonal samling i Oslo");
      expect(mail.text).toContain(`Innsjekkingskoden din er ${shown}.`);
      expect(mail.text).toContain(`http://localhost/nb/samlinger/${gatheringId}`);
      const ics = mail.raw.attachments.find((a) => a.contentType === "text/calendar")!;
      const event = new ICAL.Event(
        new ICAL.Component(ICAL.parse(ics.content.toString("utf8"))).getFirstSubcomponent(
          "vevent",
        )!,
      );
      expect(event.summary).toBe("Nasjonal samling i Oslo");
      expect(event.description).toContain(`http://localhost/nb/samlinger/${gatheringId}`);
      const png = PNG.sync.read(
        mail.raw.attachments.find((a) => a.contentType === "image/png")!.content,
      );
      expect(jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data).toBe(code);

      const page = await (await as.get(`/nb/samlinger/${gatheringId}`, "kari")).text();
      expect(page).toContain(`alt="QR-kode for innsjekking. Koden er ${shown}."`);
      expect(page).toContain('src="data:image/svg+xml;base64,');
      expect(page).toContain(`data-testid="check-in-code">${shown}</strong>`);
      const download = await as.get(`/nb/samlinger/${gatheringId}/kalender.ics`, "kari");
      expect(download.status).toBe(200);
      expect(download.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
      expect(download.headers.get("content-disposition")).toContain("attachment");
      // Unfolded: RFC 5545 folds long lines.
      expect((await download.text()).replace(/\r\n[ \t]/g, "")).toContain(
        "https://meet.example.org/oslo",
      );
      // Someone without a seat gets neither the file nor the code.
      expect((await as.get(`/nb/samlinger/${gatheringId}/kalender.ics`, "stine")).status).toBe(404);
      expect(await (await as.get(`/nb/samlinger/${gatheringId}`, "stine")).text()).not.toContain(
        "check-in-code",
      );
    });

    it("makes Kari a private calendar address that works without a session, renews it and turns it off", async () => {
      expect(await text(await as.get("/nb/samlinger/kalender", "kari"))).toContain(
        "Du har ingen kalenderadresse.",
      );
      const made = await as.post("/nb/samlinger/kalender", "kari");
      expect(made.status).toBe(200);
      expect(made.headers.get("cache-control")).toBe("no-store");
      const html = await made.text();
      const first = /value="(http:\/\/localhost\/kalender\/[A-Za-z0-9_-]{43}\.ics)"/.exec(
        html,
      )![1]!;
      const feed = await t.app.request(new URL(first).pathname);
      expect(feed.status).toBe(200);
      expect(feed.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
      expect(feed.headers.get("referrer-policy")).toBe("no-referrer");
      const body = await feed.text();
      expect(body).toContain("SUMMARY:Nasjonal samling i Oslo");
      expect(body).not.toContain("METHOD:");
      expect(await text(await as.get("/nb/samlinger/kalender", "kari"))).toContain(
        "Du har en kalenderadresse, laget",
      );

      const renewed = await (await as.post("/nb/samlinger/kalender", "kari")).text();
      const second = /value="(http:\/\/localhost\/kalender\/[A-Za-z0-9_-]{43}\.ics)"/.exec(
        renewed,
      )![1]!;
      expect(second).not.toBe(first);
      expect((await t.app.request(new URL(first).pathname)).status).toBe(404);
      expect((await t.app.request(new URL(second).pathname)).status).toBe(200);

      const off = await as.post("/nb/samlinger/kalender/av", "kari");
      expect(off.status).toBe(303);
      expect(await text(await as.get(off.headers.get("location")!, "kari"))).toContain(
        "Kalenderadressen er slått av.",
      );
      expect((await t.app.request(new URL(second).pathname)).status).toBe(404);
      expect((await t.app.request(`/kalender/${"A".repeat(43)}.ics`)).status).toBe(404);
      expect((await t.app.request("/kalender/kort.ics")).status).toBe(404);
    });

    it("lets only the gathering's organiser in at the door: another organiser, a participant and anonymous are refused", async () => {
      const own = await as.get(door(), "ada");
      expect(own.status).toBe(200);
      const html = await own.text();
      expect(html).toContain("data-scan");
      expect(html).toContain("/assets/scan");
      expect(own.headers.get("permissions-policy")).toContain("camera=(self)");
      expect(
        (await as.get(`/nb/samlinger/${gatheringId}`, "kari")).headers.get("permissions-policy"),
      ).toContain("camera=()");
      expect(html).toContain("Kari Kommune");
      for (const rest of ["/innsjekk", "/oppmote", "/avslutt"]) {
        expect((await as.get(door(rest), "frida")).status, rest).toBe(403);
        expect((await as.get(door(rest), "kari")).status, rest).toBe(403);
        const anonymous = await as.get(door(rest));
        expect(anonymous.status, rest).toBe(302);
        expect(anonymous.headers.get("location")).toMatch(/^\/nb\/logg-inn\?returnTo=/);
        expect((await as.post(door(rest), "frida", { code: "x" })).status, rest).toBe(403);
        expect((await as.post(door(rest), "kari", { code: "x" })).status, rest).toBe(403);
      }
      expect((await as.get("/nb/admin/samlinger/999999/innsjekk", "ada")).status).toBe(404);
      // Kari organises her municipality's gatherings (decision 0029): an unknown one is 404 to
      // her; Rune organises none, and learns nothing of which exist.
      expect((await as.get("/nb/admin/samlinger/999999/innsjekk", "kari")).status).toBe(404);
      expect((await as.get("/nb/admin/samlinger/999999/innsjekk", "rune")).status).toBe(403);
      expect((await registrationOf(t.db, gatheringId, ids.kari!))!.checkedInAt).toBeNull();
    });

    it("checks Kari in by the typed code, says so, and says so again without an error", async () => {
      t.clock.set(DAY);
      try {
        const code = (await registrationOf(t.db, gatheringId, ids.kari!))!.checkInCode!;
        const wrong = await as.post(door(), "ada", { code: "ABCD-123" });
        expect(wrong.status).toBe(422);
        const wrongPage = await wrong.text();
        expect(wrongPage).toContain("<title>Feil: ");
        expect(wrongPage).toContain('href="#code"');
        expect(wrongPage).toContain("Skriv koden slik den står i e-posten");
        expect(wrongPage).toContain('value="ABCD-123"');
        expect((await as.post(door(), "ada", { registration: "x" })).status).toBe(400);

        const res = await as.post(door(), "ada", { code: code.toLowerCase() });
        expect(res.status).toBe(303);
        expect(res.headers.get("location")).toBe(`${door()}?inn=${rid}`);
        expect(await text(await as.get(res.headers.get("location")!, "ada"))).toContain(
          "Kari Kommune er sjekket inn.",
        );
        const again = await as.post(door(), "ada", { registration: String(rid), q: "kari" });
        expect(again.headers.get("location")).toBe(`${door()}?inn=${rid}&allerede=1&q=kari`);
        const page = await text(await as.get(again.headers.get("location")!, "ada"));
        expect(page).toContain("Kari Kommune ble allerede sjekket inn kl. 09:30.");
        expect(page).toContain("1 av 1 påmeldte er sjekket inn.");
        expect(page).toContain("Sjekket inn kl. 09:30");
        expect(await text(await as.get(`${door()}?q=ingen+slik`, "ada"))).toContain(
          "Ingen påmeldte å vise.",
        );
        expect((await attendanceOf(t.db, gatheringId, null)).get(rid)).toBe("present");
      } finally {
        t.clock.set(TEMPLATE_CLOCK);
      }
    });

    it("marks attendance per session, refuses what is not a mark, and closes the gathering with minutes", async () => {
      t.clock.set(DAY);
      try {
        const lecture = (await sessionsOf(t.db, gatheringId)).find((s) => s.kind === "lecture")!;
        const page = await as.get(`${door("/oppmote")}?okt=${lecture.id}`, "ada");
        expect(page.status).toBe(200);
        const html = await page.text();
        expect(html).toContain(`name="a-${rid}"`);
        expect(html).toContain("Oppmøte for Kari Kommune");
        expect((await as.get(`${door("/oppmote")}?okt=abc`, "ada")).status).toBe(404);
        expect((await as.get(`${door("/oppmote")}?okt=999999`, "ada")).status).toBe(404);
        expect(
          (await as.post(door("/oppmote"), "ada", { [`a-${rid}`]: "kanskje", [`was-${rid}`]: "" }))
            .status,
        ).toBe(400);
        const saved = await as.post(door("/oppmote"), "ada", {
          okt: String(lecture.id),
          [`a-${rid}`]: "excused",
          [`was-${rid}`]: "",
        });
        expect(saved.status).toBe(303);
        expect(saved.headers.get("location")).toBe(
          `${door("/oppmote")}?okt=${lecture.id}&lagret=1`,
        );
        const after = await text(await as.get(saved.headers.get("location")!, "ada"));
        expect(after).toContain("1 endring er lagret.");
        expect(after).toContain("Gyldig fravær: 1.");
        expect((await attendanceOf(t.db, gatheringId, lecture.id)).get(rid)).toBe("excused");

        const closing = await text(await as.get(door("/avslutt"), "ada"));
        expect(closing).toContain("Talt fra oppmøtet: 1 merket til stede.");
        const refused = await as.post(door("/avslutt"), "ada", {
          minutes: "Bra",
          presentCount: "-1",
        });
        expect(refused.status).toBe(422);
        expect(await refused.text()).toContain('href="#presentCount"');
        const closed = await as.post(door("/avslutt"), "ada", {
          minutes: "Alle kom, og samtalene var gode.",
          presentCount: "1",
        });
        expect(closed.status).toBe(303);
        expect(await text(await as.get(closed.headers.get("location")!, "ada"))).toContain(
          "Samlingen er avsluttet.",
        );
        const g = (await gatheringById(t.db, gatheringId))!;
        expect([g.minutes, g.presentCount]).toEqual(["Alle kom, og samtalene var gode.", 1]);
        expect((await as.post(door(), "ada", { registration: String(rid) })).status).toBe(422);
      } finally {
        t.clock.set(TEMPLATE_CLOCK);
      }
    });

    it("shows the organiser's pages in nynorsk and English", async () => {
      expect(
        await text(await as.get(`/nn/admin/samlinger/${gatheringId}/innsjekk`, "ada")),
      ).toContain("påmelde er sjekka inn");
      expect(
        await text(await as.get(`/en/admin/samlinger/${gatheringId}/oppmote`, "ada")),
      ).toContain("Mark who was present");
      expect(await text(await as.get("/en/samlinger/kalender", "kari"))).toContain(
        "Your gatherings in your calendar",
      );
    });
  },
);
