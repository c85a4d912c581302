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

  org: "Organisasjon",
  orgHint: "Skriv navnet på organisasjonen og velg «Søk etter organisasjon». Velg den så i lista.",
  searchOrg: "Søk etter organisasjon",
  chooseOrg: "Velg organisasjon",
  noOrgs: (q: string) => `Fant ingen organisasjon du kan gi roller i som passer med «${q}».`,
  orgMissing: "Søk etter organisasjonen og velg den i lista",
  orgKinds: {
    owner: "programeier",
    "county-office": "statsforvalter",
    municipality: "kommune",
    unit: "barnehage eller skole",
  } as Record<string, string>,
  choiceLabel: (name: string, kind: string, place: string | null) =>
    `${name} (${kind}${place ? `, ${place}` : ""})`,
  changeTitle: (name: string) => `Endre rollen til ${name}`,
  changeNow: (role: string) => `Nå: ${role}.`,
  saveChange: "Lagre endringen",
  back: "Tilbake til personer og roller",
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

  org: "Organisasjon",
  orgHint: "Skriv namnet på organisasjonen og vel «Søk etter organisasjon». Vel henne så i lista.",
  searchOrg: "Søk etter organisasjon",
  chooseOrg: "Vel organisasjon",
  noOrgs: (q) => `Fann ingen organisasjon du kan gi roller i som passar med «${q}».`,
  orgMissing: "Søk etter organisasjonen og vel henne i lista",
  orgKinds: {
    owner: "programeigar",
    "county-office": "statsforvaltar",
    municipality: "kommune",
    unit: "barnehage eller skule",
  },
  choiceLabel: (name, kind, place) => `${name} (${kind}${place ? `, ${place}` : ""})`,
  changeTitle: (name) => `Endre rolla til ${name}`,
  changeNow: (role) => `No: ${role}.`,
  saveChange: "Lagre endringa",
  back: "Tilbake til personar og roller",
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

  org: "Organisation",
  orgHint:
    "Type the organisation's name and choose “Search for organisation”. Then pick it in the list.",
  searchOrg: "Search for organisation",
  chooseOrg: "Choose organisation",
  noOrgs: (q) => `No organisation you can give roles in matches “${q}”.`,
  orgMissing: "Search for the organisation and choose it in the list",
  orgKinds: {
    owner: "programme owner",
    "county-office": "county governor's office",
    municipality: "municipality",
    unit: "kindergarten or school",
  },
  choiceLabel: (name, kind, place) => `${name} (${kind}${place ? `, ${place}` : ""})`,
  changeTitle: (name) => `Change ${name}'s role`,
  changeNow: (role) => `Now: ${role}.`,
  saveChange: "Save the change",
  back: "Back to people and roles",
};

export const identityTexts = { nb, nn, en } satisfies Record<Lang, IdentityTexts>;

export function identityText(lang: Lang): IdentityTexts {
  return identityTexts[lang];
}
