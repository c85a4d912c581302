import type { Lang } from "../../web/i18n";
import { appModules } from "../index";

/**
 * What an audit entry says, in words: who did what to whom, by name. The names are looked up
 * (as they were on the entry's date) before a sentence is made; a name that cannot be found
 * (a deleted person, an organisation that has gone) reads as the generic word for it.
 */
export type AuditWords = {
  /** Who acted: a person's name, or the system. */
  actor: string;
  /** The person the entry is about (roles, deletion). */
  person: string;
  /** A role, in lower case, as in a sentence. */
  role: string;
  /** The organisation of the role, or the organisation the entry is about. */
  org: string;
  /** The organisation before a change (role changes). */
  orgBefore: string;
  roleBefore: string;
  /** The one invited (role invitations): their name. */
  invitee: string;
  /** A cohort, such as "pulje 3 av Inkluderende barnehage- og skolemiljø". */
  cohort: string;
  programme: string;
  /** A county office. */
  office: string;
  /** A page's address (feedback). */
  page: string;
  /** Register import: which register and the counts. */
  source: string;
  added: number;
  changed: number;
  closed: number;
  rejected: number;
  /** Written standard (målform) or language. */
  standard: string;
};

type Sentence = (w: AuditWords) => string;
export type ActionText = { label: string; sentence: Sentence };
/** A module's sentences for its audit actions, by language and action code. */
export type AuditActionTexts = Record<Lang, Record<string, ActionText>>;

export type AuditTexts = {
  actions: Record<string, ActionText>;
  /** An action without a text of its own. */
  unknown: (w: AuditWords, code: string) => string;
  someone: string;
  deletedPerson: string;
  unknownOrg: string;
  cohortOf: (n: number, programme: string) => string;
  anyAction: string;
  event: string;
  changes: string;
  changedTo: string;
  fields: Record<string, string>;
  states: Record<string, string>;
  standards: Record<string, string>;
  yes: string;
  no: string;
};

const nb: AuditTexts = {
  actions: {
    "role.grant": {
      label: "Rolle gitt",
      sentence: (w) => `${w.actor} ga ${w.person} rollen ${w.role} for ${w.org}.`,
    },
    "role.grant.feide": {
      label: "Rolle gitt etter Feide",
      sentence: (w) =>
        `${w.person} ble ${w.role} ved ${w.org} fordi Feide oppgir at hen arbeider der.`,
    },
    "role.change": {
      label: "Rolle endret",
      sentence: (w) =>
        `${w.actor} endret rollen til ${w.person} fra ${w.roleBefore} for ${w.orgBefore} til ${w.role} for ${w.org}.`,
    },
    "role.revoke": {
      label: "Rolle avsluttet",
      sentence: (w) => `${w.actor} avsluttet rollen ${w.role} for ${w.org} som ${w.person} hadde.`,
    },
    "invitation.create": {
      label: "Invitasjon sendt",
      sentence: (w) => `${w.actor} inviterte ${w.invitee} som ${w.role} for ${w.org}.`,
    },
    "invitation.accept": {
      label: "Invitasjon tatt imot",
      sentence: (w) => `${w.person} tok imot invitasjonen og ble ${w.role} for ${w.org}.`,
    },
    "invitation.revoke": {
      label: "Invitasjon trukket",
      sentence: (w) => `${w.actor} trakk invitasjonen til ${w.invitee} som ${w.role} for ${w.org}.`,
    },
    "person.delete": {
      label: "Person slettet",
      sentence: (w) => `${w.actor} slettet opplysningene om ${w.person}.`,
    },
  },
  unknown: (w, code) => `${w.actor} gjorde en endring (${code}).`,
  someone: "Systemet",
  deletedPerson: "en slettet person",
  unknownOrg: "en organisasjon som ikke finnes lenger",
  cohortOf: (n, programme) => `pulje ${n} av ${programme}`,
  anyAction: "Alle handlinger",
  event: "Hendelse",
  changes: "Endringer",
  changedTo: "endret til",
  fields: {
    role: "Rolle",
    orgId: "Organisasjon",
    officeId: "Statsforvalter",
    state: "Status",
    deadline: "Svarfrist",
    before: "Frist før",
    after: "Ny frist",
    reason: "Begrunnelse",
    count: "Antall",
    orgNumber: "Enhet",
    kind: "Type",
    standard: "Målform",
    lang: "Språk",
    versionId: "Versjon",
    title: "Tittel",
    publishedAt: "Publisert",
    hiddenAt: "Skjult",
    handledAt: "Behandlet",
    page: "Side",
    number: "Puljenummer",
    startsOn: "Starter",
    endsOn: "Slutter",
    officeInviteDeadline: "Frist for å invitere kommuner",
    answerDeadline: "Svarfrist for kommunene",
    reminderDaysBefore: "Påminnelse, dager før fristen",
    programme: "Tilbud",
    source: "Register",
    added: "Nye",
    changed: "Endret",
    closed: "Nedlagt",
    rejected: "Avvist",
    commitments: "Forpliktelsene godtatt",
    massClosureConfirmed: "Nedleggelse av mange enheter bekreftet",
    activeBefore: "Aktive enheter før",
  },
  states: {
    invited: "invitert",
    accepted: "takket ja",
    declined: "takket nei",
    expired: "fristen gikk ut",
  },
  standards: { nb: "bokmål", nn: "nynorsk", en: "engelsk" },
  yes: "ja",
  no: "nei",
};

