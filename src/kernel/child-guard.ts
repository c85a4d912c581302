import {
  AGE_WORDS,
  ARTICLE_GAP,
  CHILD_WORDS,
  CIRCUMSTANCES,
  DIAGNOSES,
  DIAGNOSIS_ACRONYMS,
  FAMILY_WORDS,
  FIRST_NAMES,
  NEAR,
  PATTERNS,
  STAFF_ROLES,
} from "./child-guard-data";

/**
 * The guard against data about children in free text, one for every module (decision 0024).
 * `checkFreeText` finds what must be refused (national identity numbers, by their control
 * digits and their date) and what should be warned about (text that looks as if it identifies
 * a child: a first name with an age, a class or a diagnosis; "eleven Jonas", "gutten i 5A").
 * Each finding says why and where (offsets into the text), so a form can quote the place.
 * The words and patterns are data, in child-guard-data.ts. Forms use it through
 * child-guard-forms.ts; `maskPersonalData` masks what the feedback widget does not store.
 */

export type RefuseReason = "fodselsnummer" | "dNumber" | "hNumber";
export type WarnReason =
  | "nameAge"
  | "nameClass"
  | "nameDiagnosis"
  | "childName"
  | "familyName"
  | "childClass"
  | "childAge"
  | "childDiagnosis";

export type Finding =
  | { kind: "nationalId"; reason: RefuseReason; start: number; end: number }
  | { kind: "child"; reason: WarnReason; start: number; end: number };

export type GuardResult = {
  refuse: Extract<Finding, { kind: "nationalId" }>[];
  warn: Extract<Finding, { kind: "child" }>[];
};

// National identity numbers.

const K1 = [3, 7, 6, 1, 8, 9, 4, 5, 2];
const K2 = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];

function controlDigit(digits: number[], weights: number[]): number {
  const sum = weights.reduce((acc, w, i) => acc + w * (digits[i] ?? 0), 0);
  const r = 11 - (sum % 11);
  return r === 11 ? 0 : r;
}

/** The year of birth from the two digits of the year and the individual number, or null. */
function yearOf(yy: number, individual: number): number | null {
  if (individual <= 499) return 1900 + yy;
  if (individual <= 749 && yy >= 54) return 1800 + yy;
  if (yy <= 39) return 2000 + yy;
  if (individual >= 900) return 1900 + yy;
  return null;
}

/**
 * What an 11-digit string is: a fødselsnummer, a D-number (day + 40) or an H-number (month +
 * 40), when both control digits hold and the date is a real date; else null.
 */
export function nationalIdKind(value: string): RefuseReason | null {
  if (!/^\d{11}$/.test(value)) return null;
  const d = [...value].map(Number);
  const c1 = controlDigit(d, K1);
  if (c1 === 10 || c1 !== d[9]) return null;
  const c2 = controlDigit(d, K2);
  if (c2 === 10 || c2 !== d[10]) return null;
  let day = Number(value.slice(0, 2));
  let month = Number(value.slice(2, 4));
  let reason: RefuseReason = "fodselsnummer";
  if (day > 40) {
    day -= 40;
    reason = "dNumber";
  }
  if (month > 40) {
    if (reason === "dNumber") return null;
    month -= 40;
    reason = "hNumber";
  }
  const year = yearOf(Number(value.slice(4, 6)), Number(value.slice(6, 9)));
  if (year === null || month < 1 || month > 12 || day < 1) return null;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= daysInMonth ? reason : null;
}

/** Fødselsnummer, D-number or H-number: both control digits hold and the date is real. */
export function isNationalId(value: string): boolean {
  return nationalIdKind(value) !== null;
}

// Six digits and five, together or with one space between ("010100 12356"), not inside a
// longer run of digits.
const ID_CANDIDATE = /(?<![\p{N}])(\d{6})[ \u00a0]?(\d{5})(?![\p{N}])/gu;

// The patterns, compiled once from the data.

