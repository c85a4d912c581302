import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ORIGIN, type TestApp, testApp } from "../../../tests/support/app";
import { IBS, programmeIdOf } from "../../../tests/support/cohorts";
import { databaseKinds } from "../../../tests/support/db";
import { asFile, fakePdf, pdfFile } from "../../../tests/support/files";
import { demoPeopleIds, requestsAs } from "../../../tests/support/people";
import { gatheringInput } from "./factories";
import { createGathering } from "./gatherings";
import { register } from "./registration";
import { gatheringMaterials } from "./schema";

const text = async (res: Response) =>
  (await res.text()).replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");

describe.each(databaseKinds)("a gathering's materials (%s)", (kind) => {
  let t: TestApp;
  let ids: Record<string, number>;
  let as: ReturnType<typeof requestsAs>;
  let gid = 0;
  const admin = (rest = "") => `/nb/admin/samlinger/${gid}/materiell${rest}`;
  const mine = (rest = "") => `/nb/samlinger/${gid}/materiell${rest}`;

  async function upload(who: string, fields: Record<string, string>, file?: File) {
    const form = new FormData();
    for (const [k, v] of Object.entries(fields)) form.append(k, v);
    form.append("file", file ?? new File([], ""));
    return t.app.request(admin(), {
      method: "POST",
      body: form,
      headers: { Origin: ORIGIN, Cookie: await as.cookie(who) },
    });
  }

  beforeAll(async () => {
    t = await testApp(kind, { demoPeople: true });
    ids = await demoPeopleIds(t.db, ["ada", "frida", "kari", "rune", "stine"]);
    as = requestsAs(() => t, ids);
    const made = await createGathering(
      t.db,
      gatheringInput(await programmeIdOf(t.db, IBS), { capacity: 1, sessions: [] }),
      { personId: ids.ada!, now: t.clock.now(), baseUrl: "http://localhost" },
    );
    if (!made.ok) throw new Error("no gathering");
    gid = made.gatheringId;
    for (const who of ["kari", "rune"]) {
      const r = await register(
        t.db,
        { gatheringId: gid, personId: ids[who]!, sessionIds: [] },
        { personId: ids[who]!, now: t.clock.now(), baseUrl: "http://localhost" },
      );
      expect(r.ok).toBe(true);
    }
  });
  afterAll(() => t?.close());

  it("takes a file checked by its bytes, with titles; refuses a wrong type beside the field, titles kept", async () => {
    const bad = await upload(
      "ada",
      { titleNb: "Lysark", titleNn: "Lysark" },
      asFile(fakePdf(), "lysark.pdf", "application/pdf"),
    );
    expect(bad.status).toBe(422);
    const body = await bad.text();
    expect(body).toContain("Filen må være en av disse typene: PDF, DOCX, ODT, XLSX, PNG, JPEG");
    expect(body).toContain('value="Lysark"');
    const none = await upload("ada", { titleNb: "", titleNn: "" });
    expect(none.status).toBe(422);
    expect(await text(none)).toContain("Fyll ut tittel på bokmål");
    expect(await t.db.select().from(gatheringMaterials)).toHaveLength(0);

    const ok = await upload(
      "ada",
      { titleNb: "Lysark fra dagen", titleNn: "Lysark frå dagen" },
      asFile(pdfFile("Lysark"), "lysark.pdf", "application/pdf"),
    );
    expect(ok.status).toBe(303);
    expect(ok.headers.get("location")).toBe(`${admin()}?melding=lagt-til`);
    const page = await text(await as.get(`${admin()}?melding=lagt-til`, "ada"));
    expect(page).toContain("Filen er lagt til.");
    expect(page).toContain("Lysark fra dagen (PDF,");
    expect((await upload("frida", { titleNb: "x", titleNn: "x" })).status).toBe(403);
  });

  it("gives it to participants with a confirmed seat only; others get 403, an unknown one 404", async () => {
    const [m] = await t.db
      .select()
      .from(gatheringMaterials)
      .where(eq(gatheringMaterials.gatheringId, gid));
    const list = await text(await as.get(mine(), "kari"));
    expect(list).toContain("Lysark fra dagen");
    const file = await as.get(mine(`/${m!.id}`), "kari");
    expect(file.status).toBe(200);
    expect(file.headers.get("content-type")).toBe("application/pdf");
    expect(
      new TextDecoder().decode(new Uint8Array(await file.arrayBuffer())).startsWith("%PDF-"),
    ).toBe(true);
    const gatheringPage = await text(await as.get(`/nb/samlinger/${gid}`, "kari"));
    expect(gatheringPage).toContain("Materiell fra samlingen");

    // Rune waits for a seat; Stine never registered.
    expect((await as.get(mine(`/${m!.id}`), "rune")).status).toBe(403);
    expect((await as.get(mine(), "stine")).status).toBe(403);
    expect((await as.get(mine("/999999"), "kari")).status).toBe(404);
    expect((await as.get(`/nb/samlinger/999999/materiell`, "kari")).status).toBe(404);
    expect((await as.get(admin(`/${m!.id}`), "ada")).status).toBe(200);
  });

  it("removes a material", async () => {
    const [m] = await t.db
      .select()
      .from(gatheringMaterials)
      .where(eq(gatheringMaterials.gatheringId, gid));
    expect((await as.post(admin(`/${m!.id}/fjern`), "frida")).status).toBe(403);
    const removed = await as.post(admin(`/${m!.id}/fjern`), "ada");
    expect(removed.status).toBe(303);
    expect(await t.db.select().from(gatheringMaterials)).toHaveLength(0);
    expect((await as.get(mine(`/${m!.id}`), "kari")).status).toBe(404);
    expect((await as.post(admin(`/${m!.id}/fjern`), "ada")).status).toBe(404);
  });
});
