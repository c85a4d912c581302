export { insertTestUnits, type TestUnit } from "./factories";

import type { ModuleManifest } from "../../kernel/manifest";
import { organisationsAuditActions } from "./audit-texts";
import { organisationsDemo } from "./demo";
import { organisationRoutes } from "./routes";
import * as schema from "./schema";
import { orgTexts } from "./texts";

export { fetchKlass, type KlassSnapshot, readKlassSnapshot } from "./klass";
export { completeOrgNumber, isValidOrgNumber } from "./org-number";
export {
  createPpService,
  type PpService,
  type PpServiceInput,
  ppServiceNames,
  ppServicesAt,
} from "./pp-services";
export {
  type Coverage,
  fetchRegisterDetail,
  fetchRegisterPages,
  importRegister,
  importRegisterDetailFromUrl,
  importRegisterFile,
  importRegisterFromUrl,
  nbrUnitSchema,
  nsrUnitSchema,
  parseRegisterFile,
  type RegisterImportReport,
  type RegisterPage,
  readRegisterFile,
  registerPageSchema,
} from "./registers";
export { organisationRoutes, type RegisterUrls } from "./routes";
export type { RegisterSource, RejectedRow } from "./schema";
export {
  type CountyHit,
  type CountyOfficeHit,
  type Match,
  type MunicipalityHit,
  type PpServiceHit,
  type SearchHit,
  type SearchKind,
  type SearchOptions,
  searchOrganisations,
  type UnitHit,
} from "./search";
export { searchKey } from "./search-key";
export {
  countiesAt,
  countyOfficeMailbox,
  countyOfficesAt,
  importCountyOffices,
  importKlass,
  isMunicipalityValidAt,
  type MunicipalityOption,
  type MunicipalityPlace,
  municipalitiesAt,
  municipalityNamesAt,
  municipalityPlacesAt,
  readCountyOfficesFile,
  setCountyOfficeMailboxes,
  successorsAt,
  successorsOfAll,
} from "./service";
export {
  activeUnitsIn,
  countUnitsPerGroup,
  getUnit,
  municipalitiesOfUnits,
  schoolOrgNumbers,
  type Unit,
  type UnitCounts,
  type UnitFilter,
  type UnitHistoryEntry,
  unitNamesByOrgNumber,
  unitsByOrgNumber,
  unitsOfMunicipality,
  unitWithHistory,
} from "./units";
export {
  seedWrittenStandards,
  setWrittenStandard,
  type WrittenStandard,
  withStandardAndName,
  writtenStandardOf,
} from "./written-standard";

/** What the app needs of this module (see kernel/manifest.ts). */
export const manifest: ModuleManifest = {
  name: "organisations",
  auditActions: organisationsAuditActions,
  workAreas: ["/admin", "/organisasjoner"],
  // A register file is several megabytes; the import route checks its own limit.
  largeUploads: [/^\/(nb|nn|en)\/admin\/import$/],
  signedInRoutes: [(context) => organisationRoutes(context.registerUrls)],
  nav: [
    {
      position: 10,
      path: "/organisasjoner",
      label: (lang) => orgTexts(lang).title,
      permission: "read:organisation:",
    },
  ],
  schema,
  demo: organisationsDemo,
};
