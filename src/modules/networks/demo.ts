import { count } from "drizzle-orm";
import type { Db } from "../../db/client";
import { addDays, parseOsloDateTime } from "../../kernel/clock";
import type { DemoSeed } from "../../kernel/manifest";
import type { Outcome } from "../../kernel/result";
import { cohortIdOf, municipalityParticipation } from "../cohorts";
import { insertTestPerson } from "../identity";
import { programmesOwnedBy } from "../programmes";
import { addReflection } from "./activity";
import { planMeeting, recordAttendance, writeMinutes } from "./meetings";
import { type Actor, addMembers, createNetwork, membersOf } from "./networks";
import { learningNetworks, networkMunicipalities } from "./schema";

/**
 * The learning networks of the demo, in IBS cohort 3 (live): Arendal, which said yes and enrolled
 * units, runs a network of its own units, and an inter-municipal one to which it has invited
 * Kristiansand to co-lead — Kari sees the invitation, and can accept once Kristiansand has said
 * yes to the cohort. Each has a meeting held a few days ago, with attendance, minutes and
 * reflections, and one ahead. Two of Arendal's unit leaders are demo people (Anita and Per, who
 * sign in with a one-time code); the system acts for Arendal's coordinator.
 */
export const networksDemo: DemoSeed = {
  // After the cohorts (cohort 3's yes and units), the gatherings and the grants.
  order: 75,
  seeded: async (db) => {
    const [row] = await db.select({ n: count() }).from(learningNetworks);
    return Number(row?.n ?? 0) > 0;
  },
  seed: (db, { today, baseUrl }) => seedNetworks(db, today, baseUrl),
};

function must<T>(outcome: Outcome<T>): T {
  if (!outcome.ok) throw new Error(`networks demo: ${JSON.stringify(outcome)}`);
  return outcome;
}

const at = (date: string, time: string) => parseOsloDateTime(`${date}T${time}`)!;

