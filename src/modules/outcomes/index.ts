export { type EstimatePoint, estimateChartSvg } from "./chart";
export {
  type EstimateStatus,
  type GroupFigures,
  type OutcomeEstimate,
  outcomeEstimates,
  SMALL_N,
} from "./estimates";
export { type Did, differenceInDifferences } from "./estimator";
export { checkOutcomeFile, type ImportSummary, importOutcomeFile } from "./import";
export type { OutcomeIndicator, OutcomeLevel } from "./schema";
export { cohortYears, headlineOf, type Series, seriesOf } from "./series";
export { outcomeTexts } from "./texts";

// ── Manifest: what the app needs of this module (see kernel/manifest.ts). ──
import type { ModuleManifest } from "../../kernel/manifest";
import { outcomesAuditActions } from "./audit-texts";
import { outcomesDemo } from "./demo";
import { OUTCOME_UPLOADS, outcomeRoutes } from "./routes";
import * as manifestSchema from "./schema";
import { outcomeTexts as manifestTexts } from "./texts";

export const manifest: ModuleManifest = {
  name: "outcomes",
  auditActions: outcomesAuditActions,
  workAreas: ["/admin/resultater"],
  signedInRoutes: [() => outcomeRoutes()],
  nav: [
    {
      position: 39,
      path: "/admin/resultater",
      label: (lang) => manifestTexts(lang).nav,
      permission: "read:outcome:",
    },
  ],
  schema: manifestSchema,
  largeUploads: OUTCOME_UPLOADS,
  demo: outcomesDemo,
};
