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
      {
        heading: "Hvor lenge vi lagrer",
        paragraphs: [
          "Dette slettes av seg selv, av jobber som går hver time: Behov for kost og tilrettelegging ved en samling slettes når samlingen er over. Engangskoder for innlogging slettes et døgn etter at de gikk ut (de gjelder i ti minutter), og påbegynte innlogginger med ID-porten eller Feide etter en time. Økter slettes 30 dager etter at de gikk ut eller du logget ut.",
          "Meldinger fra kontaktskjemaet slettes 30 dager etter at saken er behandlet, og senest 180 dager etter at de kom; saken følges opp i postmottaket til den som eier tilbudet. Et abonnement på nyhetsbrevet som aldri ble bekreftet, slettes et døgn etter at bekreftelseslenken gikk ut (etter sju dager). E-poster vi sender, beholdes med adressen i 30 dager etter at de er sendt; deretter slettes innholdet og bare at noe ble sendt, beholdes.",
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
      {
        heading: "Kor lenge vi lagrar",
        paragraphs: [
          "Dette blir sletta av seg sjølv, av jobbar som går kvar time: Behov for kost og tilrettelegging ved ei samling blir sletta når samlinga er over. Eingongskodar for innlogging blir sletta eit døgn etter at dei gjekk ut (dei gjeld i ti minutt), og påbyrja innloggingar med ID-porten eller Feide etter ein time. Økter blir sletta 30 dagar etter at dei gjekk ut eller du logga ut.",
          "Meldingar frå kontaktskjemaet blir sletta 30 dagar etter at saka er handsama, og seinast 180 dagar etter at dei kom; saka blir følgd opp i postmottaket til den som eig tilbodet. Eit abonnement på nyheitsbrevet som aldri vart stadfesta, blir sletta eit døgn etter at stadfestingslenkja gjekk ut (etter sju dagar). E-postar vi sender, blir haldne på med adressa i 30 dagar etter at dei er sende; deretter blir innhaldet sletta, og berre at noko vart sendt, blir halde på.",
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
      {
        heading: "How long we keep it",
        paragraphs: [
          "This is deleted automatically, by jobs that run every hour: dietary and accessibility needs for a gathering are deleted when the gathering is over. One-time sign-in codes are deleted a day after they expired (they are valid for ten minutes), and sign-ins with ID-porten or Feide that were started but not finished after an hour. Sessions are deleted 30 days after they expired or you signed out.",
          "Messages from the contact form are deleted 30 days after the case was handled, and at the latest 180 days after they arrived; the case is followed up in the inbox of whoever owns the programme. A newsletter subscription that was never confirmed is deleted a day after its confirmation link expired (after seven days). E-mails we send are kept with the address for 30 days after they were sent; then their content is deleted and only the fact that something was sent is kept.",
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
