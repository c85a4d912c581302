import { count } from "drizzle-orm";
import type { Db } from "../../db/client";
import { addDays } from "../../kernel/clock";
import type { DemoSeed } from "../../kernel/manifest";
import type { Outcome } from "../../kernel/result";
import { cohortIdOf } from "../cohorts";
import { insertTestPerson } from "../identity";
import { countyOfficesAt, municipalitiesAt, unitsOfMunicipality } from "../organisations";
import { programmesOwnedBy } from "../programmes";
import { seedEvaluation } from "./evaluation-demo";
import { agendaOn, gatheringInput } from "./factories";
import { createGathering, type GatheringInput } from "./gatherings";
import { deleteNeedsAfterGatherings, register } from "./registration";
import { gatherings } from "./schema";

/**
 * The gatherings of the demo: IBS cohort 1's national and regional gatherings (2017, with
 * agendas, registrations and a waiting list, as they would have run; the national one with its
 * evaluation answered), and a digital FUB/FUG
 * gathering three weeks from `today`, open to every municipal coordinator (Kari may register);
 * and for IBS cohort 3, which is live: a regional gathering Statsforvalteren i Agder (Siv)
 * organises for Agder's municipalities, where a unit leader (Sverre, Bente) registers the
 * unit's staff, and a local one Kristiansand (Kari) organises for its units once enrolled
 * (decision 0029). Bente's kindergarten gets a member of staff to register.
 */
export const gatheringsDemo: DemoSeed = {
  // After the cohorts (cohort 1 and its municipalities).
  order: 60,
  seeded: async (db) => {
    const [row] = await db.select({ n: count() }).from(gatherings);
    return Number(row?.n ?? 0) > 0;
  },
  seed: (db, { today }) => seedGatherings(db, today),
};

function must<T>(outcome: Outcome<T>): T {
  if (!outcome.ok) throw new Error(`gatherings demo: ${JSON.stringify(outcome.errors)}`);
  return outcome;
}

const system = (now: Date) => ({ personId: null, now, baseUrl: "http://localhost" });

/** Cohort 1's participants, as people of Agder's municipalities (demo addresses). */
const PARTICIPANTS = [
  ["Aud Arendal", "4203"],
  ["Bjørn Bykle", "4222"],
  ["Cecilie Grimstad", "4202"],
  ["Dag Risør", "4201"],
  ["Eli Lillesand", "4215"],
  ["Frode Birkenes", "4216"],
  ["Gro Evje", "4219"],
  ["Hans Valle", "4221"],
  ["Ingrid Vennesla", "4223"],
  ["Jon Iveland", "4218"],
  ["Kristin Åmli", "4217"],
  ["Lars Froland", "4214"],
  ["Mari Lindesnes", "4205"],
  ["Nils Farsund", "4206"],
  ["Oda Flekkefjord", "4207"],
  ["Per Gjerstad", "4211"],
  ["Randi Vegårshei", "4212"],
  ["Sindre Tvedestrand", "4213"],
  ["Tone Bygland", "4220"],
  ["Ulf Åseral", "4224"],
  ["Vigdis Lyngdal", "4225"],
  ["Willy Hægebostad", "4226"],
  ["Yngve Kvinesdal", "4227"],
  ["Åse Sirdal", "4228"],
] as const;

