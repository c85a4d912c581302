/**
 * What the tailored plan, the demo and their pages give the applications module's manifest
 * (index.ts wires them in): spread into its `signedInRoutes`, `nav` and `demo`.
 */
export { applicationsDemo } from "./demo";
