import { and, count, eq, isNotNull, isNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ORIGIN, type TestApp, testApp } from "../../../tests/support/app";
import { databaseKinds } from "../../../tests/support/db";
import { registeredRoutes, routeMatches } from "../../../tests/support/routes";
import { jobs } from "../../kernel/schema";
import {
  applicationRounds,
  applications,
  participations,
  planActivities,
} from "../applications/schema";
import { cohorts } from "../cohorts/schema";
import { createGathering, register } from "../gatherings";
import { gatheringInput } from "../gatherings/factories";
import { gatherings } from "../gatherings/schema";
import { grants, travelClaimReceipts, travelClaims } from "../grants/schema";
import { learningNetworks, networkMeetings } from "../networks/schema";
import { getUnit, unitsOfMunicipality } from "../organisations";
import { programmesOwnedBy } from "../programmes";
import { programmeDocuments } from "../programmes/schema";
import { demoEmail, seedDemoPeople } from "./demo";
import { insertTestPerson } from "./factories";
import {
  affiliations,
  auditLog,
  people,
  roleAssignments,
  roleInvitations,
  sessions,
  signInCodes,
} from "./schema";
import { ABSOLUTE_MS, createSession, IDLE_MS } from "./sessions";
import { CODE_MAX_ATTEMPTS, requestCode, verifyCode } from "./sign-in";

const COOKIE = "samspill-session";

