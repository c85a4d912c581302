import { and, count, eq, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { addDays, endOfOsloDay } from "../../kernel/clock";
import type { DemoSeed } from "../../kernel/manifest";
import { cohortIdOf } from "../cohorts";
import { activeRoles, demoPersonId, getPerson, permissionsOf } from "../identity";
import { programmesOwnedBy } from "../programmes";
import { checkMessage, writeMessage } from "./messages";
import { mailingRecipients, mailings } from "./schema";
import { reachSegment, segmentResolver } from "./segments";

const day = (today: string, days: number, hour: number) =>
  new Date(endOfOsloDay(addDays(today, days)).getTime() - (24 - hour) * 3_600_000);

/**
 * FUB/FUG's newsletters in the demo: two sent (in the archive on the programme's page, each to
 * a few demo subscribers), and one scheduled a week ahead. Written in our own words.
 */
export const mailingsDemo: DemoSeed = {
  // After the programmes (and everything else: nothing reads mailings).
  order: 90,
  seeded: async (db) => {
    const [row] = await db.select({ n: count() }).from(mailings);
    return Number(row?.n ?? 0) > 0;
  },
  seed: (db, { today }) => seedMailings(db, today),
  // The message needs the demo's county coordinator: written once she is there.
  people: (db, now) => seedCohort3Message(db, now),
};

/**
 * A message in IBS cohort 3 (decision 0040): Siv, the county coordinator in Agder, reminded the
 * municipalities that had not answered, three days before the demo's day. Its recipients were
 * computed by the segment's query then and are frozen with it, as a send would.
 */
async function seedCohort3Message(db: Db, now: Date) {
  const sivId = await demoPersonId(db, "siv");
  const ibs = (await programmesOwnedBy(db, ["udir"])).find(
    (p) => p.slug === "inkluderende-barnehage-og-skolemiljo",
  );
  const cohortId = ibs ? await cohortIdOf(db, ibs.id, 3) : null;
  if (!sivId || !cohortId) return;
  const [there] = await db
    .select({ n: count() })
    .from(mailings)
    .where(and(eq(mailings.kind, "message"), eq(mailings.cohortId, cohortId)));
  if (Number(there?.n ?? 0) > 0) return;
  const person = await getPerson(db, sivId);
  if (!person?.email) return;
  const roles = await activeRoles(db, sivId);
  const sent = new Date(now.getTime() - 3 * 86_400_000);
  const user = { personId: sivId, email: person.email, roles, permissions: permissionsOf(roles) };
  const reach = await reachSegment(db, user, { segment: "non-respondents", cohortId }, sent);
  const content = checkMessage({
    subjectNb: "Påminnelse: svar på invitasjonen til pulje 3",
    bodyNb:
      "Hei!\n\nDere er invitert til **Inkluderende barnehage- og skolemiljø, pulje 3**, og vi har ikke fått svar ennå. Svar i Samspill innen fristen.\n\nTa kontakt om dere har spørsmål.",
    subjectNn: "Påminning: svar på invitasjonen til pulje 3",
    bodyNn:
      "Hei!\n\nDe er inviterte til **Inkluderande barnehage- og skulemiljø, pulje 3**, og vi har ikkje fått svar enno. Svar i Samspill innan fristen.\n\nTa kontakt om de har spørsmål.",
  });
  if (!reach?.ok || !content.ok) return;
  const id = await writeMessage(
    db,
    {
      content: content.data,
      audience: reach.audience,
      programmeId: reach.programmeId,
      cohortId: reach.cohortId,
      sender: { personId: sivId, name: person.name ?? "Siv", email: person.email },
    },
    sent,
  );
  const q = segmentResolver(reach.audience, { programmeId: reach.programmeId, cohortId }, sent);
  if (!q) return;
  await db.execute(sql`
    insert into ${mailingRecipients} (mailing_id, address, lang, state, sent_at)
    select ${id}, x.address, x.lang, 'sent', ${sent.toISOString()}::timestamptz from (${q.query}) x
    on conflict do nothing`);
  const [{ n } = { n: 0 }] = await db
    .select({ n: count() })
    .from(mailingRecipients)
    .where(eq(mailingRecipients.mailingId, id));
  await db
    .update(mailings)
    .set({
      status: "sent",
      sendAt: sent,
      startedAt: sent,
      finishedAt: sent,
      recipientCount: Number(n),
    })
    .where(eq(mailings.id, id));
}

async function seedMailings(db: Db, today: string) {
  const [fub] = await programmesOwnedBy(db, ["fub"]);
  if (!fub) return;
  const base = {
    kind: "newsletter" as const,
    programmeId: fub.id,
    cohortId: null,
    audience: { langs: ["nb", "nn", "en"] },
    senderName: "FUB/FUG",
    senderPersonId: null,
    replyTo: "post@fub.demo.samspill.example",
  };
  const sentAt = [day(today, -60, 9), day(today, -20, 9)];
  const rows = await db
    .insert(mailings)
    .values([
      {
        ...base,
        subjectNb: "Høstens tilbud om foreldresamarbeid",
        subjectNn: "Haustens tilbod om foreldresamarbeid",
        bodyNb:
          "## Søknadsrunden er åpen\n\nKommuner som vil styrke samarbeidet mellom hjem og barnehage eller skole, kan nå søke. Tilbudet er gratis og tilpasses hver kommune.\n\n- Fagdager for ansatte\n- Foreldremøter med innhold som engasjerer\n- Oppfølging digitalt gjennom året\n\nLes mer og søk på [programsiden](https://fub.demo.samspill.example/soknad).",
        bodyNn:
          "## Søknadsrunden er open\n\nKommunar som vil styrkje samarbeidet mellom heim og barnehage eller skule, kan no søkje. Tilbodet er gratis og blir tilpassa kvar kommune.\n\n- Fagdagar for tilsette\n- Foreldremøte med innhald som engasjerer\n- Oppfølging digitalt gjennom året\n\nLes meir og søk på [programsida](https://fub.demo.samspill.example/soknad).",
        status: "sent" as const,
        sendAt: sentAt[0],
        startedAt: sentAt[0],
        finishedAt: sentAt[0],
        recipientCount: 3,
        createdAt: sentAt[0]!,
        updatedAt: sentAt[0]!,
      },
      {
        ...base,
        subjectNb: "Erfaringer fra det første året",
        subjectNn: "Erfaringar frå det første året",
        bodyNb:
          "## Hva kommunene forteller\n\nEtter et år med tilbudet sier flere kommuner at foreldremøtene har fått **mer dialog og mindre informasjon**. Vi deler tre grep som virket.\n\n1. Start med foreldrenes egne spørsmål.\n2. Bruk små grupper.\n3. Avslutt med noe konkret å prøve hjemme.",
        bodyNn:
          "## Kva kommunane fortel\n\nEtter eitt år med tilbodet seier fleire kommunar at foreldremøta har fått **meir dialog og mindre informasjon**. Vi deler tre grep som verka.\n\n1. Start med spørsmåla til foreldra sjølve.\n2. Bruk små grupper.\n3. Avslutt med noko konkret å prøve heime.",
        status: "sent" as const,
        sendAt: sentAt[1],
        startedAt: sentAt[1],
        finishedAt: sentAt[1],
        recipientCount: 3,
        createdAt: sentAt[1]!,
        updatedAt: sentAt[1]!,
      },
      {
        ...base,
        subjectNb: "Invitasjon til nettverkssamling i vinter",
        subjectNn: "Invitasjon til nettverkssamling i vinter",
        bodyNb:
          "## Velkommen til samling\n\nVi inviterer kommunene i tilbudet til en digital nettverkssamling. Program og påmelding kommer på programsiden.",
        bodyNn:
          "## Velkomen til samling\n\nVi inviterer kommunane i tilbodet til ei digital nettverkssamling. Program og påmelding kjem på programsida.",
        status: "scheduled" as const,
        sendAt: day(today, 7, 9),
        createdAt: day(today, -1, 12),
        updatedAt: day(today, -1, 12),
      },
    ])
    .returning({ id: mailings.id, status: mailings.status, startedAt: mailings.startedAt });
  const people = [
    "lise.demo@lesere.demo.samspill.example",
    "ola.demo@lesere.demo.samspill.example",
    "kari.demo@lesere.demo.samspill.example",
  ];
  for (const m of rows.filter((r) => r.status === "sent")) {
    await db.insert(mailingRecipients).values(
      people.map((address, i) => ({
        mailingId: m.id,
        address,
        lang: i === 1 ? "nn" : "nb",
        state: "sent" as const,
        sentAt: m.startedAt,
      })),
    );
  }
}