// Hyphens need no escape outside a character class (and may not have one with the u flag).
const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
/** A word matched as written or with its first letter capitalised (the start of a sentence). */
const wordSource = (w: string) => {
  const first = w[0]!;
  const upper = first.toUpperCase();
  const head =
    upper === first ? escapeRegex(first) : `[${escapeRegex(first)}${escapeRegex(upper)}]`;
  return head + escapeRegex(w.slice(1)).replace(/ /g, "\\s+");
};
const alternation = (words: readonly string[]) =>
  [...words]
    .sort((a, b) => b.length - a.length)
    .map(wordSource)
    .join("|");

const NAMES = new Set(FIRST_NAMES);
const NUM = `(?:${PATTERNS.ageDigits}|${alternation(AGE_WORDS)})`;
const fill = (source: string) =>
  source.replaceAll("{NUM}", NUM).replaceAll("{MONTHS}", PATTERNS.months);
const re = (source: string, flags: string) => new RegExp(fill(source), flags);

const CLASS_ANY = `(?:${PATTERNS.classWithLetter}|${PATTERNS.grade}|${PATTERNS.department})`;
const CLASS_NARROW = `(?:${PATTERNS.classWithLetter}|${PATTERNS.department})`;
// A word ends where no letter follows, nor a hyphen and a letter ("ADHD-kurs" is a course);
// "-diagnose" may follow ("ADHD-diagnosen").
const WORD_END = String.raw`(?:-?diagnose\p{L}*)?(?![\p{L}\p{N}]|-\p{L})`;
const INFLECTION = "(?:en|a|et|er|ar|ane|ene|n)?";
const DIAGNOSIS = `(?<![\\p{L}])(?:(?:${alternation(DIAGNOSES)})${INFLECTION}|(?:${DIAGNOSIS_ACRONYMS.map(escapeRegex).join("|")}))${WORD_END}`;
const CIRCUMSTANCE = `(?<![\\p{L}])(?:${alternation(CIRCUMSTANCES)})${INFLECTION}${WORD_END}`;
const DIAGNOSIS_OR_CIRCUMSTANCE = `(?:${DIAGNOSIS}|${CIRCUMSTANCE})`;

// A capitalised word, and a first name's continuation (a second name or a surname).
const CAPITALISED = /(?<![\p{L}\p{N}])\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?(?![\p{L}\p{N}])/gu;
const NEXT_NAME = /\s+(\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?)(?![\p{L}\p{N}])/uy;
const ROLE_BEFORE = re(`(?<![\\p{L}])(?:${alternation(STAFF_ROLES)})\\s+$`, "u");

// After a name.
const AGE_AFTER = re(PATTERNS.ageAfter, "uy");
const CLASS_AFTER_WORD = re(`${PATTERNS.classPreposition}${CLASS_ANY}`, "uy");
// "Kari (2. trinn)" lists staff by the grade they teach; "Emma (3B)" is a pupil of a class.
const CLASS_AFTER_MARK = re(`${PATTERNS.classMark}${CLASS_NARROW}`, "uy");
const AGE_BEFORE = re(PATTERNS.ageBefore, "gu");
const FAMILY_BEFORE = re(`(?<![\\p{L}])(?:${alternation(FAMILY_WORDS)})\\s+til\\s+$`, "u");

// After a word for a child.
const CLASS_CONNECTOR = `(?:${PATTERNS.classPreposition}|${PATTERNS.classMark})`;
const NARROW_CLASS_AFTER = re(`${CLASS_CONNECTOR}${CLASS_NARROW}`, "uy");
const ANY_CLASS_AFTER = re(`${CLASS_CONNECTOR}${CLASS_ANY}`, "uy");
const NAMED = re(PATTERNS.named, "uy");
const POSSESSIVE = re(`\\s*,?\\s+(?:${alternation(CHILD_WORDS.possessives)})(?![\\p{L}])`, "uy");
const NAME_AFTER_CHILD = /\s*,?\s+(\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?)(?![\p{L}\p{N}])/uy;
const DIAGNOSIS_AFTER = re(`${PATTERNS.diagnosisConnector}${DIAGNOSIS}`, "uy");
const DIAGNOSIS_OR_CIRCUMSTANCE_AFTER = re(
  `${PATTERNS.diagnosisConnector}${DIAGNOSIS_OR_CIRCUMSTANCE}`,
  "uy",
);

