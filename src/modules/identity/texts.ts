import type { ErrorCatalogues } from "../../web/form-errors";
import { type Lang, pluralText } from "../../web/i18n";

/** The identity module's texts: signing in and out, Min side, the role names and the mail it sends. */
const nb = {
  signIn: "Logg inn",
  signInTitle: "Logg inn i Samspill",
  signInLead:
    "Logg inn for å arbeide med tilbudene: invitasjoner, påmeldinger, nettverk og rapporter.",
  withIdporten: "Logg inn med ID-porten",
  withFeide: "Logg inn med Feide",
  idportenHint: "For ansatte i direktorat, hos statsforvalteren og i kommunen.",
  feideHint: "For ansatte i barnehager og skoler med Feide-bruker.",
  withEmail: "Logg inn med kode på e-post",
  emailHint:
    "Har du verken ID-porten eller Feide for hånden? Vi sender en engangskode til e-postadressen din.",
  email: "E-postadresse",
  sendCode: "Send kode",
  codeTitle: "Skriv inn koden",
  codeLead:
    "Hvis adressen er registrert hos oss, har vi sendt en kode på seks siffer dit. Koden virker i ti minutter.",
  code: "Kode",
  codeHint: "Seks siffer, for eksempel 123456.",
  confirmCode: "Logg inn",
  newCode: "Be om en ny kode",
  codeSubject: (code: string) => `${code} er koden din for å logge inn i Samspill`,
  codeBody: (code: string) =>
    `Hei!\n\nKoden din er: ${code}\n\nDen virker i ti minutter og kan brukes én gang. Ba du ikke om en kode, kan du se bort fra denne e-posten.\n\nSamspill`,
  refusedTitle: "Innloggingen ble avvist",
  refusedLead:
    "Vi kunne ikke bekrefte innloggingen. Prøv igjen. Hvis det gjentar seg, kontakt oss.",
  acrLead:
    "Innloggingen hadde ikke høyt nok sikkerhetsnivå. Logg inn med BankID, Buypass eller Commfides.",
  noAccessTitle: "Du har ikke tilgang ennå",
  signInAnother: "Logg inn med en annen konto",
  noAccessLead:
    "Innloggingen virket, men du har ingen rolle i Samspill. Tilgang gis av Utdanningsdirektoratet, FUB/FUG, statsforvalteren eller kommunen din: be dem invitere deg med e-postadressen din. Ansatte i barnehager og skoler med Feide får tilgang når enheten deres deltar i et tilbud.",
  signOut: "Logg ut",
  signOutEverywhere: "Logg ut på alle enheter",
  signedOutTitle: "Du er logget ut",
  signedOutLead: "Takk for nå.",
  signedOutEverywhere: (n: number) =>
    pluralText(
      "nb-NO",
      { one: "Du er logget ut av én økt.", other: "Du er logget ut av {n} økter." },
      n,
    ),
  profile: "Min side",
  profileLead: "Det Samspill vet om deg, og rollene dine.",
  name: "Navn",
  yourRoles: "Rollene dine",
  noRoles: "Du har ingen roller.",
  signInMethods: "Innloggingsmåter",
  affiliationsTitle: "Organisasjoner fra Feide",
  sessionSince: (when: string) => `Logget inn siden ${when}.`,
  yourData: "Dine opplysninger",
  download: "Last ned opplysningene dine (JSON)",
  deleteTitle: "Slett opplysningene dine",
  deleteLead:
    "Navn, e-postadresse og innloggingsmåter slettes, og du logges ut. Rollene dine avsluttes. At endringer ble gjort, beholdes anonymisert, fordi loven krever at vi kan dokumentere saksbehandlingen.",
  deleteConfirm: "Ja, slett opplysningene mine",
  deletedTitle: "Opplysningene dine er slettet",
  deletedLead: "Du er logget ut. Takk for innsatsen.",
  roles: {
    "programme-admin": "Programadministrator",
    assessor: "Vurderer av søknader",
    "newsletter-editor": "Redaktør for nyhetsbrev",
    "county-coordinator": "Koordinator hos statsforvalteren",
    "municipal-coordinator": "Kommunekoordinator",
    "resource-person": "Ressursperson",
    "unit-leader": "Leder for barnehage eller skole",
    staff: "Ansatt",
  } as Record<string, string>,
  roleAt: (role: string, org: string) => `${role}, ${org}`,
  demo: "demo",
  inviteSubject: "Du er invitert til Samspill",
  inviteBody: (name: string, role: string, org: string, link: string) =>
    `Hei ${name}!\n\nDu er invitert til Samspill som ${role.toLowerCase()} (${org}).\nLogg inn med ID-porten, Feide eller en kode på e-post til denne adressen, så får du rollen:\n${link}\n\nInvitasjonen gjelder i 30 dager.\n\nSamspill`,

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
  signIn: "Logg inn",
  signInTitle: "Logg inn i Samspill",
  signInLead:
    "Logg inn for å arbeide med tilboda: invitasjonar, påmeldingar, nettverk og rapportar.",
  withIdporten: "Logg inn med ID-porten",
  withFeide: "Logg inn med Feide",
  idportenHint: "For tilsette i direktorat, hos statsforvaltaren og i kommunen.",
  feideHint: "For tilsette i barnehagar og skular med Feide-brukar.",
  withEmail: "Logg inn med kode på e-post",
  emailHint:
    "Har du verken ID-porten eller Feide for hand? Vi sender ein eingongskode til e-postadressa di.",
  email: "E-postadresse",
  sendCode: "Send kode",
  codeTitle: "Skriv inn koden",
  codeLead:
    "Viss adressa er registrert hos oss, har vi sendt ein kode på seks siffer dit. Koden verkar i ti minutt.",
  code: "Kode",
  codeHint: "Seks siffer, til dømes 123456.",
  confirmCode: "Logg inn",
  newCode: "Be om ein ny kode",
  codeSubject: (code: string) => `${code} er koden din for å logge inn i Samspill`,
  codeBody: (code: string) =>
    `Hei!\n\nKoden din er: ${code}\n\nHo verkar i ti minutt og kan brukast éin gong. Bad du ikkje om ein kode, kan du sjå bort frå denne e-posten.\n\nSamspill`,
  refusedTitle: "Innlogginga vart avvist",
  refusedLead: "Vi kunne ikkje stadfeste innlogginga. Prøv igjen. Viss det held fram, kontakt oss.",
  acrLead:
    "Innlogginga hadde ikkje høgt nok tryggleiksnivå. Logg inn med BankID, Buypass eller Commfides.",
  noAccessTitle: "Du har ikkje tilgang enno",
  signInAnother: "Logg inn med ein annan konto",
  noAccessLead:
    "Innlogginga verka, men du har inga rolle i Samspill. Tilgang blir gitt av Utdanningsdirektoratet, FUB/FUG, statsforvaltaren eller kommunen din: be dei invitere deg med e-postadressa di. Tilsette i barnehagar og skular med Feide får tilgang når eininga deira er med i eit tilbod.",
  signOut: "Logg ut",
  signOutEverywhere: "Logg ut på alle einingar",
  signedOutTitle: "Du er logga ut",
  signedOutLead: "Takk for no.",
  signedOutEverywhere: (n: number) =>
    pluralText(
      "nn-NO",
      { one: "Du er logga ut av éi økt.", other: "Du er logga ut av {n} økter." },
      n,
    ),
  profile: "Mi side",
  profileLead: "Det Samspill veit om deg, og rollene dine.",
  name: "Namn",
  yourRoles: "Rollene dine",
  noRoles: "Du har ingen roller.",
  signInMethods: "Innloggingsmåtar",
  affiliationsTitle: "Organisasjonar frå Feide",
  sessionSince: (when: string) => `Logga inn sidan ${when}.`,
  yourData: "Opplysningane dine",
  download: "Last ned opplysningane dine (JSON)",
  deleteTitle: "Slett opplysningane dine",
  deleteLead:
    "Namn, e-postadresse og innloggingsmåtar blir sletta, og du blir logga ut. Rollene dine blir avslutta. At endringar vart gjorde, blir teke vare på anonymisert, fordi lova krev at vi kan dokumentere sakshandsaminga.",
  deleteConfirm: "Ja, slett opplysningane mine",
  deletedTitle: "Opplysningane dine er sletta",
  deletedLead: "Du er logga ut. Takk for innsatsen.",
  roles: {
    "programme-admin": "Programadministrator",
    assessor: "Vurderar av søknader",
    "newsletter-editor": "Redaktør for nyheitsbrev",
    "county-coordinator": "Koordinator hos statsforvaltaren",
    "municipal-coordinator": "Kommunekoordinator",
    "resource-person": "Ressursperson",
    "unit-leader": "Leiar for barnehage eller skule",
    staff: "Tilsett",
  },
  roleAt: (role: string, org: string) => `${role}, ${org}`,
  demo: "demo",
  inviteSubject: "Du er invitert til Samspill",
  inviteBody: (name: string, role: string, org: string, link: string) =>
    `Hei ${name}!\n\nDu er invitert til Samspill som ${role.toLowerCase()} (${org}).\nLogg inn med ID-porten, Feide eller ein kode på e-post til denne adressa, så får du rolla:\n${link}\n\nInvitasjonen gjeld i 30 dagar.\n\nSamspill`,

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
  signIn: "Sign in",
  signInTitle: "Sign in to Samspill",
  signInLead:
    "Sign in to work with the programmes: invitations, registrations, networks and reports.",
  withIdporten: "Sign in with ID-porten",
  withFeide: "Sign in with Feide",
  idportenHint: "For staff at the Directorate, the county governor and the municipality.",
  feideHint: "For staff in kindergartens and schools with a Feide account.",
  withEmail: "Sign in with a code by e-mail",
  emailHint: "No ID-porten or Feide at hand? We send a one-time code to your e-mail address.",
  email: "E-mail address",
  sendCode: "Send code",
  codeTitle: "Enter the code",
  codeLead:
    "If the address is registered with us, we have sent a six-digit code to it. The code works for ten minutes.",
  code: "Code",
  codeHint: "Six digits, for example 123456.",
  confirmCode: "Sign in",
  newCode: "Ask for a new code",
  codeSubject: (code: string) => `${code} is your code to sign in to Samspill`,
  codeBody: (code: string) =>
    `Hello,\n\nYour code is: ${code}\n\nIt works for ten minutes and can be used once. If you did not ask for a code, you can ignore this e-mail.\n\nSamspill`,
  refusedTitle: "The sign-in was refused",
  refusedLead:
    "We could not verify the sign-in. Please try again. If it happens again, contact us.",
  acrLead:
    "The sign-in did not have a high enough level of assurance. Sign in with BankID, Buypass or Commfides.",
  noAccessTitle: "You do not have access yet",
  signInAnother: "Sign in with another account",
  noAccessLead:
    "Your sign-in worked, but you have no role in Samspill. Access is given by the Directorate, FUB/FUG, the county governor or your municipality: ask them to invite you using your e-mail address. Staff in kindergartens and schools with Feide get access when their unit takes part in a programme.",
  signOut: "Sign out",
  signOutEverywhere: "Sign out on all devices",
  signedOutTitle: "You are signed out",
  signedOutLead: "Thank you for now.",
  signedOutEverywhere: (n: number) =>
    pluralText(
      "en-GB",
      { one: "You are signed out of one session.", other: "You are signed out of {n} sessions." },
      n,
    ),
  profile: "My page",
  profileLead: "What Samspill knows about you, and your roles.",
  name: "Name",
  yourRoles: "Your roles",
  noRoles: "You have no roles.",
  signInMethods: "Sign-in methods",
  affiliationsTitle: "Organisations from Feide",
  sessionSince: (when: string) => `Signed in since ${when}.`,
  yourData: "Your data",
  download: "Download your data (JSON)",
  deleteTitle: "Delete your data",
  deleteLead:
    "Your name, e-mail address and sign-in methods are deleted and you are signed out. Your roles end. The fact that changes were made is kept, anonymised, because the law requires us to document case handling.",
  deleteConfirm: "Yes, delete my data",
  deletedTitle: "Your data has been deleted",
  deletedLead: "You are signed out. Thank you for your work.",
  roles: {
    "programme-admin": "Programme administrator",
    assessor: "Application assessor",
    "newsletter-editor": "Newsletter editor",
    "county-coordinator": "County governor coordinator",
    "municipal-coordinator": "Municipal coordinator",
    "resource-person": "Resource person",
    "unit-leader": "Kindergarten or school leader",
    staff: "Staff member",
  },
  roleAt: (role: string, org: string) => `${role}, ${org}`,
  demo: "demo",
  inviteSubject: "You are invited to Samspill",
  inviteBody: (name: string, role: string, org: string, link: string) =>
    `Hello ${name},\n\nYou are invited to Samspill as ${role.toLowerCase()} (${org}).\nSign in with ID-porten, Feide or a code sent to this address to receive the role:\n${link}\n\nThe invitation is valid for 30 days.\n\nSamspill`,

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

const texts: Record<Lang, IdentityTexts> = { nb, nn, en };

export function identityText(lang: Lang): IdentityTexts {
  return texts[lang];
}

/**
 * The sign-in forms' own codes: the code as typed (`codeFormat`), a wrong code with the tries
 * left (`params.left`), a code that has expired or has no tries left.
 */
export const signInErrors: ErrorCatalogues<"codeFormat" | "wrongCode" | "expiredCode"> = {
  nb: {
    codeFormat: "Skriv inn koden på seks siffer",
    wrongCode: (e) => `Koden stemmer ikke. Du har ${e.params.left} forsøk igjen.`,
    expiredCode: "Koden er utløpt eller brukt opp. Be om en ny kode.",
  },
  nn: {
    codeFormat: "Skriv inn koden på seks siffer",
    wrongCode: (e) => `Koden stemmer ikkje. Du har ${e.params.left} forsøk att.`,
    expiredCode: "Koden har gått ut eller er brukt opp. Be om ein ny kode.",
  },
  en: {
    codeFormat: "Enter the six-digit code",
    wrongCode: (e) =>
      pluralText(
        "en-GB",
        {
          one: "The code is not right. You have {n} try left.",
          other: "The code is not right. You have {n} tries left.",
        },
        Number(e.params.left),
      ),
    expiredCode: "The code has expired or has no tries left. Ask for a new code.",
  },
};
