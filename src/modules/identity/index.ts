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
export { activeRoles, deletePerson, exportPerson, getPerson, grantRole, invite } from "./people";
export {
  addressesActingAs,
  holdsRole,
  openRoleInvitation,
  orgsWithSomeoneAs,
  personNames,
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
