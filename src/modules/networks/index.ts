export { accessTo, type Viewer } from "./access";
export { addReflection, shareDocument, timelineOf } from "./activity";
export { planMeeting, recordAttendance, writeMinutes } from "./meetings";
export { addMembers, answerCoLead, createNetwork, networkCounts, networksOf } from "./networks";
export { networkRoutes } from "./routes";

// ── Manifest: what the app needs of this module (see kernel/manifest.ts). A block of its own at
// the end, imports included. ──
import type { ModuleManifest } from "../../kernel/manifest";
import { networkAuditActions as manifestAuditActions } from "./audit-texts";
import { networksDemo as manifestDemo } from "./demo";
import { networkRoutes as manifestRoutes } from "./routes";
import * as manifestSchema from "./schema";
import { networkTexts as manifestTexts } from "./texts";

export const manifest: ModuleManifest = {
  name: "networks",
  signedInRoutes: [() => manifestRoutes()],
  nav: [
    {
      position: 29,
      path: "/nettverk",
      label: (lang) => manifestTexts[lang].nav,
      permission: "read:network:",
    },
  ],
  schema: manifestSchema,
  auditActions: manifestAuditActions,
  demo: manifestDemo,
  // A shared document is up to 10 MB; the route checks its own limit.
  largeUploads: [/^\/(nb|nn|en)\/nettverk\/[0-9]{1,9}\/dokumenter$/],
};