const nn: AuditTexts = {
  actions: {
    "role.grant": {
      label: "Rolle gitt",
      sentence: (w) => `${w.actor} gav ${w.person} rolla ${w.role} for ${w.org}.`,
    },
    "role.grant.feide": {
      label: "Rolle gitt etter Feide",
      sentence: (w) =>
        `${w.person} vart ${w.role} ved ${w.org} fordi Feide seier at personen arbeider der.`,
    },
    "role.change": {
      label: "Rolle endra",
      sentence: (w) =>
        `${w.actor} endra rolla til ${w.person} frå ${w.roleBefore} for ${w.orgBefore} til ${w.role} for ${w.org}.`,
    },
    "role.revoke": {
      label: "Rolle avslutta",
      sentence: (w) => `${w.actor} avslutta rolla ${w.role} for ${w.org} som ${w.person} hadde.`,
    },
    "invitation.create": {
      label: "Invitasjon send",
      sentence: (w) => `${w.actor} inviterte ${w.invitee} som ${w.role} for ${w.org}.`,
    },
    "invitation.accept": {
      label: "Invitasjon teken imot",
      sentence: (w) => `${w.person} tok imot invitasjonen og vart ${w.role} for ${w.org}.`,
    },
    "invitation.revoke": {
      label: "Invitasjon trekt",
      sentence: (w) =>
        `${w.actor} trekte invitasjonen til ${w.invitee} som ${w.role} for ${w.org}.`,
    },
    "person.delete": {
      label: "Person sletta",
      sentence: (w) => `${w.actor} sletta opplysningane om ${w.person}.`,
    },
  },
  unknown: (w, code) => `${w.actor} gjorde ei endring (${code}).`,
  someone: "Systemet",
  deletedPerson: "ein sletta person",
  unknownOrg: "ein organisasjon som ikkje finst lenger",
  cohortOf: (n, programme) => `pulje ${n} av ${programme}`,
  anyAction: "Alle handlingar",
  event: "Hending",
  changes: "Endringar",
  changedTo: "endra til",
  fields: {
    role: "Rolle",
    orgId: "Organisasjon",
    officeId: "Statsforvaltar",
    state: "Status",
    deadline: "Svarfrist",
    before: "Frist før",
    after: "Ny frist",
    reason: "Grunngjeving",
    count: "Tal",
    orgNumber: "Eining",
    kind: "Type",
    standard: "Målform",
    lang: "Språk",
    versionId: "Versjon",
    title: "Tittel",
    publishedAt: "Publisert",
    hiddenAt: "Gøymd",
    handledAt: "Handsama",
    page: "Side",
    number: "Puljenummer",
    startsOn: "Startar",
    endsOn: "Sluttar",
    officeInviteDeadline: "Frist for å invitere kommunar",
    answerDeadline: "Svarfrist for kommunane",
    reminderDaysBefore: "Påminning, dagar før fristen",
    programme: "Tilbod",
    source: "Register",
    added: "Nye",
    changed: "Endra",
    closed: "Nedlagde",
    rejected: "Avviste",
    commitments: "Forpliktingane godtekne",
    massClosureConfirmed: "Nedlegging av mange einingar stadfesta",
    activeBefore: "Aktive einingar før",
  },
  states: {
    invited: "invitert",
    accepted: "takka ja",
    declined: "takka nei",
    expired: "fristen gjekk ut",
  },
  standards: { nb: "bokmål", nn: "nynorsk", en: "engelsk" },
  yes: "ja",
  no: "nei",
};

