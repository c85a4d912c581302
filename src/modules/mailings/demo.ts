import { count } from "drizzle-orm";
import type { Db } from "../../db/client";
import { addDays, endOfOsloDay } from "../../kernel/clock";
import type { DemoSeed } from "../../kernel/manifest";
import { programmesOwnedBy } from "../programmes";
import { mailingRecipients, mailings } from "./schema";

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
};

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
