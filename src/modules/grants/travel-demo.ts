import { eq } from "drizzle-orm";
import type { Db } from "../../db/client";
import type { Outcome } from "../../kernel/result";
import type { FileStore } from "../../kernel/storage";
import { cohortIdOf } from "../cohorts";
import { attendedNationalGatherings } from "../gatherings";
import { programmesOwnedBy } from "../programmes";
import { acceptGrant, declineGrant, payGrant, reportUse, sendLetters, settleGrant } from "./life";
import { grants } from "./schema";
import { allocate, grantsOfScheme, saveScheme } from "./schemes";
import { decideClaim, payApprovedClaims, submitClaim } from "./travel";

/** A small PDF receipt for the demo (text selectable, one page). */
const RECEIPT = new TextEncoder().encode(
  "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 300 200]/Contents 4 0 R/Resources<</Font<</F1 5 0 R>>>>>>endobj\n4 0 obj<</Length 52>>stream\nBT /F1 14 Tf 20 150 Td (Kvittering (demo)) Tj ET\nendstream endobj\n5 0 obj<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n",
);

function must<T>(outcome: Outcome<T>): T {
  if (!outcome.ok) throw new Error(`grants demo (cohort 1): ${JSON.stringify(outcome.errors)}`);
  return outcome;
}

const at = (iso: string) => ({ personId: null, now: new Date(iso) });

/**
 * IBS cohort 1 (2017–2018), as it would have run: a scheme for the resource person and
 * participants' travel (40 000 kr per municipality, at most 4 500 kr per travel claim), and
 * its 38 municipalities' grants in every state — two allocated only, two with a letter and no
 * answer, one declined, three accepted, four paid, eight reported (some with money to return)
 * and the rest closed with their returns received; and six travel claims from the national
 * gathering: one waiting, one approved, one rejected, three paid.
 */
