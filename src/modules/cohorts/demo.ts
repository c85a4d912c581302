import { and, asc, eq, gte, inArray } from "drizzle-orm";
import type { Db } from "../../db/client";
import { addDays as plusDays } from "../../kernel/clock";
import { jobs } from "../../kernel/schema";
import { municipalitiesAt, successorsAt } from "../organisations";
import { ppServiceMunicipalities, units } from "../organisations/schema";
import {
  answerInvitation,
  enrolUnits,
  getInvitation,
  inviteOffices,
  inviteToCohort,
} from "./chain";
import {
  cohortContacts,
  cohortEnrolments,
  cohortInvitationEvents,
  cohortInvitations,
  type InvitationState,
} from "./schema";

/**
 * Demo history of the invitation chain, written as it would have happened: cohort 1's
 * participants with their units and contacts, cohort 2's invitations (2017) partly answered,
 * and cohort 3, live, with deadlines counted from today so that the demo people can act.
 */

const at = (date: string, hour = 9) => new Date(`${date}T${String(hour).padStart(2, "0")}:00:00Z`);

/** Cohort 1 (2017–2018): units of each participant (today's registry) and its contacts. */
export async function seedCohort1Work(db: Db, cohortId: number, today: string) {
  const rows = await db
    .select()
    .from(cohortInvitations)
    .where(eq(cohortInvitations.cohortId, cohortId))
    .orderBy(asc(cohortInvitations.inviteeId));
  const when = at("2017-02-01");
  for (const [i, inv] of rows.entries()) {
    const codes = await successorsAt(db, inv.inviteeId, today);
    const candidates = await db
      .select({ orgNumber: units.orgNumber })
      .from(units)
      .where(
        and(
          inArray(units.municipalityCode, codes.length ? codes : [inv.inviteeId]),
          eq(units.active, true),
        ),
      )
      .orderBy(asc(units.orgNumber))
      .limit(3);
    const enrolled = await db
      .insert(cohortEnrolments)
      .values(
        candidates.map((u) => ({
          cohortId,
          invitationId: inv.id,
          unitOrgNumber: u.orgNumber,
          enrolledAt: when,
        })),
      )
      .onConflictDoNothing()
      .returning();
    for (const e of enrolled) {
      await db.insert(cohortInvitationEvents).values({
        invitationId: inv.id,
        at: when,
        event: "enrolled",
        detail: { orgNumber: e.unitOrgNumber },
      });
    }
    // Most participants named a resource person; some involved their PP-tjeneste.
    if (i % 5 !== 4) {
      await db.insert(cohortContacts).values({
        invitationId: inv.id,
        kind: "resource-person",
        name: `Ressursperson ${i + 1} (demo)`,
        email: `ressurs-${inv.inviteeId}@demo.samspill.example`,
        setAt: when,
      });
    }
    const [pp] = await db
      .select({ id: ppServiceMunicipalities.ppServiceId })
      .from(ppServiceMunicipalities)
      .where(inArray(ppServiceMunicipalities.municipalityCode, [inv.inviteeId, ...codes]));
    if (pp || i % 3 === 0) {
      await db.insert(cohortContacts).values({
        invitationId: inv.id,
        kind: "pp-service",
        name: `PP-kontakt ${i + 1} (demo)`,
        email: `ppt-${inv.inviteeId}@demo.samspill.example`,
        ppServiceId: pp?.id ?? null,
        setAt: when,
      });
    }
  }
}

