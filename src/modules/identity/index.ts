export { recountUnitStaff } from "./staff-counts";

import type { ModuleManifest } from "../../kernel/manifest";
import { adminTexts } from "./admin-texts";
import { identityDemo } from "./demo";
import { signInRetention } from "./retention";
import { protectedIdentityRoutes, publicIdentityRoutes } from "./routes";
import * as schema from "./schema";

export {
  Forbidden,
  loadUser,
  type OrgScope,
  organisationScope,
  orgsGranting,
  requirePermission,
  requireSignIn,
  safeReturnTo,
  scopesFor,
} from "./access";
export { listAudit, recordAudit } from "./audit";
export type { ActionText, AuditActionTexts, AuditWords } from "./audit-texts";
export { demoAccounts, demoEmail, demoPersonId } from "./demo";
export { insertTestPerson, type TestPerson } from "./factories";
export {
  type LocalAccount,
  type LocalProvider,
  startLocalProvider,
  startLocalProviders,
} from "./local-provider";
export {
  ACCEPTED_IDPORTEN_ACR,
  createOidcRegistry,
  type OidcRegistry,
  type OidcSettings,
} from "./oidc";
export {
  activeRoles,
  deletePerson,
  exportPerson,
  findPersonByEmail,
  getPerson,
  grantRole,
  invite,
} from "./people";
export {
  emailsOf,
  type HeldRole,
  rolesOfPeople,
} from "./people-reads";
export { type IdentityReads, identityReadsFrom, noIdentityReads } from "./reads";
export { purgeSignInLeftovers, RETENTION as SIGN_IN_RETENTION, signInRetention } from "./retention";
export { activeRoleHolders, type RoleHolder } from "./role-holders";
export {
  addressesActingAs,
  holdsRole,
  openRoleInvitation,
  orgsWithSomeoneAs,
  personAddressesQuery,
  personNames,
  roleAddressesQuery,
  withdrawRoleInvitation,
} from "./role-invitations";
export {
  isRole,
  OWNERS,
  type Permission,
  permissionsOf,
  ROLE_NAMES,
  ROLES,
  type Role,
} from "./roles";
export { protectedIdentityRoutes, publicIdentityRoutes } from "./routes";
export { peopleOfUnits, type UnitPerson } from "./unit-people";

/** What the app needs of this module (see kernel/manifest.ts). */
export const manifest: ModuleManifest = {
  name: "identity",
  workAreas: ["/admin"],
  publicRoutes: [() => publicIdentityRoutes()],
  signedInRoutes: [(context) => protectedIdentityRoutes(context.identityReads)],
  nav: [
    {
      position: 30,
      path: "/admin/personer",
      label: (lang) => adminTexts(lang).people,
      permission: "manage:role:",
    },
    {
      position: 60,
      path: "/admin/logg",
      label: (lang) => adminTexts(lang).audit,
      permission: "read:audit:",
    },
  ],
  schema,
  demo: identityDemo,
  housekeeping: [signInRetention],
};
