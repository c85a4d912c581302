import type { Hono } from "hono";
import type { Db } from "../db/client";
import type { IdentityReads } from "../modules/identity";
import type { RegisterUrls } from "../modules/organisations";
import type { ContentPage } from "../web/content-pages";
import type { Lang } from "../web/i18n";
import type { AppEnv } from "./context";

/** What the app hands a module's route factories when it mounts them. */
export type RouteContext = {
  /** Every module's pages that carry the feedback widget (`contentPages` below). */
  contentPages: () => ContentPage[];
  /** The reads the modules built on identity lend it (`identityReads` below). */
  identityReads: IdentityReads;
  /** Where the unit registers are fetched from (configuration; tests point it elsewhere). */
  registerUrls: RegisterUrls | undefined;
};

/** A Hono sub-app, mounted at "/" (its paths carry the language prefix themselves). */
export type RouteFactory = (context: RouteContext) => Hono<AppEnv>;

/** An entry of the signed-in menu, shown to a person holding a permission that starts with `permission`. */
export type NavEntry = {
  /** Place in the menu, ascending, after the public links and before the profile link. */
  position: number;
  /** The path without the language prefix, e.g. "/puljer". */
  path: string;
  /** The label in each language. */
  label: (lang: Lang) => string;
  /** A permission prefix such as "read:cohort:". */
  permission: string;
};

/** Work the server runs now and then (every instance may: the work must be idempotent). */
export type HousekeepingJob = {
  /** For the log: "invitation chain". */
  name: string;
  everyMinutes: number;
  /** Does the work; returns a log line when it did something (and queued mail), else null. */
  run: (db: Db, context: { now: Date; baseUrl: string }) => Promise<string | null>;
};

/**
 * What the app needs of a module, declared once in the module's index.ts. The app mounts the
 * routes, the layout builds the menu, db/schema.ts collects the schema and the server runs the
 * jobs, each by looping over the list in src/modules/index.ts.
 */
export type ModuleManifest = {
  name: string;
  /** Mounted before sign-in is required, in the list's order. */
  publicRoutes?: RouteFactory[];
  /** Mounted after `requireSignIn()`, in the list's order. */
  signedInRoutes?: RouteFactory[];
  nav?: NavEntry[];
  /** The module's tables (`import * as schema from "./schema"`). */
  schema?: Record<string, unknown>;
  /**
   * Pages that carry the feedback widget. A function, read when the app is built: a constant
   * named here could still be uninitialised while the modules' imports cycle through the layout.
   */
  contentPages?: () => ContentPage[];
  /** Read-only functions identity needs of this module (identity cannot import it). */
  identityReads?: Partial<IdentityReads>;
  housekeeping?: HousekeepingJob[];
};
