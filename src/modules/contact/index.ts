import type { ModuleManifest } from "../../kernel/manifest";
import { contactRetention } from "./retention";
import { contactPage, contactRoutes } from "./routes";
import * as schema from "./schema";

export { contactPage, contactRoutes } from "./routes";
export { findContactMessage, submitContactMessage } from "./service";

/** What the app needs of this module (see kernel/manifest.ts). */
export const manifest: ModuleManifest = {
  name: "contact",
  publicRoutes: [() => contactRoutes()],
  schema,
  contentPages: () => [contactPage],
  housekeeping: [contactRetention],
};
