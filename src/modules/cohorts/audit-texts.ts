import type { AuditActionTexts } from "../identity";

/** What the audit log says of the cohorts module's acts, in each language. */
export const cohortsAuditActions: AuditActionTexts = {
  nb: {
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
  },
  nn: {
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
  },
  en: {
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
  },
};
