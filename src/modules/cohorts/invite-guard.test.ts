import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestApp, testApp } from "../../../tests/support/app";
import { IBS, programmeIdOf } from "../../../tests/support/cohorts";
import { databaseKinds } from "../../../tests/support/db";
import { demoPeopleIds, requestsAs } from "../../../tests/support/people";
import { confirmationCount } from "../../kernel/child-guard-forms";
import { inviteToCohort } from "./chain";
import { createTestCohort } from "./factories";
import { cohortInvitations } from "./schema";

/** The child guard on the county office's personal message in invitations (issue 12). */

const AGDER = "sf-agder";
const BASE_URL = "http://localhost";
const CHILD = "Som dere vet har Emma (7 år) i Kristiansand fått et nytt tilbud.";

describe.each(databaseKinds)("the child guard in the office's invitations (%s)", (kind) => {
  let t: TestApp;
  const ids: Record<string, number> = {};
  let cohortId = 0;

  beforeAll(async () => {
    t = await testApp(kind, { demoPeople: true });
    Object.assign(ids, await demoPeopleIds(t.db, ["ada", "siv"]));
    const actor = { personId: ids.ada!, now: t.clock.now(), baseUrl: BASE_URL };
    cohortId = await createTestCohort(
      t.db,
      {
        programmeId: await programmeIdOf(t.db, IBS),
        number: 7,
        reminderDaysBefore: 7,
        termsNb: "Kommunen deltar i to år.",
        termsNn: "Kommunen deltek i to år.",
      },
      { offices: [AGDER], actor },
    );
  });
  afterAll(() => t.close());

  const { post } = requestsAs(() => t, ids);
  const url = () => `/nb/puljer/${cohortId}/kontor/${AGDER}/inviter`;
  const invitations = () =>
    t.db.select().from(cohortInvitations).where(eq(cohortInvitations.cohortId, cohortId));
  const ok = { "municipality-4204": "yes", deadline: "2027-03-01", intent: "chosen" };

  it("refuses an identity number in the message, in the command and on the page", async () => {
    const refused = await inviteToCohort(
      t.db,
      {
        cohortId,
        officeId: AGDER,
        invitees: [{ kind: "municipality", id: "4204" }],
        message: "Gjelder 01010012356.",
      },
      { personId: ids.siv!, now: t.clock.now(), baseUrl: BASE_URL },
    );
    expect(refused).toEqual({
      ok: false,
      errors: { message: { code: "nationalId", params: { start: "010100" } } },
      warnings: {},
    });
    const res = await post(url(), "siv", { ...ok, message: "Gjelder 010100 12356." });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('href="#message"');
    expect(html).toContain('id="message-error"');
    expect(html).toContain("det som begynner med 010100");
    expect(html).toContain(">Gjelder 010100 12356.</textarea>");
    // Beside another error in one round.
    const both = await post(url(), "siv", { deadline: "2027-03-01", message: "Fnr 01010012356" });
    expect(both.status).toBe(422);
    expect(await both.text()).toContain("det som begynner med 010100");
    expect(await invitations()).toEqual([]);
  });

  it("holds back a message that looks as if it names a child until confirmed, then invites", async () => {
    const before = await confirmationCount(t.db, "cohort-invitation", "message");
    const warned = await post(url(), "siv", { ...ok, message: CHILD });
    expect(warned.status).toBe(422);
    const html = await warned.text();
    expect(html).toContain("Sjekk dette før du sender:");
    expect(html).toContain('id="message-warning"');
    expect(html).toContain("«Emma (7 år)»: et fornavn sammen med en alder");
    const box = html.match(/name="confirm-message" value="([\w-]+)"/);
    expect(box, "the confirmation box").not.toBeNull();
    expect(await invitations()).toEqual([]);

    const confirmed = await post(url(), "siv", {
      ...ok,
      message: CHILD,
      "confirm-message": box![1]!,
    });
    expect(confirmed.status).toBe(303);
    const rows = await invitations();
    expect(rows.map((r) => r.message)).toEqual([CHILD]);
    expect(await confirmationCount(t.db, "cohort-invitation", "message")).toBe(before + 1);
  });
});
