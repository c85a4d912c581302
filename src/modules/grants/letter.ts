import { and, desc, eq, isNotNull } from "drizzle-orm";
import type { Db } from "../../db/client";
import { osloToday } from "../../kernel/clock";
import { taggedPdf } from "../applications";
import { cohortRef } from "../cohorts";
import { municipalityNamesAt, type WrittenStandard, writtenStandardOf } from "../organisations";
import { programmeTitles } from "../programmes";
import { letterWords } from "./mail-texts";
import { formatKroner } from "./money";
import { grantSchemes, grants } from "./schema";
import { type Grant, grantById, type Scheme } from "./schemes";

/** Everything a grant's letter says, gathered once for the PDF and the mail. */
export type LetterFacts = {
  standard: WrittenStandard;
  grant: Grant;
  scheme: Scheme;
  programmeTitle: string;
  cohortNumber: number;
  municipalityName: string;
  /** The municipality's organisation number as last given on a grant, or null. */
  orgNumber: string | null;
};

/** The municipality's organisation number as given with its latest accepted grant. */
async function knownOrgNumber(db: Db, municipalityCode: string): Promise<string | null> {
  const [row] = await db
    .select({ orgNumber: grants.orgNumber })
    .from(grants)
    .where(and(eq(grants.municipalityCode, municipalityCode), isNotNull(grants.orgNumber)))
    .orderBy(desc(grants.answeredAt))
    .limit(1);
  return row?.orgNumber ?? null;
}

export async function letterFacts(db: Db, grantId: number, now: Date): Promise<LetterFacts | null> {
  const grant = await grantById(db, grantId);
  if (!grant) return null;
  const [scheme] = await db.select().from(grantSchemes).where(eq(grantSchemes.id, grant.schemeId));
  const cohort = await cohortRef(db, scheme!.cohortId);
  const standard = await writtenStandardOf(db, "municipality", grant.municipalityCode);
  const [titles, names, orgNumber] = await Promise.all([
    programmeTitles(db, standard, [cohort!.programmeId]),
    municipalityNamesAt(db, [grant.municipalityCode], osloToday(now)),
    grant.orgNumber ? Promise.resolve(grant.orgNumber) : knownOrgNumber(db, grant.municipalityCode),
  ]);
  return {
    standard,
    grant,
    scheme: scheme!,
    programmeTitle: titles.get(cohort!.programmeId) ?? "",
    cohortNumber: cohort!.number,
    municipalityName: names.get(grant.municipalityCode) ?? grant.municipalityCode,
    orgNumber,
  };
}

/** The letter's lines, the same in the PDF and the mail. */
export function letterLines(f: LetterFacts) {
  const w = letterWords[f.standard];
  const amount = formatKroner(f.standard, f.grant.amountOre);
  return {
    title: w.title(f.programmeTitle, f.cohortNumber, f.municipalityName),
    facts: [
      `${w.municipality}: ${f.municipalityName}`,
      `${w.orgNumber}: ${f.orgNumber ?? w.orgNumberOnAcceptance}`,
      `${w.amount}: ${amount}`,
      `${w.purposes}: ${f.scheme.purposes.map((p) => w.purpose[p]).join(", ")}`,
      `${w.acceptBy}: ${w.date(f.scheme.acceptDeadline)}`,
      `${w.reportBy}: ${w.date(f.scheme.reportDeadline)}`,
    ],
    conditionsHeading: w.conditions,
    conditions: (f.standard === "nn" ? f.scheme.conditionsNn : f.scheme.conditionsNb).split("\n"),
    closing: w.closing,
  };
}

/** The grant letter as a tagged PDF in the municipality's written standard. */
export async function letterPdf(f: LetterFacts): Promise<Buffer> {
  const lines = letterLines(f);
  return taggedPdf(
    { standard: f.standard, title: lines.title, subject: f.programmeTitle },
    (block) => {
      block("H1", "Inter-Bold", 16, lines.title, 0.6);
      lines.facts.forEach((line, i) => {
        block("P", "Inter", 10, line, i === lines.facts.length - 1 ? 1 : 0.1);
      });
      block("H2", "Inter-Bold", 12, lines.conditionsHeading, 0.3);
      for (const line of lines.conditions) block("P", "Inter", 10, line || " ", 0.1);
      block("P", "Inter", 10, lines.closing, 0.1);
    },
  );
}
