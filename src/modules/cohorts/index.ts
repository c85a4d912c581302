export {
  type Actor,
  answerInvitation,
  type ChainError,
  type ChainResult,
  effectiveState,
  enrolUnits,
  extendDeadline,
  inviteOffices,
  inviteToCohort,
  recordParticipants,
  remind,
  runChainHousekeeping,
  setContact,
  setWrittenStandard,
  withdrawUnit,
  writtenStandardOf,
} from "./chain";
export {
  forgetSeedMail,
  seedCohort1Work,
  seedCohort2Chain,
  seedCohort3Chain,
  seedWrittenStandards,
} from "./demo";
export { municipalityRoutes } from "./municipality-routes";
export { officeRoutes } from "./office-routes";
export { overviewRoutes } from "./overview-routes";
