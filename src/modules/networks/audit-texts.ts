import type { AuditActionTexts } from "../identity";

/** What the audit log says of the networks module's acts, in each language. */
export const networkAuditActions: AuditActionTexts = {
  nb: {
    "network.member.remove": {
      label: "Deltaker fjernet",
      sentence: (w) => `${w.actor} fjernet en deltaker fra et nettverk.`,
    },
    "network.meeting.change": {
      label: "Nettverksmøte endret",
      sentence: (w) => `${w.actor} endret et nettverksmøte.`,
    },
    "network.meeting.cancel": {
      label: "Nettverksmøte avlyst",
      sentence: (w) => `${w.actor} avlyste et nettverksmøte.`,
    },
    "network.create": {
      label: "Nettverk opprettet",
      sentence: (w) => `${w.actor} opprettet et lærende nettverk.`,
    },
    "network.co-lead": {
      label: "Svar på å lede sammen",
      sentence: (w) => `${w.actor} svarte på å lede et nettverk sammen.`,
    },
    "network.members": {
      label: "Deltakere lagt til",
      sentence: (w) => `${w.actor} la til deltakere i et nettverk.`,
    },
    "network.meeting": {
      label: "Nettverksmøte planlagt",
      sentence: (w) => `${w.actor} planla et nettverksmøte.`,
    },
    "network.attendance": {
      label: "Oppmøte registrert",
      sentence: (w) => `${w.actor} registrerte oppmøte på et nettverksmøte.`,
    },
    "network.minutes": {
      label: "Referat skrevet",
      sentence: (w) => `${w.actor} skrev referat fra et nettverksmøte.`,
    },
    "network.reflection": {
      label: "Refleksjon skrevet",
      sentence: (w) => `${w.actor} skrev en refleksjon i et nettverk.`,
    },
    "network.document": {
      label: "Dokument delt",
      sentence: (w) => `${w.actor} delte et dokument i et nettverk.`,
    },
  },
  nn: {
    "network.member.remove": {
      label: "Deltakar fjerna",
      sentence: (w) => `${w.actor} fjerna ein deltakar frå eit nettverk.`,
    },
    "network.meeting.change": {
      label: "Nettverksmøte endra",
      sentence: (w) => `${w.actor} endra eit nettverksmøte.`,
    },
    "network.meeting.cancel": {
      label: "Nettverksmøte avlyst",
      sentence: (w) => `${w.actor} avlyste eit nettverksmøte.`,
    },
    "network.create": {
      label: "Nettverk oppretta",
      sentence: (w) => `${w.actor} oppretta eit lærande nettverk.`,
    },
    "network.co-lead": {
      label: "Svar på å leie saman",
      sentence: (w) => `${w.actor} svarte på å leie eit nettverk saman.`,
    },
    "network.members": {
      label: "Deltakarar lagde til",
      sentence: (w) => `${w.actor} la til deltakarar i eit nettverk.`,
    },
    "network.meeting": {
      label: "Nettverksmøte planlagt",
      sentence: (w) => `${w.actor} planla eit nettverksmøte.`,
    },
    "network.attendance": {
      label: "Oppmøte registrert",
      sentence: (w) => `${w.actor} registrerte oppmøte på eit nettverksmøte.`,
    },
    "network.minutes": {
      label: "Referat skrive",
      sentence: (w) => `${w.actor} skreiv referat frå eit nettverksmøte.`,
    },
    "network.reflection": {
      label: "Refleksjon skriven",
      sentence: (w) => `${w.actor} skreiv ein refleksjon i eit nettverk.`,
    },
    "network.document": {
      label: "Dokument delt",
      sentence: (w) => `${w.actor} delte eit dokument i eit nettverk.`,
    },
  },
  en: {
    "network.member.remove": {
      label: "Member removed",
      sentence: (w) => `${w.actor} removed a member from a network.`,
    },
    "network.meeting.change": {
      label: "Network meeting changed",
      sentence: (w) => `${w.actor} changed a network meeting.`,
    },
    "network.meeting.cancel": {
      label: "Network meeting cancelled",
      sentence: (w) => `${w.actor} cancelled a network meeting.`,
    },
    "network.create": {
      label: "Network created",
      sentence: (w) => `${w.actor} created a learning network.`,
    },
    "network.co-lead": {
      label: "Answer to co-lead",
      sentence: (w) => `${w.actor} answered an invitation to co-lead a network.`,
    },
    "network.members": {
      label: "Members added",
      sentence: (w) => `${w.actor} added members to a network.`,
    },
    "network.meeting": {
      label: "Network meeting planned",
      sentence: (w) => `${w.actor} planned a network meeting.`,
    },
    "network.attendance": {
      label: "Attendance recorded",
      sentence: (w) => `${w.actor} recorded attendance at a network meeting.`,
    },
    "network.minutes": {
      label: "Minutes written",
      sentence: (w) => `${w.actor} wrote the minutes of a network meeting.`,
    },
    "network.reflection": {
      label: "Reflection written",
      sentence: (w) => `${w.actor} wrote a reflection in a network.`,
    },
    "network.document": {
      label: "Document shared",
      sentence: (w) => `${w.actor} shared a document in a network.`,
    },
  },
};
