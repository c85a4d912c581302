import { eq } from "drizzle-orm";
import type { Db } from "../../db/client";
import { defaultQuestions, questionsAsForm, saveQuestions, submitAnswers } from "./evaluation";
import { gatheringEvaluations } from "./evaluation-schema";

/** Invented open answers, the kind participants write (nobody named, no child). */
const MOST_USEFUL = [
  "Gruppearbeidet der vi delte erfaringer fra egne barnehager.",
  "Foredraget om hvordan vi kartlegger miljøet.",
  "Å høre hvordan andre kommuner har organisert arbeidet.",
  "",
  "Konkrete verktøy vi kan ta med hjem til personalmøtet.",
  "Samtalene i pausene, faktisk.",
  "",
  "Eksemplene fra skolene som har prøvd ut programmet.",
  "Gjennomgangen av ressurspersonens rolle.",
  "Tid til å planlegge oppstarten med de andre fra kommunen.",
  "",
  "Innlegget om samarbeid med foreldre.",
  "At vi fikk prøve analyseverktøyet selv.",
  "Oversikten over hva som skjer fram til neste samling.",
  "",
  "Diskusjonen om hvordan vi når alle ansatte.",
  "Refleksjonsoppgavene i grupper på tvers av kommuner.",
  "",
  "Materiellet vi fikk utdelt.",
  "Erfaringene fra utprøvingen i fjor.",
];
const BETTER = [
  "Mer tid til gruppearbeid og mindre til innledninger.",
  "",
  "Lengre pauser, det var tett program.",
  "Send ut presentasjonene på forhånd.",
  "",
  "",
  "Bedre lyd i storsalen.",
  "Gjerne flere eksempler fra skole, ikke bare barnehage.",
  "",
  "Tydeligere beskjed om hva vi skal forberede.",
  "",
  "Kortere dag, lang reisevei for mange.",
  "",
  "Mer om hvordan vi følger opp mellom samlingene.",
  "",
  "",
  "Digital deltakelse for dem som ikke kan reise.",
  "",
  "Flere pauser med frukt.",
  "",
];

/**
 * The evaluation of the demo's national gathering of cohort 1 (15 March 2017): the suggested
 * questions, answered by the first 20 who held a seat over the following days, with
 * invented figures; the invitation marked as sent the day after. Through the module's own
 * commands, so the answers are stored as any participant's would be.
 */
export async function seedEvaluation(db: Db, gatheringId: number, people: number[]) {
  const system = (now: Date) => ({ personId: null, now, baseUrl: "http://localhost" });
  const saved = await saveQuestions(
    db,
    { gatheringId, values: questionsAsForm(defaultQuestions()) },
    system(new Date("2017-03-01T09:00:00Z")),
  );
  if (!saved.ok) throw new Error(`evaluation demo: ${JSON.stringify(saved.errors)}`);
  await db
    .update(gatheringEvaluations)
    .set({ invitedAt: new Date("2017-03-16T08:00:00Z") })
    .where(eq(gatheringEvaluations.gatheringId, gatheringId));
  const useful = [5, 4, 4, 5, 3, 4, 5, 4, 3, 4, 5, 3, 4, 4, 5, 4, 3, 5, 4, 4];
  const organised = [4, 4, 3, 5, 4, 3, 4, 5, 3, 4, 4, 2, 4, 5, 3, 4, 4, 5, 3, 4];
  for (const [i, personId] of people.slice(0, 20).entries()) {
    const at = new Date(Date.UTC(2017, 2, 16 + (i % 6), 9 + (i % 8)));
    const done = await submitAnswers(
      db,
      {
        gatheringId,
        personId,
        values: {
          "a-1": String(useful[i]),
          "a-2": String(organised[i]),
          "a-3": MOST_USEFUL[i] ?? "",
          "a-4": BETTER[i] ?? "",
        },
      },
      { personId, now: at, baseUrl: "http://localhost" },
    );
    if (!done.ok) throw new Error(`evaluation demo: ${JSON.stringify(done.errors)}`);
  }
}