// Near a name.
const NEAR_DIAGNOSIS = re(DIAGNOSIS_OR_CIRCUMSTANCE, "gu");
const DIAGNOSIS_BEFORE_NAME = re(
  `${DIAGNOSIS_OR_CIRCUMSTANCE}\\s+(?:hos|til|om)\\s+(?=\\p{Lu})`,
  "gu",
);
const CLASS_WITH_LETTER = re(`(?<![\\p{L}\\p{N}])${PATTERNS.classWithLetter}`, "gu");
// Words after which a diagnosis is no longer about the name before them: a group ("elever med
// ADHD"), or the name's topic ("kurs om autisme").
const NEAR_BREAK =
  /(?<![\p{L}-])(?:for|om|til|elever|elevar|elevene|elevane|barn|barna|born|borna|alle|kurs|foredrag|tema)(?![\p{L}])/iu;
const SENTENCE_END = /(?<!\d)[.!?](?=\s|$)|\n/gu;

const CHILD_WORD = (() => {
  const indefinite = (words: readonly string[]) =>
    `(?:${alternation(CHILD_WORDS.articles)})\\s+${fill(ARTICLE_GAP)}(?:${alternation(words)})`;
  return re(
    `(?<![\\p{L}\\p{N}])(?:${[
      `(?<strong>${alternation(CHILD_WORDS.strong)}|${PATTERNS.ageNoun})`,
      `(?<weak>${alternation(CHILD_WORDS.weak)})`,
      `(?<strongIndef>${indefinite(CHILD_WORDS.strongIndefinite)})`,
      `(?<weakIndef>${indefinite(CHILD_WORDS.weakIndefinite)})`,
      `(?<pronoun>${alternation(CHILD_WORDS.pronouns)})`,
    ].join("|")})(?![\\p{L}])`,
    "gu",
  );
})();

const AGE_IN_GAP = re(`(?<![\\p{L}\\p{N}]){NUM}\\s+år\\s+gam`, "u");

function at(regex: RegExp, text: string, index: number): RegExpExecArray | null {
  regex.lastIndex = index;
  return regex.exec(text);
}

const endOf = (m: RegExpExecArray) => m.index + m[0].length;

/** A first name where it is written, with its second name or surname. */
type Name = { start: number; end: number; surname: boolean; adult: boolean };

/** Every first name in the text, with what follows it and whether it is an adult's. */
function namesIn(text: string): Name[] {
  const names: Name[] = [];
  CAPITALISED.lastIndex = 0;
  for (let m = CAPITALISED.exec(text); m; m = CAPITALISED.exec(text)) {
    if (!NAMES.has(m[0])) continue;
    let end = endOf(m);
    let surname = false;
    for (let i = 0; i < 2; i++) {
      const next = at(NEXT_NAME, text, end);
      if (!next) break;
      if (!NAMES.has(next[1]!)) surname = true;
      end = endOf(next);
    }
    // An adult named by their role ("kontaktlærer Ola i 3B"): where they work, not a child.
    const adult = ROLE_BEFORE.test(text.slice(Math.max(0, m.index - 40), m.index));
    names.push({ start: m.index, end, surname, adult });
    CAPITALISED.lastIndex = end;
  }
  return names;
}

/** The sentences of the text as [start, end) offsets. */
function sentencesOf(text: string): [number, number][] {
  const spans: [number, number][] = [];
  let start = 0;
  SENTENCE_END.lastIndex = 0;
  for (let m = SENTENCE_END.exec(text); m; m = SENTENCE_END.exec(text)) {
    spans.push([start, endOf(m)]);
    start = endOf(m);
  }
  if (start < text.length) spans.push([start, text.length]);
  return spans;
}

/** A diagnosis or circumstance a few words after `from`, in the same sentence: its end. */
function diagnosisNear(text: string, from: number): number | null {
  let window = text.slice(from, from + NEAR.chars);
  SENTENCE_END.lastIndex = 0;
  const stop = SENTENCE_END.exec(window);
  if (stop) window = window.slice(0, stop.index);
  const brk = NEAR_BREAK.exec(window);
  if (brk) window = window.slice(0, brk.index);
  NEAR_DIAGNOSIS.lastIndex = 0;
  const m = NEAR_DIAGNOSIS.exec(window);
  if (!m) return null;
  const words = window.slice(0, m.index).trim().split(/\s+/).filter(Boolean).length;
  return words <= NEAR.words ? from + endOf(m) : null;
}

