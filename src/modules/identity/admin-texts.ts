import type { ErrorCatalogues } from "../../web/form-errors";
import type { Lang } from "../../web/i18n";

/** Texts of role administration: people and roles, invitations, changing a role, the audit log. */
const nb = {
  nav: "Administrasjon",
  people: "Personer og roller",
  peopleLead: "Hvem som har hvilken rolle hvor. Inviter nye, endre og avslutt roller.",
  search: "Søk etter navn eller e-post",
  filterRole: "Rolle",
  allRoles: "Alle roller",
  filter: "Filtrer",
  person: "Person",
  roles: "Roller",
  actions: "Handlinger",
  revoke: "Avslutt",
  change: "Endre",
  grant: "Gi rolle",
  invite: "Inviter en person",
  inviteLead: "Personen får en e-post og får rollen første gang hen logger inn med denne adressen.",
  orgId: "Organisasjon",
  sendInvite: "Send invitasjon",
  invited: "Invitasjonen er sendt.",
  openInvitations: "Invitasjoner som venter",
  noInvitations: "Ingen invitasjoner venter.",
  expires: "Utløper",
  withdraw: "Trekk tilbake",
  changed: "Rollen er endret.",
  revoked: "Rollen er avsluttet.",
  audit: "Endringslogg",
  auditLead: "Alle endringer: hvem, hva, når, før og etter.",
  when: "Når",
  entity: "Gjelder",
  before: "Før",
  after: "Etter",
  from: "Fra dato",
  to: "Til dato",
  action: "Handling",
  nextPage: "Neste side",
  previousPage: "Forrige side",
  noEntries: "Ingen endringer passer filteret.",

  org: "Organisasjon",
  orgHint: "Skriv navnet på organisasjonen og velg «Søk etter organisasjon». Velg den så i lista.",
  searchOrg: "Søk etter organisasjon",
  chooseOrg: "Velg organisasjon",
  noOrgs: (q: string) => `Fant ingen organisasjon du kan gi roller i som passer med «${q}».`,
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

export type AdminTexts = typeof nb;

const nn: AdminTexts = {
  nav: "Administrasjon",
  people: "Personar og roller",
  peopleLead: "Kven som har kva rolle kvar. Inviter nye, endre og avslutt roller.",
  search: "Søk etter namn eller e-post",
  filterRole: "Rolle",
  allRoles: "Alle roller",
  filter: "Filtrer",
  person: "Person",
  roles: "Roller",
  actions: "Handlingar",
  revoke: "Avslutt",
  change: "Endre",
  grant: "Gje rolle",
  invite: "Inviter ein person",
  inviteLead: "Personen får ein e-post og får rolla første gong hen loggar inn med denne adressa.",
  orgId: "Organisasjon",
  sendInvite: "Send invitasjon",
  invited: "Invitasjonen er send.",
  openInvitations: "Invitasjonar som ventar",
  noInvitations: "Ingen invitasjonar ventar.",
  expires: "Går ut",
  withdraw: "Trekk tilbake",
  changed: "Rolla er endra.",
  revoked: "Rolla er avslutta.",
  audit: "Endringslogg",
  auditLead: "Alle endringar: kven, kva, når, før og etter.",
  when: "Når",
  entity: "Gjeld",
  before: "Før",
  after: "Etter",
  from: "Frå dato",
  to: "Til dato",
  action: "Handling",
  nextPage: "Neste side",
  previousPage: "Førre side",
  noEntries: "Ingen endringar passar filteret.",

  org: "Organisasjon",
  orgHint: "Skriv namnet på organisasjonen og vel «Søk etter organisasjon». Vel henne så i lista.",
  searchOrg: "Søk etter organisasjon",
  chooseOrg: "Vel organisasjon",
  noOrgs: (q) => `Fann ingen organisasjon du kan gi roller i som passar med «${q}».`,
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

const en: AdminTexts = {
  nav: "Administration",
  people: "People and roles",
  peopleLead: "Who has which role where. Invite people, change and end roles.",
  search: "Search by name or e-mail",
  filterRole: "Role",
  allRoles: "All roles",
  filter: "Filter",
  person: "Person",
  roles: "Roles",
  actions: "Actions",
  revoke: "End",
  change: "Change",
  grant: "Give role",
  invite: "Invite a person",
  inviteLead:
    "The person gets an e-mail and receives the role the first time they sign in with this address.",
  orgId: "Organisation",
  sendInvite: "Send invitation",
  invited: "The invitation has been sent.",
  openInvitations: "Open invitations",
  noInvitations: "No invitations are waiting.",
  expires: "Expires",
  withdraw: "Withdraw",
  changed: "The role has been changed.",
  revoked: "The role has been ended.",
  audit: "Audit log",
  auditLead: "Every change: who, what, when, before and after.",
  when: "When",
  entity: "Concerns",
  before: "Before",
  after: "After",
  from: "From date",
  to: "To date",
  action: "Action",
  nextPage: "Next page",
  previousPage: "Previous page",
  noEntries: "No changes match the filter.",

  org: "Organisation",
  orgHint:
    "Type the organisation's name and choose “Search for organisation”. Then pick it in the list.",
  searchOrg: "Search for organisation",
  chooseOrg: "Choose organisation",
  noOrgs: (q) => `No organisation you can give roles in matches “${q}”.`,
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

const texts: Record<Lang, AdminTexts> = { nb, nn, en };

export function adminTexts(lang: Lang): AdminTexts {
  return texts[lang];
}

/**
 * The role forms' own codes: an organisation not searched for and chosen, one that does not
 * exist (any more), a role the person has already, a role ended by someone else meanwhile.
 */
export const roleAdminErrors: ErrorCatalogues<
  "orgMissing" | "unknownOrg" | "duplicateRole" | "staleRole"
> = {
  nb: {
    orgMissing: "Søk etter organisasjonen og velg den i lista",
    unknownOrg: "Velg en organisasjon som finnes",
    duplicateRole: "Personen har allerede denne rollen",
    staleRole: "Rollen er endret av noen andre. Last siden på nytt.",
  },
  nn: {
    orgMissing: "Søk etter organisasjonen og vel henne i lista",
    unknownOrg: "Vel ein organisasjon som finst",
    duplicateRole: "Personen har allereie denne rolla",
    staleRole: "Rolla er endra av nokon andre. Last sida på nytt.",
  },
  en: {
    orgMissing: "Search for the organisation and choose it in the list",
    unknownOrg: "Choose an organisation that exists",
    duplicateRole: "The person already has this role",
    staleRole: "The role was changed by someone else. Reload the page.",
  },
};
