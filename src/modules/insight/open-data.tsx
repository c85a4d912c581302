import { Hono } from "hono";
import type { Db } from "../../db/client";
import { osloToday } from "../../kernel/clock";
import { type AppContext, type AppEnv, deps } from "../../kernel/context";
import type { ProgrammeSection } from "../../kernel/manifest";
import { toCsv } from "../../kernel/spreadsheet";
import type { Lang } from "../../web/i18n";
import { Layout, localPath } from "../../web/layout";
import { toHtml } from "../../web/render";
import { cohortRef, cohortsOfProgrammes } from "../cohorts";
import { getPublicProgramme } from "../programmes";
import { insightFor, type Panel } from "./figures";
import { openDataTexts } from "./open-data-texts";

/**
 * Open data (issue 15): the public figures of a published programme — reach per county,
 * municipality and cohort, unit counts by type against the registers, the chain's state — as
 * JSON and CSV under NLOD 2.0, described by OpenAPI. No personal data, no free text, no
 * counts of people. Cached like the public pages (the page cache, a few seconds).
 */
export const OPEN_DATA_BASE = "/api/apne-data/v1";
export const NLOD = {
  name: "Norsk lisens for offentlige data (NLOD) 2.0",
  url: "https://data.norge.no/nlod/no/2.0",
};

export type OpenCohort = {
  number: number;
  startsOn: string;
  endsOn: string;
  /** The county division the figures use: the one in force when the cohort began. */
  divisionDate: string;
  chain: { invited: number; accepted: number; declined: number; expired: number };
  counties: {
    code: string;
    name: string;
    municipalitiesTakingPart: number;
    municipalities: number;
    kindergartensTakingPart: number;
    kindergartens: number;
    schoolsTakingPart: number;
    schools: number;
  }[];
  municipalities: {
    code: string;
    name: string;
    county: string;
    takingPart: boolean;
    kindergartensTakingPart: number;
    kindergartens: number;
    schoolsTakingPart: number;
    schools: number;
  }[];
};

export type OpenData = {
  licence: typeof NLOD;
  publisher: string;
  programme: string;
  generatedOn: string;
  cohorts: OpenCohort[];
};

const n = (p: Panel | undefined, row: number, col: number) => Number(p?.rows[row]?.[col] ?? 0);

/** The open figures of a published programme, or null for an unknown or unpublished one. */
export async function openData(db: Db, slug: string, today: string): Promise<OpenData | null> {
  const programme = await getPublicProgramme(db, slug, "nb");
  if (!programme) return null;
  const refs = await cohortsOfProgrammes(db, [programme.programme.id]);
  const cohorts: OpenCohort[] = [];
  for (const r of refs) {
    const k = await cohortRef(db, r.id);
    if (!k || k.startsOn > today) continue;
    const insight = await insightFor(db, {
      cohorts: [{ id: k.id, number: k.number, label: String(k.number) }],
      municipalities: null,
      county: null,
      year: null,
      today,
      divisionDate: k.startsOn,
      lang: "nb",
      feedback: false,
    });
    const states = insight.panels.find((p) => p.key === "chainStates");
    cohorts.push({
      number: k.number,
      startsOn: k.startsOn,
      endsOn: k.endsOn,
      divisionDate: k.startsOn,
      chain: {
        invited: n(states, 0, 1),
        accepted: n(states, 0, 2),
        declined: n(states, 0, 3),
        expired: n(states, 0, 4),
      },
      counties: insight.counties.map((c) => ({
        code: c.code,
        name: c.name,
        municipalitiesTakingPart: c.municipalitiesIn,
        municipalities: c.municipalitiesAll,
        kindergartensTakingPart: c.kindergartensIn,
        kindergartens: c.kindergartensAll,
        schoolsTakingPart: c.schoolsIn,
        schools: c.schoolsAll,
      })),
      municipalities: insight.municipalities.map((m) => ({
        code: m.code,
        name: m.name,
        county: m.county,
        takingPart: m.taking,
        kindergartensTakingPart: m.kindergartensIn,
        kindergartens: m.kindergartensAll,
        schoolsTakingPart: m.schoolsIn,
        schools: m.schoolsAll,
      })),
    });
  }
  return {
    licence: NLOD,
    publisher: programme.text.ownerName,
    programme: slug,
    generatedOn: today,
    cohorts,
  };
}

function countyCsv(d: OpenData) {
  return toCsv([
    [
      "pulje",
      "fylkesnummer",
      "fylke",
      "kommuner_med",
      "kommuner",
      "barnehager_med",
      "barnehager",
      "skoler_med",
      "skoler",
    ],
    ...d.cohorts.flatMap((k) =>
      k.counties.map((c) => [
        k.number,
        c.code,
        c.name,
        c.municipalitiesTakingPart,
        c.municipalities,
        c.kindergartensTakingPart,
        c.kindergartens,
        c.schoolsTakingPart,
        c.schools,
      ]),
    ),
  ]);
}

