export { applyRoutes } from "./apply-routes";
export { type PdfBlock, type PdfFigure, taggedPdf } from "./pdf";
export { latestRoundOf, publicApplyRoutes } from "./public-page";
export { QuestionFields, type QuestionFieldsProps } from "./question-fields";

// ── Manifest: what the app needs of this module (see kernel/manifest.ts). A block of its own at
// the end, imports included, so that routes of the admin's side merge in beside these. ──
import type { ModuleManifest } from "../../kernel/manifest";
import { adminNav, adminSignedInRoutes } from "./admin-manifest";
import { applyRoutes as manifestApplyRoutes } from "./apply-routes";
import { applyTexts as manifestApplyTexts } from "./apply-texts";
import { applicationAuditActions as manifestAuditActions } from "./audit-texts";
import { applicationsDemo, planNav, planSignedInRoutes } from "./plan-manifest";
import {
  applicationSection as manifestApplicationSection,
  publicApplyRoutes as manifestPublicApplyRoutes,
} from "./public-page";
import { receiptJobHandlers } from "./receipt-mail";
import { applicationDeadlines as manifestApplicationDeadlines } from "./rounds";
import * as manifestSchema from "./schema";

export const manifest: ModuleManifest = {
  name: "applications",
  publicRoutes: [() => manifestPublicApplyRoutes()],
  signedInRoutes: [() => manifestApplyRoutes(), ...adminSignedInRoutes, ...planSignedInRoutes],
  nav: [
    {
      position: 25,
      path: "/soknader",
      label: (lang) => manifestApplyTexts[lang].nav,
      permission: "apply:application:",
    },
    ...adminNav,
    ...planNav,
  ],
  schema: manifestSchema,
  // A section of the application form may carry files (apply-routes sets its own limit).
  largeUploads: [/^\/(nb|nn|en)\/soknader\/[0-9]{1,9}\/del\/[a-z][a-z0-9-]{0,39}$/],
  auditActions: manifestAuditActions,
  jobHandlers: receiptJobHandlers,
  // The way in on a programme's page: the round, its deadline, the questions and applying.
  programmeSections: [{ position: 10, render: manifestApplicationSection }],
  applicationDeadlines: manifestApplicationDeadlines,
  demo: applicationsDemo,
};