type ChildFinding = GuardResult["warn"][number];

function findChildren(text: string): ChildFinding[] {
  const found: ChildFinding[] = [];
  const add = (reason: WarnReason, start: number, end: number) =>
    found.push({ kind: "child", reason, start, end });
  const names = namesIn(text);
  const byStart = new Map(names.map((n) => [n.start, n]));
  const nameAt = (index: number) => byStart.get(index);

  for (const name of names) {
    // A first name with an age, a class or a diagnosis after it.
    const age = at(AGE_AFTER, text, name.end);
    if (age) {
      add("nameAge", name.start, endOf(age));
      continue;
    }
    // A child's family: "moren til Linnea".
    const before = Math.max(0, name.start - 30);
    const family = FAMILY_BEFORE.exec(text.slice(before, name.start));
    if (family) {
      add("familyName", before + family.index, name.end);
      continue;
    }
    if (name.adult) continue;
    const cls = at(CLASS_AFTER_WORD, text, name.end) ?? at(CLASS_AFTER_MARK, text, name.end);
    if (cls) {
      add("nameClass", name.start, endOf(cls));
      continue;
    }
    const diagnosisEnd = diagnosisNear(text, name.end);
    if (diagnosisEnd !== null) add("nameDiagnosis", name.start, diagnosisEnd);
  }

  // A first name and a class with its letter in one sentence: "Noen i 7A har delt et bilde
  // av Emma". Only a bare first name: "Tor Lærer og Stine Stab har tiltaket i 5A" are staff.
  CLASS_WITH_LETTER.lastIndex = 0;
  if (names.length > 0 && CLASS_WITH_LETTER.test(text)) {
    // Sentences, names and classes are each in text order: one pass over each.
    const classes: RegExpExecArray[] = [];
    CLASS_WITH_LETTER.lastIndex = 0;
    for (let m = CLASS_WITH_LETTER.exec(text); m; m = CLASS_WITH_LETTER.exec(text)) classes.push(m);
    let n = 0;
    let c = 0;
    for (const [from, to] of sentencesOf(text)) {
      while (c < classes.length && classes[c]!.index < from) c++;
      const cls = classes[c];
      const hasClass = cls !== undefined && cls.index < to;
      for (; n < names.length && names[n]!.start < to; n++) {
        const name = names[n]!;
        if (hasClass && name.end <= to && !name.surname && !name.adult) {
          add("nameClass", Math.min(name.start, cls.index), Math.max(name.end, endOf(cls)));
        }
      }
    }
  }

  // An age before a name: "sju år gamle Amalie".
  AGE_BEFORE.lastIndex = 0;
  for (let m = AGE_BEFORE.exec(text); m; m = AGE_BEFORE.exec(text)) {
    const name = nameAt(endOf(m));
    if (name) add("nameAge", m.index, name.end);
  }

  // A diagnosis or circumstance before a name: "bekymringsmelding om Lucas".
  DIAGNOSIS_BEFORE_NAME.lastIndex = 0;
  for (let m = DIAGNOSIS_BEFORE_NAME.exec(text); m; m = DIAGNOSIS_BEFORE_NAME.exec(text)) {
    const name = nameAt(endOf(m));
    if (name) add("nameDiagnosis", m.index, name.end);
  }

  // A word for one child with a name, a class, an age or a diagnosis.
  CHILD_WORD.lastIndex = 0;
  for (let m = CHILD_WORD.exec(text); m; m = CHILD_WORD.exec(text)) {
    const g = m.groups ?? {};
    const start = m.index;
    let end = endOf(m);
    if (g.pronoun !== undefined) {
      // "han i 3B": a pronoun counts only with a class.
      const cls = at(NARROW_CLASS_AFTER, text, end);
      if (cls) add("childClass", start, endOf(cls));
      continue;
    }
    const strong = g.strong !== undefined || g.strongIndef !== undefined;
    const possessive = at(POSSESSIVE, text, end);
    if (possessive) end = endOf(possessive);

    const named = at(NAMED, text, end);
    if (named) {
      const after = at(NAME_AFTER_CHILD, text, endOf(named));
      add("childName", start, endOf(after ?? named));
      continue;
    }
    const name = at(NAME_AFTER_CHILD, text, end);
    if (name && NAMES.has(name[1]!)) {
      add("childName", start, endOf(name));
      continue;
    }
    // "gutten på 2. trinn" and "en elev på 2. trinn" are one child; "eleven på 10. trinn" is
    // any pupil of that grade. "et barn på 4 år" is any child of that age.
    const cls = at(
      strong || g.weakIndef !== undefined ? ANY_CLASS_AFTER : NARROW_CLASS_AFTER,
      text,
      end,
    );
    const age = g.weakIndef === undefined ? at(AGE_AFTER, text, end) : null;
    const detail = cls ?? age;
    const detailEnd = detail ? endOf(detail) : end;
    const diagnosis = at(
      strong ? DIAGNOSIS_OR_CIRCUMSTANCE_AFTER : DIAGNOSIS_AFTER,
      text,
      detailEnd,
    );
    if (diagnosis) add("childDiagnosis", start, endOf(diagnosis));
    else if (cls) add("childClass", start, detailEnd);
    else if (age) add("childAge", start, detailEnd);
    // "en 12 år gammel gutt"
    else if (g.strongIndef !== undefined && AGE_IN_GAP.test(m[0])) add("childAge", start, end);
    else if (g.strong !== undefined) {
      const near = diagnosisNear(text, end);
      if (near !== null) add("childDiagnosis", start, near);
    }
  }

  // One finding per place: overlapping ones are merged, the first one's reason kept.
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: ChildFinding[] = [];
  for (const f of found) {
    const last = merged.at(-1);
    if (last && f.start < last.end) last.end = Math.max(last.end, f.end);
    else merged.push({ ...f });
  }
  return merged;
}