function municipalityCsv(d: OpenData) {
  return toCsv([
    [
      "pulje",
      "kommunenummer",
      "kommune",
      "fylkesnummer",
      "med",
      "barnehager_med",
      "barnehager",
      "skoler_med",
      "skoler",
    ],
    ...d.cohorts.flatMap((k) =>
      k.municipalities.map((m) => [
        k.number,
        m.code,
        m.name,
        m.county,
        m.takingPart ? "ja" : "nei",
        m.kindergartensTakingPart,
        m.kindergartens,
        m.schoolsTakingPart,
        m.schools,
      ]),
    ),
  ]);
}

function chainCsv(d: OpenData) {
  return toCsv([
    ["pulje", "ikke_svart", "ja", "nei", "utlopt"],
    ...d.cohorts.map((k) => [
      k.number,
      k.chain.invited,
      k.chain.accepted,
      k.chain.declined,
      k.chain.expired,
    ]),
  ]);
}

const FILES = {
  "fylker.csv": countyCsv,
  "kommuner.csv": municipalityCsv,
  "kjeden.csv": chainCsv,
} as const;

/** The OpenAPI 3.1 description of the open data. */
export function openApi() {
  const count = { type: "integer", minimum: 0 };
  const csv = (description: string) => ({
    description,
    content: { "text/csv": { schema: { type: "string" } } },
  });
  const slug = {
    name: "slug",
    in: "path",
    required: true,
    description: "Tilbudets adresse, som i /nb/tilbud/{slug}",
    schema: { type: "string", pattern: "^[a-z0-9-]{1,60}$" },
  };
  return {
    openapi: "3.1.0",
    info: {
      title: "Samspill – åpne data om deltakelse",
      version: "1.0.0",
      description:
        "Deltakelse i kompetanseutviklingstilbud per pulje, fylke og kommune, antall barnehager og skoler mot registrene (NBR, NSR), og invitasjonskjedens status. Ingen personopplysninger og ingen fritekst. Fylker og kommuner som de var da puljen startet.",
      license: { name: NLOD.name, url: NLOD.url },
    },
    paths: {
      [`${OPEN_DATA_BASE}/tilbud/{slug}.json`]: {
        get: {
          summary: "Alle tall for et tilbud",
          parameters: [slug],
          responses: {
            "200": {
              description: "Tallene",
              content: {
                "application/json": { schema: { $ref: "#/components/schemas/OpenData" } },
              },
            },
            "404": { description: "Ukjent eller upublisert tilbud" },
          },
        },
      },
      [`${OPEN_DATA_BASE}/tilbud/{slug}/fylker.csv`]: {
        get: {
          summary: "Per pulje og fylke",
          parameters: [slug],
          responses: { "200": csv("CSV, semikolon, UTF-8") },
        },
      },
      [`${OPEN_DATA_BASE}/tilbud/{slug}/kommuner.csv`]: {
        get: {
          summary: "Per pulje og kommune",
          parameters: [slug],
          responses: { "200": csv("CSV, semikolon, UTF-8") },
        },
      },
      [`${OPEN_DATA_BASE}/tilbud/{slug}/kjeden.csv`]: {
        get: {
          summary: "Invitasjonskjeden per pulje",
          parameters: [slug],
          responses: { "200": csv("CSV, semikolon, UTF-8") },
        },
      },
    },
    components: {
      schemas: {
        OpenData: {
          type: "object",
          required: ["licence", "publisher", "programme", "generatedOn", "cohorts"],
          properties: {
            licence: {
              type: "object",
              properties: { name: { type: "string" }, url: { type: "string" } },
            },
            publisher: { type: "string" },
            programme: { type: "string" },
            generatedOn: { type: "string", format: "date" },
            cohorts: {
              type: "array",
              items: {
                type: "object",
                properties: {
                  number: count,
                  startsOn: { type: "string", format: "date" },
                  endsOn: { type: "string", format: "date" },
                  divisionDate: { type: "string", format: "date" },
                  chain: {
                    type: "object",
                    properties: {
                      invited: count,
                      accepted: count,
                      declined: count,
                      expired: count,
                    },
                  },
                  counties: {
                    type: "array",
                    items: {
                      type: "object",
                      properties: {
                        code: { type: "string" },
                        name: { type: "string" },
                        municipalitiesTakingPart: count,
                        municipalities: count,
                        kindergartensTakingPart: count,
                        kindergartens: count,
                        schoolsTakingPart: count,
                        schools: count,
                      },
                    },
                  },
                  municipalities: {
                    type: "array",
                    items: {
                      type: "object",
                      properties: {
                        code: { type: "string" },
                        name: { type: "string" },
                        county: { type: "string" },
                        takingPart: { type: "boolean" },
                        kindergartensTakingPart: count,
                        kindergartens: count,
                        schoolsTakingPart: count,
                        schools: count,
                      },
                    },
                  },
                },
              },
            },
          },
        },
      },
    },
  };
}