async function seedGatherings(db: Db, today: string) {
  const [ibs] = await programmesOwnedBy(db, ["udir"]);
  const [fub] = await programmesOwnedBy(db, ["fub"]);
  if (!ibs || !fub) throw new Error("the gatherings' demo needs the demo programmes");
  const cohort1 = await cohortIdOf(db, ibs.id, 1);
  const created = new Date("2017-02-01T09:00:00Z");
  const people: number[] = [];
  for (const [i, [name, code]] of PARTICIPANTS.entries()) {
    people.push(
      await insertTestPerson(
        db,
        {
          name,
          email: `deltaker-${i + 1}@demo.samspill.example`,
          role: { role: "resource-person", orgId: code },
        },
        // Their roles are in today's municipalities (Agder's codes since 2020).
        new Date(`${today}T08:00:00Z`),
      ),
    );
  }

  const national: GatheringInput = gatheringInput(ibs.id, {
    day: "2017-03-15",
    cohortId: cohort1,
    // Cohort 1's participants were recorded with the municipality codes of 2017; the demo's
    // people work in today's municipalities, so these gatherings admit by role.
    allowedRoles: ["resource-person", "municipal-coordinator"],
    titleNb: "Nasjonal samling 1 for pulje 1",
    titleNn: "Nasjonal samling 1 for pulje 1",
    descriptionNb: "Oppstart for pulje 1: mål, arbeidsformer og erfaringer fra utprøvingen.",
    descriptionNn: "Oppstart for pulje 1: mål, arbeidsformer og erfaringar frå utprøvinga.",
    venue: "Konferansesenteret (demo)",
    address: "Eksempelgata 1, 0150 Oslo",
    capacity: 22,
    registrationOpensAt: created,
    registrationClosesAt: new Date("2017-03-01T23:00:00Z"),
  });
  const nationalId = must(await createGathering(db, national, system(created))).gatheringId;
  const regional: GatheringInput = gatheringInput(ibs.id, {
    day: "2017-04-20",
    level: "regional",
    organiserKind: "county-office",
    organiserId: "sf-agder",
    cohortId: cohort1,
    allowedRoles: ["resource-person", "municipal-coordinator"],
    allowedMunicipalities: PARTICIPANTS.map(([, code]) => code),
    titleNb: "Regional samling i Agder",
    titleNn: "Regional samling i Agder",
    descriptionNb: "Erfaringsdeling mellom kommunene i Agder.",
    descriptionNn: "Erfaringsdeling mellom kommunane i Agder.",
    mode: "hybrid",
    venue: "Statsforvalterens møtesal (demo)",
    address: "Eksempelveien 2, 4630 Kristiansand",
    digitalLink: "https://moete.demo.samspill.example/agder-2017",
    capacity: 20,
    registrationOpensAt: created,
    registrationClosesAt: new Date("2017-04-10T22:00:00Z"),
  });
  const regionalId = must(await createGathering(db, regional, system(created))).gatheringId;
  // Everyone registers for the national gathering, one a day: 22 seats, two wait.
  for (const [i, personId] of people.entries()) {
    const at = new Date(created.getTime() + (i + 1) * 86_400_000);
    must(
      await register(
        db,
        { gatheringId: nationalId, personId, sessionIds: [] },
        { ...system(at), personId },
      ),
    );
    if (i % 2 === 0)
      must(
        await register(
          db,
          {
            gatheringId: regionalId,
            personId,
            sessionIds: [],
            ...(i === 0 ? { needs: { dietary: "Vegetar", accessibility: "" } } : {}),
          },
          { ...system(at), personId },
        ),
      );
  }

  // The needs given for 2017 were deleted after those gatherings, as the job does.
  await deleteNeedsAfterGatherings(db, new Date(`${today}T00:00:00Z`));
  // The national gathering's evaluation, answered by 20 of its 22 participants.
  await seedEvaluation(db, nationalId, people);

  await seedCohort3Gatherings(db, ibs.id, today);

  // FUB/FUG's digital gathering for municipal coordinators, three weeks ahead.
  const day = addDays(today, 21);
  const opens = new Date(`${addDays(today, -7)}T08:00:00Z`);
  must(
    await createGathering(
      db,
      gatheringInput(fub.id, {
        day,
        organiserId: "fub",
        titleNb: "Digitalt nettverksmøte for kommunekontakter",
        titleNn: "Digitalt nettverksmøte for kommunekontaktar",
        descriptionNb: "Erfaringer med foreldremøter og samarbeid med foreldreutvalg.",
        descriptionNn: "Erfaringar med foreldremøte og samarbeid med foreldreutval.",
        mode: "digital",
        venue: "",
        address: "",
        digitalLink: "https://moete.demo.samspill.example/fub-nettverk",
        capacity: 60,
        allowedRoles: ["municipal-coordinator"],
        registrationOpensAt: opens,
        registrationClosesAt: new Date(`${addDays(today, 19)}T22:00:00Z`),
        sessions: agendaOn(day).filter((s) => s.kind !== "group"),
      }),
      system(opens),
    ),
  );
}

