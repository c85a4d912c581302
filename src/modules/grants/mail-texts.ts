import type { WrittenStandard } from "../organisations";
import type { Purpose } from "./schema";

/** "2027-02-01" → "1.2.2027", as Norwegian letters write dates. */
const norwegianDate = (iso: string) => {
  const [y, m, d] = iso.split("-");
  return `${Number(d)}.${Number(m)}.${y}`;
};

/** The grant letter and the reminders in the municipality's written standard (språklova § 15). */
export const letterWords: Record<
  WrittenStandard,
  {
    title: (programme: string, cohort: number, municipality: string) => string;
    greeting: (municipality: string) => string;
    municipality: string;
    orgNumber: string;
    orgNumberOnAcceptance: string;
    amount: string;
    purposes: string;
    purpose: Record<Purpose, string>;
    acceptBy: string;
    reportBy: string;
    conditions: string;
    answerHere: string;
    closing: string;
    date: (iso: string) => string;
    acceptReminder: (programme: string, deadline: string) => { subject: string; lead: string };
    reportReminder: (programme: string, deadline: string) => { subject: string; lead: string };
    reportOverdue: (programme: string, deadline: string) => { subject: string; lead: string };
  }
> = {
  nb: {
    title: (p, c, m) => `Tilskuddsbrev: ${p}, pulje ${c} – ${m}`,
    greeting: (m) => `${m} er tildelt tilskudd. Her er vilkårene og fristene.`,
    municipality: "Kommune",
    orgNumber: "Organisasjonsnummer",
    orgNumberOnAcceptance: "oppgis når kommunen tar imot tilskuddet",
    amount: "Beløp",
    purposes: "Tilskuddet dekker",
    purpose: {
      "resource-person": "lokal ressursperson",
      travel: "reise for deltakere til samlinger",
    },
    acceptBy: "Frist for å ta imot",
    reportBy: "Frist for rapport om bruken",
    conditions: "Vilkår",
    answerHere: "Ta imot eller avslå tilskuddet, og oppgi kontonummer, her:",
    closing: "Vennlig hilsen\nSamspill",
    date: norwegianDate,
    acceptReminder: (p, d) => ({
      subject: `Påminnelse: ta imot tilskudd til ${p} innen ${norwegianDate(d)}`,
      lead: `Kommunen har ikke svart på tilskuddet ennå. Fristen er ${norwegianDate(d)}.`,
    }),
    reportReminder: (p, d) => ({
      subject: `Påminnelse: rapporter bruken av tilskudd til ${p} innen ${norwegianDate(d)}`,
      lead: `Rapporten om bruken av tilskuddet skal sendes innen ${norwegianDate(d)}.`,
    }),
    reportOverdue: (p, d) => ({
      subject: `Rapport om tilskudd til ${p} mangler`,
      lead: `Fristen for rapporten var ${norwegianDate(d)}. Send rapporten så snart som mulig.`,
    }),
  },
  nn: {
    title: (p, c, m) => `Tilskotsbrev: ${p}, pulje ${c} – ${m}`,
    greeting: (m) => `${m} har fått tildelt tilskot. Her er vilkåra og fristane.`,
    municipality: "Kommune",
    orgNumber: "Organisasjonsnummer",
    orgNumberOnAcceptance: "blir oppgitt når kommunen tek imot tilskotet",
    amount: "Beløp",
    purposes: "Tilskotet dekkjer",
    purpose: {
      "resource-person": "lokal ressursperson",
      travel: "reise for deltakarar til samlingar",
    },
    acceptBy: "Frist for å ta imot",
    reportBy: "Frist for rapport om bruken",
    conditions: "Vilkår",
    answerHere: "Ta imot eller avslå tilskotet, og oppgi kontonummer, her:",
    closing: "Venleg helsing\nSamspill",
    date: norwegianDate,
    acceptReminder: (p, d) => ({
      subject: `Påminning: ta imot tilskot til ${p} innan ${norwegianDate(d)}`,
      lead: `Kommunen har ikkje svart på tilskotet enno. Fristen er ${norwegianDate(d)}.`,
    }),
    reportReminder: (p, d) => ({
      subject: `Påminning: rapporter bruken av tilskot til ${p} innan ${norwegianDate(d)}`,
      lead: `Rapporten om bruken av tilskotet skal sendast innan ${norwegianDate(d)}.`,
    }),
    reportOverdue: (p, d) => ({
      subject: `Rapport om tilskot til ${p} manglar`,
      lead: `Fristen for rapporten var ${norwegianDate(d)}. Send rapporten så snart som mogleg.`,
    }),
  },
};