function OpenDataPage(props: { lang: Lang; slug: string; title: string }) {
  const t = openDataTexts(props.lang);
  const base = `${OPEN_DATA_BASE}/tilbud/${props.slug}`;
  return (
    <Layout lang={props.lang} title={t.title(props.title)} path={`/apne-data/${props.slug}`}>
      <h1 class="ds-heading" data-size="xl">
        {t.title(props.title)}
      </h1>
      <p class="ds-paragraph lead">{t.lead}</p>
      <ul class="ds-list">
        <li>
          <a class="ds-link" href={`${base}.json`}>
            {t.json}
          </a>
        </li>
        <li>
          <a class="ds-link" href={`${base}/fylker.csv`}>
            {t.counties}
          </a>
        </li>
        <li>
          <a class="ds-link" href={`${base}/kommuner.csv`}>
            {t.municipalities}
          </a>
        </li>
        <li>
          <a class="ds-link" href={`${base}/kjeden.csv`}>
            {t.chain}
          </a>
        </li>
        <li>
          <a class="ds-link" href={`${OPEN_DATA_BASE}/openapi.json`}>
            {t.openapi}
          </a>
        </li>
      </ul>
      <p class="ds-paragraph">
        {t.licence}{" "}
        <a class="ds-link" href={NLOD.url}>
          {NLOD.name}
        </a>
        .
      </p>
      <p class="ds-paragraph">{t.notes}</p>
    </Layout>
  );
}

/** A link to the open data on the programme's public page. */
export const openDataSection: ProgrammeSection = {
  position: 90,
  async render(_db, programme, lang) {
    const t = openDataTexts(lang);
    return (
      <section class="stack" aria-labelledby="open-data-h">
        <h2 class="ds-heading" data-size="md" id="open-data-h">
          {t.sectionTitle}
        </h2>
        <p class="ds-paragraph">
          <a class="ds-link" href={localPath(lang, `/apne-data/${programme.slug}`)}>
            {t.sectionLink}
          </a>
        </p>
      </section>
    );
  },
};

export function openDataRoutes() {
  const app = new Hono<AppEnv>();
  const cached = async (c: AppContext, type: string, produce: () => Promise<string | null>) => {
    const page = await deps(c).pageCache.get(c.req.path, produce);
    if (!page) return c.json({ error: "not found" }, 404);
    return c.body(page.html, 200, {
      "Content-Type": type,
      "Cache-Control": "public, max-age=300",
      "Access-Control-Allow-Origin": "*",
    });
  };
  const today = (c: AppContext) => osloToday(deps(c).clock.now());

  app.get(`${OPEN_DATA_BASE}/openapi.json`, (c) =>
    cached(c, "application/json; charset=utf-8", async () => JSON.stringify(openApi(), null, 2)),
  );
  app.get(`${OPEN_DATA_BASE}/tilbud/:dataset{[a-z0-9-]{1,60}\\.json}`, (c) => {
    const slug = c.req.param("dataset").replace(/\.json$/, "");
    return cached(c, "application/json; charset=utf-8", async () => {
      const d = await openData(deps(c).db, slug, today(c));
      return d ? JSON.stringify(d) : null;
    });
  });
  app.get(`${OPEN_DATA_BASE}/tilbud/:slug{[a-z0-9-]{1,60}}/:table{[a-z]+\\.csv}`, (c) => {
    const file = c.req.param("table") as keyof typeof FILES;
    if (!Object.hasOwn(FILES, file)) return c.json({ error: "not found" }, 404);
    return cached(c, "text/csv; charset=utf-8", async () => {
      const d = await openData(deps(c).db, c.req.param("slug"), today(c));
      return d ? FILES[file](d) : null;
    });
  });
  app.get("/:lang{nb|nn|en}/apne-data/:slug{[a-z0-9-]{1,60}}", async (c) => {
    const lang = c.req.param("lang") as Lang;
    const slug = c.req.param("slug");
    const programme = await getPublicProgramme(deps(c).db, slug, lang);
    if (!programme) return c.notFound();
    c.header("Cache-Control", "no-store");
    return c.html(
      await toHtml(<OpenDataPage lang={lang} slug={slug} title={programme.text.title} />),
    );
  });
  return app;
}
