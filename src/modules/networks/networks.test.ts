import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestApp, testApp } from "../../../tests/support/app";
import { databaseKinds } from "../../../tests/support/db";
import { kristiansandInCohort3 } from "../../../tests/support/networks";
import { demoPeopleIds, requestsAs } from "../../../tests/support/people";

const text = async (res: Response) =>
  (await res.text()).replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");

describe.each(databaseKinds)("a municipal coordinator runs a learning network (%s)", (kind) => {
  let t: TestApp;
  let ids: Record<string, number>;
  let as: ReturnType<typeof requestsAs>;
  let cohortId = 0;
  let networkId = 0;
  let meetingId = 0;

  beforeAll(async () => {
    t = await testApp(kind, { demoPeople: true });
    ids = await demoPeopleIds(t.db, ["kari", "rune", "sverre", "stine", "bente", "siv", "ada"]);
    const setup = await kristiansandInCohort3(t.db, ids, t.clock.now());
    cohortId = setup.cohortId;
    ids.arne = setup.arne;
    ids.lise = setup.lise;
    as = requestsAs(() => t, ids);
  });
  afterAll(() => t?.close());

  it("creates a network with a neighbour asked to co-lead; bad input is refused beside its field", async () => {
    const form = await as.get("/nb/nettverk/ny", "kari");
    expect(form.status).toBe(200);
    expect(await form.text()).toContain(`value="${cohortId}"`);

    const bad = await as.post("/nb/nettverk/ny", "kari", {
      municipality: "4204",
      name: "",
      cohort: String(cohortId),
      coLeads: "4203, 42x",
    });
    expect(bad.status).toBe(422);
    const badText = await text(bad);
    expect(badText).toContain("Skriv kommunenummer med fire sifre");

    const notInCohort = await as.post("/nb/nettverk/ny", "kari", {
      municipality: "4204",
      name: "Nettverk Sør",
      cohort: String(cohortId),
      coLeads: "4201",
    });
    expect(notInCohort.status).toBe(422);
    expect(await text(notInCohort)).toContain("Kommune 4201 er ikke med i puljen");

    const ok = await as.post("/nb/nettverk/ny", "kari", {
      municipality: "4204",
      name: "Nettverk Sør",
      cohort: String(cohortId),
      coLeads: "4203",
    });
    expect(ok.status).toBe(303);
    networkId = Number(/nettverk\/([0-9]+)/.exec(ok.headers.get("location")!)![1]);
    expect(networkId).toBeGreaterThan(0);
  });

  it("the neighbour's coordinator sees the invitation and accepts; another municipality sees nothing", async () => {
    const list = await text(await as.get("/nb/nettverk", "arne"));
    expect(list).toContain("Nettverk Sør");
    expect(list).toContain("spør om kommunen din vil lede nettverket");
    expect((await as.get(`/nb/nettverk/${networkId}`, "arne")).status).toBe(403);
    const accepted = await as.post(`/nb/nettverk/${networkId}/svar`, "arne", { answer: "accept" });
    expect(accepted.status).toBe(303);
    expect((await as.get(`/nb/nettverk/${networkId}`, "arne")).status).toBe(200);
    // Lillesand's coordinator: not a member, not leading.
    expect((await as.get(`/nb/nettverk/${networkId}`, "lise")).status).toBe(403);
    expect(await text(await as.get("/nb/nettverk", "lise"))).not.toContain("Nettverk Sør");
    const again = await as.post(`/nb/nettverk/${networkId}/svar`, "arne", { answer: "decline" });
    expect(again.status).toBe(422);
  });

  it("adds members of enrolled units only", async () => {
    const page = await as.get(`/nb/nettverk/${networkId}`, "kari");
    const html = await page.text();
    expect(html).toContain(`name="person-${ids.sverre}"`);
    expect(html).toContain(`name="person-${ids.stine}"`);
    // Bente's kindergarten is not enrolled by a leading municipality.
    expect(html).not.toContain(`name="person-${ids.bente}"`);
    const refused = await as.post(`/nb/nettverk/${networkId}/medlemmer`, "kari", {
      [`person-${ids.sverre}`]: "yes",
      [`person-${ids.bente}`]: "yes",
    });
    expect(refused.status).toBe(422);
    expect(await text(refused)).toContain("Bare ansatte ved enheter som er meldt på");
    const none = await as.post(`/nb/nettverk/${networkId}/medlemmer`, "kari", {});
    expect(none.status).toBe(422);
    const added = await as.post(`/nb/nettverk/${networkId}/medlemmer`, "kari", {
      [`person-${ids.sverre}`]: "yes",
      [`person-${ids.stine}`]: "yes",
    });
    expect(added.status).toBe(303);
    // A member who is not a leader reads it; cannot add members.
    expect((await as.get(`/nb/nettverk/${networkId}`, "stine")).status).toBe(200);
    expect(
      (
        await as.post(`/nb/nettverk/${networkId}/medlemmer`, "stine", {
          [`person-${ids.sverre}`]: "yes",
        })
      ).status,
    ).toBe(403);
  });

  it("plans a meeting: end before start refused; the invitation with an .ics reaches each member once", async () => {
    const path = `/nb/nettverk/${networkId}/moter/ny`;
    const backwards = await as.post(path, "kari", {
      title: "Første møte",
      startsAt: "10.12.2026 12:00",
      endsAt: "10.12.2026 10:00",
      place: "Rådhuset",
      digitalLink: "",
      agenda: "Erfaringsdeling",
    });
    expect(backwards.status).toBe(422);
    const b = await text(backwards);
    expect(b).toContain("Møtet må slutte etter at det starter");
    expect(b).toContain("Erfaringsdeling");
    const ok = await as.post(path, "kari", {
      title: "Første møte",
      startsAt: "10.12.2026 09:00",
      endsAt: "10.12.2026 11:00",
      place: "Rådhuset",
      digitalLink: "https://meet.example.org/sor",
      agenda: "Erfaringsdeling",
    });
    expect(ok.status).toBe(303);
    meetingId = Number(/moter\/([0-9]+)/.exec(ok.headers.get("location")!)![1]);
    await t.jobs.runDue();
    const mail = await t.smtp.waitFor(
      (m) => m.subject.includes("Første møte") && m.to.includes("stine"),
    );
    expect(mail.text).toContain(`/nb/nettverk/${networkId}/moter/${meetingId}`);
    expect(mail.raw.attachments.some((a) => a.contentType.startsWith("text/calendar"))).toBe(true);
    await t.jobs.runDue();
    expect(t.smtp.received.filter((m) => m.subject.includes("Første møte")).length).toBe(2);
    // The place and link are shown to members only.
    const page = await as.get(`/nb/nettverk/${networkId}/moter/${meetingId}`, "stine");
    expect(await page.text()).toContain("https://meet.example.org/sor");
    expect((await as.get(`/nb/nettverk/${networkId}/moter/${meetingId}`, "lise")).status).toBe(403);
    const ics = await as.get(`/nb/nettverk/${networkId}/moter/${meetingId}/kalender.ics`, "stine");
    expect(await ics.text()).toContain("BEGIN:VEVENT");
  });

  it("attendance before the meeting and reflections before it has happened are refused; after, they are kept", async () => {
    const base = `/nb/nettverk/${networkId}/moter/${meetingId}`;
    const early = await as.post(`${base}/oppmote`, "kari", {});
    expect(early.status).toBe(422);
    const earlyReflection = await as.post(`${base}/refleksjoner`, "stine", {
      reflection: "Vi prøvde nye pauseaktiviteter.",
    });
    expect(earlyReflection.status).toBe(422);
    expect(await text(earlyReflection)).toContain("når møtet er holdt");
    t.clock.set(new Date("2026-12-10T12:00:00Z"));
    const page = await (await as.get(base, "kari")).text();
    const stine = /id="member-([0-9]+)"[^>]*>\s*<label[^>]*>Stine Stab/.exec(page);
    const memberIds = [...page.matchAll(/id="member-([0-9]+)"/g)].map((m) => m[1]!);
    expect(memberIds.length).toBe(2);
    const came = await as.post(`${base}/oppmote`, "kari", {
      [`member-${stine?.[1] ?? memberIds[0]}`]: "yes",
    });
    expect(came.status).toBe(303);
    expect(await text(await as.get(base, "kari"))).toContain("1 av 2 deltakere kom");
    const minutes = await as.post(`${base}/referat`, "kari", {
      minutes: "Vi delte erfaringer om overganger mellom aktiviteter.",
    });
    expect(minutes.status).toBe(303);
    const fnr = await as.post(`${base}/refleksjoner`, "stine", {
      reflection: "Gjelder 15031650094",
    });
    expect(fnr.status).toBe(422);
    // A text that looks as if it names a child is held back with a warning, kept, and stored
    // once the writer confirms it does not identify a child.
    const childText = "Tobias har Tourettes syndrom, og medelevene ler av ham.";
    const warned = await as.post(`${base}/refleksjoner`, "stine", { reflection: childText });
    expect(warned.status).toBe(422);
    const warnedHtml = await warned.text();
    expect(warnedHtml).toContain("confirm-reflection");
    expect(warnedHtml).toContain("Tourettes");
    const confirm = /name="confirm-reflection" value="([^"]+)"/.exec(warnedHtml)![1]!;
    const confirmed = await as.post(`${base}/refleksjoner`, "stine", {
      reflection: childText,
      "confirm-reflection": confirm,
    });
    expect(confirmed.status).toBe(303);
    const reflected = await as.post(`${base}/refleksjoner`, "stine", {
      reflection: "Vi prøvde nye pauseaktiviteter, og så mindre uro i gruppene.",
    });
    expect(reflected.status).toBe(303);
    const timeline = await text(await as.get(`/nb/nettverk/${networkId}`, "sverre"));
    expect(timeline).toContain("Referat");
    expect(timeline).toContain("Refleksjon fra Stine Stab");
  });

  it("shares documents of allowed types; the county office sees counts only", async () => {
    const upload = async (bytes: Uint8Array<ArrayBuffer>, name: string) => {
      const body = new FormData();
      body.set("document", new File([new Uint8Array(bytes)], name));
      return t.app.request(`/nb/nettverk/${networkId}/dokumenter`, {
        method: "POST",
        body,
        headers: { Origin: "http://localhost", Cookie: await as.cookie("stine") },
      });
    };
    const exe = await upload(new TextEncoder().encode("MZ not a document"), "plan.pdf");
    expect(exe.status).toBe(422);
    expect(await text(exe)).toContain("Filen må være en av disse typene");
    const pdf = await upload(new TextEncoder().encode("%PDF-1.4\n%%EOF\n"), "plan.pdf");
    expect(pdf.status).toBe(303);
    const page = await as.get(`/nb/nettverk/${networkId}`, "stine");
    const link = /href="(\/nb\/nettverk\/[0-9]+\/dokumenter\/[0-9]+)"/.exec(await page.text())![1]!;
    expect((await as.get(link, "stine")).status).toBe(200);
    expect((await as.get(link, "lise")).status).toBe(403);

    const siv = await text(await as.get("/nb/nettverk", "siv"));
    expect(siv).toContain("Kristiansand");
    expect(siv).not.toContain("Nettverk Sør");
    expect((await as.get(`/nb/nettverk/${networkId}`, "siv")).status).toBe(403);
    expect((await as.get("/nb/nettverk", "ada")).status).toBe(403);
  });
});