export async function seedCohort1Grants(
  db: Db,
  files: FileStore,
  account: (first10: string) => string,
  org: (first8: string) => string,
) {
  const [ibs] = await programmesOwnedBy(db, ["udir"]);
  const cohortId = ibs ? await cohortIdOf(db, ibs.id, 1) : null;
  if (!cohortId) return;
  const { id: schemeId } = must(
    await saveScheme(
      db,
      cohortId,
      {
        purposes: ["resource-person", "travel"],
        basis: "flat",
        amount: "40000",
        floor: "",
        ceiling: "",
        travelCeiling: "4 500",
        conditionsNb:
          "Tilskuddet skal brukes til den lokale ressurspersonen og til deltakernes reiser til nasjonale samlinger.\nUbrukte midler betales tilbake.",
        conditionsNn:
          "Tilskotet skal brukast til den lokale ressurspersonen og til reisene til deltakarane på nasjonale samlingar.\nUbrukte midlar blir betalte tilbake.",
        acceptDeadline: "2017-02-15",
        reportDeadline: "2018-06-30",
      },
      at("2017-01-09T09:00:00Z"),
    ),
  );
  must(await allocate(db, cohortId, at("2017-01-10T09:00:00Z")));
  const all = await grantsOfScheme(db, schemeId);
  for (const [i, g] of all.entries()) {
    if (i < 2) continue;
    must(await sendLetters(db, { schemeId, grantId: g.id }, at("2017-01-12T09:00:00Z")));
  }
  for (const [i, g] of all.entries()) {
    const input = { grantId: g.id, municipalityCode: g.municipalityCode };
    if (i < 4) continue;
    if (i === 4) {
      must(await declineGrant(db, input, at("2017-01-20T09:00:00Z")));
      continue;
    }
    must(
      await acceptGrant(
        db,
        {
          ...input,
          orgNumber: org(String(97_100_000 + i * 37)),
          accountNumber: account(String(2_700_000_000 + i * 1_013)),
          conditions: "yes",
        },
        at("2017-02-01T09:00:00Z"),
      ),
    );
    if (i < 8) continue;
    must(await payGrant(db, { schemeId, grantId: g.id }, at("2017-03-01T09:00:00Z")));
    if (i < 12) continue;
    // Odd amounts used: the ledger adds them up to the øre.
    const unused = i % 3 === 0 ? 0 : i * 12_345 + 67;
    const used = g.amountOre - unused;
    must(
      await reportUse(
        db,
        {
          ...input,
          used: `${Math.trunc(used / 100)},${String(used % 100).padStart(2, "0")}`,
          usedFor: ["resource-person-hours"],
          account: "Ressurspersonen fulgte arbeidet i barnehagene og skolene gjennom året.",
        },
        at("2018-06-15T09:00:00Z"),
      ),
    );
    if (i < 20) continue;
    must(await settleGrant(db, { schemeId, grantId: g.id }, at("2018-08-15T09:00:00Z")));
  }
  // The reminders of 2017–2018 went as they were due: none is left to send now.
  const sent = new Date("2018-07-01T09:00:00Z");
  await db
    .update(grants)
    .set({ acceptRemindedAt: sent, reportRemindedAt: sent, reportOverdueAt: sent })
    .where(eq(grants.schemeId, schemeId));

  // Travel claims from the national gathering (15 March 2017).
  const [national] = (
    await attendedNationalGatherings(db, {}, new Date("2017-03-20T09:00:00Z"))
  ).filter((a) => a.cohortId === cohortId);
  if (!national) return;
  const attendees = (
    await attendedNationalGatherings(
      db,
      { gatheringId: national.gatheringId },
      new Date("2017-03-20T09:00:00Z"),
    )
  ).slice(0, 6);
  // Each journey leg by leg (decision 0045): home to the station or airport and on to Oslo,
  // and the same way back; the amounts are odd so that the sums show every øre.
  const leg = (from: string, to: string, means: string, distance: string, amount: string) => ({
    from,
    to,
    means,
    distance,
    amount,
  });
  const journeys = [
    [leg("Arendal", "Oslo", "train", "", "617,25"), leg("Oslo", "Arendal", "train", "", "617,25")],
    [leg("Bykle", "Oslo", "bus", "", "1 435"), leg("Oslo", "Bykle", "bus", "", "1 435")],
    [
      leg("Grimstad", "Oslo", "car", "260", "2 250"),
      leg("Oslo", "Grimstad", "car", "260", "2 249,99"),
    ],
    [
      leg("Risør", "Gjerstad stasjon", "bus", "", "64,50"),
      leg("Gjerstad stasjon", "Oslo", "train", "", "429,33"),
      leg("Oslo", "Gjerstad stasjon", "train", "", "429,32"),
      leg("Gjerstad stasjon", "Risør", "bus", "", "64,50"),
    ],
    [leg("Lillesand", "Oslo", "bus", "", "555,55"), leg("Oslo", "Lillesand", "bus", "", "555,56")],
    [
      leg("Birkenes", "Kjevik", "car", "32", "141,12"),
      leg("Kjevik", "Oslo", "plane", "", "1 587,27"),
      leg("Oslo", "Kjevik", "plane", "", "1 587,27"),
      leg("Kjevik", "Birkenes", "car", "32", "141,12"),
    ],
  ];
  const claimIds: number[] = [];
  for (const [i, a] of attendees.entries()) {
    const { claimId } = must(
      await submitClaim(
        db,
        files,
        {
          gatheringId: a.gatheringId,
          personId: a.personId,
          legs: journeys[i]!,
          accountNumber: account(String(3_200_000_000 + i * 777)),
          receipts: [{ name: `kvittering-${i + 1}.pdf`, bytes: RECEIPT }],
        },
        { personId: a.personId, now: new Date(`2017-03-${20 + i}T10:00:00Z`) },
      ),
    );
    claimIds.push(claimId);
  }
  const decide = (i: number, decision: string, reason: string, when: string) =>
    claimIds[i] === undefined
      ? Promise.resolve()
      : decideClaim(db, { schemeId, claimId: claimIds[i]!, decision, reason }, at(when)).then(must);
  await decide(3, "approve", "", "2017-04-03T09:00:00Z");
  await decide(4, "approve", "", "2017-04-03T09:00:00Z");
  await decide(5, "approve", "Fly var billigst denne dagen.", "2017-04-03T09:00:00Z");
  await db.transaction((tx) => payApprovedClaims(tx, schemeId, at("2017-04-10T09:00:00Z")));
  await decide(1, "approve", "", "2017-04-12T09:00:00Z");
  await decide(
    2,
    "reject",
    "Reise med egen bil dekkes bare etter statens sats per kilometer; send nytt krav med det beløpet.",
    "2017-04-12T09:00:00Z",
  );
}