/** Write one invitation of the past, with its events, without sending anything. */
async function pastInvitation(
  db: Db,
  input: {
    cohortId: number;
    officeId: string;
    code: string;
    invitedOn: string;
    deadline: string;
    state: InvitationState;
    answeredOn?: string;
    declineReason?: string;
  },
) {
  const answeredAt = input.answeredOn ? at(input.answeredOn, 11) : null;
  const [inv] = await db
    .insert(cohortInvitations)
    .values({
      cohortId: input.cohortId,
      officeId: input.officeId,
      inviteeKind: "municipality",
      inviteeId: input.code,
      state: input.state,
      deadline: input.deadline,
      invitedAt: at(input.invitedOn),
      answeredAt,
      declineReason: input.declineReason ?? null,
      commitmentsAcceptedAt: input.state === "accepted" ? answeredAt : null,
    })
    .onConflictDoNothing()
    .returning();
  if (!inv) return;
  const events: (typeof cohortInvitationEvents.$inferInsert)[] = [
    {
      invitationId: inv.id,
      at: at(input.invitedOn),
      event: "invited",
      toState: "invited",
      detail: { deadline: input.deadline, officeId: input.officeId },
    },
  ];
  if (input.state === "accepted" || input.state === "declined") {
    events.push({
      invitationId: inv.id,
      at: answeredAt!,
      event: input.state,
      fromState: "invited",
      toState: input.state,
      detail: input.declineReason ? { reason: input.declineReason } : { commitments: true },
    });
  }
  if (input.state === "expired") {
    events.push({
      invitationId: inv.id,
      at: at(plusDays(input.deadline, 1), 2),
      event: "expired",
      fromState: "invited",
      toState: "expired",
      detail: { deadline: input.deadline },
    });
  }
  await db.insert(cohortInvitationEvents).values(events);
}

const DECLINE_REASONS = [
  "Vi er med i et annet kompetansetilbud i den samme perioden.",
  "Kommunen har ikke kapasitet til å frigjøre ressursperson dette året.",
];

/**
 * Cohort 2 (start January 2018): the eight offices invited municipalities by 1 June 2017; by
 * the answer deadline some said yes, two said no and a few never answered.
 */
export async function seedCohort2Chain(
  db: Db,
  cohortId: number,
  offices: { id: string; countyCodes: string[] }[],
) {
  const municipalities = await municipalitiesAt(db, "2018-01-01");
  for (const [o, office] of offices.entries()) {
    const covered = municipalities
      .filter((m) => office.countyCodes.includes(m.countyCode))
      .slice(0, 5);
    for (const [i, m] of covered.entries()) {
      const state: InvitationState =
        i === 4 ? "expired" : i === 3 && o % 4 === 0 ? "declined" : "accepted";
      await pastInvitation(db, {
        cohortId,
        officeId: office.id,
        code: m.code,
        invitedOn: `2017-05-${String(10 + o).padStart(2, "0")}`,
        deadline: "2017-09-01",
        state,
        ...(state === "accepted" ? { answeredOn: `2017-0${6 + (i % 3)}-1${i}` } : {}),
        ...(state === "declined"
          ? {
              answeredOn: "2017-08-20",
              declineReason: DECLINE_REASONS[o % DECLINE_REASONS.length]!,
            }
          : {}),
      });
    }
  }
}

/**
 * Cohort 3, live: offices invited three weeks ago; Agder has invited five municipalities
 * (Kristiansand still to answer, so the demo coordinator can), Arendal said yes and enrolled
 * units, Risør said no, Lillesand missed its deadline (the office can extend it; its contact
 * gets the mail), Grimstad has no one in Samspill to mail yet (the office can add a contact),
 * and a private kindergarten in Kristiansand was invited directly. Vestland writes nynorsk.
 */
