import type { ModuleManifest } from "../../kernel/manifest";
import { newsletterPage, newsletterRoutes } from "./routes";
import * as schema from "./schema";

export { isOneClickUnsubscribe, newsletterPage, newsletterRoutes } from "./routes";
export {
  confirmSubscription,
  findSubscription,
  readConfirmToken,
  readUnsubscribeToken,
  subscribe,
  subscriberAudience,
  unsubscribe,
  unsubscribeLink,
} from "./service";

/** What the app needs of this module (see kernel/manifest.ts). */
export const manifest: ModuleManifest = {
  name: "newsletter",
  publicRoutes: [() => newsletterRoutes()],
  schema,
  contentPages: () => [newsletterPage],
};