/**
 * Check free text before it is stored: `refuse` holds the national identity numbers in it,
 * `warn` the places that look as if they identify a child. Offsets are UTF-16 indexes into
 * `text`, as `text.slice(start, end)` takes them.
 */
export function checkFreeText(text: string): GuardResult {
  const refuse: GuardResult["refuse"] = [];
  ID_CANDIDATE.lastIndex = 0;
  for (let m = ID_CANDIDATE.exec(text); m; m = ID_CANDIDATE.exec(text)) {
    const reason = nationalIdKind(`${m[1]}${m[2]}`);
    if (reason)
      refuse.push({ kind: "nationalId", reason, start: m.index, end: m.index + m[0].length });
  }
  return { refuse, warn: findChildren(text) };
}

// Masking: what the feedback widget does not store (decision 0002, kept by 0024).

export const MASK = "[***]";

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[\p{L}]{2,}/gu;
// Runs of digits with optional separators and an optional +47/0047 prefix.
const NUMBER_RUN = /(?<![\p{N}+])(?:(?:\+|00)\s?47[\s.-]*)?\d(?:[\s.-]?\d){7,12}(?!\p{N})/gu;

export type Screened = { text: string; found: ("email" | "phone" | "nationalId")[] };

/** The text with e-mail addresses, Norwegian phone numbers and national ids replaced by MASK. */
export function maskPersonalData(
  input: string,
  kinds: { email?: boolean; phone?: boolean; nationalId?: boolean } = {
    email: true,
    phone: true,
    nationalId: true,
  },
): Screened {
  const found = new Set<Screened["found"][number]>();
  let text = input.replace(NUMBER_RUN, (run) => {
    const hasPrefix = /^(?:\+|00)\s?47/.test(run);
    const digits = run.replace(/^(?:\+|00)\s?47/, "").replace(/\D/g, "");
    if (kinds.nationalId && digits.length === 11 && isNationalId(digits)) {
      found.add("nationalId");
      return MASK;
    }
    if (kinds.phone && digits.length === 8 && (hasPrefix || /^[2-9]/.test(digits))) {
      found.add("phone");
      return MASK;
    }
    return run;
  });
  if (kinds.email) {
    text = text.replace(EMAIL, () => {
      found.add("email");
      return MASK;
    });
  }
  return { text, found: [...found] };
}