/** The demo's municipality: Kari coordinates it; Sverre's school and Bente's kindergarten are in it. */
const KRISTIANSAND = "4204";

/** IBS cohort 3's regional gathering (Agder's office) and local one (Kristiansand), ahead. */
async function seedCohort3Gatherings(db: Db, ibsId: number, today: string) {
  const cohort3 = await cohortIdOf(db, ibsId, 3);
  if (!cohort3) return;
  const opens = new Date(`${addDays(today, -3)}T08:00:00Z`);
  const office = (await countyOfficesAt(db, today, "nb")).find((o) => o.id === "sf-agder");
  const agder = office
    ? (await municipalitiesAt(db, today))
        .filter((m) => office.countyCodes.includes(m.countyCode))
        .map((m) => m.code)
    : [KRISTIANSAND];
  const regionalDay = addDays(today, 35);
  must(
    await createGathering(
      db,
      gatheringInput(ibsId, {
        day: regionalDay,
        level: "regional",
        organiserKind: "county-office",
        organiserId: "sf-agder",
        cohortId: cohort3,
        // For the cohort, open to everyone in Agder's kindergartens and schools and municipalities.
        allowedMunicipalities: agder,
        titleNb: "Regional samling i Agder for pulje 3",
        titleNn: "Regional samling i Agder for pulje 3",
        descriptionNb: "Oppstart i Agder: kartlegging av barnehage- og skolemiljøet.",
        descriptionNn: "Oppstart i Agder: kartlegging av barnehage- og skulemiljøet.",
        mode: "hybrid",
        venue: "Statsforvalterens møtesal (demo)",
        address: "Eksempelveien 2, 4630 Kristiansand",
        digitalLink: "https://moete.demo.samspill.example/agder-pulje-3",
        capacity: 40,
        registrationOpensAt: opens,
        registrationClosesAt: new Date(`${addDays(regionalDay, -2)}T22:00:00Z`),
      }),
      system(opens),
    ),
  );
  const localDay = addDays(today, 42);
  must(
    await createGathering(
      db,
      gatheringInput(ibsId, {
        day: localDay,
        level: "local",
        organiserKind: "municipality",
        organiserId: KRISTIANSAND,
        cohortId: cohort3,
        // For Kristiansand's units in the cohort: none until Kari has answered and enrolled.
        allowedCohorts: [cohort3],
        allowedMunicipalities: [KRISTIANSAND],
        titleNb: "Lokal samling i Kristiansand",
        titleNn: "Lokal samling i Kristiansand",
        descriptionNb: "Arbeid i egen enhet med det som ble kartlagt.",
        descriptionNn: "Arbeid i eiga eining med det som vart kartlagt.",
        venue: "Rådhuset (demo)",
        address: "Eksempelgata 20, 4611 Kristiansand",
        capacity: 30,
        registrationOpensAt: opens,
        registrationClosesAt: new Date(`${addDays(localDay, -2)}T22:00:00Z`),
        sessions: agendaOn(localDay).filter((s) => s.kind !== "group"),
      }),
      system(opens),
    ),
  );
  // A member of staff at Bente's kindergarten (the demo people's: the first open one in 4204).
  const [kindergarten] = await unitsOfMunicipality(db, KRISTIANSAND, {
    type: "kindergarten",
    active: true,
  });
  if (kindergarten)
    await insertTestPerson(
      db,
      {
        name: "Berit Barnehagelærer",
        email: "ansatt-barnehage@demo.samspill.example",
        role: { role: "staff", orgId: kindergarten.orgNumber },
      },
      new Date(`${today}T08:00:00Z`),
    );
}
