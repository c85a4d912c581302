import { and, asc, eq } from "drizzle-orm";
import type { Db } from "../../db/client";
import { addDays as plusDays } from "../../kernel/clock";
import type { DemoSeed } from "../../kernel/manifest";
import {
  activeUnitsIn,
  countyOfficesAt,
  municipalitiesAt,
  ppServicesAt,
  successorsAt,
  unitsOfMunicipality,
} from "../organisations";
import { programmesOwnedBy } from "../programmes";
import { createCohort } from "./admin";
import {
  answerInvitation,
  enrolUnits,
  getInvitation,
  inviteOffices,
  inviteToCohort,
  recordParticipants,
} from "./chain";
import {
  cohortContacts,
  cohortEnrolments,
  cohortInvitationEvents,
  cohortInvitations,
  cohortPlannedGatherings,
  type InvitationState,
} from "./schema";

/**
 * Demo history of the invitation chain, written as it would have happened: cohort 1's
 * participants with their units and contacts, cohort 2's invitations (2017) partly answered,
 * and cohort 3, live, with deadlines counted from today so that the demo people can act.
 */

const at = (date: string, hour = 9) => new Date(`${date}T${String(hour).padStart(2, "0")}:00:00Z`);

/** The three cohorts of IBS, after the programmes and the units of the organisations' demo. */
export const cohortsDemo: DemoSeed = {
  order: 30,
  seed: (db, { today, baseUrl }) => seedCohorts(db, today, baseUrl),
};

/** IBS, as the programmes' demo created it. */
const IBS_SLUG = "inkluderende-barnehage-og-skolemiljo";

/** Cohort 1 of IBS: the offices of the seed page and, as demo data, 38 of their municipalities. */
const COHORT_1_OFFICES: { name: string; take: number }[] = [
  { name: "Aust- og Vest-Agder", take: 8 },
  { name: "Finnmark", take: 5 },
  { name: "Møre og Romsdal", take: 7 },
  { name: "Nordland", take: 8 },
  { name: "Oppland", take: 6 },
  { name: "Vestfold", take: 4 },
];
const COHORT_1_START = "2017-01-01";
const COHORT_2_OFFICES = [
  "Troms",
  "Hordaland",
  "Sogn og Fjordane",
  "Rogaland",
  "Buskerud",
  "Telemark",
  "Oslo og Akershus",
  "Hedmark",
];

/** The participation terms of the demo's live cohort (our own words). */
const COHORT_TERMS = {
  nb: "Kommunen deltar i to år med barnehager og skoler. Kommunen\n\n- sender ledere og ressursperson til de nasjonale og regionale samlingene,\n- setter av tid til utviklingsarbeid i hver enhet mellom samlingene,\n- dekker egne reiseutgifter og vikarer.",
  nn: "Kommunen deltek i to år med barnehagar og skular. Kommunen\n\n- sender leiarar og ressursperson til dei nasjonale og regionale samlingane,\n- set av tid til utviklingsarbeid i kvar eining mellom samlingane,\n- dekkjer eigne reiseutgifter og vikarar.",
  en: "The municipality takes part for two years with kindergartens and schools. It\n\n- sends leaders and the resource person to the national and regional gatherings,\n- sets aside time for development work in each unit between gatherings,\n- covers its own travel and substitute costs.",
};

async function seedCohorts(db: Db, today: string, baseUrl: string) {
  const ibs = (await programmesOwnedBy(db, ["udir"])).find((p) => p.slug === IBS_SLUG);
  if (!ibs) throw new Error(`the cohorts' demo needs the programme "${IBS_SLUG}"`);

  const offices1 = await officesByName(
    db,
    COHORT_1_START,
    COHORT_1_OFFICES.map((o) => o.name),
  );
  const cohort1 = await createCohort(
    db,
    {
      programmeId: ibs.id,
      number: 1,
      startsOn: COHORT_1_START,
      endsOn: "2018-12-31",
      officeInviteDeadline: null,
    },
    offices1.map((o) => o.id),
  );
  await recordParticipants(
    db,
    cohort1,
    await cohort1Municipalities(db, offices1),
    at(COHORT_1_START, 8),
  );
  await seedCohort1Work(db, cohort1, today);

  const offices2 = await officesByName(db, "2017-06-01", COHORT_2_OFFICES);
  const cohort2 = await createCohort(
    db,
    {
      programmeId: ibs.id,
      number: 2,
      startsOn: "2018-01-01",
      endsOn: "2019-12-31",
      officeInviteDeadline: "2017-06-01",
      answerDeadline: "2017-09-01",
    },
    offices2.map((o) => o.id),
  );
  await seedCohort2Chain(db, cohort2, offices2);

  // Cohort 3 is live: its dates follow today, so the demo people always have something to do.
  const year = Number(today.slice(0, 4));
  const cohort3 = await createCohort(
    db,
    {
      programmeId: ibs.id,
      number: 3,
      startsOn: `${year + 1}-08-01`,
      endsOn: `${year + 3}-06-30`,
      officeInviteDeadline: plusDays(today, 14),
      answerDeadline: plusDays(today, 30),
      reminderDaysBefore: 7,
      termsNb: COHORT_TERMS.nb,
      termsNn: COHORT_TERMS.nn,
      termsEn: COHORT_TERMS.en,
      createdAt: at(plusDays(today, -22)),
    },
    [],
  );
  await db.insert(cohortPlannedGatherings).values([
    {
      cohortId: cohort3,
      kind: "national",
      title: "Nasjonal oppstartsamling",
      plannedOn: `${year + 1}-09-15`,
    },
    {
      cohortId: cohort3,
      kind: "regional",
      title: "Regional samling 1",
      plannedOn: `${year + 1}-11-10`,
    },
    {
      cohortId: cohort3,
      kind: "national",
      title: "Nasjonal samling 2",
      plannedOn: `${year + 2}-03-08`,
    },
  ]);
  await seedCohort3Chain(db, cohort3, today, baseUrl);
}

