import type { Lang } from "../../web/i18n";

export type Section = { heading: string; paragraphs: string[] };
export type StaticText = { title: string; lead: string; sections: Section[] };

export const accessibility: Record<Lang, StaticText> = {
  nb: {
    title: "Tilgjengelighetserklæring",
    lead: "Samspill skal kunne brukes av alle, også med skjermleser, forstørrelse, tastatur eller uten JavaScript. Vi følger kravene til universell utforming i WCAG 2.1 nivå A og AA.",
    sections: [
      {
        heading: "Slik har vi jobbet",
        paragraphs: [
          "Sidene bygger på Designsystemet, det felles designsystemet for offentlige tjenester. Alle skjemaer virker uten JavaScript, feil vises både ved feltet og i en oppsummering øverst, og alle sider testes automatisk med verktøyet axe i en ekte nettleser før de tas i bruk.",
          "Innholdet finnes på bokmål og nynorsk, og brukergrensesnittet også på engelsk. Du kan bytte språk øverst på hver side og bli stående på samme side.",
        ],
      },
      {
        heading: "Kjente mangler",
        paragraphs: [
          "Vi kjenner ikke til brudd på kravene nå. Automatiske tester finner ikke alle problemer, så gi oss beskjed hvis noe ikke virker for deg.",
        ],
      },
      {
        heading: "Gi oss beskjed",
        paragraphs: [
          "Bruk kontaktskjemaet og velg «Feil eller problemer på nettsiden». Du kan også klage til Tilsynet for universell utforming av ikt (Uu-tilsynet) hvis du mener nettstedet ikke oppfyller kravene.",
        ],
      },
    ],
  },
  nn: {
    title: "Tilgjengeerklæring",
    lead: "Samspill skal kunne brukast av alle, også med skjermlesar, forstørring, tastatur eller utan JavaScript. Vi følgjer krava til universell utforming i WCAG 2.1 nivå A og AA.",
    sections: [
      {
        heading: "Slik har vi jobba",
        paragraphs: [
          "Sidene byggjer på Designsystemet, det felles designsystemet for offentlege tenester. Alle skjema verkar utan JavaScript, feil blir viste både ved feltet og i ei oppsummering øvst, og alle sider blir testa automatisk med verktøyet axe i ein ekte nettlesar før dei blir tekne i bruk.",
          "Innhaldet finst på bokmål og nynorsk, og brukargrensesnittet også på engelsk. Du kan byte språk øvst på kvar side og bli ståande på same side.",
        ],
      },
      {
        heading: "Kjende manglar",
        paragraphs: [
          "Vi kjenner ikkje til brot på krava no. Automatiske testar finn ikkje alle problem, så gje oss beskjed viss noko ikkje verkar for deg.",
        ],
      },
      {
        heading: "Gje oss beskjed",
        paragraphs: [
          "Bruk kontaktskjemaet og vel «Feil eller problem på nettsida». Du kan også klage til Tilsynet for universell utforming av ikt (Uu-tilsynet) viss du meiner nettstaden ikkje oppfyller krava.",
        ],
      },
    ],
  },
  en: {
    title: "Accessibility statement",
    lead: "Samspill should work for everyone, including with a screen reader, magnification, a keyboard or without JavaScript. We follow the universal design requirements of WCAG 2.1 levels A and AA.",
    sections: [
      {
        heading: "How we work",
        paragraphs: [
          "The pages are built on Designsystemet, the shared design system of Norwegian public services. Every form works without JavaScript, errors are shown both next to the field and in a summary at the top, and every page is tested automatically with axe in a real browser before release.",
          "Content is available in Bokmål and Nynorsk, and the interface also in English. You can switch language at the top of every page and stay on the same page.",
        ],
      },
      {
        heading: "Known issues",
        paragraphs: [
          "We know of no breaches of the requirements at present. Automated tests do not find every problem, so please tell us if something does not work for you.",
        ],
      },
      {
        heading: "Tell us",
        paragraphs: [
          "Use the contact form and choose “Errors or problems on the website”. You can also complain to the Authority for Universal Design of ICT (Uu-tilsynet) if you believe the site does not meet the requirements.",
        ],
      },
    ],
  },
};