const en: AuditTexts = {
  actions: {
    "role.grant": {
      label: "Role given",
      sentence: (w) => `${w.actor} gave ${w.person} the role ${w.role} for ${w.org}.`,
    },
    "role.grant.feide": {
      label: "Role given from Feide",
      sentence: (w) =>
        `${w.person} became ${w.role} at ${w.org} because Feide says they work there.`,
    },
    "role.change": {
      label: "Role changed",
      sentence: (w) =>
        `${w.actor} changed ${w.person}'s role from ${w.roleBefore} for ${w.orgBefore} to ${w.role} for ${w.org}.`,
    },
    "role.revoke": {
      label: "Role ended",
      sentence: (w) => `${w.actor} ended ${w.person}'s role ${w.role} for ${w.org}.`,
    },
    "invitation.create": {
      label: "Invitation sent",
      sentence: (w) => `${w.actor} invited ${w.invitee} as ${w.role} for ${w.org}.`,
    },
    "invitation.accept": {
      label: "Invitation accepted",
      sentence: (w) => `${w.person} accepted the invitation and became ${w.role} for ${w.org}.`,
    },
    "invitation.revoke": {
      label: "Invitation withdrawn",
      sentence: (w) =>
        `${w.actor} withdrew the invitation of ${w.invitee} as ${w.role} for ${w.org}.`,
    },
    "person.delete": {
      label: "Person deleted",
      sentence: (w) => `${w.actor} deleted the details of ${w.person}.`,
    },
  },
  unknown: (w, code) => `${w.actor} made a change (${code}).`,
  someone: "The system",
  deletedPerson: "a deleted person",
  unknownOrg: "an organisation that no longer exists",
  cohortOf: (n, programme) => `cohort ${n} of ${programme}`,
  anyAction: "All actions",
  event: "Event",
  changes: "Changes",
  changedTo: "changed to",
  fields: {
    role: "Role",
    orgId: "Organisation",
    officeId: "County governor",
    state: "Status",
    deadline: "Answer deadline",
    before: "Deadline before",
    after: "New deadline",
    reason: "Reason",
    count: "Number",
    orgNumber: "Unit",
    kind: "Kind",
    standard: "Written standard",
    lang: "Language",
    versionId: "Version",
    title: "Title",
    publishedAt: "Published",
    hiddenAt: "Hidden",
    handledAt: "Handled",
    page: "Page",
    number: "Cohort number",
    startsOn: "Starts",
    endsOn: "Ends",
    officeInviteDeadline: "Deadline for inviting municipalities",
    answerDeadline: "Answer deadline for municipalities",
    reminderDaysBefore: "Reminder, days before the deadline",
    programme: "Programme",
    source: "Register",
    added: "New",
    changed: "Changed",
    closed: "Closed",
    rejected: "Rejected",
    commitments: "Commitments accepted",
    massClosureConfirmed: "Closing many units confirmed",
    activeBefore: "Active units before",
  },
  states: {
    invited: "invited",
    accepted: "accepted",
    declined: "declined",
    expired: "deadline passed",
  },
  standards: { nb: "Bokmål", nn: "Nynorsk", en: "English" },
  yes: "yes",
  no: "no",
};

export const auditTexts = { nb, nn, en } satisfies Record<Lang, AuditTexts>;

const merged = new Map<Lang, AuditTexts>();

/**
 * The audit log's words in a language, with the sentences of every module's actions (their
 * manifests' `auditActions`) beside identity's own. Read once the modules have loaded.
 */
export function auditText(lang: Lang): AuditTexts {
  let texts = merged.get(lang);
  if (!texts) {
    const actions = { ...auditTexts[lang].actions };
    for (const m of appModules()) Object.assign(actions, m.auditActions?.[lang]);
    texts = { ...auditTexts[lang], actions };
    merged.set(lang, texts);
  }
  return texts;
}