async function seedNetworks(db: Db, today: string, baseUrl: string) {
  const [ibs] = await programmesOwnedBy(db, ["udir"]);
  const cohortId = ibs ? await cohortIdOf(db, ibs.id, 3) : null;
  if (cohortId === null) return;
  const arendal = await municipalityParticipation(db, cohortId, "4203");
  if (!arendal.accepted || arendal.units.length < 2) return;
  const since = at(addDays(today, -4), "08:00");
  const anita = await insertTestPerson(
    db,
    {
      name: "Anita Aas",
      email: "anita@demo.samspill.example",
      role: { role: "unit-leader", orgId: arendal.units[0]! },
    },
    since,
  );
  const per = await insertTestPerson(
    db,
    {
      name: "Per Pedersen",
      email: "per@demo.samspill.example",
      role: { role: "unit-leader", orgId: arendal.units[1]! },
    },
    since,
  );
  const as = (personId: number | null, roles: Actor["roles"], now: Date): Actor => ({
    personId,
    roles,
    now,
    baseUrl,
  });
  // Arendal's coordinator is not a demo person (the chain's tests use Arendal as a municipality
  // with no one in Samspill): the system acts for Arendal.
  const arendalAt = (now: Date) =>
    as(null, [{ role: "municipal-coordinator", orgKind: "municipality", orgId: "4203" }], now);
  const anitaAt = (now: Date) =>
    as(anita, [{ role: "unit-leader", orgKind: "unit", orgId: arendal.units[0]! }], now);
  const perAt = (now: Date) =>
    as(per, [{ role: "unit-leader", orgKind: "unit", orgId: arendal.units[1]! }], now);

  const created = at(addDays(today, -4), "10:00");
  const local = must(
    await createNetwork(
      db,
      {
        cohortId,
        municipality: "4203",
        name: "Lærende nettverk for enhetene i Arendal",
        coLeads: [],
      },
      arendalAt(created),
    ),
  ).networkId;
  const wide = must(
    await createNetwork(
      db,
      { cohortId, municipality: "4203", name: "Agder sør: trygge skolemiljø", coLeads: [] },
      arendalAt(created),
    ),
  ).networkId;
  // Kristiansand is asked to co-lead; it answers once it has said yes to the cohort itself.
  await db.insert(networkMunicipalities).values({
    networkId: wide,
    municipalityCode: "4204",
    state: "invited",
    invitedAt: created,
  });
  const contacts = arendal.contacts.map((c) => `contact-4203-${c.kind}`);
  must(
    await addMembers(
      db,
      { networkId: local, keys: [`person-${anita}`, `person-${per}`, ...contacts] },
      arendalAt(created),
    ),
  );
  must(
    await addMembers(
      db,
      { networkId: wide, keys: [`person-${anita}`, ...contacts] },
      arendalAt(created),
    ),
  );

  const held = addDays(today, -2);
  const planned = at(addDays(today, -3), "12:00");
  const first = must(
    await planMeeting(
      db,
      local,
      {
        title: "Oppstart: hvor står vi?",
        startsAt: at(held, "09:00"),
        endsAt: at(held, "11:00"),
        place: "Arendal rådhus, møterom 2",
        digitalLink: "",
        agenda:
          "1. Nåsituasjonen ved hver enhet\n2. Hvilke tema i tilbudet velger vi først?\n3. Avtaler til neste møte",
      },
      arendalAt(planned),
    ),
  ).meetingId;
  const after = at(held, "13:00");
  const members = await membersOf(db, local);
  must(
    await recordAttendance(
      db,
      {
        networkId: local,
        meetingId: first,
        memberIds: members.filter((m) => m.kind === "unit").map((m) => m.id),
      },
      arendalAt(after),
    ),
  );
  must(
    await writeMinutes(
      db,
      {
        networkId: local,
        meetingId: first,
        minutes:
          "Enhetene la fram hvordan de kartlegger miljøet i dag. Vi ble enige om å starte med temaet om å forebygge, avdekke og håndtere krenkelser. Hver enhet prøver ut faste rutiner for overganger i to uker og tar med erfaringene til neste møte.",
      },
      arendalAt(after),
    ),
  );
  must(
    await addReflection(
      db,
      {
        networkId: local,
        meetingId: first,
        text: "Vi prøvde å la de voksne fordele seg bedre ute i friminuttene. Personalet opplevde færre konflikter ved porten. Neste steg er å drøfte det på personalmøtet.",
      },
      anitaAt(at(addDays(today, -1), "14:00")),
    ),
  );
  must(
    await addReflection(
      db,
      {
        networkId: local,
        meetingId: first,
        text: "Kartleggingen viste at personalet er usikre på aktivitetsplikten. Vi setter av tid til å gå gjennom reglene i kapittel 12 sammen.",
      },
      perAt(at(addDays(today, -1), "15:30")),
    ),
  );
  must(
    await planMeeting(
      db,
      local,
      {
        title: "Erfaringer fra utprøvingen",
        startsAt: at(addDays(today, 14), "09:00"),
        endsAt: at(addDays(today, 14), "11:00"),
        place: "",
        digitalLink: "https://meet.example.org/arendal-nettverk",
        agenda: "1. Hva prøvde vi, hva så vi?\n2. Plan for neste periode",
      },
      arendalAt(planned),
    ),
  );

  const wideHeld = addDays(today, -1);
  const wideFirst = must(
    await planMeeting(
      db,
      wide,
      {
        title: "Første nettverksmøte",
        startsAt: at(wideHeld, "12:00"),
        endsAt: at(wideHeld, "14:00"),
        place: "",
        digitalLink: "https://meet.example.org/agder-sor",
        agenda: "1. Presentasjon av enhetene\n2. Felles tema for høsten",
      },
      arendalAt(planned),
    ),
  ).meetingId;
  const wideAfter = at(wideHeld, "15:00");
  must(
    await writeMinutes(
      db,
      {
        networkId: wide,
        meetingId: wideFirst,
        minutes:
          "Kort presentasjon av enhetene. Nettverket velger organisering og ledelse som felles tema, og Kristiansand er invitert til å lede nettverket sammen med Arendal.",
      },
      arendalAt(wideAfter),
    ),
  );
  must(
    await addReflection(
      db,
      {
        networkId: wide,
        meetingId: wideFirst,
        text: "Nyttig å høre hvordan andre ledergrupper følger opp arbeidet. Vi tar med ideen om faste refleksjonsmøter for personalet.",
      },
      anitaAt(at(today, "08:30")),
    ),
  );
}
