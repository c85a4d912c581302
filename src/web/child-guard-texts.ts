import type { WarnReason } from "../kernel/child-guard";
import type { Lang } from "./i18n";

/**
 * The child guard's words on every form that uses it (decision 0024): site-wide, like the
 * error pages' texts, because every module's free text is guarded.
 */
const nb = {
  intro: "Teksten ser ut til å kunne identifisere et barn:",
  advice:
    "Skriv om teksten uten navn, alder, klasse eller diagnose. Identifiserer den likevel ikke et barn, kan du krysse av nedenfor og sende igjen.",
  confirm: "Teksten identifiserer ikke et barn",
  summary: (label: string, quote: string) => `${label}: kan identifisere et barn («${quote}»)`,
  place: (quote: string, reason: string) => `«${quote}»: ${reason}`,
  reasons: {
    nameAge: "et fornavn sammen med en alder",
    nameClass: "et fornavn sammen med en klasse, et trinn eller en avdeling",
    nameDiagnosis: "et fornavn sammen med en diagnose eller et vedtak",
    childName: "et barn omtalt med navn",
    familyName: "et fornavn sammen med mor, far eller søsken",
    childClass: "et barn omtalt sammen med en klasse, et trinn eller en avdeling",
    childAge: "et barn omtalt sammen med en alder",
    childDiagnosis: "et barn omtalt sammen med en diagnose eller et vedtak",
  } satisfies Record<WarnReason, string>,
};

type ChildGuardTexts = typeof nb;

const nn: ChildGuardTexts = {
  intro: "Teksten ser ut til å kunne identifisere eit barn:",
  advice:
    "Skriv om teksten utan namn, alder, klasse eller diagnose. Identifiserer han likevel ikkje eit barn, kan du krysse av nedanfor og sende på nytt.",
  confirm: "Teksten identifiserer ikkje eit barn",
  summary: (label: string, quote: string) => `${label}: kan identifisere eit barn («${quote}»)`,
  place: (quote: string, reason: string) => `«${quote}»: ${reason}`,
  reasons: {
    nameAge: "eit førenamn saman med ein alder",
    nameClass: "eit førenamn saman med ein klasse, eit trinn eller ei avdeling",
    nameDiagnosis: "eit førenamn saman med ein diagnose eller eit vedtak",
    childName: "eit barn omtalt med namn",
    familyName: "eit førenamn saman med mor, far eller sysken",
    childClass: "eit barn omtalt saman med ein klasse, eit trinn eller ei avdeling",
    childAge: "eit barn omtalt saman med ein alder",
    childDiagnosis: "eit barn omtalt saman med ein diagnose eller eit vedtak",
  },
};

const en: ChildGuardTexts = {
  intro: "The text looks as if it could identify a child:",
  advice:
    "Rewrite it without a name, age, class or diagnosis. If it does not identify a child, tick the box below and send it again.",
  confirm: "The text does not identify a child",
  summary: (label: string, quote: string) => `${label}: may identify a child (“${quote}”)`,
  place: (quote: string, reason: string) => `“${quote}”: ${reason}`,
  reasons: {
    nameAge: "a first name with an age",
    nameClass: "a first name with a class, a grade or a department",
    nameDiagnosis: "a first name with a diagnosis or a decision",
    childName: "a child referred to by name",
    familyName: "a first name with a parent or a sibling",
    childClass: "a child referred to with a class, a grade or a department",
    childAge: "a child referred to with an age",
    childDiagnosis: "a child referred to with a diagnosis or a decision",
  },
};

const texts: Record<Lang, ChildGuardTexts> = { nb, nn, en };

export function childGuardTexts(lang: Lang): ChildGuardTexts {
  return texts[lang];
}
