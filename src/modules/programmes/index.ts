export { programmeAdminRoutes } from "./admin-routes";
export { cohortAdminRoutes } from "./cohort-admin-routes";
export { frontPage, programmePage, programmeRoutes } from "./routes";
export {
  createCohort,
  createProgramme,
  getPublicProgramme,
  listPublishedProgrammes,
  ownerPhones,
  programmeContact,
  programmeOptions,
} from "./service";
