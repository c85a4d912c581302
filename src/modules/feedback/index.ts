export {
  feedbackMonths,
  feedbackStats,
  type MonthStats,
  type PageStats,
  recountFeedbackMonthly,
} from "./service";

import type { ModuleManifest } from "../../kernel/manifest";
import { feedbackAdminRoutes } from "./admin-routes";
import { feedbackAdminTexts } from "./admin-texts";
import { feedbackAuditActions } from "./audit-texts";
import { feedbackRoutes } from "./routes";
import * as schema from "./schema";

export { feedbackAdminRoutes } from "./admin-routes";
export { feedbackRoutes, widgetStateFrom } from "./routes";
export { addComment, commentMaxLength, recordAnswer } from "./service";
export { FeedbackWidget } from "./widget";

/** What the app needs of this module (see kernel/manifest.ts). */
export const manifest: ModuleManifest = {
  name: "feedback",
  auditActions: feedbackAuditActions,
  workAreas: ["/admin"],
  publicRoutes: [(context) => feedbackRoutes(context.contentPages)],
  signedInRoutes: [() => feedbackAdminRoutes()],
  nav: [
    {
      position: 50,
      path: "/admin/tilbakemeldinger",
      label: (lang) => feedbackAdminTexts(lang).nav,
      permission: "read:feedback:",
    },
  ],
  schema,
};
