// Made-up kindergartens and schools in the shape of Udir's registers (NSR/NBR API v4), for the
// demo extract, the tests and the benchmarks. Names are invented from common Norwegian
// place-name parts; organisation numbers pass the check digit and come from a seeded
// generator, so the same seed always gives the same units.
import type { Db } from "../../db/client";
import { completeOrgNumber } from "./org-number";
import type { RegisterPage } from "./registers";
import { type RegisterSource, units } from "./schema";

/** A small seeded generator (mulberry32): the same seed, the same sequence. */
export function seededRandom(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!,
    chance: (p: number) => next() < p,
  };
}
export type Random = ReturnType<typeof seededRandom>;

/**
 * Distinct valid organisation numbers in 9xxxxxxxx, from a seed. `taken` holds numbers to avoid
 * (and receives the new ones).
 */
export function orgNumbers(random: Random, taken: Set<string> = new Set()) {
  return () => {
    for (;;) {
      const first8 = `9${String(random.int(0, 9_999_999)).padStart(7, "0")}`;
      const number = completeOrgNumber(first8);
      if (number && !taken.has(number)) {
        taken.add(number);
        return number;
      }
    }
  };
}

const STEMS = [
  "Bakke",
  "Sol",
  "Furu",
  "Haug",
  "Fjell",
  "Nord",
  "Sør",
  "Øst",
  "Vest",
  "Berg",
  "Elve",
  "Skog",
  "Lund",
  "Vik",
  "Strand",
  "Myr",
  "Eike",
  "Bjørke",
  "Rogn",
  "Lyng",
  "Hei",
  "Holm",
  "Tveit",
  "Stein",
  "Kvern",
  "Sjø",
  "Fager",
  "Grøn",
  "Kirke",
  "Lille",
  "Tjern",
  "Bekke",
  "Blåbær",
  "Mose",
  "Lerke",
  "Måke",
  "Rype",
  "Hassel",
  "Osp",
  "Selje",
  "Bråten",
  "Åker",
  "Ørje",
  "Kløver",
  "Sæter",
  "Dals",
  "Gran",
  "Lind",
  "Ekorn",
  "Nøtte",
];
const ENDINGS = [
  "lia",
  "haugen",
  "bakken",
  "tun",
  "lund",
  "vang",
  "heim",
  "berget",
  "dalen",
  "åsen",
  "moen",
  "sletta",
  "vika",
  "nes",
  "stad",
  "rud",
  "li",
  "jordet",
  "myra",
  "holt",
  "gard",
  "skogen",
  "enga",
  "løkka",
  "tunet",
];
const SCHOOL_KINDS = {
  public: ["skole", "skole", "skole", "barneskole", "ungdomsskole", "oppvekstsenter"],
  private: ["friskole", "Montessoriskole", "kristne skole", "steinerskole"],
};
const KINDERGARTEN_KINDS = {
  public: ["barnehage", "barnehage", "barnehage", "naturbarnehage"],
  private: [
    "barnehage",
    "naturbarnehage",
    "gårdsbarnehage",
    "friluftsbarnehage",
    "familiebarnehage",
  ],
};

export function unitName(
  random: Random,
  kind: "school" | "kindergarten",
  owner: "public" | "private",
) {
  const place = `${random.pick(STEMS)}${random.pick(ENDINGS)}`;
  const kinds = kind === "school" ? SCHOOL_KINDS[owner] : KINDERGARTEN_KINDS[owner];
  return `${place} ${random.pick(kinds)}`;
}

export type GeneratedUnit = {
  orgNumber: string;
  name: string;
  municipalityCode: string;
  private: boolean;
  active: boolean;
  closedOn: string | null;
  changedAt: string;
};

