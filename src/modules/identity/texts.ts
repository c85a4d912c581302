import type { Lang } from "../../web/i18n";

/** Texts of the identity module's own pages (Min side, people and roles, the audit log). */
const nb = {
  signedInWith: "Logget inn nå med",
  methods: {
    idporten: "ID-porten",
    feide: "Feide",
    email: "kode på e-post",
  } as Record<string, string>,
  /** Feide's eduPersonAffiliation values. */
  affiliations: {
    employee: "ansatt",
    faculty: "undervisningspersonale",
    staff: "stab",
    student: "elev eller student",
    member: "medlem",
    affiliate: "tilknyttet",
    alum: "tidligere student",
    "library-walk-in": "besøkende på biblioteket",
  } as Record<string, string>,
  orgNumber: (n: string) => `organisasjonsnummer ${n}`,
};

export type IdentityTexts = typeof nb;

const nn: IdentityTexts = {
  signedInWith: "Logga inn no med",
  methods: { idporten: "ID-porten", feide: "Feide", email: "kode på e-post" },
  affiliations: {
    employee: "tilsett",
    faculty: "undervisningspersonale",
    staff: "stab",
    student: "elev eller student",
    member: "medlem",
    affiliate: "tilknytt",
    alum: "tidlegare student",
    "library-walk-in": "besøkjande på biblioteket",
  },
  orgNumber: (n) => `organisasjonsnummer ${n}`,
};

const en: IdentityTexts = {
  signedInWith: "Signed in this time with",
  methods: { idporten: "ID-porten", feide: "Feide", email: "a code by e-mail" },
  affiliations: {
    employee: "employee",
    faculty: "faculty",
    staff: "staff",
    student: "student",
    member: "member",
    affiliate: "affiliate",
    alum: "alumnus",
    "library-walk-in": "library visitor",
  },
  orgNumber: (n) => `organisation number ${n}`,
};

export const identityTexts = { nb, nn, en } satisfies Record<Lang, IdentityTexts>;

export function identityText(lang: Lang): IdentityTexts {
  return identityTexts[lang];
}