describe.each(databaseKinds)("people, sign-in and permissions on %s", (kind) => {
  let t: TestApp;
  const ids: Record<string, number> = {};
  let school = "";
  let kindergarten = "";
  let cohort3 = 0;
  // FUB/FUG's application rounds in the demo (demo.ts of applications): cohort 1's is decided,
  // with Kristiansand granted and its tailored plan under way; cohort 2's is open.
  const fub = {
    decidedCohort: 0,
    openCohort: 0,
    kristiansand: 0,
    drammen: 0,
    lillesandDraft: 0,
    openRound: 0,
    plan: 0,
    doneActivity: 0,
  };
  /** IBS's information letter on its programme page. */
  let ibsLetter = 0;

  beforeAll(async () => {
    // With the demo people's steps of every module: Vera is named to FUB/FUG's rounds.
    t = await testApp(kind, { demoPeople: true });
    await seedDemoPeople(t.db, t.clock.now());
    for (const key of ["ada", "frida", "siv", "kari", "rune", "bente", "sverre", "stine", "vera"]) {
      const [p] = await t.db
        .select()
        .from(people)
        .where(eq(people.email, demoEmail(key)));
      ids[key] = p!.id;
    }
    ids.norole = await insertTestPerson(
      t.db,
      { name: "Uten Rolle", email: "uten@samspill.example" },
      t.clock.now(),
    );
    // Lillesand's coordinator (Lillesand has a draft in the open round), and an assessor of
    // FUB/FUG's whom nobody named to a round.
    ids.mona = await insertTestPerson(
      t.db,
      {
        name: "Mona Lillesand",
        email: "mona@kommune.samspill.example",
        role: { role: "municipal-coordinator", orgId: "4215" },
      },
      t.clock.now(),
    );
    ids.viggo = await insertTestPerson(
      t.db,
      {
        name: "Viggo Vurderer",
        email: "viggo@fub.samspill.example",
        role: { role: "assessor", orgId: "fub" },
      },
      t.clock.now(),
    );
    const appOf = async (code: string) => {
      const [row] = await t.db
        .select({ app: applications, round: applicationRounds })
        .from(applications)
        .innerJoin(applicationRounds, eq(applicationRounds.id, applications.roundId))
        .where(eq(applications.municipalityCode, code));
      return row!;
    };
    const kristiansand = await appOf("4204");
    const drammen = await appOf("3301");
    fub.decidedCohort = kristiansand.round.cohortId;
    fub.openCohort = drammen.round.cohortId;
    fub.openRound = drammen.round.id;
    fub.kristiansand = kristiansand.app.id;
    fub.drammen = drammen.app.id;
    fub.lillesandDraft = (await appOf("4215")).app.id;
    const [plan] = await t.db
      .select()
      .from(participations)
      .where(eq(participations.municipalityCode, "4204"));
    fub.plan = plan!.id;
    const [done] = await t.db
      .select()
      .from(planActivities)
      .where(and(eq(planActivities.participationId, plan!.id), isNotNull(planActivities.doneAt)));
    fub.doneActivity = done!.id;
    school = (await unitsOfMunicipality(t.db, "4204", { type: "school", active: true }))[0]!
      .orgNumber;
    kindergarten = (
      await unitsOfMunicipality(t.db, "4204", { type: "kindergarten", active: true })
    )[0]!.orgNumber;
    const [c3] = await t.db.select().from(cohorts).where(eq(cohorts.number, 3));
    cohort3 = c3!.id;
    const [letter] = await t.db
      .select()
      .from(programmeDocuments)
      .where(eq(programmeDocuments.titleNb, "Les fullstendig informasjonsbrev om tilbudet"));
    ibsLetter = letter!.id;
  });
  afterAll(() => t.close());

  const as = async (who: string) =>
    `${COOKIE}=${await createSession(t.db, ids[who]!, "test", t.clock.now())}`;
  /** The requests the permission matrix sends ("GET /nb/meg"), to find routes it leaves out. */
  const matrixRequests = new Set<string>();
  let inMatrix = false;
  const get = async (path: string, who?: string) => {
    if (inMatrix) matrixRequests.add(`GET ${path}`);
    return t.app.request(path, who ? { headers: { Cookie: await as(who) } } : {});
  };
  const post = async (path: string, who: string | undefined, form: Record<string, string> = {}) => {
    if (inMatrix) matrixRequests.add(`POST ${path}`);
    return t.post(path, form, who ? { Cookie: await as(who) } : {});
  };

  const roleIdOf = async (who: string) => {
    const [role] = await t.db
      .select()
      .from(roleAssignments)
      .where(and(eq(roleAssignments.personId, ids[who]!), isNull(roleAssignments.revokedAt)));
    return role!.id;
  };
  const text = async (res: Response) =>
    (await res.text()).replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");

  describe("the permission matrix", () => {
    const everyone = [
      "ada",
      "frida",
      "siv",
      "kari",
      "rune",
      "bente",
      "sverre",
      "stine",
      "norole",
      "vera",
      "viggo",
      "mona",
    ] as const;
    type Who = (typeof everyone)[number];
    const admins: Who[] = ["ada", "frida"];
    // No role, or one that reads no organisation: an assessor reads only the applications.
    const noOrganisations: Who[] = ["norole", "vera", "viggo"];
    // Who may register for gatherings: every role of the sector (register:gathering:own), not
    // an assessor, whose only role is to assess a round.
    const takesPart = everyone.filter((w) => !["norole", "vera", "viggo"].includes(w));
    /** The demo's national gathering of IBS cohort 1 (Udir organises it): its day's pages. */
    const udirDay = async (rest: string) => {
      const [g] = await t.db
        .select({ id: gatherings.id })
        .from(gatherings)
        .where(eq(gatherings.titleNb, "Nasjonal samling 1 for pulje 1"));
      return `/nb/admin/samlinger/${g!.id}${rest}`;
    };
    /** A demo gathering's path by its title (the gatherings module's demo.ts). */
    const gatheringPath = async (title: string, rest: string, prefix = "/nb/admin/samlinger") => {
      const [g] = await t.db
        .select({ id: gatherings.id })
        .from(gatherings)
        .where(eq(gatherings.titleNb, title));
      return `${prefix}/${g!.id}${rest}`;
    };
    /** IBS cohort 3 (live, with the grants' demo) and Arendal's grant in it. */
    const ibsCohort3 = async () => {
      const [row] = await t.db
        .select({ id: cohorts.id })
        .from(cohorts)
        .where(eq(cohorts.number, 3));
      return row!.id;
    };
    /** The demo's first travel claim (cohort 1, a participant from Arendal): its id and paths. */
    const demoClaim = async () => {
      const [row] = await t.db
        .select({
          id: travelClaims.id,
          personId: travelClaims.personId,
          gatheringId: travelClaims.gatheringId,
          cohortId: cohorts.id,
          receipt: travelClaimReceipts.id,
        })
        .from(travelClaims)
        .innerJoin(travelClaimReceipts, eq(travelClaimReceipts.claimId, travelClaims.id))
        .innerJoin(cohorts, eq(cohorts.number, 1))
        .orderBy(travelClaims.id)
        .limit(1);
      return row!;
    };
    /** A national gathering of IBS cohort 1 in 2018 that Rune (Kristiansand) attended. */
    let runeGathering: Promise<number> | undefined;
    const runeAttended = () => {
      runeGathering ??= (async () => {
        const [ibs] = await programmesOwnedBy(t.db, ["udir"]);
        const [c1] = await t.db.select().from(cohorts).where(eq(cohorts.number, 1));
        const opens = new Date("2018-04-01T08:00:00Z");
        const made = await createGathering(
          t.db,
          gatheringInput(ibs!.id, {
            day: "2018-05-15",
            cohortId: c1!.id,
            titleNb: "Nasjonal samling 2 for pulje 1",
            titleNn: "Nasjonal samling 2 for pulje 1",
            registrationOpensAt: opens,
            registrationClosesAt: new Date("2018-05-10T08:00:00Z"),
          }),
          { personId: null, now: opens, baseUrl: "http://localhost" },
        );
        if (!made.ok) throw new Error(JSON.stringify(made.errors));
        const registered = await register(
          t.db,
          { gatheringId: made.gatheringId, personId: ids.rune!, sessionIds: [] },
          {
            personId: ids.rune!,
            now: new Date("2018-04-15T08:00:00Z"),
            baseUrl: "http://localhost",
          },
        );
        if (!registered.ok) throw new Error(JSON.stringify(registered.errors));
        return made.gatheringId;
      })();
      return runeGathering;
    };
    const arendalGrant = async () => {
      const [row] = await t.db
        .select({ id: grants.id })
        .from(grants)
        .where(eq(grants.municipalityCode, "4203"));
      return row!.id;
    };
    /** IBS, Udir's programme (the outcomes' demo is imported for it). */
    const ibsProgramme = async () =>
      (await programmesOwnedBy(t.db, ["udir"])).find((p) => p.slug.startsWith("inkluderende"))!.id;
    const agderRegional = "Regional samling i Agder for pulje 3";
    const kristiansandLocal = "Lokal samling i Kristiansand";
    // Who organises gatherings (decision 0029): the programme admins (national), the county
    // coordinator (regional), the municipal coordinators (local: Kari's Kristiansand, Mona's
    // Lillesand), each only their own.
    const organisers: Who[] = ["ada", "frida", "siv", "kari", "mona"];
    // Who reads learning networks at all (read:network:*): municipalities, units, the county office.
    const networkReaders: Who[] = ["siv", "kari", "rune", "bente", "sverre", "stine", "mona"];
    const arendalNetwork = "Lærende nettverk for enhetene i Arendal";
    const agderSor = "Agder sør: trygge skolemiljø";
    /** A demo network's path by its name (the networks module's demo.ts). */
    const networkPath = async (name: string, rest: string) => {
      const [n] = await t.db
        .select({ id: learningNetworks.id })
        .from(learningNetworks)
        .where(eq(learningNetworks.name, name));
      return `/nb/nettverk/${n!.id}${rest}`;
    };
    /** The demo network's first meeting (held a few days before the demo's day). */
    const meetingPathOf = async (name: string, rest: string) => {
      const [n] = await t.db
        .select({ id: learningNetworks.id })
        .from(learningNetworks)
        .where(eq(learningNetworks.name, name));
      const [m] = await t.db
        .select({ id: networkMeetings.id })
        .from(networkMeetings)
        .where(eq(networkMeetings.networkId, n!.id))
        .orderBy(networkMeetings.startsAt);
      return `/nb/nettverk/${n!.id}/moter/${m!.id}${rest}`;
    };
    const routes: {
      name: string;
      send: (who?: string) => Promise<Response>;
      allowed: Who[];
      okStatus?: number;
    }[] = [
      { name: "GET /nb/meg", send: (w) => get("/nb/meg", w), allowed: [...everyone] },
      { name: "GET /nb/meg/data", send: (w) => get("/nb/meg/data", w), allowed: [...everyone] },
      { name: "GET /nb/meg/slett", send: (w) => get("/nb/meg/slett", w), allowed: [...everyone] },
      {
        name: "GET /nb/organisasjoner",
        send: (w) => get("/nb/organisasjoner?q=kristiansand", w),
        allowed: everyone.filter((w) => !noOrganisations.includes(w)),
      },
      {
        name: "GET kommune/4204",
        send: (w) => get("/nb/organisasjoner/kommune/4204", w),
        allowed: ["ada", "frida", "siv", "kari", "rune"],
      },
      {
        name: "GET kommune/0301",
        send: (w) => get("/nb/organisasjoner/kommune/0301", w),
        allowed: admins,
      },
      {
        name: "GET enhet/<school in 4204>",
        send: (w) => get(`/nb/organisasjoner/enhet/${school}`, w),
        allowed: ["ada", "frida", "siv", "kari", "rune", "sverre", "stine"],
      },
      {
        name: "GET enhet/<kindergarten in 4204>",
        send: (w) => get(`/nb/organisasjoner/enhet/${kindergarten}`, w),
        allowed: ["ada", "frida", "siv", "kari", "rune", "bente"],
      },
      {
        name: "GET statsforvaltere",
        send: (w) => get("/nb/organisasjoner/statsforvaltere", w),
        allowed: admins,
      },
      {
        name: "GET pp-tjenester",
        send: (w) => get("/nb/organisasjoner/pp-tjenester", w),
        allowed: everyone.filter((w) => !noOrganisations.includes(w)),
      },
      // Applications (decision 0020), on FUB/FUG's demo rounds: a municipality's coordinators
      // apply for it alone (Kari for Kristiansand, Mona for Lillesand); FUB/FUG's admin runs
      // the rounds, decides and follows the plans, Udir's admin none of it; an assessor sees
      // only the rounds she is named to (Vera; Viggo is named to none).
      {
        name: "GET /nb/soknader",
        send: (w) => get("/nb/soknader", w),
        allowed: ["kari", "mona"],
      },
      {
        name: "POST /nb/soknader (no round)",
        send: (w) => post("/nb/soknader", w, { round: "99999", municipality: "4204" }),
        allowed: ["kari"],
        okStatus: 404,
      },
      // Files of an application: its municipality's coordinators, its programme's admin, the
      // assessors named for its round (Vera, not in this list); an unknown file is then 404.
      {
        name: "GET /nb/soknader/<Kristiansand's>/vedlegg/:fileId (unknown)",
        send: (w) => get(`/nb/soknader/${fub.kristiansand}/vedlegg/AAAAAAAAAAAAAAAAAAAAAA`, w),
        allowed: ["kari"],
        okStatus: 404,
      },
      {
        name: "GET /nb/admin/soknader/<Kristiansand's>/vedlegg/:fileId (unknown)",
        send: (w) =>
          get(`/nb/admin/soknader/${fub.kristiansand}/vedlegg/AAAAAAAAAAAAAAAAAAAAAA`, w),
        allowed: ["frida"],
        okStatus: 404,
      },
      {
        name: "GET /nb/vurdering/soknader/<Kristiansand's>/vedlegg/:fileId (unknown)",
        send: (w) =>
          get(`/nb/vurdering/soknader/${fub.kristiansand}/vedlegg/AAAAAAAAAAAAAAAAAAAAAA`, w),
        allowed: ["vera"],
        okStatus: 404,
      },
      {
        name: "POST /nb/soknader (Lillesand's application in the open round: there already)",
        send: (w) =>
          post("/nb/soknader", w, { round: String(fub.openRound), municipality: "4215" }),
        allowed: ["mona"],
        okStatus: 303,
      },
      {
        name: "GET /nb/soknader/<Kristiansand's, decided>",
        send: (w) => get(`/nb/soknader/${fub.kristiansand}`, w),
        allowed: ["kari"],
      },
      {
        name: "GET /nb/soknader/<Kristiansand's>/kvittering",
        send: (w) => get(`/nb/soknader/${fub.kristiansand}/kvittering`, w),
        allowed: ["kari"],
      },
      {
        name: "GET /nb/soknader/<Kristiansand's>/soknad.pdf",
        send: (w) => get(`/nb/soknader/${fub.kristiansand}/soknad.pdf`, w),
        allowed: ["kari"],
      },
      {
        name: "GET /nb/soknader/<Lillesand's draft>",
        send: (w) => get(`/nb/soknader/${fub.lillesandDraft}`, w),
        allowed: ["mona"],
      },
      {
        name: "GET /nb/soknader/<Lillesand's draft>/del/motivasjon",
        send: (w) => get(`/nb/soknader/${fub.lillesandDraft}/del/motivasjon`, w),
        allowed: ["mona"],
      },
      {
        name: "POST /nb/soknader/<Lillesand's draft>/del/motivasjon (nothing drawn)",
        send: (w) => post(`/nb/soknader/${fub.lillesandDraft}/del/motivasjon`, w),
        allowed: ["mona"],
        okStatus: 303,
      },
      {
        name: "POST /nb/soknader/<Lillesand's draft>/send (answers missing)",
        send: (w) => post(`/nb/soknader/${fub.lillesandDraft}/send`, w),
        allowed: ["mona"],
        okStatus: 422,
      },
      {
        name: "POST /nb/soknader/:id/trekk (unknown)",
        send: (w) => post("/nb/soknader/999999/trekk", w),
        allowed: ["kari", "mona"],
        okStatus: 404,
      },
      {
        name: "GET /nb/admin/puljer/<FUB/FUG's open cohort>/soknadsrunde",
        send: (w) => get(`/nb/admin/puljer/${fub.openCohort}/soknadsrunde`, w),
        allowed: ["frida"],
      },
      {
        name: "GET /nb/admin/puljer/<Udir's cohort 3>/soknadsrunde",
        send: (w) => get(`/nb/admin/puljer/${cohort3}/soknadsrunde`, w),
        allowed: ["ada"],
      },
      {
        name: "GET /nb/admin/puljer/:id/soknadsrunde (unknown)",
        send: (w) => get("/nb/admin/puljer/999999/soknadsrunde", w),
        allowed: admins,
        okStatus: 404,
      },
      {
        name: "POST /nb/admin/puljer/<FUB/FUG's open cohort>/soknadsrunde (empty)",
        send: (w) => post(`/nb/admin/puljer/${fub.openCohort}/soknadsrunde`, w),
        allowed: ["frida"],
        okStatus: 422,
      },
      {
        name: "POST /nb/admin/puljer/<FUB/FUG's decided cohort>/soknadsrunde/stenging (closed)",
        send: (w) => post(`/nb/admin/puljer/${fub.decidedCohort}/soknadsrunde/stenging`, w),
        allowed: ["frida"],
        okStatus: 303,
      },
      {
        name: "POST /nb/admin/puljer/<FUB/FUG's open cohort>/soknadsrunde/vurderere (empty)",
        send: (w) => post(`/nb/admin/puljer/${fub.openCohort}/soknadsrunde/vurderere`, w),
        allowed: ["frida"],
        okStatus: 422,
      },
      {
        name: "GET /nb/admin/puljer/<FUB/FUG's open cohort>/soknadsrunde/soknader.json",
        send: (w) => get(`/nb/admin/puljer/${fub.openCohort}/soknadsrunde/soknader.json`, w),
        allowed: ["frida"],
      },
      {
        name: "GET /nb/admin/soknader/<Drammen's, submitted>",
        send: (w) => get(`/nb/admin/soknader/${fub.drammen}`, w),
        allowed: ["frida"],
      },
      {
        name: "GET /nb/admin/soknader/:id (unknown)",
        send: (w) => get("/nb/admin/soknader/999999", w),
        allowed: admins,
        okStatus: 404,
      },
      {
        name: "POST /nb/admin/soknader/<Drammen's>/vedtak (empty)",
        send: (w) => post(`/nb/admin/soknader/${fub.drammen}/vedtak`, w),
        allowed: ["frida"],
        okStatus: 422,
      },
      {
        name: "POST /nb/admin/soknader/<Drammen's>/gjenapning (empty)",
        send: (w) => post(`/nb/admin/soknader/${fub.drammen}/gjenapning`, w),
        allowed: ["frida"],
        okStatus: 422,
      },
      {
        name: "GET /nb/admin/soknader/<Kristiansand's>/soknad.json",
        send: (w) => get(`/nb/admin/soknader/${fub.kristiansand}/soknad.json`, w),
        allowed: ["frida"],
      },
      {
        name: "GET /nb/admin/soknader/<Kristiansand's>/soknad.pdf",
        send: (w) => get(`/nb/admin/soknader/${fub.kristiansand}/soknad.pdf`, w),
        allowed: ["frida"],
      },
      {
        name: "GET /nb/admin/tilbud/<FUB/FUG's>/soknadsskjema",
        send: (w) => get("/nb/admin/tilbud/bedre-foreldresamarbeid/soknadsskjema", w),
        allowed: ["frida"],
      },
      {
        name: "GET /nb/admin/tilbud/<Udir's>/soknadsskjema",
        send: (w) => get("/nb/admin/tilbud/inkluderende-barnehage-og-skolemiljo/soknadsskjema", w),
        allowed: ["ada"],
      },
      {
        name: "GET /nb/admin/tilbud/:slug/soknadsskjema (unknown)",
        send: (w) => get("/nb/admin/tilbud/finnes-ikke/soknadsskjema", w),
        allowed: admins,
        okStatus: 404,
      },
      {
        name: "POST /nb/admin/tilbud/<FUB/FUG's>/soknadsskjema/handling (no act)",
        send: (w) => post("/nb/admin/tilbud/bedre-foreldresamarbeid/soknadsskjema/handling", w),
        allowed: ["frida"],
        okStatus: 400,
      },
      {
        name: "POST /nb/admin/tilbud/<FUB/FUG's>/soknadsskjema/del/0 (empty)",
        send: (w) => post("/nb/admin/tilbud/bedre-foreldresamarbeid/soknadsskjema/del/0", w),
        allowed: ["frida"],
        okStatus: 422,
      },
      {
        name: "GET /nb/admin/tilbud/<FUB/FUG's>/soknadsskjema/sporsmal/0/0",
        send: (w) => get("/nb/admin/tilbud/bedre-foreldresamarbeid/soknadsskjema/sporsmal/0/0", w),
        allowed: ["frida"],
      },
      {
        name: "POST /nb/admin/tilbud/<FUB/FUG's>/soknadsskjema/sporsmal/0/0 (no kind)",
        send: (w) => post("/nb/admin/tilbud/bedre-foreldresamarbeid/soknadsskjema/sporsmal/0/0", w),
        allowed: ["frida"],
        okStatus: 400,
      },
      {
        name: "GET /nb/vurdering",
        send: (w) => get("/nb/vurdering", w),
        allowed: ["vera", "viggo"],
      },
      {
        name: "GET /nb/vurdering/soknader/<Drammen's>",
        send: (w) => get(`/nb/vurdering/soknader/${fub.drammen}`, w),
        allowed: ["vera"],
      },
      {
        name: "GET /nb/vurdering/soknader/<Lillesand's draft>",
        send: (w) => get(`/nb/vurdering/soknader/${fub.lillesandDraft}`, w),
        allowed: ["vera", "viggo"],
        okStatus: 404,
      },
      {
        // Vera's demo assessment of Drammen's is submitted: it is final.
        name: "POST /nb/vurdering/soknader/<Drammen's> (saving over a final one)",
        send: (w) => post(`/nb/vurdering/soknader/${fub.drammen}`, w),
        allowed: ["vera"],
        okStatus: 422,
      },
      {
        name: "GET /nb/deltakelser",
        send: (w) => get("/nb/deltakelser", w),
        allowed: ["ada", "frida", "kari", "mona"],
      },
      {
        name: "GET /nb/deltakelser/<Kristiansand's plan>",
        send: (w) => get(`/nb/deltakelser/${fub.plan}`, w),
        allowed: ["frida", "kari"],
      },
      {
        name: "GET /nb/deltakelser/:id (unknown)",
        send: (w) => get("/nb/deltakelser/999999", w),
        allowed: ["ada", "frida", "kari", "mona"],
        okStatus: 404,
      },
      {
        name: "POST /nb/deltakelser/<Kristiansand's plan>/periode (empty; FUB/FUG's part)",
        send: (w) => post(`/nb/deltakelser/${fub.plan}/periode`, w),
        allowed: ["frida"],
        okStatus: 422,
      },
      {
        name: "POST /nb/deltakelser/<Kristiansand's plan>/aktiviteter (empty; both sides)",
        send: (w) => post(`/nb/deltakelser/${fub.plan}/aktiviteter`, w),
        allowed: ["frida", "kari"],
        okStatus: 422,
      },
      {
        name: "POST /nb/deltakelser/<Kristiansand's plan>/aktiviteter/<done>/gjennomfort",
        send: (w) =>
          post(`/nb/deltakelser/${fub.plan}/aktiviteter/${fub.doneActivity}/gjennomfort`, w),
        allowed: ["frida", "kari"],
        okStatus: 303,
      },
      {
        name: "POST /nb/deltakelser/<Kristiansand's plan>/aktiviteter/:activity/gjennomfort (unknown)",
        send: (w) => post(`/nb/deltakelser/${fub.plan}/aktiviteter/999999/gjennomfort`, w),
        allowed: ["frida", "kari"],
        okStatus: 404,
      },
      {
        name: "POST /nb/deltakelser/<Kristiansand's plan>/veiledning (empty; FUB/FUG's part)",
        send: (w) => post(`/nb/deltakelser/${fub.plan}/veiledning`, w),
        allowed: ["frida"],
        okStatus: 422,
      },
      {
        name: "POST /nb/deltakelser/<Kristiansand's plan>/kostnader (empty; the municipality's)",
        send: (w) => post(`/nb/deltakelser/${fub.plan}/kostnader`, w),
        allowed: ["kari"],
        okStatus: 422,
      },
      {
        name: "GET /nb/admin/personer",
        send: (w) => get("/nb/admin/personer", w),
        allowed: admins,
      },
      {
        name: "POST /nb/admin/invitasjoner (empty)",
        send: (w) => post("/nb/admin/invitasjoner", w),
        allowed: admins,
        okStatus: 422,
      },
      {
        name: "POST /nb/admin/roller/:id/endre (unknown)",
        send: (w) => post("/nb/admin/roller/999999/endre", w, { role: "staff", orgId: "x" }),
        allowed: admins,
        okStatus: 422,
      },
      {
        name: "POST /nb/admin/roller/:id/avslutt (unknown)",
        send: (w) => post("/nb/admin/roller/999999/avslutt", w),
        allowed: admins,
        okStatus: 303,
      },
      {
        name: "POST /nb/admin/invitasjoner/:id/trekk (unknown)",
        send: (w) => post("/nb/admin/invitasjoner/999999/trekk", w),
        allowed: admins,
        okStatus: 303,
      },
      {
        name: "GET /nb/admin/organisasjonsvalg (the role forms' search)",
        send: (w) => get("/nb/admin/organisasjonsvalg?q=kristiansand&rolle=staff", w),
        allowed: admins,
      },
      {
        name: "GET /nb/admin/roller/<Kari's role>/endre",
        send: async (w) => get(`/nb/admin/roller/${await roleIdOf("kari")}/endre`, w),
        allowed: ["ada"],
      },
      {
        name: "POST /nb/admin/roller/<Kari's role>/endre (search only)",
        send: async (w) =>
          post(`/nb/admin/roller/${await roleIdOf("kari")}/endre`, w, {
            role: "municipal-coordinator",
            orgQuery: "Kristiansand",
            action: "search",
          }),
        allowed: ["ada"],
      },
      { name: "GET /nb/admin/logg", send: (w) => get("/nb/admin/logg", w), allowed: admins },
      { name: "GET /nb/admin/import", send: (w) => get("/nb/admin/import", w), allowed: admins },
      {
        name: "POST /nb/admin/import (no file)",
        send: (w) => post("/nb/admin/import", w, { source: "nsr" }),
        allowed: admins,
        okStatus: 422,
      },
      // A draft is its uploader's alone: another admin gets 404 (see organisations/import.test.ts).
      {
        name: "GET /nb/admin/import/:draft (unknown)",
        send: (w) => get("/nb/admin/import/999999", w),
        allowed: admins,
        okStatus: 404,
      },
      {
        name: "POST /nb/admin/import/:draft (unknown)",
        send: (w) => post("/nb/admin/import/999999", w, { confirmClosures: "yes" }),
        allowed: admins,
        okStatus: 404,
      },
      {
        name: "GET /nb/admin/import/kjoringer/:run (unknown)",
        send: (w) => get("/nb/admin/import/kjoringer/999999", w),
        allowed: admins,
        okStatus: 404,
      },
      { name: "GET /nb/admin/tilbud", send: (w) => get("/nb/admin/tilbud", w), allowed: admins },
      {
        name: "GET /nb/admin/tilbud/<Udir's programme>",
        send: (w) => get("/nb/admin/tilbud/inkluderende-barnehage-og-skolemiljo", w),
        allowed: ["ada"],
      },
      {
        name: "GET /nb/admin/tilbud/<FUB/FUG's programme>",
        send: (w) => get("/nb/admin/tilbud/bedre-foreldresamarbeid", w),
        allowed: ["frida"],
      },
      {
        name: "POST /nb/admin/tilbud/<Udir's>/tekst/nb (empty)",
        send: (w) => post("/nb/admin/tilbud/inkluderende-barnehage-og-skolemiljo/tekst/nb", w),
        allowed: ["ada"],
        okStatus: 422,
      },
      {
        name: "POST /nb/admin/tilbud/<Udir's>/versjoner/:id/gjenopprett (unknown)",
        send: (w) =>
          post(
            "/nb/admin/tilbud/inkluderende-barnehage-og-skolemiljo/versjoner/999999/gjenopprett",
            w,
          ),
        allowed: ["ada"],
        okStatus: 404,
      },
      {
        name: "GET /nb/admin/tilbud/<Udir's>/dokumenter/<IBS's letter>",
        send: (w) =>
          get(`/nb/admin/tilbud/inkluderende-barnehage-og-skolemiljo/dokumenter/${ibsLetter}`, w),
        allowed: ["ada"],
      },
      {
        name: "POST /nb/admin/tilbud/<Udir's>/dokumenter (empty)",
        send: (w) => post("/nb/admin/tilbud/inkluderende-barnehage-og-skolemiljo/dokumenter", w),
        allowed: ["ada"],
        okStatus: 422,
      },
      {
        name: "POST /nb/admin/tilbud/<Udir's>/dokumenter/:id/fjern (unknown)",
        send: (w) =>
          post("/nb/admin/tilbud/inkluderende-barnehage-og-skolemiljo/dokumenter/999999/fjern", w),
        allowed: ["ada"],
        okStatus: 404,
      },
      {
        name: "POST /nb/admin/tilbud/<FUB/FUG's>/publiser",
        send: (w) => post("/nb/admin/tilbud/bedre-foreldresamarbeid/publiser", w),
        allowed: ["frida"],
        okStatus: 303,
      },
      {
        name: "GET /nb/admin/tilbakemeldinger",
        send: (w) => get("/nb/admin/tilbakemeldinger", w),
        allowed: admins,
      },
      {
        name: "POST /nb/admin/tilbakemeldinger/:id/skjul (unknown)",
        send: (w) => post("/nb/admin/tilbakemeldinger/999999/skjul", w),
        allowed: admins,
        okStatus: 303,
      },
      {
        name: "POST /nb/admin/tilbakemeldinger/:id/behandlet (unknown)",
        send: (w) => post("/nb/admin/tilbakemeldinger/999999/behandlet", w),
        allowed: admins,
        okStatus: 303,
      },
      // The invitation chain, on the demo's live cohort 3 (Agder has invited Kristiansand,
      // Lillesand and Bente's private kindergarten; Sverre's school is not invited).
      { name: "GET /nb/puljer", send: (w) => get("/nb/puljer", w), allowed: [...everyone] },
      {
        name: "GET /nb/puljer/<cohort 3>",
        send: (w) => get(`/nb/puljer/${cohort3}`, w),
        allowed: ["ada", "siv", "kari", "rune", "bente", "mona"],
      },
      {
        name: "GET /nb/puljer/<cohort 3>/eksport.csv",
        send: (w) => get(`/nb/puljer/${cohort3}/eksport.csv`, w),
        allowed: ["ada", "siv", "kari", "rune", "bente", "mona"],
      },
      {
        name: "GET /nb/puljer/<cohort 3>/kontor/sf-agder",
        send: (w) => get(`/nb/puljer/${cohort3}/kontor/sf-agder`, w),
        allowed: ["ada", "siv"],
      },
      {
        name: "POST /nb/puljer/<cohort 3>/kontor/sf-agder/inviter (nothing chosen)",
        send: (w) => post(`/nb/puljer/${cohort3}/kontor/sf-agder/inviter`, w),
        allowed: ["siv"],
        okStatus: 422,
      },
      {
        name: "GET /nb/puljer/<cohort 3>/kommune/4204",
        send: (w) => get(`/nb/puljer/${cohort3}/kommune/4204`, w),
        allowed: ["ada", "siv", "kari", "rune"],
      },
      {
        name: "POST /nb/puljer/<cohort 3>/kommune/4204/svar (no answer)",
        send: (w) => post(`/nb/puljer/${cohort3}/kommune/4204/svar`, w, { version: "1" }),
        allowed: ["kari"],
        okStatus: 422,
      },
      {
        name: "GET /nb/puljer/<cohort 3>/enhet/<Bente's kindergarten>",
        send: (w) => get(`/nb/puljer/${cohort3}/enhet/${kindergarten}`, w),
        allowed: ["ada", "siv", "bente"],
      },
      // Gatherings: everyone with a role takes part; who a gathering admits is its own rule
      // (the gatherings module's tests). Unknown gatherings and registrations are not found.
      {
        name: "GET /nb/samlinger",
        send: (w) => get("/nb/samlinger", w),
        allowed: takesPart,
      },
      {
        name: "GET /nb/samlinger/:id (unknown)",
        send: (w) => get("/nb/samlinger/999999", w),
        allowed: takesPart,
        okStatus: 404,
      },
      {
        name: "POST /nb/samlinger/:id/pamelding (unknown)",
        send: (w) => post("/nb/samlinger/999999/pamelding", w),
        allowed: takesPart,
        okStatus: 404,
      },
      {
        name: "POST /nb/samlinger/:id/avmelding (unknown)",
        send: (w) => post("/nb/samlinger/999999/avmelding", w, { registration: "999999" }),
        allowed: takesPart,
        okStatus: 404,
      },
      {
        name: "GET /nb/admin/samlinger",
        send: (w) => get("/nb/admin/samlinger", w),
        allowed: organisers,
      },
      {
        name: "GET /nb/admin/samlinger/ny",
        send: (w) => get("/nb/admin/samlinger/ny", w),
        allowed: organisers,
      },
      {
        name: "POST /nb/admin/samlinger/ny (empty)",
        send: (w) => post("/nb/admin/samlinger/ny", w),
        allowed: organisers,
        okStatus: 422,
      },
      {
        name: "GET /nb/admin/samlinger/:id (unknown)",
        send: (w) => get("/nb/admin/samlinger/999999", w),
        allowed: organisers,
        okStatus: 404,
      },
      {
        name: "POST /nb/admin/samlinger/:id (unknown)",
        send: (w) => post("/nb/admin/samlinger/999999", w),
        allowed: organisers,
        okStatus: 404,
      },
      {
        name: "POST /nb/samlinger/:id/bekreft (unknown)",
        send: (w) => post("/nb/samlinger/999999/bekreft", w, { registration: "999999" }),
        allowed: takesPart,
        okStatus: 404,
      },
      // The participant's calendar: the feed's page and one gathering's .ics (the feed itself
      // is public: its address is its key; the gatherings module's tests).
      {
        name: "GET /nb/samlinger/kalender",
        send: (w) => get("/nb/samlinger/kalender", w),
        allowed: takesPart,
      },
      {
        name: "POST /nb/samlinger/kalender (a new address)",
        send: (w) => post("/nb/samlinger/kalender", w),
        allowed: takesPart,
      },
      {
        name: "POST /nb/samlinger/kalender/av",
        send: (w) => post("/nb/samlinger/kalender/av", w),
        allowed: takesPart,
        okStatus: 303,
      },
      {
        name: "GET /nb/samlinger/:id/kalender.ics (no seat)",
        send: (w) => get("/nb/samlinger/999999/kalender.ics", w),
        allowed: takesPart,
        okStatus: 404,
      },
      // A gathering's day (door, attendance, closing): its organiser only. FUB/FUG's admin
      // organises gatherings too, but not Udir's.
      {
        name: "GET /nb/admin/samlinger/<Udir's>/innsjekk",
        send: async (w) => get(await udirDay("/innsjekk"), w),
        allowed: ["ada"],
      },
      {
        name: "POST /nb/admin/samlinger/<Udir's>/innsjekk (no code)",
        send: async (w) => post(await udirDay("/innsjekk"), w, { code: "" }),
        allowed: ["ada"],
        okStatus: 422,
      },
      {
        name: "GET /nb/admin/samlinger/<Udir's>/oppmote",
        send: async (w) => get(await udirDay("/oppmote"), w),
        allowed: ["ada"],
      },
      {
        name: "POST /nb/admin/samlinger/<Udir's>/oppmote (nothing changed)",
        send: async (w) => post(await udirDay("/oppmote"), w),
        allowed: ["ada"],
        okStatus: 303,
      },
      {
        name: "GET /nb/admin/samlinger/<Udir's>/avslutt",
        send: async (w) => get(await udirDay("/avslutt"), w),
        allowed: ["ada"],
      },
      {
        name: "POST /nb/admin/samlinger/<Udir's>/avslutt (no number)",
        send: async (w) => post(await udirDay("/avslutt"), w, { minutes: "", presentCount: "" }),
        allowed: ["ada"],
        okStatus: 422,
      },
      {
        name: "GET /nb/admin/samlinger/:id/innsjekk (unknown)",
        send: (w) => get("/nb/admin/samlinger/999999/innsjekk", w),
        allowed: organisers,
        okStatus: 404,
      },
      {
        name: "POST /nb/admin/samlinger/:id/oppmote (unknown)",
        send: (w) => post("/nb/admin/samlinger/999999/oppmote", w),
        allowed: organisers,
        okStatus: 404,
      },
      {
        name: "POST /nb/admin/samlinger/:id/avslutt (unknown)",
        send: (w) => post("/nb/admin/samlinger/999999/avslutt", w),
        allowed: organisers,
        okStatus: 404,
      },
      // Each organiser's own gathering: the county office's regional one is Siv's, not Ada's
      // (who organises the programme's national ones); Kristiansand's local one is Kari's.
      {
        name: "GET /nb/admin/samlinger/<Agder's regional>",
        send: async (w) => get(await gatheringPath(agderRegional, ""), w),
        allowed: ["siv"],
      },
      {
        name: "POST /nb/admin/samlinger/<Agder's regional> (stale, empty)",
        send: async (w) => post(await gatheringPath(agderRegional, ""), w),
        allowed: ["siv"],
        okStatus: 422,
      },
      {
        name: "GET /nb/admin/samlinger/<Agder's regional>/innsjekk",
        send: async (w) => get(await gatheringPath(agderRegional, "/innsjekk"), w),
        allowed: ["siv"],
      },
      {
        name: "GET /nb/admin/samlinger/<Kristiansand's local>",
        send: async (w) => get(await gatheringPath(kristiansandLocal, ""), w),
        allowed: ["kari"],
      },
      {
        name: "GET /nb/admin/samlinger/<Kristiansand's local>/oppmote",
        send: async (w) => get(await gatheringPath(kristiansandLocal, "/oppmote"), w),
        allowed: ["kari"],
      },
      // A unit leader registers the unit's staff (register:gathering:unit).
      {
        name: "GET /nb/samlinger/<Agder's regional>/ansatte",
        send: async (w) => get(await gatheringPath(agderRegional, "/ansatte", "/nb/samlinger"), w),
        allowed: ["bente", "sverre"],
      },
      {
        name: "POST /nb/samlinger/<Agder's regional>/ansatte (nobody chosen)",
        send: async (w) => post(await gatheringPath(agderRegional, "/ansatte", "/nb/samlinger"), w),
        allowed: ["bente", "sverre"],
        okStatus: 422,
      },
      {
        name: "GET /nb/samlinger/:id/ansatte (unknown)",
        send: (w) => get("/nb/samlinger/999999/ansatte", w),
        allowed: ["bente", "sverre"],
        okStatus: 404,
      },
      // Learning networks (decision 0031): the list for every role that reads networks (the
      // county office sees counts only); creating for municipal coordinators; a network's
      // pages only for its members and leading municipalities. The demo's are Arendal's, so
      // every demo person here — Kari, whose Kristiansand is only invited to co-lead, Mona of
      // Lillesand, the county office, the admins — is refused them.
      { name: "GET /nb/nettverk", send: (w) => get("/nb/nettverk", w), allowed: networkReaders },
      {
        name: "GET /nb/nettverk/ny",
        send: (w) => get("/nb/nettverk/ny", w),
        allowed: ["kari", "mona"],
      },
      {
        name: "POST /nb/nettverk/ny (empty)",
        send: (w) => post("/nb/nettverk/ny", w),
        allowed: ["kari", "mona"],
        okStatus: 422,
      },
      {
        name: "POST /nb/nettverk/<Arendal's inter-municipal>/svar (Kristiansand not in the cohort yet)",
        send: async (w) => post(await networkPath(agderSor, "/svar"), w, { answer: "accept" }),
        allowed: ["kari"],
        okStatus: 422,
      },
      {
        name: "GET /nb/nettverk/<Arendal's>",
        send: async (w) => get(await networkPath(arendalNetwork, ""), w),
        allowed: [],
      },
      {
        name: "GET /nb/nettverk/<Arendal's inter-municipal>",
        send: async (w) => get(await networkPath(agderSor, ""), w),
        allowed: [],
      },
      {
        name: "POST /nb/nettverk/<Arendal's>/medlemmer",
        send: async (w) => post(await networkPath(arendalNetwork, "/medlemmer"), w),
        allowed: [],
      },
      {
        name: "POST /nb/nettverk/<Arendal's>/dokumenter",
        send: async (w) => post(await networkPath(arendalNetwork, "/dokumenter"), w),
        allowed: [],
      },
      {
        name: "GET /nb/nettverk/<Arendal's>/dokumenter/:documentId",
        send: async (w) => get(await networkPath(arendalNetwork, "/dokumenter/1"), w),
        allowed: [],
      },
      {
        name: "GET /nb/nettverk/<Arendal's>/moter/ny",
        send: async (w) => get(await networkPath(arendalNetwork, "/moter/ny"), w),
        allowed: [],
      },
      {
        name: "POST /nb/nettverk/<Arendal's>/moter/ny",
        send: async (w) => post(await networkPath(arendalNetwork, "/moter/ny"), w),
        allowed: [],
      },
      {
        name: "GET /nb/nettverk/<Arendal's>/moter/<held>",
        send: async (w) => get(await meetingPathOf(arendalNetwork, ""), w),
        allowed: [],
      },
      {
        name: "GET /nb/nettverk/<Arendal's>/moter/<held>/kalender.ics",
        send: async (w) => get(await meetingPathOf(arendalNetwork, "/kalender.ics"), w),
        allowed: [],
      },
      {
        name: "POST /nb/nettverk/<Arendal's>/moter/<held>/oppmote",
        send: async (w) => post(await meetingPathOf(arendalNetwork, "/oppmote"), w),
        allowed: [],
      },
      {
        name: "POST /nb/nettverk/<Arendal's>/moter/<held>/referat",
        send: async (w) => post(await meetingPathOf(arendalNetwork, "/referat"), w),
        allowed: [],
      },
      {
        name: "POST /nb/nettverk/<Arendal's>/moter/<held>/refleksjoner",
        send: async (w) => post(await meetingPathOf(arendalNetwork, "/refleksjoner"), w),
        allowed: [],
      },
      {
        name: "POST /nb/nettverk/<Arendal's>/medlemmer/:memberId/fjern",
        send: async (w) => post(await networkPath(arendalNetwork, "/medlemmer/1/fjern"), w),
        allowed: [],
      },
      {
        name: "GET /nb/nettverk/<Arendal's>/moter/<held>/endre",
        send: async (w) => get(await meetingPathOf(arendalNetwork, "/endre"), w),
        allowed: [],
      },
      {
        name: "POST /nb/nettverk/<Arendal's>/moter/<held>/endre",
        send: async (w) =>
          post(await meetingPathOf(arendalNetwork, "/endre"), w, { sequence: "0" }),
        allowed: [],
      },
      {
        name: "POST /nb/nettverk/<Arendal's>/moter/<held>/avlys",
        send: async (w) => post(await meetingPathOf(arendalNetwork, "/avlys"), w),
        allowed: [],
      },
      // The PP-tjeneste contact's page: only someone named as one (no demo person is).
      { name: "GET /nb/oppfolging/pp", send: (w) => get("/nb/oppfolging/pp", w), allowed: [] },
      {
        name: "GET /nb/nettverk/:id (unknown)",
        send: (w) => get("/nb/nettverk/999999", w),
        allowed: networkReaders,
        okStatus: 404,
      },
      // The organiser's overview of registrations, its print view and exports: its organiser only.
      {
        name: "GET /nb/admin/samlinger/<Udir's>/pameldte",
        send: async (w) => get(await udirDay("/pameldte?utskrift=1"), w),
        allowed: ["ada"],
      },
      {
        name: "GET /nb/admin/samlinger/<Udir's>/pameldte.csv",
        send: async (w) => get(await udirDay("/pameldte.csv"), w),
        allowed: ["ada"],
      },
      {
        name: "GET /nb/admin/samlinger/<Agder's regional>/pameldte.xlsx",
        send: async (w) => get(await gatheringPath(agderRegional, "/pameldte.xlsx"), w),
        allowed: ["siv"],
      },
      {
        name: "GET /nb/admin/samlinger/:id/pameldte (unknown)",
        send: (w) => get("/nb/admin/samlinger/999999/pameldte", w),
        allowed: organisers,
        okStatus: 404,
      },
      // The organiser's reminder to those not registered, and message to those registered.
      {
        name: "GET /nb/admin/samlinger/<Udir's>/paminnelse",
        send: async (w) => get(await udirDay("/paminnelse"), w),
        allowed: ["ada"],
      },
      {
        name: "POST /nb/admin/samlinger/:id/paminnelse (unknown)",
        send: (w) => post("/nb/admin/samlinger/999999/paminnelse", w),
        allowed: organisers,
        okStatus: 404,
      },
      {
        name: "GET /nb/admin/samlinger/<Agder's regional>/melding",
        send: async (w) => get(await gatheringPath(agderRegional, "/melding"), w),
        allowed: ["siv"],
      },
      {
        name: "POST /nb/admin/samlinger/<Agder's regional>/melding (no token)",
        send: async (w) => post(await gatheringPath(agderRegional, "/melding"), w),
        allowed: ["siv"],
        okStatus: 400,
      },
      // Copying a gathering: its organiser only, into a cohort within her reach.
      {
        name: "GET /nb/admin/samlinger/<Kristiansand's local>/kopi",
        send: async (w) => get(await gatheringPath(kristiansandLocal, "/kopi"), w),
        allowed: ["kari"],
      },
      {
        name: "POST /nb/admin/samlinger/<Udir's>/kopi (no start)",
        send: async (w) => post(await udirDay("/kopi"), w, { cohort: "", startsAt: "" }),
        allowed: ["ada"],
        okStatus: 422,
      },
      // Materials: the organiser's page; participants with a confirmed seat download.
      {
        name: "GET /nb/admin/samlinger/<Agder's regional>/materiell",
        send: async (w) => get(await gatheringPath(agderRegional, "/materiell"), w),
        allowed: ["siv"],
      },
      {
        name: "POST /nb/admin/samlinger/:id/materiell/:materialId/fjern (unknown)",
        send: (w) => post("/nb/admin/samlinger/999999/materiell/1/fjern", w),
        allowed: organisers,
        okStatus: 404,
      },
      {
        name: "GET /nb/samlinger/:id/materiell (unknown)",
        send: (w) => get("/nb/samlinger/999999/materiell", w),
        allowed: takesPart,
        okStatus: 404,
      },
      // Grants (issue 13): the programme admin of the owner runs a cohort's grants; the
      // municipal coordinator answers the municipality's own.
      {
        name: "GET /nb/admin/tilskudd",
        send: (w) => get("/nb/admin/tilskudd", w),
        allowed: admins,
      },
      {
        name: "GET /nb/admin/tilskudd/<IBS cohort 3>",
        send: async (w) => get(`/nb/admin/tilskudd/${await ibsCohort3()}`, w),
        allowed: ["ada"],
      },
      {
        name: "POST /nb/admin/tilskudd/<IBS cohort 3>/utbetal (nothing accepted to pay)",
        send: async (w) => post(`/nb/admin/tilskudd/${await ibsCohort3()}/utbetal`, w),
        allowed: ["ada"],
        okStatus: 409,
      },
      {
        name: "GET /nb/admin/tilskudd/<IBS cohort 3>/utbetalinger.csv",
        send: async (w) => get(`/nb/admin/tilskudd/${await ibsCohort3()}/utbetalinger.csv`, w),
        allowed: ["ada"],
      },
      {
        name: "GET /nb/tilskudd",
        send: (w) => get("/nb/tilskudd", w),
        allowed: ["kari", "mona"],
      },
      {
        name: "GET /nb/tilskudd/<Arendal's grant> (no demo person coordinates Arendal)",
        send: async (w) => get(`/nb/tilskudd/${await arendalGrant()}`, w),
        allowed: [],
      },
      {
        name: "POST /nb/tilskudd/<Arendal's grant>/svar",
        send: async (w) => post(`/nb/tilskudd/${await arendalGrant()}/svar`, w),
        allowed: [],
      },
      {
        name: "GET /nb/tilskudd/<Arendal's grant>/brev.pdf",
        send: async (w) => get(`/nb/tilskudd/${await arendalGrant()}/brev.pdf`, w),
        allowed: ["ada"],
      },
      // Travel support (decision 0033): whoever takes part claims for themself, the municipal
      // coordinator for the municipality's participants; the programme admin of the owner decides.
      {
        name: "GET /nb/reisestotte",
        send: (w) => get("/nb/reisestotte", w),
        allowed: takesPart,
      },
      {
        name: "GET /nb/reisestotte/ny?samling&deltaker=<someone from Arendal> (not one's own)",
        send: async (w) => {
          const c = await demoClaim();
          return get(`/nb/reisestotte/ny?samling=${c.gatheringId}&deltaker=${c.personId}`, w);
        },
        allowed: [],
      },
      {
        // Issue 13: the municipal coordinator claims for a participant of her own municipality
        // (Kari for Rune, both of Kristiansand); Rune himself may; Mona (Lillesand) may not.
        name: "GET /nb/reisestotte/ny?samling&deltaker=<Rune of Kristiansand, who attended>",
        send: async (w) =>
          get(`/nb/reisestotte/ny?samling=${await runeAttended()}&deltaker=${ids.rune}`, w),
        allowed: ["rune", "kari"],
      },
      {
        name: "POST /nb/reisestotte/ny (add a leg, for Rune of Kristiansand)",
        send: async (w) =>
          post("/nb/reisestotte/ny", w, {
            gathering: String(await runeAttended()),
            person: String(ids.rune),
            from1: "Kristiansand",
            leggTil: "1",
          }),
        allowed: ["rune", "kari"],
      },
      {
        name: "POST /nb/reisestotte/ny (no gathering)",
        send: (w) => post("/nb/reisestotte/ny", w),
        allowed: takesPart,
        okStatus: 400,
      },
      {
        name: "GET /nb/reisestotte/<a claim from Arendal>",
        send: async (w) => get(`/nb/reisestotte/${(await demoClaim()).id}`, w),
        allowed: [],
      },
      {
        name: "GET /nb/reisestotte/<a claim from Arendal>/kvittering/<its receipt>",
        send: async (w) => {
          const c = await demoClaim();
          return get(`/nb/reisestotte/${c.id}/kvittering/${c.receipt}`, w);
        },
        allowed: [],
      },
      {
        name: "GET /nb/admin/tilskudd/<IBS cohort 1>/reisekrav",
        send: async (w) => get(`/nb/admin/tilskudd/${(await demoClaim()).cohortId}/reisekrav`, w),
        allowed: ["ada"],
      },
      {
        name: "GET /nb/admin/tilskudd/<IBS cohort 1>/reisekrav/<a claim>",
        send: async (w) => {
          const c = await demoClaim();
          return get(`/nb/admin/tilskudd/${c.cohortId}/reisekrav/${c.id}`, w);
        },
        allowed: ["ada"],
      },
      {
        name: "POST /nb/admin/tilskudd/<IBS cohort 1>/reisekrav/<a claim> (no decision)",
        send: async (w) => {
          const c = await demoClaim();
          return post(`/nb/admin/tilskudd/${c.cohortId}/reisekrav/${c.id}`, w);
        },
        allowed: ["ada"],
        okStatus: 422,
      },
      {
        name: "GET /nb/admin/tilskudd/<IBS cohort 1>/reisekrav/<a claim>/kvittering/<its receipt>",
        send: async (w) => {
          const c = await demoClaim();
          return get(
            `/nb/admin/tilskudd/${c.cohortId}/reisekrav/${c.id}/kvittering/${c.receipt}`,
            w,
          );
        },
        allowed: ["ada"],
      },
      // Travel support per county and municipality (decision 0045): the programme admin of the
      // owner, and the county coordinator for her counties; not a municipal coordinator.
      {
        name: "GET /nb/admin/tilskudd/reisestotte",
        send: (w) => get("/nb/admin/tilskudd/reisestotte", w),
        allowed: ["ada", "frida", "siv"],
      },
      {
        name: "GET /nb/admin/tilskudd/reisestotte.csv",
        send: (w) => get("/nb/admin/tilskudd/reisestotte.csv", w),
        allowed: ["ada", "frida", "siv"],
      },
      {
        name: "GET /nb/admin/tilskudd/reisestotte.xlsx",
        send: (w) => get("/nb/admin/tilskudd/reisestotte.xlsx", w),
        allowed: ["ada", "frida", "siv"],
      },
      // The municipalities' own costs, summed for the programme admin of the owner.
      {
        name: "GET /nb/admin/egne-kostnader",
        send: (w) => get("/nb/admin/egne-kostnader", w),
        allowed: admins,
      },
      {
        name: "GET /nb/admin/egne-kostnader.csv",
        send: (w) => get("/nb/admin/egne-kostnader.csv", w),
        allowed: admins,
      },
      {
        name: "GET /nb/admin/egne-kostnader.xlsx",
        send: (w) => get("/nb/admin/egne-kostnader.xlsx", w),
        allowed: admins,
      },
      // Outcomes (issue 15): the programme admin of the owner imports and reads the estimates;
      // the county coordinator of an office in IBS reads them for her county; FUB/FUG's admin
      // sees the list (her own programmes) but not IBS's.
      {
        name: "GET /nb/admin/resultater",
        send: (w) => get("/nb/admin/resultater", w),
        allowed: ["ada", "frida", "siv"],
      },
      {
        name: "GET /nb/admin/resultater/<IBS>",
        send: async (w) => get(`/nb/admin/resultater/${await ibsProgramme()}`, w),
        allowed: ["ada", "siv"],
      },
      {
        name: "GET /nb/admin/resultater/<IBS>/anslag.csv",
        send: async (w) => get(`/nb/admin/resultater/${await ibsProgramme()}/anslag.csv`, w),
        allowed: ["ada", "siv"],
      },
      {
        name: "GET /nb/admin/resultater/<IBS>/anslag.xlsx",
        send: async (w) => get(`/nb/admin/resultater/${await ibsProgramme()}/anslag.xlsx`, w),
        allowed: ["ada", "siv"],
      },
      // Newsletters (decision 0034): the programme admins of the owner; another owner's admin
      // gets 403 for IBS, an unknown newsletter is 404 only to those who may send any.
      {
        name: "GET /nb/admin/nyhetsbrev",
        send: (w) => get("/nb/admin/nyhetsbrev", w),
        allowed: admins,
      },
      {
        name: "GET /nb/admin/nyhetsbrev/ny?tilbud=<IBS>",
        send: async (w) => get(`/nb/admin/nyhetsbrev/ny?tilbud=${await ibsProgramme()}`, w),
        allowed: ["ada"],
      },
      {
        name: "POST /nb/admin/nyhetsbrev/ny?tilbud=<IBS> (empty)",
        send: async (w) => post(`/nb/admin/nyhetsbrev/ny?tilbud=${await ibsProgramme()}`, w),
        allowed: ["ada"],
        okStatus: 422,
      },
      ...["", "/forhandsvisning", "/nettside"].map((tail) => ({
        name: `GET /nb/admin/nyhetsbrev/:id${tail} (unknown)`,
        send: (w?: string) => get(`/nb/admin/nyhetsbrev/999999999${tail}`, w),
        allowed: admins,
        okStatus: 404,
      })),
      ...["", "/test", "/send"].map((tail) => ({
        name: `POST /nb/admin/nyhetsbrev/:id${tail} (unknown)`,
        send: (w?: string) => post(`/nb/admin/nyhetsbrev/999999999${tail}`, w),
        allowed: admins,
        okStatus: 404,
      })),
      // Messages to segments (decision 0040): whoever writes them (the programme's admins, the
      // county and municipal coordinators) sees the list; each segment only its own senders:
      // cohort 3's non-respondents Ada (IBS) and Siv (Agder's office), Agder's coordinators the
      // same two, a gathering its organiser and IBS's admin, a network IBS's admin (no demo
      // person leads Arendal's). Vestland is not Siv's: 403, as for everyone else.
      {
        name: "GET /nb/admin/meldinger",
        send: (w) => get("/nb/admin/meldinger", w),
        allowed: ["ada", "frida", "siv", "kari", "mona"],
      },
      {
        name: "GET /nb/admin/meldinger/ny/ikke-svart/<IBS cohort 3>",
        send: async (w) => get(`/nb/admin/meldinger/ny/ikke-svart/${await ibsCohort3()}`, w),
        allowed: ["ada", "siv"],
      },
      {
        name: "POST /nb/admin/meldinger/ny/ikke-svart/<IBS cohort 3> (empty)",
        send: async (w) => post(`/nb/admin/meldinger/ny/ikke-svart/${await ibsCohort3()}`, w),
        allowed: ["ada", "siv"],
        okStatus: 422,
      },
      {
        name: "GET /nb/admin/meldinger/ny/koordinatorer/<IBS cohort 3>/42",
        send: async (w) => get(`/nb/admin/meldinger/ny/koordinatorer/${await ibsCohort3()}/42`, w),
        allowed: ["ada", "siv"],
      },
      {
        name: "GET /nb/admin/meldinger/ny/koordinatorer/<IBS cohort 3>/46 (Vestland)",
        send: async (w) => get(`/nb/admin/meldinger/ny/koordinatorer/${await ibsCohort3()}/46`, w),
        allowed: ["ada"],
      },
      {
        name: "POST /nb/admin/meldinger/ny/koordinatorer/<IBS cohort 3>/4204 (empty)",
        send: async (w) =>
          post(`/nb/admin/meldinger/ny/koordinatorer/${await ibsCohort3()}/4204`, w),
        allowed: ["ada", "siv", "kari"],
        okStatus: 422,
      },
      {
        name: `GET /nb/admin/meldinger/ny/samling/<${agderRegional}>`,
        send: async (w) =>
          get(await gatheringPath(agderRegional, "", "/nb/admin/meldinger/ny/samling"), w),
        allowed: ["ada", "siv"],
      },
      {
        name: `POST /nb/admin/meldinger/ny/samling/<${kristiansandLocal}> (empty)`,
        send: async (w) =>
          post(await gatheringPath(kristiansandLocal, "", "/nb/admin/meldinger/ny/samling"), w),
        allowed: ["ada", "kari"],
        okStatus: 422,
      },
      {
        name: "GET /nb/admin/meldinger/ny/nettverk/<Arendal's>",
        send: async (w) =>
          get(
            (await networkPath(arendalNetwork, "")).replace(
              "/nb/nettverk/",
              "/nb/admin/meldinger/ny/nettverk/",
            ),
            w,
          ),
        allowed: ["ada"],
      },
      {
        name: "POST /nb/admin/meldinger/ny/nettverk/<Arendal's> (empty)",
        send: async (w) =>
          post(
            (await networkPath(arendalNetwork, "")).replace(
              "/nb/nettverk/",
              "/nb/admin/meldinger/ny/nettverk/",
            ),
            w,
          ),
        allowed: ["ada"],
        okStatus: 422,
      },
      {
        name: "GET /nb/admin/meldinger/:id (unknown)",
        send: (w) => get("/nb/admin/meldinger/999999999", w),
        allowed: ["ada", "frida", "siv", "kari", "mona"],
        okStatus: 404,
      },
      ...["", "/send"].map((tail) => ({
        name: `POST /nb/admin/meldinger/:id${tail} (unknown)`,
        send: (w?: string) => post(`/nb/admin/meldinger/999999999${tail}`, w),
        allowed: ["ada", "frida", "siv", "kari", "mona"] as Who[],
        okStatus: 404,
      })),
      {
        name: "GET /nb/admin/resultater/<IBS>/import",
        send: async (w) => get(`/nb/admin/resultater/${await ibsProgramme()}/import`, w),
        allowed: ["ada"],
      },
      {
        name: "POST /nb/admin/resultater/<IBS>/import (no file)",
        send: async (w) => post(`/nb/admin/resultater/${await ibsProgramme()}/import`, w),
        allowed: ["ada"],
        okStatus: 422,
      },
      {
        name: "GET /nb/admin/resultater/<IBS>/import/:draft (unknown)",
        send: async (w) => get(`/nb/admin/resultater/${await ibsProgramme()}/import/999999`, w),
        allowed: ["ada"],
        okStatus: 404,
      },
      {
        name: "POST /nb/admin/resultater/<IBS>/import/:draft (unknown)",
        send: async (w) => post(`/nb/admin/resultater/${await ibsProgramme()}/import/999999`, w),
        allowed: ["ada"],
        okStatus: 404,
      },
      // A gathering's evaluation (decision 0027): the questions and results are its organiser's;
      // the answers are the participants' (a gathering one is not registered for is not found).
      {
        name: "GET /nb/admin/samlinger/<Udir's>/evaluering",
        send: async (w) => get(await udirDay("/evaluering"), w),
        allowed: ["ada"],
      },
      {
        name: "POST /nb/admin/samlinger/<Udir's>/evaluering (no questions)",
        send: async (w) => post(await udirDay("/evaluering"), w, { slots: "2" }),
        allowed: ["ada"],
        okStatus: 422,
      },
      {
        name: "GET /nb/admin/samlinger/<Udir's>/evaluering/resultater",
        send: async (w) => get(await udirDay("/evaluering/resultater"), w),
        allowed: ["ada"],
      },
      {
        name: "GET /nb/admin/samlinger/<Udir's>/evaluering/resultater.csv",
        send: async (w) => get(await udirDay("/evaluering/resultater.csv"), w),
        allowed: ["ada"],
      },
      {
        name: "GET /nb/admin/samlinger/:id/evaluering (unknown)",
        send: (w) => get("/nb/admin/samlinger/999999/evaluering", w),
        allowed: organisers,
        okStatus: 404,
      },
      {
        name: "GET /nb/samlinger/:id/evaluering (unknown)",
        send: (w) => get("/nb/samlinger/999999/evaluering", w),
        allowed: takesPart,
        okStatus: 404,
      },
      {
        name: "POST /nb/samlinger/:id/evaluering (unknown)",
        send: (w) => post("/nb/samlinger/999999/evaluering", w),
        allowed: takesPart,
        okStatus: 404,
      },
      // The frame of local development work: the owner's programme admin (edit:frame:owner).
      {
        name: "GET /nb/admin/rammeverk",
        send: (w) => get("/nb/admin/rammeverk", w),
        allowed: admins,
      },
      {
        name: "GET /nb/admin/rammeverk/<Udir's programme>",
        send: (w) => get("/nb/admin/rammeverk/inkluderende-barnehage-og-skolemiljo", w),
        allowed: ["ada"],
      },
      {
        name: "POST /nb/admin/rammeverk/<Udir's programme> (stale, empty)",
        send: (w) =>
          post("/nb/admin/rammeverk/inkluderende-barnehage-og-skolemiljo", w, { version: "0" }),
        allowed: ["ada"],
        okStatus: 422,
      },
      {
        name: "GET /nb/admin/rammeverk/<Udir's programme>/pulje/3",
        send: (w) => get("/nb/admin/rammeverk/inkluderende-barnehage-og-skolemiljo/pulje/3", w),
        allowed: ["ada"],
      },
      {
        name: "POST /nb/admin/rammeverk/<Udir's programme>/pulje/3 (empty)",
        send: (w) =>
          post("/nb/admin/rammeverk/inkluderende-barnehage-og-skolemiljo/pulje/3", w, {
            version: "0",
          }),
        allowed: ["ada"],
        okStatus: 422,
      },
      // Development plans: a unit reads its own (read:plan:unit), a municipality its units'
      // (read:plan:municipality); the leader edits, the unit's people comment.
      {
        name: "GET /nb/utviklingsarbeid",
        send: (w) => get("/nb/utviklingsarbeid", w),
        allowed: ["kari", "rune", "bente", "sverre", "stine", "mona"],
      },
      {
        name: "GET /nb/utviklingsarbeid/:id/:orgnr (unknown)",
        send: (w) => get("/nb/utviklingsarbeid/999999/999999999", w),
        allowed: ["kari", "rune", "bente", "sverre", "stine", "mona"],
        okStatus: 404,
      },
      ...["plan", "tiltak", "tiltak/1", "refleksjon"].map((rest) => ({
        name: `POST /nb/utviklingsarbeid/:id/:orgnr/${rest} (unknown)`,
        send: (w?: string) => post(`/nb/utviklingsarbeid/999999/999999999/${rest}`, w),
        allowed: ["bente", "sverre"] as Who[],
        okStatus: 404,
      })),
      {
        name: "POST /nb/utviklingsarbeid/:id/:orgnr/kommentar (unknown)",
        send: (w) => post("/nb/utviklingsarbeid/999999/999999999/kommentar", w),
        allowed: ["bente", "sverre", "stine"],
        okStatus: 404,
      },
      // The resource person's follow-up of the municipality's units (log:follow-up:municipality).
      { name: "GET /nb/oppfolging", send: (w) => get("/nb/oppfolging", w), allowed: ["rune"] },
      {
        name: "GET /nb/oppfolging/:id/:orgnr (unknown)",
        send: (w) => get("/nb/oppfolging/999999/999999999", w),
        allowed: ["rune"],
        okStatus: 404,
      },
      {
        name: "POST /nb/oppfolging/:id/:orgnr (unknown)",
        send: (w) => post("/nb/oppfolging/999999/999999999", w),
        allowed: ["rune"],
        okStatus: 404,
      },
      // Progress in figures: the programme admins (their owner's cohorts), the county office (its
      // municipalities), the municipal coordinators (their own).
      ...["", ".csv", ".xlsx"].map((ending) => ({
        name: `GET /nb/utviklingsarbeid/framdrift${ending}`,
        send: (w?: string) => get(`/nb/utviklingsarbeid/framdrift${ending}`, w),
        allowed: ["ada", "frida", "siv", "kari", "mona"] as Who[],
      })),
      // The learning networks in figures per county (decision 0044): the programme admins and the
      // county office; a municipality sees its networks on their own pages.
      {
        name: "GET /nb/utviklingsarbeid/framdrift/nettverk",
        send: (w) => get("/nb/utviklingsarbeid/framdrift/nettverk", w),
        allowed: ["ada", "frida", "siv"],
      },
      // The routes the matrix had no row for until the check below came (issue 16): each with
      // the request its owner's tests make, so that only who may use it gets past the check.
      {
        name: "POST /nb/admin/tilbud/<Udir's>/regler (empty)",
        send: (w) => post("/nb/admin/tilbud/inkluderende-barnehage-og-skolemiljo/regler", w),
        allowed: ["ada"],
        okStatus: 422,
      },
      {
        name: "POST /nb/admin/tilbud/<FUB/FUG's>/avpubliser (and published again)",
        send: async (w) => {
          const res = await post("/nb/admin/tilbud/bedre-foreldresamarbeid/avpubliser", w);
          if (res.status === 303)
            await post("/nb/admin/tilbud/bedre-foreldresamarbeid/publiser", w);
          return res;
        },
        allowed: ["frida"],
        okStatus: 303,
      },
      {
        name: "POST /nb/logg-ut/overalt",
        send: (w) => post("/nb/logg-ut/overalt", w),
        allowed: [...everyone],
        okStatus: 303,
      },
      {
        // Deleting oneself is everyone's (delete:person:own); a stand-in of no role is deleted,
        // so that the demo people stay for the rows after.
        name: "POST /nb/meg/slett (a stand-in of each)",
        send: async (w) => {
          if (!w) return post("/nb/meg/slett", undefined);
          const id = await insertTestPerson(
            t.db,
            { name: "Slett Meg", email: `slett-${w}-${Date.now()}@samspill.example` },
            t.clock.now(),
          );
          const session = await createSession(t.db, id, "test", t.clock.now());
          matrixRequests.add("POST /nb/meg/slett");
          const res = await t.post("/nb/meg/slett", {}, { Cookie: `${COOKIE}=${session}` });
          // The stand-in's deletion is not one the tests below count.
          await t.db.delete(auditLog).where(eq(auditLog.entityId, String(id)));
          return res;
        },
        allowed: [...everyone],
      },
      {
        name: "GET /nb/admin/tilbud/<Udir's>/puljer",
        send: (w) => get("/nb/admin/tilbud/inkluderende-barnehage-og-skolemiljo/puljer", w),
        allowed: ["ada"],
      },
      {
        name: "GET /nb/admin/tilbud/<Udir's>/puljer/ny",
        send: (w) => get("/nb/admin/tilbud/inkluderende-barnehage-og-skolemiljo/puljer/ny", w),
        allowed: ["ada"],
      },
      {
        name: "POST /nb/admin/tilbud/<Udir's>/puljer/ny (empty)",
        send: (w) => post("/nb/admin/tilbud/inkluderende-barnehage-og-skolemiljo/puljer/ny", w),
        allowed: ["ada"],
        okStatus: 422,
      },
      {
        name: "GET /nb/admin/tilbud/<Udir's>/puljer/3",
        send: (w) => get("/nb/admin/tilbud/inkluderende-barnehage-og-skolemiljo/puljer/3", w),
        allowed: ["ada"],
      },
      {
        name: "POST /nb/admin/tilbud/<Udir's>/puljer/3 (empty)",
        send: (w) => post("/nb/admin/tilbud/inkluderende-barnehage-og-skolemiljo/puljer/3", w),
        allowed: ["ada"],
        okStatus: 422,
      },
      {
        name: "GET /nb/puljer/<cohort 3>/eksport.xlsx",
        send: (w) => get(`/nb/puljer/${cohort3}/eksport.xlsx`, w),
        allowed: ["ada", "siv", "kari", "rune", "bente", "mona"],
      },
      {
        name: "POST /nb/puljer/<cohort 3>/kontor/sf-agder/paminn (nothing chosen: all reminded)",
        send: async (w) => {
          const res = await post(`/nb/puljer/${cohort3}/kontor/sf-agder/paminn`, w);
          // The reminders are not mail the tests below wait for.
          await t.db.delete(jobs).where(isNull(jobs.doneAt));
          return res;
        },
        allowed: ["siv"],
        okStatus: 303,
      },
      {
        name: "POST /nb/puljer/<cohort 3>/kontor/sf-agder/enheter (nothing chosen)",
        send: (w) => post(`/nb/puljer/${cohort3}/kontor/sf-agder/enheter`, w),
        allowed: ["siv"],
        okStatus: 422,
      },
      {
        name: "GET /nb/puljer/<cohort 3>/kontor/sf-agder/invitasjoner/:id (unknown)",
        send: (w) => get(`/nb/puljer/${cohort3}/kontor/sf-agder/invitasjoner/999999`, w),
        allowed: ["ada", "siv"],
        okStatus: 404,
      },
      ...["kontakt", "frist"].map((rest) => ({
        name: `POST /nb/puljer/<cohort 3>/kontor/sf-agder/invitasjoner/:id/${rest} (unknown)`,
        send: (w?: string) =>
          post(`/nb/puljer/${cohort3}/kontor/sf-agder/invitasjoner/999999/${rest}`, w),
        allowed: ["siv"] as Who[],
        okStatus: 404,
      })),
      ...["enheter", "ressursperson", "pp-tjeneste", "malform"].map((rest) => ({
        name: `POST /nb/puljer/<cohort 3>/kommune/4204/${rest} (empty)`,
        send: (w?: string) => post(`/nb/puljer/${cohort3}/kommune/4204/${rest}`, w),
        allowed: ["kari"] as Who[],
        okStatus: 422,
      })),
      {
        name: "POST /nb/puljer/<cohort 3>/kommune/4204/enheter/<school>/trekk (not invited)",
        send: (w) => post(`/nb/puljer/${cohort3}/kommune/4204/enheter/${school}/trekk`, w),
        allowed: ["kari"],
        okStatus: 422,
      },
      {
        name: "POST /nb/puljer/<cohort 3>/enhet/<Bente's kindergarten>/svar (no answer)",
        send: (w) => post(`/nb/puljer/${cohort3}/enhet/${kindergarten}/svar`, w, { version: "1" }),
        allowed: ["bente"],
        okStatus: 422,
      },
      {
        name: "POST /nb/admin/samlinger/<Agder's regional>/materiell (no file)",
        send: async (w) => post(await gatheringPath(agderRegional, "/materiell"), w),
        allowed: ["siv"],
        okStatus: 422,
      },
      {
        name: "GET /nb/admin/samlinger/:id/materiell/:materialId (unknown)",
        send: (w) => get("/nb/admin/samlinger/999999/materiell/1", w),
        allowed: organisers,
        okStatus: 404,
      },
      {
        name: "GET /nb/samlinger/:id/materiell/:materialId (unknown)",
        send: (w) => get("/nb/samlinger/999999/materiell/1", w),
        allowed: takesPart,
        okStatus: 404,
      },
      {
        name: "POST /nb/admin/tilskudd/<IBS cohort 3>/ordning (empty)",
        send: async (w) => post(`/nb/admin/tilskudd/${await ibsCohort3()}/ordning`, w),
        allowed: ["ada"],
        okStatus: 422,
      },
      // The acts refuse (409) what there is nothing to do for: letters are sent once, so the
      // second send finds none; an unknown grant is not paid or settled.
      {
        name: "POST /nb/admin/tilskudd/<IBS cohort 3>/tildel (nothing to allocate)",
        send: async (w) => post(`/nb/admin/tilskudd/${await ibsCohort3()}/tildel`, w),
        allowed: ["ada"],
        okStatus: 409,
      },
      {
        name: "POST /nb/admin/tilskudd/<IBS cohort 3>/brev (a second time)",
        send: async (w) => {
          await post(`/nb/admin/tilskudd/${await ibsCohort3()}/brev`, w);
          const res = await post(`/nb/admin/tilskudd/${await ibsCohort3()}/brev`, w);
          await t.db.delete(jobs).where(isNull(jobs.doneAt));
          return res;
        },
        allowed: ["ada"],
        okStatus: 409,
      },
      ...["utbetal", "oppgjor"].map((rest) => ({
        name: `POST /nb/admin/tilskudd/<IBS cohort 3>/:grant/${rest} (unknown)`,
        send: async (w?: string) =>
          post(`/nb/admin/tilskudd/${await ibsCohort3()}/999999/${rest}`, w),
        allowed: ["ada"] as Who[],
        okStatus: 409,
      })),
      {
        name: "POST /nb/admin/tilskudd/<IBS cohort 3>/<Arendal's grant>/juster (empty)",
        send: async (w) =>
          post(`/nb/admin/tilskudd/${await ibsCohort3()}/${await arendalGrant()}/juster`, w),
        allowed: ["ada"],
        okStatus: 422,
      },
      {
        name: "GET /nb/admin/tilskudd/<IBS cohort 3>/<Arendal's grant>/juster",
        send: async (w) =>
          get(`/nb/admin/tilskudd/${await ibsCohort3()}/${await arendalGrant()}/juster`, w),
        allowed: ["ada"],
      },
      {
        name: "GET /nb/admin/tilskudd/<IBS cohort 3>/utbetalinger.xlsx",
        send: async (w) => get(`/nb/admin/tilskudd/${await ibsCohort3()}/utbetalinger.xlsx`, w),
        allowed: ["ada"],
      },
      {
        name: "POST /nb/tilskudd/<Arendal's grant>/rapport",
        send: async (w) => post(`/nb/tilskudd/${await arendalGrant()}/rapport`, w),
        allowed: [],
      },
      // Insight in figures (issue 15): the programme admins (their owner's cohorts), the county
      // office (its counties' municipalities), the municipal coordinators (their own); never a
      // resource person, a unit or an assessor.
      ...["", "/reach-county.csv", "/chain-states.xlsx", "/arsrapport", "/arsrapport.pdf"].map(
        (ending) => ({
          name: `GET /nb/innsikt${ending}`,
          send: (w?: string) => get(`/nb/innsikt${ending}`, w),
          allowed: ["ada", "frida", "siv", "kari", "mona"] as Who[],
        }),
      ),
    ];

    for (const route of routes) {
      it(`${route.name}: anonymous → sign-in, ${route.allowed.length} roles allowed, the rest 403`, async () => {
        inMatrix = true;
        const anonymous = await route.send();
        inMatrix = false;
        if (route.name.startsWith("GET")) {
          expect(anonymous.status).toBe(302);
          expect(anonymous.headers.get("location")).toMatch(/^\/nb\/logg-inn\?returnTo=%2Fnb%2F/);
        } else {
          expect(anonymous.status).toBe(302);
        }
        for (const who of everyone) {
          const res = await route.send(who);
          const expected = route.allowed.includes(who) ? (route.okStatus ?? 200) : 403;
          expect({ who, status: res.status }).toEqual({ who, status: expected });
        }
      });
    }

    // Public: the operator's health answers (kernel/observe), the same for anonymous and every role.
    for (const path of ["/healthz", "/readyz"]) {
      it(`GET ${path}: public, 200 for anonymous and every role`, async () => {
        for (const who of [undefined, ...everyone]) {
          const res = await get(path, who);
          expect({ who, status: res.status }).toEqual({ who, status: 200 });
        }
      });
    }

    // Runs after the routes above (a file's tests run in order): a route that needs sign-in and
    // that no row of the matrix requests fails here, so a new route cannot go untested for who
    // may use it.
    it("has a row for every route the app registers behind sign-in", () => {
      const missing = registeredRoutes(t.app)
        .filter((r) => r.signedIn)
        .filter((r) => ![...matrixRequests].some((request) => routeMatches(r, request)))
        .map((r) => `${r.method} ${r.path}`);
      expect(missing).toEqual([]);
    });
  });

  describe("the permission matrix: role management is scoped to what the admin governs", () => {
    const activeRole = async (who: string) => {
      const [role] = await t.db
        .select()
        .from(roleAssignments)
        .where(and(eq(roleAssignments.personId, ids[who]!), isNull(roleAssignments.revokedAt)));
      return role!;
    };
    const openInvitationsTo = (orgId: string) =>
      t.db
        .select()
        .from(roleInvitations)
        .where(and(eq(roleInvitations.orgId, orgId), isNull(roleInvitations.revokedAt)));

    it("FUB/FUG's admin cannot move her own role to Udir", async () => {
      const own = await activeRole("frida");
      const res = await post(`/nb/admin/roller/${own.id}/endre`, "frida", {
        role: "programme-admin",
        orgId: "udir",
      });
      expect(res.status).toBe(403);
      const after = await activeRole("frida");
      expect([after.id, after.role, after.orgId]).toEqual([own.id, "programme-admin", "fub"]);
      const udirProgramme = "/nb/admin/tilbud/inkluderende-barnehage-og-skolemiljo";
      expect((await get(udirProgramme, "frida")).status).toBe(403);
    });

    it("nobody changes or ends their own role, not even within their own owner", async () => {
      const own = await activeRole("ada");
      const changed = await post(`/nb/admin/roller/${own.id}/endre`, "ada", {
        role: "county-coordinator",
        orgId: "sf-agder",
      });
      expect(changed.status).toBe(403);
      expect((await post(`/nb/admin/roller/${own.id}/avslutt`, "ada")).status).toBe(403);
      expect((await activeRole("ada")).id).toBe(own.id);
      const page = await (await get("/nb/admin/personer", "ada")).text();
      expect(page).toContain("Ada Direktorat");
      expect(page).not.toContain(`/nb/admin/roller/${own.id}/`);
      const selfInvite = await post("/nb/admin/invitasjoner", "ada", {
        name: "Ada Direktorat",
        email: demoEmail("ada").toUpperCase(),
        role: "county-coordinator",
        orgId: "sf-agder",
      });
      expect(selfInvite.status).toBe(403);
      expect(
        await t.db
          .select()
          .from(roleInvitations)
          .where(eq(roleInvitations.email, demoEmail("ada").toUpperCase())),
      ).toEqual([]);
    });

    it("FUB/FUG's admin cannot invite a programme admin for Udir, nor anyone outside her reach", async () => {
      for (const [role, orgId] of [
        ["programme-admin", "udir"],
        ["municipal-coordinator", "4204"],
        ["county-coordinator", "sf-agder"],
      ] as const) {
        const before = (await openInvitationsTo(orgId)).length;
        const res = await post("/nb/admin/invitasjoner", "frida", {
          name: "Ute Av Rekkevidde",
          email: "ute@eksempel.example",
          role,
          orgId,
        });
        expect({ role, status: res.status }).toEqual({ role, status: 403 });
        expect((await openInvitationsTo(orgId)).length).toBe(before);
      }
      const ownOwner = await post("/nb/admin/invitasjoner", "frida", {
        name: "Fredrik Foreldreutvalg",
        email: "fredrik@fub.example",
        role: "programme-admin",
        orgId: "fub",
      });
      expect(ownOwner.status).toBe(303);
    });

    it("FUB/FUG's admin cannot end Udir's admin's role, nor change the coordinators Udir's cohorts reach", async () => {
      const adas = await activeRole("ada");
      expect((await post(`/nb/admin/roller/${adas.id}/avslutt`, "frida")).status).toBe(403);
      expect((await activeRole("ada")).id).toBe(adas.id);
      const sivs = await activeRole("siv");
      const res = await post(`/nb/admin/roller/${sivs.id}/endre`, "frida", {
        role: "programme-admin",
        orgId: "fub",
      });
      expect(res.status).toBe(403);
      expect((await activeRole("siv")).id).toBe(sivs.id);
    });

    it("FUB/FUG's admin neither sees nor withdraws Udir's invitations", async () => {
      const invited = await post("/nb/admin/invitasjoner", "ada", {
        name: "Udir Invitert",
        email: "udir-invitert@eksempel.example",
        role: "county-coordinator",
        orgId: "sf-agder",
      });
      expect(invited.status).toBe(303);
      const [inv] = await t.db
        .select()
        .from(roleInvitations)
        .where(eq(roleInvitations.email, "udir-invitert@eksempel.example"));
      expect((await post(`/nb/admin/invitasjoner/${inv!.id}/trekk`, "frida")).status).toBe(403);
      const [still] = await t.db
        .select()
        .from(roleInvitations)
        .where(eq(roleInvitations.id, inv!.id));
      expect(still?.revokedAt).toBeNull();
      const fridas = await (await get("/nb/admin/personer", "frida")).text();
      expect(fridas).not.toContain("udir-invitert@eksempel.example");
      expect(fridas).not.toContain("Ada Direktorat");
      expect(fridas).not.toContain("Kari Kommune");
      const adas = await (await get("/nb/admin/personer", "ada")).text();
      expect(adas).toContain("udir-invitert@eksempel.example");
      expect(adas).toContain("Kari Kommune");
      expect(adas).not.toContain("Frida Foreldreutvalg");
      expect((await post(`/nb/admin/invitasjoner/${inv!.id}/trekk`, "ada")).status).toBe(303);
    });

    it("Udir's admin manages the coordinators its cohorts reach, but not FUB/FUG's admins", async () => {
      const fridas = await activeRole("frida");
      expect((await post(`/nb/admin/roller/${fridas.id}/avslutt`, "ada")).status).toBe(403);
      const res = await post("/nb/admin/invitasjoner", "ada", {
        name: "Ute",
        email: "ute-fub@eksempel.example",
        role: "programme-admin",
        orgId: "fub",
      });
      expect(res.status).toBe(403);
      const runes = await activeRole("rune");
      const changed = await post(`/nb/admin/roller/${runes.id}/endre`, "ada", {
        role: "municipal-coordinator",
        orgId: "4204",
      });
      expect(changed.status).toBe(303);
      const now = await activeRole("rune");
      expect([now.role, now.orgId]).toEqual(["municipal-coordinator", "4204"]);
    });
  });

  describe("people and roles: organisations chosen by name", () => {
    it("has no field for internal ids, and shows organisations by name", async () => {
      const html = await (await get("/nb/admin/personer", "ada")).text();
      expect(html).not.toContain('name="orgId"');
      expect(html).not.toContain("fire siffer");
      expect(html).toContain('name="orgQuery"');
      const shown = await text(await get("/nb/admin/personer", "ada"));
      expect(shown).toContain("Kommunekoordinator, Kristiansand");
      expect(shown).not.toContain("4204");
    });

    it("without scripts: the search button shows the matches within the admin's scope as choices, and stores nothing", async () => {
      const form = {
        name: "Søk Søkesen",
        email: "sok@eksempel.example",
        role: "municipal-coordinator",
        orgQuery: "Kristiansand",
        action: "search",
      };
      const ada = await post("/nb/admin/invitasjoner", "ada", form);
      expect(ada.status).toBe(200);
      const html = await ada.text();
      expect(html).toMatch(/<input[^>]*type="radio"[^>]*name="orgId"[^>]*value="4204"/);
      expect(await text(new Response(html))).toContain("Kristiansand (kommune)");
      expect(html).toContain('value="Søk Søkesen"');
      const frida = await text(await post("/nb/admin/invitasjoner", "frida", form));
      expect(frida).toContain(
        "Fant ingen organisasjon du kan gi roller i som passer med «Kristiansand».",
      );
      expect(
        await t.db
          .select()
          .from(roleInvitations)
          .where(eq(roleInvitations.email, "sok@eksempel.example")),
      ).toEqual([]);

      const unchosen = await post("/nb/admin/invitasjoner", "ada", { ...form, action: "" });
      expect(unchosen.status).toBe(422);
      const refused = await unchosen.text();
      expect(refused).toContain("Søk etter organisasjonen og velg den i lista");
      expect(refused).toContain('href="#orgId"');

      const chosen = await post("/nb/admin/invitasjoner", "ada", {
        ...form,
        action: "",
        orgId: "4204",
      });
      expect(chosen.status).toBe(303);
      const [stored] = await t.db
        .select()
        .from(roleInvitations)
        .where(eq(roleInvitations.email, "sok@eksempel.example"));
      expect([stored?.role, stored?.orgId]).toEqual(["municipal-coordinator", "4204"]);
    });

    it("with scripts: the matches as radio buttons, for the admin's scope only", async () => {
      const ada = await get("/nb/admin/organisasjonsvalg?q=agder&rolle=county-coordinator", "ada");
      expect(ada.status).toBe(200);
      const html = await ada.text();
      expect(html).not.toContain("<html");
      expect(html).toMatch(/type="radio"[^>]*name="orgId"[^>]*value="sf-agder"/);
      const frida = await get(
        "/nb/admin/organisasjonsvalg?q=agder&rolle=county-coordinator",
        "frida",
      );
      expect(await frida.text()).not.toContain("sf-agder");
      const fub = await get("/nb/admin/organisasjonsvalg?q=FUB&rolle=programme-admin", "frida");
      expect(await fub.text()).toMatch(/value="fub"/);
    });

    it("changes a role on its own page, the organisation chosen by name", async () => {
      const roleId = await roleIdOf("kari");
      const page = await get(`/nb/admin/roller/${roleId}/endre`, "ada");
      expect(page.status).toBe(200);
      const html = await page.text();
      expect(html).toContain("Endre rollen til Kari Kommune");
      expect(html).toMatch(/value="4204"[^>]*checked/);
      const searched = await post(`/nb/admin/roller/${roleId}/endre`, "ada", {
        role: "county-coordinator",
        orgQuery: "Agder",
        action: "search",
      });
      expect(searched.status).toBe(200);
      expect(await text(searched)).toContain("(statsforvalter)");
      const unchosen = await post(`/nb/admin/roller/${roleId}/endre`, "ada", {
        role: "county-coordinator",
        orgQuery: "Agder",
      });
      expect(unchosen.status).toBe(422);
      expect(await unchosen.text()).toContain("Søk etter organisasjonen og velg den i lista");
      expect(await roleIdOf("kari")).toBe(roleId);
      expect((await get(`/nb/admin/roller/${await roleIdOf("ada")}/endre`, "ada")).status).toBe(
        403,
      );
      expect((await get("/nb/admin/roller/999999/endre", "ada")).status).toBe(404);
    });
  });

  it("answers unknown paths with 404 even for anonymous visitors (secure by default, not a sign-in loop)", async () => {
    expect((await get("/nb/admin/finnes-ikke")).status).toBe(404);
  });

  it("says on the profile page how the session it came with was signed in (read once, with the user)", async () => {
    const page = async (via: string) => {
      const raw = await createSession(t.db, ids.kari!, via, t.clock.now());
      return (await t.app.request("/nb/meg", { headers: { Cookie: `${COOKIE}=${raw}` } })).text();
    };
    const viaIdporten = await page("idporten");
    expect(viaIdporten).toContain("Logget inn nå med");
    expect(viaIdporten).toMatch(/Logget inn nå med<\/dt>\s*<dd[^>]*>ID-porten</);
    expect(await page("test")).not.toContain("Logget inn nå med");
  });

  it("shows a coordinator only the municipalities the office covers", async () => {
    const html = await (await get("/nb/organisasjoner?q=oslo", "siv")).text();
    expect(html).toContain("0 treff");
    const agder = await (await get("/nb/organisasjoner?q=kristiansand", "siv")).text();
    expect(agder).toContain("Kristiansand (4204)");
  });

  it("ends sessions after two idle hours and after twelve hours in all", async () => {
    const raw = await createSession(t.db, ids.kari!, "test", t.clock.now());
    const cookie = { headers: { Cookie: `${COOKIE}=${raw}` } };
    t.clock.advance(IDLE_MS - 60_000);
    expect((await t.app.request("/nb/meg", cookie)).status).toBe(200);
    t.clock.advance(IDLE_MS - 60_000);
    expect((await t.app.request("/nb/meg", cookie)).status).toBe(200);
    t.clock.advance(ABSOLUTE_MS);
    expect((await t.app.request("/nb/meg", cookie)).status).toBe(302);
    t.clock.set(new Date("2026-11-23T10:00:00Z"));
    const idle = await createSession(t.db, ids.kari!, "test", t.clock.now());
    t.clock.advance(IDLE_MS + 1000);
    expect(
      (await t.app.request("/nb/meg", { headers: { Cookie: `${COOKIE}=${idle}` } })).status,
    ).toBe(302);
    t.clock.set(new Date("2026-11-23T10:00:00Z"));
  });

  it("signs out everywhere", async () => {
    const a = await as("rune");
    const b = await as("rune");
    const res = await t.post("/nb/logg-ut/overalt", {}, { Cookie: a });
    expect(res.status).toBe(303);
    expect(res.headers.get("set-cookie")).toContain(`${COOKIE}=;`);
    expect((await t.app.request("/nb/meg", { headers: { Cookie: b } })).status).toBe(302);
    const live = await t.db
      .select()
      .from(sessions)
      .where(and(eq(sessions.personId, ids.rune!), isNull(sessions.revokedAt)));
    expect(live).toHaveLength(0);
  });

  it("signs in with a one-time code by e-mail, rotating any earlier session", async () => {
    const earlier = await as("kari");
    const asked = await t.post(
      "/nb/logg-inn/e-post",
      { email: demoEmail("kari"), returnTo: "/nb/organisasjoner" },
      { Cookie: earlier },
    );
    expect(asked.status).toBe(200);
    await t.jobs.runDue();
    const mail = await t.smtp.waitFor((m) => m.to === demoEmail("kari"));
    const code = mail.subject.match(/^(\d{6}) /)?.[1];
    expect(code).toMatch(/^\d{6}$/);
    const res = await t.post(
      "/nb/logg-inn/kode",
      { email: demoEmail("kari"), code: code!, returnTo: "/nb/organisasjoner" },
      { Cookie: earlier },
    );
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/nb/organisasjoner");
    const fresh = res.headers.get("set-cookie")?.match(new RegExp(`${COOKIE}=([^;]+)`))?.[1];
    expect(fresh).toBeDefined();
    expect(`${COOKIE}=${fresh}`).not.toBe(earlier);
    expect((await t.app.request("/nb/meg", { headers: { Cookie: earlier } })).status).toBe(302);
    expect(
      (await t.app.request("/nb/meg", { headers: { Cookie: `${COOKIE}=${fresh}` } })).status,
    ).toBe(200);
    // A code works once.
    expect(
      (await t.post("/nb/logg-inn/kode", { email: demoEmail("kari"), code: code! })).status,
    ).toBe(422);
  });

  it("allows only five tries of a code, and codes expire after ten minutes", async () => {
    await t.post("/nb/logg-inn/e-post", { email: demoEmail("siv") });
    await t.jobs.runDue();
    const mail = await t.smtp.waitFor((m) => m.to === demoEmail("siv"));
    const code = mail.subject.slice(0, 6);
    const wrong = code === "000000" ? "111111" : "000000";
    const first = await t.post("/nb/logg-inn/kode", { email: demoEmail("siv"), code: wrong });
    expect(first.status).toBe(422);
    expect(await first.text()).toContain("Du har 4 forsøk igjen");
    for (let i = 0; i < 4; i++)
      await t.post("/nb/logg-inn/kode", { email: demoEmail("siv"), code: wrong });
    const locked = await t.post("/nb/logg-inn/kode", { email: demoEmail("siv"), code });
    expect(locked.status).toBe(422);
    expect(await locked.text()).toContain("Koden er utløpt");

    await t.post("/nb/logg-inn/e-post", { email: demoEmail("siv") });
    await t.jobs.runDue();
    const second = t.smtp.received.filter((m) => m.to === demoEmail("siv")).at(-1)!;
    t.clock.advance(10 * 60_000 + 1000);
    const late = await t.post("/nb/logg-inn/kode", {
      email: demoEmail("siv"),
      code: second.subject.slice(0, 6),
    });
    expect(await late.text()).toContain("Koden er utløpt");
    t.clock.set(new Date("2026-11-23T10:00:00Z"));
  });

  it("compares at most five guesses of a code, however many arrive at once", async () => {
    const ctx = { now: t.clock.now(), secret: "a-secret-for-the-parallel-guesses-0123456789" };
    const email = demoEmail("sverre");
    await requestCode(t.db, { email, lang: "nb" }, ctx);
    await t.jobs.runDue();
    const code = (await t.smtp.waitFor((m) => m.to === email)).subject.slice(0, 6);
    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, "0");
    // Sixty guesses at once, the right one among the last: it comes after five wrong ones.
    const guesses = Array.from({ length: 60 }, (_, i) => (i === 40 ? code : wrong));
    const outcomes = await Promise.all(
      guesses.map((g) => verifyCode(t.db, { email, code: g }, ctx)),
    );
    expect(outcomes[40]?.kind).toBe("expired");
    expect(outcomes.filter((o) => o.kind === "wrong").length).toBeLessThanOrEqual(5);
    expect(outcomes.filter((o) => o.kind === "signed-in")).toEqual([]);
    const codes = await t.db.select().from(signInCodes).where(eq(signInCodes.email, email));
    expect(codes.map((c) => c.attempts)).toEqual([CODE_MAX_ATTEMPTS]);
  });

  it("sends no code to an unknown address, and says the same", async () => {
    const before = t.smtp.received.length;
    const res = await t.post("/nb/logg-inn/e-post", { email: "ukjent@samspill.example" });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("Skriv inn koden");
    await t.jobs.runDue();
    expect(t.smtp.received.length).toBe(before);
  });

  it("turns an invitation into a role at first sign-in, and writes it all to the audit log", async () => {
    const invited = await post("/nb/admin/invitasjoner", "ada", {
      name: "Nina Ny",
      email: "nina@kommune.samspill.example",
      role: "municipal-coordinator",
      orgId: "4204",
    });
    expect(invited.status).toBe(303);
    await t.jobs.runDue();
    const mail = await t.smtp.waitFor(
      (m) => m.to === "nina@kommune.samspill.example" && m.subject.includes("invitert"),
    );
    expect(mail.text).toContain("Kristiansand");
    await t.post("/nb/logg-inn/e-post", { email: "nina@kommune.samspill.example" });
    await t.jobs.runDue();
    const codeMail = await t.smtp.waitFor(
      (m) => m.to === "nina@kommune.samspill.example" && /^\d{6}/.test(m.subject),
    );
    const res = await t.post("/nb/logg-inn/kode", {
      email: "nina@kommune.samspill.example",
      code: codeMail.subject.slice(0, 6),
    });
    expect(res.status).toBe(303);
    const [nina] = await t.db
      .select()
      .from(people)
      .where(eq(people.email, "nina@kommune.samspill.example"));
    const roles = await t.db
      .select()
      .from(roleAssignments)
      .where(eq(roleAssignments.personId, nina!.id));
    expect(roles.map((r) => [r.role, r.orgId])).toEqual([["municipal-coordinator", "4204"]]);
    const entries = await t.db.select().from(auditLog);
    expect(entries.map((e) => e.action)).toEqual(
      expect.arrayContaining(["invitation.create", "invitation.accept"]),
    );
    const log = await text(await get("/nb/admin/logg?handling=invitation.create", "ada"));
    expect(log).toContain(
      "Ada Direktorat inviterte Nina Ny som kommunekoordinator for Kristiansand.",
    );
    expect(log).toContain("Rolle kommunekoordinator");
    expect(log).toContain("Organisasjon Kristiansand");
    expect(log).not.toContain('"orgId"');
    const accepted = await text(await get("/nb/admin/logg?handling=invitation.accept", "ada"));
    expect(accepted).toContain(
      "Nina Ny tok imot invitasjonen og ble kommunekoordinator for Kristiansand.",
    );
    const en = await text(await get("/en/admin/logg?handling=invitation.create", "ada"));
    expect(en).toContain(
      "Ada Direktorat invited Nina Ny as municipal coordinator for Kristiansand.",
    );
    const nn = await text(await get("/nn/admin/logg?handling=invitation.create", "ada"));
    expect(nn).toContain(
      "Ada Direktorat inviterte Nina Ny som kommunekoordinator for Kristiansand.",
    );
  });

  it("refuses an invitation to an organisation that does not exist, keeping the input", async () => {
    const res = await post("/nb/admin/invitasjoner", "ada", {
      name: "X",
      email: "x@samspill.example",
      role: "unit-leader",
      orgQuery: "Skolen som ikke finnes",
      orgId: "123456789",
    });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain("Velg en organisasjon som finnes");
    expect(html).toContain('value="Skolen som ikke finnes"');
    expect(html).toContain('value="x@samspill.example"');
  });

  it("changes and ends roles with before and after in the audit log", async () => {
    const [role] = await t.db
      .select()
      .from(roleAssignments)
      .where(and(eq(roleAssignments.personId, ids.stine!), isNull(roleAssignments.revokedAt)));
    const changed = await post(`/nb/admin/roller/${role!.id}/endre`, "ada", {
      role: "unit-leader",
      orgId: school,
    });
    expect(changed.status).toBe(303);
    const [now] = await t.db
      .select()
      .from(roleAssignments)
      .where(and(eq(roleAssignments.personId, ids.stine!), isNull(roleAssignments.revokedAt)));
    expect(now?.role).toBe("unit-leader");
    const [entry] = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "role.change"), eq(auditLog.entityId, String(ids.stine))));
    expect(entry?.before).toMatchObject({ role: "staff" });
    expect(entry?.after).toMatchObject({ role: "unit-leader" });
    const log = await text(
      await get(`/nb/admin/logg?handling=role.change&gjelder=person:${ids.stine}`, "ada"),
    );
    const unit = (await getUnit(t.db, school))!.name;
    expect(log).toContain(
      `Ada Direktorat endret rollen til Stine Stab fra ansatt for ${unit} til leder for barnehage eller skole for ${unit}.`,
    );
    expect(log).toContain("Rolle ansatt → endret til leder for barnehage eller skole");
    expect(log).not.toContain(`person:${ids.stine}`);
    expect((await post(`/nb/admin/roller/${now!.id}/avslutt`, "ada")).status).toBe(303);
    expect((await get("/nb/organisasjoner", "stine")).status).toBe(403);
  });

  it("says how the person signed in this time, and names Feide's organisations and affiliations in the page's language", async () => {
    await t.db
      .insert(affiliations)
      .values({
        personId: ids.sverre!,
        orgNumber: school,
        kind: "fc:orgunit",
        affiliation: "employee",
        seenAt: t.clock.now(),
      })
      .onConflictDoNothing();
    const unit = await getUnit(t.db, school);
    const raw = await createSession(t.db, ids.sverre!, "email", t.clock.now());
    const page = async (lang: string) => {
      const res = await t.app.request(`/${lang}/meg`, {
        headers: { Cookie: `${COOKIE}=${raw}` },
      });
      return (await res.text()).replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");
    };
    const nb = await page("nb");
    expect(nb).toContain("Logget inn nå med kode på e-post");
    expect(nb).toContain("Innloggingsmåter Feide, kode på e-post");
    expect(nb).toContain(`Organisasjoner fra Feide ${unit!.name} (ansatt)`);
    expect(nb).not.toContain("employee");
    expect(nb).not.toContain(`${school} (`);
    const nn = await page("nn");
    expect(nn).toContain(`${unit!.name} (tilsett)`);
    const en = await page("en");
    expect(en).toContain("Signed in this time with a code by e-mail");
    expect(en).toContain(`${unit!.name} (employee)`);
  });

  it("has a sentence in bokmål, nynorsk and English for every action the modules write to the audit log", async () => {
    const { readdir, readFile } = await import("node:fs/promises");
    const { auditText } = await import("./audit-texts");
    const root = new URL("../", import.meta.url);
    const codes = new Set<string>();
    for (const dir of await readdir(root)) {
      const sources: string[] = [];
      for (const file of await readdir(new URL(`${dir}/`, root)).catch(() => [])) {
        if (!/\.tsx?$/.test(file) || file.endsWith(".test.ts")) continue;
        const source = await readFile(new URL(`${dir}/${file}`, root), "utf8");
        sources.push(source);
        for (const m of source.matchAll(/action: "([a-z.-]+)",\s*entityType:/g)) codes.add(m[1]!);
      }
      // The chain writes `cohort-invitation.<event>` for each of its events; the writer and the
      // commands that name the events are separate files of the same module.
      if (sources.some((source) => source.includes("action: `cohort-invitation.")))
        for (const source of sources)
          for (const m of source.matchAll(/event: "([a-z-]+)"/g))
            codes.add(`cohort-invitation.${m[1]}`);
    }
    for (const state of ["accepted", "declined"]) codes.add(`cohort-invitation.${state}`);
    expect(codes.size).toBeGreaterThan(25);
    for (const lang of ["nb", "nn", "en"] as const) {
      const missing = [...codes].filter((code) => !auditText(lang).actions[code]);
      expect({ lang, missing }).toEqual({ lang, missing: [] });
    }
    // And one that no module writes yet still reads as a sentence.
    await t.db.insert(auditLog).values({
      at: t.clock.now(),
      actorId: ids.ada!,
      action: "something.new",
      entityType: "thing",
      entityId: "1",
      after: { colour: "blue" },
    });
    const log = await text(await get("/nb/admin/logg?handling=something.new", "ada"));
    expect(log).toContain("Ada Direktorat gjorde en endring (something.new).");
    expect(log).toContain("colour blue");
  });

  it("exports a person's data and deletes it, keeping an anonymised row", async () => {
    const data = await (await get("/nb/meg/data", "bente")).json();
    expect(data.person.name).toBe("Bente Barnehage");
    expect(data.roles[0].role).toBe("unit-leader");
    const cookie = await as("bente");
    const res = await t.post("/nb/meg/slett", {}, { Cookie: cookie });
    expect(res.status).toBe(200);
    const [row] = await t.db.select().from(people).where(eq(people.id, ids.bente!));
    expect(row).toMatchObject({ name: null, email: null });
    expect(row?.deletedAt).not.toBeNull();
    expect((await t.app.request("/nb/meg", { headers: { Cookie: cookie } })).status).toBe(302);
    const [{ n }] = (await t.db
      .select({ n: count() })
      .from(auditLog)
      .where(eq(auditLog.action, "person.delete"))) as [{ n: number }];
    expect(n).toBe(1);
  });

  it("returns only to our own paths after sign-in", async () => {
    const html = await (await t.app.request("/nb/logg-inn?returnTo=//evil.example/x")).text();
    expect(html).toContain('name="returnTo" value="/nb/meg"');
    expect(html).not.toContain("evil.example");
  });

  it("keeps a signed-in person's pages out of the shared page cache", async () => {
    const html = await (await get("/nb/", "kari")).text();
    expect(html).toContain("Kari Kommune");
    expect(await (await t.app.request("/nb/")).text()).not.toContain("Kari Kommune");
  });

  it("needs an Origin of ours for every unsafe request, signed in or not", async () => {
    const res = await t.app.request("/nb/logg-ut/overalt", {
      method: "POST",
      headers: {
        Cookie: await as("ada"),
        Origin: "https://evil.example",
        "Content-Type": "application/x-www-form-urlencoded",
      },
    });
    expect(res.status).toBe(403);
    expect(ORIGIN).toBe("http://localhost");
  });
});
