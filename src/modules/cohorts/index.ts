import { providePublicCohorts } from "../programmes";
import { publicCohortsOf } from "./public";

export { createCohort } from "./admin";
export { cohortAdminRoutes } from "./admin-routes";
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
  withdrawUnit,
} from "./chain";
export {
  forgetSeedMail,
  seedCohort1Work,
  seedCohort2Chain,
  seedCohort3Chain,
} from "./demo";
export { municipalityRoutes } from "./municipality-routes";
export { officeRoutes } from "./office-routes";
export { overviewRoutes } from "./overview-routes";
export { publicCohortsOf } from "./public";

// Cohorts belong to programmes: the programme page shows this module's figures, told here,
// so that programmes never reads the cohort tables (docs/decisions/drafts/i9-cohorts.md).
providePublicCohorts(publicCohortsOf);
