import type { ModuleManifest } from "../../kernel/manifest";
import { applicationAuditActions } from "./audit-texts";
import * as schema from "./schema";

/** What the app needs of this module (see kernel/manifest.ts). */
export const manifest: ModuleManifest = {
  name: "applications",
  schema,
  auditActions: applicationAuditActions,
};
