import type { Hono } from "hono";
import type { Child } from "hono/jsx";
import type { Db } from "../db/client";
import type { AuditActionTexts, IdentityReads } from "../modules/identity";
import type { RegisterUrls } from "../modules/organisations";
import type { ContentPage } from "../web/content-pages";
import type { Lang } from "../web/i18n";
import type { Clock } from "./clock";
import type { AppEnv } from "./context";
import type { JobHandlers } from "./jobs";
import type { Mailer } from "./mailer";
import type { FileStore } from "./storage";

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

/**
 * A part of a programme's public page that another module owns: the cohorts and their figures,
 * the application round and the way in. The programmes module renders the page and places
 * every module's section on it, never reading their tables.
 */
export type ProgrammeSection = {
  /** Place among the sections, ascending (after the programme's own text, before contact). */
  position: number;
  /**
   * The section for a published programme in a language, or null when the module has nothing
   * to show for it. The page is shared by everyone not signed in (the page cache): nothing in
   * it may depend on who reads it.
   */
  render: (
    db: Db,
    programme: { id: number; slug: string },
    lang: Lang,
    now: Date,
  ) => Promise<Child | null>;
};

/** Work the server runs now and then (every instance may: the work must be idempotent). */
export type HousekeepingJob = {
  /** For the log: "invitation chain". */
  name: string;
  everyMinutes: number;
  /** Does the work; returns a log line when it did something (and queued mail), else null. */
  run: (db: Db, context: { now: Date; baseUrl: string }) => Promise<string | null>;
};

/** What the app hands a module's job handlers when the job loop is built. */
export type JobContext = {
  db: Db;
  clock: Clock;
  /** Base of links in mail (configuration, never a request). */
  linkBase: string;
  /** The mailer the mail job sends with (mailings send their own mail through it). */
  mailer?: Mailer;
  /** The signing secret, for links in mail that carry a signed token (unsubscribe). */
  secret?: string;
  /** How many mails a mailing sends per second at most (MAILING_RATE_PER_SECOND). */
  mailingRatePerSecond?: number;
  /** The envelope sender of mailings, where bounces go (BOUNCE_ADDRESS). */
  bounceAddress?: string;
};

/** What a module's demo is seeded with (SEED_DEMO; the test templates). */
export type DemoContext = {
  /** The day the demo is seeded on (Europe/Oslo): live deadlines are counted from it. */
  today: string;
  /** Base of links in the mail the demo's acts queue (db/seed.ts empties the queue after). */
  baseUrl: string;
  /** Where the demo's files go (documents on programme pages): the app's file store. */
  files: FileStore;
};

/**
 * A module's part of the demo. db/seed.ts runs each phase over every manifest in ascending
 * `order` before the next phase: `everyStart`, then (once per database) `seed`, then `people`.
 */
export type DemoSeed = {
  /** A module whose demo reads another module's demo data comes after it. */
  order: number;
  /** Idempotent work at every start with the demo, before any data is seeded. */
  everyStart?: (db: Db, context: DemoContext) => Promise<void>;
  /** Whether this module's demo data is there; when any module's is, no module's `seed` runs. */
  seeded?: (db: Db) => Promise<boolean>;
  /**
   * The module's demo data, written once per database, in bulk. It reads what it needs of
   * other modules' demo data through their index.ts; what its acts queue as mail is history
   * and is not sent.
   */
  seed?: (db: Db, context: DemoContext) => Promise<void>;
  /**
   * The demo's people, after every module's data, at every start (a demo person who deleted
   * themself is back at the next start); skips those that exist. Apart from `seed` because the
   * test templates hold the demo with and without its people.
   */
  people?: (db: Db, now: Date) => Promise<void>;
};

/**
 * What the app needs of a module, declared once in the module's index.ts. The app mounts the
 * routes, the layout builds the menu, db/schema.ts collects the schema and the server runs the
 * jobs and db/seed.ts seeds the demo, each by looping over the list in src/modules/index.ts.
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
  /**
   * The kinds of job the module queues (kernel/jobs.ts) and how the job loop does each: work
   * that must happen once the module's transaction commits, but not in the request (a receipt's
   * PDF and mail). The server and the tests' job runners merge them with the mail job's.
   */
  jobHandlers?: (context: JobContext) => JobHandlers;
  /**
   * What the audit log says of the actions this module writes (`action` codes), in each
   * language: identity shows the log and reads them from here (a test checks every code).
   */
  auditActions?: AuditActionTexts;
  /**
   * Path prefixes (without the language) of the module's work pages, which get the wide
   * layout for tables and forms side by side: "/puljer" covers "/nb/puljer/3/…".
   */
  workAreas?: string[];
  /**
   * Paths (with the language) whose posts may be larger than the 64 kB every form gets: the
   * module's upload routes, which check their own limit.
   */
  largeUploads?: RegExp[];
  /**
   * The application deadline of each of these cohorts that has an application round: lent by
   * the module that runs the rounds to the cohort pages ("Mine puljer"), which cannot import it.
   */
  applicationDeadlines?: (db: Db, cohortIds: number[]) => Promise<Map<number, Date>>;
  /** Sections the module adds to a programme's public page (see `ProgrammeSection`). */
  programmeSections?: ProgrammeSection[];
  /** The module's demo data (development and tests; see `DemoSeed`). */
  demo?: DemoSeed;
};
