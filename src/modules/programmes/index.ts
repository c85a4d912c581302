import type { programmes } from "./schema";

export { ownProgramme, programmeAdminRoutes } from "./admin-routes";
export { hasBrokenLink, hasDisallowedContent, latestVersions } from "./editing";
export {
  type ProgrammeRef,
  programmeRef,
  programmesOwnedBy,
  programmeTextsOf,
  programmeTitles,
} from "./lookups";
export { frontPage, programmePage, programmeRoutes } from "./routes";
export {
  createProgramme,
  getPublicProgramme,
  listPublishedProgrammes,
  ownerPhones,
  type PublicCohort,
  type PublicCohortsSource,
  programmeContact,
  programmeOptions,
  providePublicCohorts,
} from "./service";

export type Programme = typeof programmes.$inferSelect;
