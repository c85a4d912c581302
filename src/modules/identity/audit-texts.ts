import type { Lang } from "../../web/i18n";

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
type ActionText = { label: string; sentence: Sentence };

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
    "cohort.create": {
      label: "Pulje opprettet",
      sentence: (w) => `${w.actor} opprettet ${w.cohort}.`,
    },
    "cohort.update": {
      label: "Pulje endret",
      sentence: (w) => `${w.actor} endret ${w.cohort}.`,
    },
    "cohort-office.invite": {
      label: "Statsforvalter invitert til pulje",
      sentence: (w) => `${w.actor} inviterte ${w.office} til ${w.cohort}.`,
    },
    "cohort-invitation.invited": {
      label: "Invitert til pulje",
      sentence: (w) => `${w.actor} inviterte ${w.org} til ${w.cohort}.`,
    },
    "cohort-invitation.reminded": {
      label: "Påminnelse sendt",
      sentence: (w) => `${w.actor} minnet ${w.org} på invitasjonen til ${w.cohort}.`,
    },
    "cohort-invitation.auto-reminded": {
      label: "Automatisk påminnelse sendt",
      sentence: (w) => `${w.org} fikk en automatisk påminnelse om invitasjonen til ${w.cohort}.`,
    },
    "cohort-invitation.extended": {
      label: "Svarfrist forlenget",
      sentence: (w) => `${w.actor} ga ${w.org} ny svarfrist for ${w.cohort}.`,
    },
    "cohort-invitation.recipient": {
      label: "Kontaktperson lagt til",
      sentence: (w) => `${w.actor} la til en kontaktperson for ${w.org} i ${w.cohort}.`,
    },
    "cohort-invitation.accepted": {
      label: "Takket ja",
      sentence: (w) => `${w.actor} takket ja til ${w.cohort} for ${w.org}.`,
    },
    "cohort-invitation.declined": {
      label: "Takket nei",
      sentence: (w) => `${w.actor} takket nei til ${w.cohort} for ${w.org}.`,
    },
    "cohort-invitation.expired": {
      label: "Svarfristen gikk ut",
      sentence: (w) => `Svarfristen gikk ut for ${w.org} i ${w.cohort}.`,
    },
    "cohort-invitation.enrolled": {
      label: "Enhet meldt på",
      sentence: (w) => `${w.actor} meldte på en enhet fra ${w.org} til ${w.cohort}.`,
    },
    "cohort-invitation.withdrawn": {
      label: "Enhet meldt av",
      sentence: (w) => `${w.actor} meldte av en enhet fra ${w.org} i ${w.cohort}.`,
    },
    "cohort-invitation.contact": {
      label: "Kontaktperson satt",
      sentence: (w) => `${w.actor} satte en kontaktperson for ${w.org} i ${w.cohort}.`,
    },
    "feedback.hide": {
      label: "Tilbakemelding skjult",
      sentence: (w) => `${w.actor} skjulte en tilbakemelding på siden ${w.page}.`,
    },
    "feedback.handle": {
      label: "Tilbakemelding behandlet",
      sentence: (w) => `${w.actor} markerte en tilbakemelding på siden ${w.page} som behandlet.`,
    },
    "programme.publish": {
      label: "Tilbud publisert",
      sentence: (w) => `${w.actor} publiserte ${w.programme}.`,
    },
    "programme.unpublish": {
      label: "Tilbud avpublisert",
      sentence: (w) => `${w.actor} avpubliserte ${w.programme}.`,
    },
    "programme.rules.save": {
      label: "Regler for tilbud lagret",
      sentence: (w) => `${w.actor} endret reglene for ${w.programme}.`,
    },
    "programme.text.save": {
      label: "Tekst for tilbud lagret",
      sentence: (w) => `${w.actor} lagret teksten på ${w.standard} for ${w.programme}.`,
    },
    "programme.text.restore": {
      label: "Tekstversjon gjenopprettet",
      sentence: (w) =>
        `${w.actor} gjenopprettet en tidligere tekst på ${w.standard} for ${w.programme}.`,
    },
    "register.import": {
      label: "Register lest inn",
      sentence: (w) =>
        `${w.actor} leste inn ${w.source}: ${w.added} nye, ${w.changed} endret, ${w.closed} nedlagt, ${w.rejected} avvist.`,
    },
    "application-round.open": {
      label: "Søknadsrunde åpnet",
      sentence: (w) => `${w.actor} åpnet en søknadsrunde.`,
    },
    "application-round.close": {
      label: "Søknadsrunde stengt",
      sentence: (w) => `${w.actor} stengte en søknadsrunde før fristen.`,
    },
    "application-round.assessor": {
      label: "Vurderer oppnevnt",
      sentence: (w) => `${w.actor} oppnevnte en vurderer i en søknadsrunde.`,
    },
    "application.reopen": {
      label: "Søknad gjenåpnet",
      sentence: (w) => `${w.actor} lot en kommune sende inn søknaden sin etter fristen.`,
    },
    "application.submit-after-reopening": {
      label: "Søknad sendt etter gjenåpning",
      sentence: (w) => `${w.actor} sendte inn en søknad etter fristen, i tiden den var gjenåpnet.`,
    },
    "application.decide": {
      label: "Søknad avgjort",
      sentence: (w) => `${w.actor} fattet vedtak om en søknad.`,
    },
    "application.withdraw": {
      label: "Søknad trukket",
      sentence: (w) => `${w.actor} trakk en søknad.`,
    },
    "written-standard.set": {
      label: "Målform satt",
      sentence: (w) => `${w.actor} satte målformen for ${w.org} til ${w.standard}.`,
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
    "cohort.create": {
      label: "Pulje oppretta",
      sentence: (w) => `${w.actor} oppretta ${w.cohort}.`,
    },
    "cohort.update": {
      label: "Pulje endra",
      sentence: (w) => `${w.actor} endra ${w.cohort}.`,
    },
    "cohort-office.invite": {
      label: "Statsforvaltar invitert til pulje",
      sentence: (w) => `${w.actor} inviterte ${w.office} til ${w.cohort}.`,
    },
    "cohort-invitation.invited": {
      label: "Invitert til pulje",
      sentence: (w) => `${w.actor} inviterte ${w.org} til ${w.cohort}.`,
    },
    "cohort-invitation.reminded": {
      label: "Påminning send",
      sentence: (w) => `${w.actor} minte ${w.org} på invitasjonen til ${w.cohort}.`,
    },
    "cohort-invitation.auto-reminded": {
      label: "Automatisk påminning send",
      sentence: (w) => `${w.org} fekk ei automatisk påminning om invitasjonen til ${w.cohort}.`,
    },
    "cohort-invitation.extended": {
      label: "Svarfrist forlengd",
      sentence: (w) => `${w.actor} gav ${w.org} ny svarfrist for ${w.cohort}.`,
    },
    "cohort-invitation.recipient": {
      label: "Kontaktperson lagd til",
      sentence: (w) => `${w.actor} la til ein kontaktperson for ${w.org} i ${w.cohort}.`,
    },
    "cohort-invitation.accepted": {
      label: "Takka ja",
      sentence: (w) => `${w.actor} takka ja til ${w.cohort} for ${w.org}.`,
    },
    "cohort-invitation.declined": {
      label: "Takka nei",
      sentence: (w) => `${w.actor} takka nei til ${w.cohort} for ${w.org}.`,
    },
    "cohort-invitation.expired": {
      label: "Svarfristen gjekk ut",
      sentence: (w) => `Svarfristen gjekk ut for ${w.org} i ${w.cohort}.`,
    },
    "cohort-invitation.enrolled": {
      label: "Eining meld på",
      sentence: (w) => `${w.actor} melde på ei eining frå ${w.org} til ${w.cohort}.`,
    },
    "cohort-invitation.withdrawn": {
      label: "Eining meld av",
      sentence: (w) => `${w.actor} melde av ei eining frå ${w.org} i ${w.cohort}.`,
    },
    "cohort-invitation.contact": {
      label: "Kontaktperson sett",
      sentence: (w) => `${w.actor} sette ein kontaktperson for ${w.org} i ${w.cohort}.`,
    },
    "feedback.hide": {
      label: "Tilbakemelding gøymd",
      sentence: (w) => `${w.actor} gøymde ei tilbakemelding på sida ${w.page}.`,
    },
    "feedback.handle": {
      label: "Tilbakemelding handsama",
      sentence: (w) => `${w.actor} merkte ei tilbakemelding på sida ${w.page} som handsama.`,
    },
    "programme.publish": {
      label: "Tilbod publisert",
      sentence: (w) => `${w.actor} publiserte ${w.programme}.`,
    },
    "programme.unpublish": {
      label: "Tilbod avpublisert",
      sentence: (w) => `${w.actor} avpubliserte ${w.programme}.`,
    },
    "programme.rules.save": {
      label: "Reglar for tilbod lagra",
      sentence: (w) => `${w.actor} endra reglane for ${w.programme}.`,
    },
    "programme.text.save": {
      label: "Tekst for tilbod lagra",
      sentence: (w) => `${w.actor} lagra teksten på ${w.standard} for ${w.programme}.`,
    },
    "programme.text.restore": {
      label: "Tekstversjon henta fram att",
      sentence: (w) =>
        `${w.actor} henta fram att ein tidlegare tekst på ${w.standard} for ${w.programme}.`,
    },
    "register.import": {
      label: "Register lese inn",
      sentence: (w) =>
        `${w.actor} las inn ${w.source}: ${w.added} nye, ${w.changed} endra, ${w.closed} nedlagde, ${w.rejected} avviste.`,
    },
    "application-round.open": {
      label: "Søknadsrunde opna",
      sentence: (w) => `${w.actor} opna ein søknadsrunde.`,
    },
    "application-round.close": {
      label: "Søknadsrunde stengd",
      sentence: (w) => `${w.actor} stengde ein søknadsrunde før fristen.`,
    },
    "application-round.assessor": {
      label: "Vurderar oppnemnd",
      sentence: (w) => `${w.actor} oppnemnde ein vurderar i ein søknadsrunde.`,
    },
    "application.reopen": {
      label: "Søknad gjenopna",
      sentence: (w) => `${w.actor} lét ein kommune sende inn søknaden sin etter fristen.`,
    },
    "application.submit-after-reopening": {
      label: "Søknad send etter gjenopning",
      sentence: (w) => `${w.actor} sende inn ein søknad etter fristen, i tida han var gjenopna.`,
    },
    "application.decide": {
      label: "Søknad avgjord",
      sentence: (w) => `${w.actor} gjorde vedtak om ein søknad.`,
    },
    "application.withdraw": {
      label: "Søknad trekt",
      sentence: (w) => `${w.actor} trekte ein søknad.`,
    },
    "written-standard.set": {
      label: "Målform sett",
      sentence: (w) => `${w.actor} sette målforma for ${w.org} til ${w.standard}.`,
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
    "cohort.create": {
      label: "Cohort created",
      sentence: (w) => `${w.actor} created ${w.cohort}.`,
    },
    "cohort.update": {
      label: "Cohort changed",
      sentence: (w) => `${w.actor} changed ${w.cohort}.`,
    },
    "cohort-office.invite": {
      label: "County governor invited to cohort",
      sentence: (w) => `${w.actor} invited ${w.office} to ${w.cohort}.`,
    },
    "cohort-invitation.invited": {
      label: "Invited to cohort",
      sentence: (w) => `${w.actor} invited ${w.org} to ${w.cohort}.`,
    },
    "cohort-invitation.reminded": {
      label: "Reminder sent",
      sentence: (w) => `${w.actor} reminded ${w.org} of the invitation to ${w.cohort}.`,
    },
    "cohort-invitation.auto-reminded": {
      label: "Automatic reminder sent",
      sentence: (w) => `${w.org} got an automatic reminder of the invitation to ${w.cohort}.`,
    },
    "cohort-invitation.extended": {
      label: "Answer deadline extended",
      sentence: (w) => `${w.actor} gave ${w.org} a new answer deadline for ${w.cohort}.`,
    },
    "cohort-invitation.recipient": {
      label: "Contact person added",
      sentence: (w) => `${w.actor} added a contact person for ${w.org} in ${w.cohort}.`,
    },
    "cohort-invitation.accepted": {
      label: "Accepted",
      sentence: (w) => `${w.actor} accepted ${w.cohort} for ${w.org}.`,
    },
    "cohort-invitation.declined": {
      label: "Declined",
      sentence: (w) => `${w.actor} declined ${w.cohort} for ${w.org}.`,
    },
    "cohort-invitation.expired": {
      label: "Answer deadline passed",
      sentence: (w) => `The answer deadline passed for ${w.org} in ${w.cohort}.`,
    },
    "cohort-invitation.enrolled": {
      label: "Unit enrolled",
      sentence: (w) => `${w.actor} enrolled a unit of ${w.org} in ${w.cohort}.`,
    },
    "cohort-invitation.withdrawn": {
      label: "Unit withdrawn",
      sentence: (w) => `${w.actor} withdrew a unit of ${w.org} from ${w.cohort}.`,
    },
    "cohort-invitation.contact": {
      label: "Contact person set",
      sentence: (w) => `${w.actor} set a contact person for ${w.org} in ${w.cohort}.`,
    },
    "feedback.hide": {
      label: "Feedback hidden",
      sentence: (w) => `${w.actor} hid a piece of feedback on the page ${w.page}.`,
    },
    "feedback.handle": {
      label: "Feedback handled",
      sentence: (w) => `${w.actor} marked a piece of feedback on the page ${w.page} as handled.`,
    },
    "programme.publish": {
      label: "Programme published",
      sentence: (w) => `${w.actor} published ${w.programme}.`,
    },
    "programme.unpublish": {
      label: "Programme unpublished",
      sentence: (w) => `${w.actor} unpublished ${w.programme}.`,
    },
    "programme.rules.save": {
      label: "Programme rules saved",
      sentence: (w) => `${w.actor} changed the rules of ${w.programme}.`,
    },
    "programme.text.save": {
      label: "Programme text saved",
      sentence: (w) => `${w.actor} saved the ${w.standard} text of ${w.programme}.`,
    },
    "programme.text.restore": {
      label: "Text version restored",
      sentence: (w) => `${w.actor} restored an earlier ${w.standard} text of ${w.programme}.`,
    },
    "register.import": {
      label: "Register imported",
      sentence: (w) =>
        `${w.actor} imported ${w.source}: ${w.added} new, ${w.changed} changed, ${w.closed} closed, ${w.rejected} rejected.`,
    },
    "application-round.open": {
      label: "Application round opened",
      sentence: (w) => `${w.actor} opened an application round.`,
    },
    "application-round.close": {
      label: "Application round closed",
      sentence: (w) => `${w.actor} closed an application round before its deadline.`,
    },
    "application-round.assessor": {
      label: "Assessor named",
      sentence: (w) => `${w.actor} named an assessor of an application round.`,
    },
    "application.reopen": {
      label: "Application reopened",
      sentence: (w) => `${w.actor} let a municipality submit its application after the deadline.`,
    },
    "application.submit-after-reopening": {
      label: "Application submitted after reopening",
      sentence: (w) =>
        `${w.actor} submitted an application after the deadline, while it was reopened.`,
    },
    "application.decide": {
      label: "Application decided",
      sentence: (w) => `${w.actor} decided an application.`,
    },
    "application.withdraw": {
      label: "Application withdrawn",
      sentence: (w) => `${w.actor} withdrew an application.`,
    },
    "written-standard.set": {
      label: "Written standard set",
      sentence: (w) => `${w.actor} set the written standard of ${w.org} to ${w.standard}.`,
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

export function auditText(lang: Lang): AuditTexts {
  return auditTexts[lang];
}