export async function seedCohort3Chain(db: Db, cohortId: number, today: string, baseUrl: string) {
  const started = plusDays(today, -21);
  const actor = (date: string) => ({ personId: null, now: at(date), baseUrl });
  await inviteOffices(
    db,
    cohortId,
    ["sf-agder", "sf-vestland", "sf-innlandet", "sf-trondelag"],
    actor(started),
  );
  const deadline = plusDays(today, 30);

  const early = plusDays(today, -20);
  await must(
    inviteToCohort(
      db,
      {
        cohortId,
        officeId: "sf-agder",
        // Lillesand named a contact when it was invited, so the office's reminders and new
        // deadlines reach someone; Grimstad (below) has no one yet (issue 8, finding 10).
        invitees: [
          {
            kind: "municipality",
            id: "4215",
            contact: { name: "Lise Lillesand (demo)", email: "kontakt-4215@demo.samspill.example" },
          },
        ],
        message: "",
        deadline: plusDays(today, -2),
      },
      actor(early),
    ),
  );
  const message =
    "Vi håper dere vil være med! Statsforvalteren holder et informasjonsmøte på Teams for alle inviterte kommuner.";
  await must(
    inviteToCohort(
      db,
      {
        cohortId,
        officeId: "sf-agder",
        invitees: ["4204", "4203", "4201", "4202"].map((id) => ({
          kind: "municipality" as const,
          id,
        })),
        message,
        deadline,
      },
      actor(plusDays(today, -14)),
    ),
  );
  await must(
    inviteToCohort(
      db,
      {
        cohortId,
        officeId: "sf-vestland",
        invitees: ["4640", "4621"].map((id) => ({ kind: "municipality" as const, id })),
        message: "Vi vonar de vil vere med i pulje 3.",
        deadline,
      },
      actor(plusDays(today, -10)),
    ),
  );
  const [privateKindergarten] = await db
    .select({ orgNumber: units.orgNumber })
    .from(units)
    .where(
      and(
        eq(units.municipalityCode, "4204"),
        eq(units.owner, "private"),
        eq(units.active, true),
        eq(units.isKindergarten, true),
      ),
    )
    .orderBy(asc(units.orgNumber))
    .limit(1);
  if (privateKindergarten) {
    await must(
      inviteToCohort(
        db,
        {
          cohortId,
          officeId: "sf-agder",
          invitees: [{ kind: "unit", id: privateKindergarten.orgNumber }],
          message: "",
          deadline,
        },
        actor(plusDays(today, -7)),
      ),
    );
  }

  const answer = async (code: string, kind: "accept" | "decline", on: string, reason = "") => {
    const inv = (await getInvitation(db, cohortId, "municipality", code))!;
    await must(
      answerInvitation(
        db,
        {
          invitationId: inv.id,
          answer: kind,
          commitments: kind === "accept",
          reason,
          version: inv.version,
        },
        actor(on),
      ),
    );
    return inv;
  };
  const arendal = await answer("4203", "accept", plusDays(today, -6));
  await answer("4201", "decline", plusDays(today, -5), DECLINE_REASONS[0]!);
  await answer("4640", "accept", plusDays(today, -3));
  const arendalUnits = await db
    .select({ orgNumber: units.orgNumber })
    .from(units)
    .where(and(eq(units.municipalityCode, "4203"), eq(units.active, true)))
    .orderBy(asc(units.orgNumber))
    .limit(4);
  await must(
    enrolUnits(
      db,
      { invitationId: arendal.id, orgNumbers: arendalUnits.map((u) => u.orgNumber) },
      actor(plusDays(today, -4)),
    ),
  );
  await db.insert(cohortContacts).values({
    invitationId: arendal.id,
    kind: "resource-person",
    name: "Ragnhild Ressurs (demo)",
    email: "ressurs-4203@demo.samspill.example",
    setAt: at(plusDays(today, -4)),
  });

  // Expire what is overdue, as the housekeeping job would have done overnight.
  await db
    .update(cohortInvitations)
    .set({ state: "expired" })
    .where(and(eq(cohortInvitations.cohortId, cohortId), eq(cohortInvitations.inviteeId, "4215")));
  const expired = (await getInvitation(db, cohortId, "municipality", "4215"))!;
  await db.insert(cohortInvitationEvents).values({
    invitationId: expired.id,
    at: at(plusDays(today, -1), 1),
    event: "expired",
    fromState: "invited",
    toState: "expired",
    detail: { deadline: expired.deadline },
  });
}

/** The seed writes history: the mails its acts queued were "sent" back then, so none go now. */
export async function forgetSeedMail(db: Db, since: Date) {
  await db.delete(jobs).where(gte(jobs.createdAt, since));
}

async function must<T extends { ok: boolean }>(result: Promise<T>): Promise<T> {
  const r = await result;
  if (!r.ok) throw new Error(`demo chain refused: ${JSON.stringify(r)}`);
  return r;
}