export const privacy: Record<Lang, StaticText> = {
  nb: {
    title: "Personvern",
    lead: "Vi lagrer så lite som mulig om deg, og aldri opplysninger om barn.",
    sections: [
      {
        heading: "«Fant du det du lette etter?»",
        paragraphs: [
          "Vi lagrer siden, språket, svaret ditt, kommentaren og tidspunktet. Vi lagrer ikke IP-adressen din. Ser kommentaren ut til å inneholde e-postadresse eller telefonnummer, fjerner vi det før lagring og sier fra til deg. Et fødselsnummer tar vi ikke imot. Ser kommentaren ut til å kunne identifisere et barn, ber vi deg skrive den om eller bekrefte at den ikke gjør det; vi teller bekreftelsene, uten tekst og uten navn.",
        ],
      },
      {
        heading: "Kontaktskjemaet",
        paragraphs: [
          "Vi lagrer navn, e-postadresse, kommune og meldingen for å kunne svare deg. Meldingen sendes til den som eier tilbudet. En melding med fødselsnummer tar vi ikke imot. Ser meldingen ut til å kunne identifisere et barn, ber vi deg skrive den om eller bekrefte at den ikke gjør det; vi teller bekreftelsene, uten tekst og uten navn.",
        ],
      },
      {
        heading: "Nyhetsbrevet",
        paragraphs: [
          "Grunnlaget er samtykket ditt. Vi lagrer e-postadressen, hva du abonnerer på, nøyaktig hvilken samtykketekst du godtok og når. Når du melder deg av, sletter vi e-postadressen og beholder bare at samtykket ble gitt og trukket tilbake.",
        ],
      },
      {
        heading: "Misbruk og sikkerhet",
        paragraphs: [
          "For å stoppe automatiserte innsendinger teller vi hvor mange skjemaer som kommer fra samme avsender i et kort tidsrom. Vi lagrer ikke adressen, bare en kryptografisk sjekksum som slettes etter kort tid.",
        ],
      },
    ],
  },
  nn: {
    title: "Personvern",
    lead: "Vi lagrar så lite som mogleg om deg, og aldri opplysningar om barn.",
    sections: [
      {
        heading: "«Fann du det du leita etter?»",
        paragraphs: [
          "Vi lagrar sida, språket, svaret ditt, kommentaren og tidspunktet. Vi lagrar ikkje IP-adressa di. Ser kommentaren ut til å innehalde e-postadresse eller telefonnummer, fjernar vi det før lagring og seier frå til deg. Eit fødselsnummer tek vi ikkje imot. Ser kommentaren ut til å kunne identifisere eit barn, ber vi deg skrive han om eller stadfeste at han ikkje gjer det; vi tel stadfestingane, utan tekst og utan namn.",
        ],
      },
      {
        heading: "Kontaktskjemaet",
        paragraphs: [
          "Vi lagrar namn, e-postadresse, kommune og meldinga for å kunne svare deg. Meldinga blir send til den som eig tilbodet. Ei melding med fødselsnummer tek vi ikkje imot. Ser meldinga ut til å kunne identifisere eit barn, ber vi deg skrive ho om eller stadfeste at ho ikkje gjer det; vi tel stadfestingane, utan tekst og utan namn.",
        ],
      },
      {
        heading: "Nyheitsbrevet",
        paragraphs: [
          "Grunnlaget er samtykket ditt. Vi lagrar e-postadressa, kva du abonnerer på, nøyaktig kva samtykketekst du godtok og når. Når du meldar deg av, slettar vi e-postadressa og held berre på at samtykket vart gitt og trekt tilbake.",
        ],
      },
      {
        heading: "Misbruk og tryggleik",
        paragraphs: [
          "For å stoppe automatiserte innsendingar tel vi kor mange skjema som kjem frå same avsendar i eit kort tidsrom. Vi lagrar ikkje adressa, berre ein kryptografisk sjekksum som blir sletta etter kort tid.",
        ],
      },
    ],
  },
  en: {
    title: "Privacy",
    lead: "We store as little as possible about you, and never information about children.",
    sections: [
      {
        heading: "“Did you find what you were looking for?”",
        paragraphs: [
          "We store the page, the language, your answer, your comment and the time. We do not store your IP address. If the comment seems to contain an e-mail address or phone number, we remove it before storing and tell you. We do not accept a national identity number. If the comment looks as if it could identify a child, we ask you to rewrite it or confirm that it does not; we count the confirmations, without the text and without names.",
        ],
      },
      {
        heading: "The contact form",
        paragraphs: [
          "We store your name, e-mail address, municipality and message so that we can reply. The message goes to the owner of the programme. A message with a national identity number is not accepted. If the message looks as if it could identify a child, we ask you to rewrite it or confirm that it does not; we count the confirmations, without the text and without names.",
        ],
      },
      {
        heading: "The newsletter",
        paragraphs: [
          "The basis is your consent. We store your e-mail address, what you subscribe to, exactly which consent text you accepted and when. When you unsubscribe, we delete the address and keep only the fact that consent was given and withdrawn.",
        ],
      },
      {
        heading: "Abuse and security",
        paragraphs: [
          "To stop automated submissions we count how many forms come from the same sender in a short period. We do not store the address, only a cryptographic checksum that is deleted shortly after.",
        ],
      },
    ],
  },
};

/** The development outbox (/dev/utboks): the mail the outbox mailer kept instead of sending. */
const outboxNb = {
  title: "Utboks (utvikling)",
  lead: "E-post som ville blitt sendt. Vises bare når Samspill kjører i utviklingsmodus uten SMTP-server.",
  empty: "Ingen e-post ennå.",
  to: "Til",
  sentAt: "Sendt",
};

type OutboxTexts = typeof outboxNb;

const outboxNn: OutboxTexts = {
  title: "Utboks (utvikling)",
  lead: "E-post som ville blitt send. Blir berre vist når Samspill køyrer i utviklingsmodus utan SMTP-tenar.",
  empty: "Ingen e-post enno.",
  to: "Til",
  sentAt: "Send",
};

const outboxEn: OutboxTexts = {
  title: "Outbox (development)",
  lead: "E-mail that would have been sent. Shown only when Samspill runs in development mode without an SMTP server.",
  empty: "No e-mail yet.",
  to: "To",
  sentAt: "Sent",
};

const outboxByLang: Record<Lang, OutboxTexts> = { nb: outboxNb, nn: outboxNn, en: outboxEn };

export function outboxTexts(lang: Lang): OutboxTexts {
  return outboxByLang[lang];
}
