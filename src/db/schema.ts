import * as kernel from "../kernel/schema";
import { appModules } from "../modules";

/**
 * Every table the app has: the kernel's and each module's (from its manifest). drizzle-kit
 * finds the same tables through drizzle.config.ts's globs.
 */
export const schema: Record<string, unknown> = Object.assign(
  {},
  kernel,
  ...appModules().map((m) => m.schema ?? {}),
);