/** A list row as `/v4/enheter` gives it; a closed unit carries its `UtgaattDato`. */
export function registerRow(source: RegisterSource, u: GeneratedUnit): Record<string, unknown> {
  const common = {
    Organisasjonsnummer: u.orgNumber,
    Navn: u.name,
    Kommunenummer: u.municipalityCode,
    Fylkesnummer: u.municipalityCode.slice(0, 2),
    ErAktiv: u.active,
  };
  const closed = u.closedOn ? { UtgaattDato: `${u.closedOn}T00:00:00` } : {};
  return source === "nsr"
    ? {
        ...common,
        ErSkole: true,
        ErGrunnskole: true,
        ErVideregaaendeSkole: false,
        ErPrivatskole: u.private,
        ErOffentligSkole: !u.private,
        ...closed,
        DatoEndret: u.changedAt,
      }
    : {
        ...common,
        ErBarnehage: true,
        ErPrivatBarnehage: u.private,
        ErOffentligBarnehage: !u.private,
        ...closed,
        DatoEndret: u.changedAt,
      };
}

/** Rows as the paged list serves them: pages of `pageSize` with the paging fields. */
export function registerPages(rows: unknown[], pageSize = 1000): RegisterPage[] {
  const count = Math.max(1, Math.ceil(rows.length / pageSize));
  return Array.from({ length: count }, (_, i) => ({
    Sidenummer: i + 1,
    AntallPerSide: pageSize,
    AntallSider: count,
    TotaltAntallEnheter: rows.length,
    EnhetListe: rows.slice(i * pageSize, (i + 1) * pageSize),
  }));
}

/**
 * `count` units of one register spread over `municipalityCodes`, with `privateShare` private
 * and `closedShare` closed (closed some day in 2018–2025).
 */
export function generateUnits(opts: {
  source: RegisterSource;
  count: number;
  municipalityCodes: string[];
  random: Random;
  nextOrgNumber: () => string;
  privateShare: number;
  closedShare: number;
  /** Appended to every name, e.g. " (demo)". */
  suffix?: string;
}): GeneratedUnit[] {
  const { random } = opts;
  const kind = opts.source === "nsr" ? "school" : "kindergarten";
  return Array.from({ length: opts.count }, (_, i) => {
    const isPrivate = random.chance(opts.privateShare);
    const active = !random.chance(opts.closedShare);
    const closedOn = active
      ? null
      : `${random.int(2018, 2025)}-${String(random.int(1, 12)).padStart(2, "0")}-01`;
    return {
      orgNumber: opts.nextOrgNumber(),
      name: `${unitName(random, kind, isPrivate ? "private" : "public")}${opts.suffix ?? ""}`,
      municipalityCode: opts.municipalityCodes[i % opts.municipalityCodes.length]!,
      private: isPrivate,
      active,
      closedOn,
      changedAt: `2026-${String(random.int(1, 10)).padStart(2, "0")}-${String(random.int(1, 28)).padStart(2, "0")}T0${random.int(1, 9)}:00:00+01:00`,
    };
  });
}

/** A kindergarten or school a test needs, in our terms. */
export type TestUnit = {
  orgNumber: string;
  name: string;
  municipalityCode: string;
  kind: "school" | "kindergarten";
  owner: "public" | "private";
  active?: boolean;
};

/**
 * Store units for a test as an import would have: listed by the register of their kind, the
 * county from the municipality number's first two digits, open unless `active` says not.
 */
export async function insertTestUnits(db: Db, list: TestUnit[], now: Date): Promise<void> {
  if (list.length === 0) return;
  await db.insert(units).values(
    list.map((u) => ({
      orgNumber: u.orgNumber,
      name: u.name,
      municipalityCode: u.municipalityCode,
      countyCode: u.municipalityCode.slice(0, 2),
      isSchool: u.kind === "school",
      isKindergarten: u.kind === "kindergarten",
      owner: u.owner,
      active: u.active ?? true,
      sources: [u.kind === "school" ? ("nsr" as const) : ("nbr" as const)],
      firstSeenAt: now,
      changedAt: now,
    })),
  );
}
