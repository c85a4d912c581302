export { fetchKlass, type KlassSnapshot, readKlassSnapshot } from "./klass";
export {
  countiesAt,
  countyOfficesAt,
  importCountyOffices,
  importKlass,
  isMunicipalityValidAt,
  type MunicipalityOption,
  municipalitiesAt,
  readCountyOfficesFile,
  successorsAt,
} from "./service";
