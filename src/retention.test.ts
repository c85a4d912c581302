import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestApp, testApp } from "../tests/support/app";
import { databaseKinds } from "../tests/support/db";
import { appModules } from "./modules";
import { contactMessages } from "./modules/contact/schema";
import { people, sessions, signInAttempts, signInCodes } from "./modules/identity/schema";
import { newsletterSubscriptions } from "./modules/newsletter/schema";

// Issue 16: retention runs as the modules' scheduled jobs (their manifests' housekeeping); each
// deletes what is past its time and keeps the rest, and a second run changes nothing.

const DAY = 86_400_000;

/** A module's housekeeping job by its name, as the server runs it. */
function job(name: string) {
  const found = appModules()
    .flatMap((m) => m.housekeeping ?? [])
    .find((j) => j.name === name);
  if (!found) throw new Error(`no housekeeping job "${name}"`);
  return found;
}

describe("retention jobs", () => {
  it("are in the manifests of the modules that own the data", () => {
    const owner = (name: string) =>
      appModules().find((m) => m.housekeeping?.some((j) => j.name === name))?.name;
    expect(owner("sign-in retention")).toBe("identity");
    expect(owner("contact retention")).toBe("contact");
    expect(owner("newsletter retention")).toBe("newsletter");
    expect(owner("gathering needs")).toBe("gatherings");
  });
});

describe.each(databaseKinds)("retention on %s", (kind) => {
  let t: TestApp;
  let now: Date;
  const ago = (ms: number) => new Date(now.getTime() - ms);
  const count = async (table: string) =>
    Number(
      (
        (await t.db.execute(
          sql`select count(*)::int as n from ${sql.identifier(table)}`,
        )) as unknown as {
          rows: { n: number }[];
        }
      ).rows[0]!.n,
    );
  /** Run a job as the server does, twice: the second run must find nothing to do. */
  const runTwice = async (name: string) => {
    const first = await job(name).run(t.db, { now, baseUrl: "http://localhost" });
    const second = await job(name).run(t.db, { now, baseUrl: "http://localhost" });
    return { first, second };
  };

  beforeAll(async () => {
    t = await testApp(kind);
    now = t.clock.now();
  });
  afterAll(() => t.close());

  it("deletes expired sign-in codes, stale sign-ins and long-ended sessions, and keeps live ones", async () => {
    await t.db.delete(signInCodes);
    await t.db.delete(signInAttempts);
    await t.db.delete(sessions);
    const [person] = await t.db
      .insert(people)
      .values({ name: "Rydd Opp", email: "rydd@samspill.example", createdAt: ago(90 * DAY) })
      .returning();
    await t.db.insert(signInCodes).values([
      {
        email: "a@samspill.example",
        codeHash: "old",
        createdAt: ago(2 * DAY),
        expiresAt: ago(2 * DAY),
      },
      {
        email: "b@samspill.example",
        codeHash: "new",
        createdAt: now,
        expiresAt: new Date(now.getTime() + 600_000),
      },
    ]);
    const attempt = {
      provider: "idporten",
      state: "s",
      nonce: "n",
      codeVerifier: "v",
      returnTo: "/nb/",
      lang: "nb",
    };
    await t.db.insert(signInAttempts).values([
      { ...attempt, idHash: "old", createdAt: ago(2 * 3_600_000) },
      { ...attempt, idHash: "new", createdAt: now },
    ]);
    const session = {
      personId: person!.id,
      createdAt: ago(60 * DAY),
      lastSeenAt: ago(60 * DAY),
      via: "test",
    };
    await t.db.insert(sessions).values([
      { ...session, idHash: "expired", expiresAt: ago(31 * DAY) },
      {
        ...session,
        idHash: "revoked",
        expiresAt: new Date(now.getTime() + DAY),
        revokedAt: ago(31 * DAY),
      },
      { ...session, idHash: "recently-ended", expiresAt: ago(DAY) },
      { ...session, idHash: "live", expiresAt: new Date(now.getTime() + DAY) },
    ]);
    const { first, second } = await runTwice("sign-in retention");
    expect(first).toBe("deleted 1 sign-in codes, 1 sign-in attempts, 2 sessions");
    expect(second).toBeNull();
    expect((await t.db.select().from(signInCodes)).map((r) => r.codeHash)).toEqual(["new"]);
    expect((await t.db.select().from(signInAttempts)).map((r) => r.idHash)).toEqual(["new"]);
    expect((await t.db.select().from(sessions)).map((r) => r.idHash).sort()).toEqual([
      "live",
      "recently-ended",
    ]);
  });

  it("deletes contact messages 30 days after they were handled or 180 days after they came", async () => {
    await t.db.delete(contactMessages);
    const message = {
      name: "Kari",
      email: "kari@samspill.example",
      municipalityCode: "4204",
      topic: "other",
      message: "Hei",
      lang: "nb",
    };
    await t.db.insert(contactMessages).values([
      { ...message, reference: "KS-OLD-HAND", createdAt: ago(60 * DAY), handledAt: ago(31 * DAY) },
      { ...message, reference: "KS-NEW-HAND", createdAt: ago(60 * DAY), handledAt: ago(5 * DAY) },
      { ...message, reference: "KS-OLD-OPEN", createdAt: ago(181 * DAY) },
      { ...message, reference: "KS-NEW-OPEN", createdAt: ago(10 * DAY) },
    ]);
    const { first, second } = await runTwice("contact retention");
    expect(first).toBe("deleted 2 contact messages");
    expect(second).toBeNull();
    expect((await t.db.select().from(contactMessages)).map((r) => r.reference).sort()).toEqual([
      "KS-NEW-HAND",
      "KS-NEW-OPEN",
    ]);
  });

  it("deletes newsletter subscriptions never confirmed a day after their link expired", async () => {
    await t.db.delete(newsletterSubscriptions);
    const sub = { lang: "nb", consentTextVersion: "1" };
    await t.db.insert(newsletterSubscriptions).values([
      { ...sub, email: "old@samspill.example", status: "pending", consentedAt: ago(9 * DAY) },
      { ...sub, email: "new@samspill.example", status: "pending", consentedAt: ago(2 * DAY) },
      {
        ...sub,
        email: "yes@samspill.example",
        status: "confirmed",
        consentedAt: ago(90 * DAY),
        confirmedAt: ago(90 * DAY),
      },
    ]);
    const { first, second } = await runTwice("newsletter retention");
    expect(first).toBe("deleted 1 unconfirmed subscriptions");
    expect(second).toBeNull();
    const left = await t.db.select().from(newsletterSubscriptions);
    expect(left.map((r) => r.email).sort()).toEqual([
      "new@samspill.example",
      "yes@samspill.example",
    ]);
    expect(await count("newsletter_subscriptions")).toBe(2);
    expect(
      await t.db
        .select()
        .from(newsletterSubscriptions)
        .where(eq(newsletterSubscriptions.status, "pending")),
    ).toHaveLength(1);
  });
});