/** County offices by their names on a date ("Fylkesmannen i …" in 2017). */
async function officesByName(db: Db, date: string, names: string[]) {
  const offices = await countyOfficesAt(db, date, "nb");
  return names.map((name) => {
    const office = offices.find((o) => o.name === `Fylkesmannen i ${name}`);
    if (!office) throw new Error(`no county office "${name}" on ${date}`);
    return office;
  });
}

/** The 38 municipalities of IBS cohort 1 (2017 codes), each with the office that invited it. */
async function cohort1Municipalities(db: Db, offices: { id: string; countyCodes: string[] }[]) {
  const municipalities = await municipalitiesAt(db, COHORT_1_START);
  return offices.flatMap((office, i) =>
    municipalities
      .filter((m) => office.countyCodes.includes(m.countyCode))
      .slice(0, COHORT_1_OFFICES[i]!.take)
      .map((m) => ({ municipalityCode: m.code, officeId: office.id })),
  );
}

/** Big municipalities the demo units cover besides cohort 1's. */
const DEMO_EXTRA_MUNICIPALITIES = ["0301", "3301", "4204", "5001"];

/**
 * The municipalities the bundled demo unit extract (organisations' demo) must cover: today's
 * successors of cohort 1's, whose units this demo enrols, and the extra ones (registers use
 * today's codes). For src/db/generate-units-demo.ts, which writes the extract.
 */
export async function demoUnitMunicipalities(db: Db, today: string): Promise<string[]> {
  const offices = await officesByName(
    db,
    COHORT_1_START,
    COHORT_1_OFFICES.map((o) => o.name),
  );
  const codes = new Set(DEMO_EXTRA_MUNICIPALITIES);
  for (const m of await cohort1Municipalities(db, offices)) {
    for (const code of await successorsAt(db, m.municipalityCode, today)) codes.add(code);
  }
  return [...codes].sort();
}

const byOrgNumber = (a: { orgNumber: string }, b: { orgNumber: string }) =>
  a.orgNumber < b.orgNumber ? -1 : a.orgNumber > b.orgNumber ? 1 : 0;

/** Cohort 1 (2017–2018): units of each participant (today's registry) and its contacts. */
async function seedCohort1Work(db: Db, cohortId: number, today: string) {
  const rows = await db
    .select()
    .from(cohortInvitations)
    .where(eq(cohortInvitations.cohortId, cohortId))
    .orderBy(asc(cohortInvitations.inviteeId));
  const when = at("2017-02-01");
  // Each participant's municipalities today: registers and PP-tjenester use today's codes.
  const codesToday = new Map<number, string[]>();
  for (const inv of rows) {
    const codes = await successorsAt(db, inv.inviteeId, today);
    codesToday.set(inv.id, codes.length ? codes : [inv.inviteeId]);
  }
  const everyCode = [...new Set([...codesToday.values()].flat())];
  const active = await activeUnitsIn(db, everyCode);
  const services = await ppServicesAt(db, {
    date: today,
    scope: [...new Set([...everyCode, ...rows.map((r) => r.inviteeId)])],
  });
  for (const [i, inv] of rows.entries()) {
    const codes = codesToday.get(inv.id)!;
    const candidates = active
      .filter((u) => codes.includes(u.municipalityCode))
      .sort(byOrgNumber)
      .slice(0, 3);
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
    const pp = services.find((s) =>
      s.municipalities.some((m) => m.code === inv.inviteeId || codes.includes(m.code)),
    );
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
async function seedCohort2Chain(
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
async function seedCohort3Chain(db: Db, cohortId: number, today: string, baseUrl: string) {
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
  const [privateKindergarten] = (
    await unitsOfMunicipality(db, "4204", {
      type: "kindergarten",
      owner: "private",
      active: true,
    })
  ).sort(byOrgNumber);
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
  const arendalUnits = (await unitsOfMunicipality(db, "4203", { active: true }))
    .sort(byOrgNumber)
    .slice(0, 4);
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
  // Arendal's PP-tjeneste contact: the networks' demo gives her an account, so the demo shows
  // the PP-tjeneste's part (/oppfolging/pp, decision 0044).
  const [arendalPp] = await ppServicesAt(db, { date: today, scope: ["4203"] });
  await db.insert(cohortContacts).values({
    invitationId: arendal.id,
    kind: "pp-service",
    name: "Pia PP-tjenesten (demo)",
    email: "ppt-4203@demo.samspill.example",
    ppServiceId: arendalPp?.id ?? null,
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

async function must<T extends { ok: boolean }>(result: Promise<T>): Promise<T> {
  const r = await result;
  if (!r.ok) throw new Error(`demo chain refused: ${JSON.stringify(r)}`);
  return r;
}
