import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { TestApp } from "../../../tests/support/app";
import { useChainTest } from "../../../tests/support/chain";
import { databaseKinds } from "../../../tests/support/db";
import { demoEmail } from "../identity";
import { roleInvitations } from "../identity/schema";
import { ppServices } from "../organisations/schema";
import { contactHistory, type Invitation, setContact } from "./chain";
import { cohortContacts } from "./schema";

describe.each(databaseKinds)("the invitation chain on %s: contacts", (kind) => {
  const chain = useChainTest(kind);
  const { ids, as, at, drain, newCohort, invited, answer, roleInvitationCount, eventsOf, auditOf } =
    chain;
  let t: TestApp;
  beforeAll(() => {
    t = chain.app();
  });

  describe("setContact", () => {
    async function accepted4204() {
      const c = await newCohort();
      const [inv] = await invited(c.id, ["4204"]);
      await answer(inv!, "accept");
      return inv!;
    }
    const setAs = (
      inv: Pick<Invitation, "id">,
      input: {
        kind: "resource-person" | "pp-service";
        name: string;
        email: string;
        ppServiceId?: number;
      },
    ) => setContact(t.db, { invitationId: inv.id, ...input }, as("kari"));

    it("names a resource person, who is invited to the role by mail", async () => {
      const inv = await accepted4204();
      const email = "ressurs.ny@kristiansand.example";
      expect(await setAs(inv, { kind: "resource-person", name: "Randi Ressurs", email })).toEqual({
        ok: true,
      });
      const [role] = await t.db
        .select()
        .from(roleInvitations)
        .where(eq(roleInvitations.email, email));
      expect(role).toMatchObject({ role: "resource-person", orgId: "4204", invitedBy: ids.kari });
      const [contact] = await contactHistory(t.db, inv.id);
      expect(contact).toMatchObject({
        kind: "resource-person",
        name: "Randi Ressurs",
        email,
        roleInvitationId: role!.id,
        setBy: ids.kari,
        endedAt: null,
      });
      expect((await eventsOf(inv)).at(-1)).toMatchObject({
        event: "contact",
        detail: { kind: "resource-person", replaced: null },
      });
      // The audit log records the change, not the person's name or address.
      const audit = (await auditOf(inv)).at(-1)!;
      expect(audit.action).toBe("cohort-invitation.contact");
      expect(JSON.stringify(audit.after)).not.toContain(email);
      const mails = await drain();
      expect(mails.map((m) => [m.to, m.subject])).toEqual([[email, "Du er invitert til Samspill"]]);

      // Naming the same person again invites no one twice.
      expect(await setAs(inv, { kind: "resource-person", name: "Randi Ressurs", email })).toEqual({
        ok: true,
      });
      expect(
        await t.db.select().from(roleInvitations).where(eq(roleInvitations.email, email)),
      ).toHaveLength(1);
      expect(await drain()).toEqual([]);
      expect(await contactHistory(t.db, inv.id)).toHaveLength(1);
    });

    it("keeps the history when the contact changes, and does not invite someone who has the role", async () => {
      const inv = await accepted4204();
      await setAs(inv, {
        kind: "resource-person",
        name: "Første",
        email: "forste@kristiansand.example",
      });
      await drain();
      const roles = await roleInvitationCount();
      at("2027-02-01T10:00:00Z");
      expect(
        await setAs(inv, {
          kind: "resource-person",
          name: "Rune Ressurs",
          email: demoEmail("rune"),
        }),
      ).toEqual({ ok: true });
      expect(await roleInvitationCount()).toBe(roles);
      expect(await drain()).toEqual([]);
      const history = await contactHistory(t.db, inv.id);
      expect(history.map((h) => h.name)).toEqual(["Rune Ressurs", "Første"]);
      expect(history[0]!.endedAt).toBeNull();
      expect(history[0]!.roleInvitationId).toBeNull();
      expect(history[1]!.endedAt?.toISOString()).toBe("2027-02-01T10:00:00.000Z");
      expect(history[1]!.endedBy).toBe(ids.kari);
      expect((await eventsOf(inv)).at(-1)).toMatchObject({
        event: "contact",
        detail: { kind: "resource-person", replaced: history[1]!.id },
      });
      // The replaced person never signed in: their invitation to the role is withdrawn.
      const [withdrawn] = await t.db
        .select()
        .from(roleInvitations)
        .where(eq(roleInvitations.id, history[1]!.roleInvitationId!));
      expect(withdrawn!.revokedAt?.toISOString()).toBe("2027-02-01T10:00:00.000Z");
    });

    it("keeps one current contact when two are named at the same moment, and no stray role invitation", async () => {
      const inv = await accepted4204();
      const roles = await roleInvitationCount();
      const results = await Promise.all(
        ["samtidig.en@kristiansand.example", "samtidig.to@kristiansand.example"].map((email) =>
          setAs(inv, { kind: "resource-person", name: email.split("@")[0]!, email }),
        ),
      );
      for (const r of results) expect(r.ok || r.error === "changedMeanwhile").toBe(true);
      const stored = results.filter((r) => r.ok).length;
      expect(stored).toBeGreaterThanOrEqual(1);
      const history = await contactHistory(t.db, inv.id);
      expect(history).toHaveLength(stored);
      expect(history.filter((h) => h.endedAt === null)).toHaveLength(1);
      expect(await roleInvitationCount()).toBe(roles + stored);
      expect(await drain()).toHaveLength(stored);
    });

    it("names the PP-tjeneste contact with the service", async () => {
      const inv = await accepted4204();
      const [service] = await t.db
        .select()
        .from(ppServices)
        .where(eq(ppServices.name, "PP-tjenesten i Kristiansand (demo)"));
      const roles = await roleInvitationCount();
      expect(
        await setAs(inv, {
          kind: "pp-service",
          name: "Per Pedagog",
          email: "per@ppt.example",
          ppServiceId: service!.id,
        }),
      ).toEqual({ ok: true });
      expect(await roleInvitationCount()).toBe(roles);
      const rows = await t.db
        .select()
        .from(cohortContacts)
        .where(eq(cohortContacts.invitationId, inv.id));
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({
        kind: "pp-service",
        ppServiceId: service!.id,
        endedAt: null,
      });
      expect((await eventsOf(inv)).at(-1)).toMatchObject({
        event: "contact",
        detail: { kind: "pp-service", ppServiceId: service!.id },
      });
      expect(await drain()).toEqual([]);
    });

    it("refuses contacts before the municipality has accepted", async () => {
      const c = await newCohort();
      const [inv] = await invited(c.id, ["4204"]);
      const roles = await roleInvitationCount();
      expect(
        await setAs(inv!, {
          kind: "resource-person",
          name: "For tidlig",
          email: "tidlig@example.org",
        }),
      ).toEqual({ ok: false, error: "notAccepted" });
      expect(await roleInvitationCount()).toBe(roles);
      expect(await contactHistory(t.db, inv!.id)).toEqual([]);
    });
  });
});
