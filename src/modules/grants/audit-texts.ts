import type { AuditActionTexts } from "../identity";

/** What the audit log says of the grants module's acts, in each language. */
export const grantsAuditActions: AuditActionTexts = {
  nb: {
    "travel-claim.submit": {
      label: "Reisekrav sendt",
      sentence: (w) => `${w.actor} sendte et reisekrav.`,
    },
    "travel-claim.approve": {
      label: "Reisekrav godkjent",
      sentence: (w) => `${w.actor} godkjente et reisekrav.`,
    },
    "travel-claim.reject": {
      label: "Reisekrav avvist",
      sentence: (w) => `${w.actor} avviste et reisekrav.`,
    },
    "travel-claim.pay": {
      label: "Reisestøtte utbetalt",
      sentence: (w) => `${w.actor} registrerte utbetaling av reisestøtte.`,
    },
    "grant-scheme.save": {
      label: "Tilskuddsordning lagret",
      sentence: (w) => `${w.actor} lagret en tilskuddsordning.`,
    },
    "grant.allocate": {
      label: "Tilskudd tildelt",
      sentence: (w) => `${w.actor} tildelte et tilskudd.`,
    },
    "grant.adjust": {
      label: "Tildeling justert",
      sentence: (w) => `${w.actor} justerte en tildeling.`,
    },
    "grant.letter": {
      label: "Tilskuddsbrev sendt",
      sentence: (w) => `${w.actor} sendte et tilskuddsbrev.`,
    },
    "grant.accept": {
      label: "Tilskudd tatt imot",
      sentence: (w) => `${w.actor} tok imot et tilskudd.`,
    },
    "grant.decline": {
      label: "Tilskudd avslått",
      sentence: (w) => `${w.actor} avslo et tilskudd.`,
    },
    "grant.pay": {
      label: "Utbetaling registrert",
      sentence: (w) => `${w.actor} registrerte en utbetaling.`,
    },
    "grant.report": {
      label: "Bruk rapportert",
      sentence: (w) => `${w.actor} rapporterte bruken av et tilskudd.`,
    },
    "grant.settle": {
      label: "Tilskudd avsluttet",
      sentence: (w) => `${w.actor} avsluttet et tilskudd.`,
    },
  },
  nn: {
    "travel-claim.submit": {
      label: "Reisekrav sendt",
      sentence: (w) => `${w.actor} sende eit reisekrav.`,
    },
    "travel-claim.approve": {
      label: "Reisekrav godkjent",
      sentence: (w) => `${w.actor} godkjende eit reisekrav.`,
    },
    "travel-claim.reject": {
      label: "Reisekrav avvist",
      sentence: (w) => `${w.actor} avviste eit reisekrav.`,
    },
    "travel-claim.pay": {
      label: "Reisestønad utbetalt",
      sentence: (w) => `${w.actor} registrerte utbetaling av reisestønad.`,
    },
    "grant-scheme.save": {
      label: "Tilskotsordning lagra",
      sentence: (w) => `${w.actor} lagra ei tilskotsordning.`,
    },
    "grant.allocate": {
      label: "Tilskot tildelt",
      sentence: (w) => `${w.actor} tildelte eit tilskot.`,
    },
    "grant.adjust": {
      label: "Tildeling justert",
      sentence: (w) => `${w.actor} justerte ei tildeling.`,
    },
    "grant.letter": {
      label: "Tilskotsbrev sendt",
      sentence: (w) => `${w.actor} sende eit tilskotsbrev.`,
    },
    "grant.accept": {
      label: "Tilskot teke imot",
      sentence: (w) => `${w.actor} tok imot eit tilskot.`,
    },
    "grant.decline": { label: "Tilskot avslått", sentence: (w) => `${w.actor} avslo eit tilskot.` },
    "grant.pay": {
      label: "Utbetaling registrert",
      sentence: (w) => `${w.actor} registrerte ei utbetaling.`,
    },
    "grant.report": {
      label: "Bruk rapportert",
      sentence: (w) => `${w.actor} rapporterte bruken av eit tilskot.`,
    },
    "grant.settle": {
      label: "Tilskot avslutta",
      sentence: (w) => `${w.actor} avslutta eit tilskot.`,
    },
  },
  en: {
    "travel-claim.submit": {
      label: "Travel claim sent",
      sentence: (w) => `${w.actor} sent a travel claim.`,
    },
    "travel-claim.approve": {
      label: "Travel claim approved",
      sentence: (w) => `${w.actor} approved a travel claim.`,
    },
    "travel-claim.reject": {
      label: "Travel claim rejected",
      sentence: (w) => `${w.actor} rejected a travel claim.`,
    },
    "travel-claim.pay": {
      label: "Travel support paid",
      sentence: (w) => `${w.actor} recorded a payment of travel support.`,
    },
    "grant-scheme.save": {
      label: "Grant scheme saved",
      sentence: (w) => `${w.actor} saved a grant scheme.`,
    },
    "grant.allocate": {
      label: "Grant allocated",
      sentence: (w) => `${w.actor} allocated a grant.`,
    },
    "grant.adjust": {
      label: "Allocation adjusted",
      sentence: (w) => `${w.actor} adjusted an allocation.`,
    },
    "grant.letter": {
      label: "Grant letter sent",
      sentence: (w) => `${w.actor} sent a grant letter.`,
    },
    "grant.accept": { label: "Grant accepted", sentence: (w) => `${w.actor} accepted a grant.` },
    "grant.decline": { label: "Grant declined", sentence: (w) => `${w.actor} declined a grant.` },
    "grant.pay": { label: "Payment recorded", sentence: (w) => `${w.actor} recorded a payment.` },
    "grant.report": {
      label: "Use reported",
      sentence: (w) => `${w.actor} reported the use of a grant.`,
    },
    "grant.settle": { label: "Grant closed", sentence: (w) => `${w.actor} closed a grant.` },
  },
};
