import { desc, eq } from "drizzle-orm";
import { Hono } from "hono";
import type { Db } from "../../db/client";
import { type AppEnv, deps, langOf } from "../../kernel/context";
import { Breadcrumbs } from "../../web/components/breadcrumbs";
import { Notice } from "../../web/components/notice";
import { errorPage } from "../../web/error-pages";
import { formatDateTime, formatMonthYear, type Lang, messages } from "../../web/i18n";
import { Layout, localPath } from "../../web/layout";
import { render } from "../../web/render";
import { cohortRef } from "../cohorts";
import { getPublicProgramme } from "../programmes";
import { loc } from "./apply";
import { applyTexts } from "./apply-texts";
import { lastMinute } from "./apply-views";
import type { FormDefinition } from "./form-definition";
import { formDefinitionOf } from "./forms";
import { isOpen, type Round } from "./rounds";
import { applicationRounds } from "./schema";

/** A programme's newest round (by deadline), if it has one. */
export async function latestRoundOf(db: Db, programmeId: number): Promise<Round | null> {
  const [row] = await db
    .select()
    .from(applicationRounds)
    .where(eq(applicationRounds.programmeId, programmeId))
    .orderBy(desc(applicationRounds.deadline))
    .limit(1);
  return row ?? null;
}

type Props = {
  lang: Lang;
  slug: string;
  title: string;
  round: Round | null;
  open: boolean;
  def: FormDefinition | null;
  /** Where the way in leads: the applications, or sign-in first. */
  wayIn: { href: string; label: string };
};

/** What the application asks, readable before signing in, and whether a round is open. */
function PublicApplicationPage(props: Props) {
  const { lang } = props;
  const a = applyTexts[lang];
  const t = messages(lang);
  const title = a.publicTitle(props.title);
  const deadline = props.round ? formatDateTime(lang, lastMinute(props.round.deadline)) : "";
  return (
    <Layout lang={lang} title={title} path={`/tilbud/${props.slug}/soknad`}>
      <Breadcrumbs
        lang={lang}
        items={[
          { href: "/", text: t.site.programmes },
          { href: `/tilbud/${props.slug}`, text: props.title },
          { href: `/tilbud/${props.slug}/soknad`, text: a.applicationHeading },
        ]}
      />
      <h1 class="ds-heading" data-size="xl">
        {title}
      </h1>
      <p class="ds-paragraph lead">{a.publicLead}</p>
      <Notice color={props.open ? "info" : "warning"}>
        {!props.round
          ? a.roundNotYet
          : props.open
            ? a.roundOpen(deadline)
            : a.roundClosed(deadline)}
      </Notice>
      {props.open ? (
        <p class="ds-paragraph">
          <a class="ds-button" data-variant="primary" href={props.wayIn.href}>
            {props.wayIn.label}
          </a>
        </p>
      ) : null}
      {props.def ? (
        <section aria-labelledby="questions-heading">
          <h2 class="ds-heading" data-size="lg" id="questions-heading">
            {a.questionsHeading}
          </h2>
          {props.def.sections.map((s) => (
            <section>
              <h3 class="ds-heading" data-size="md">
                {loc(s.title, lang)}
              </h3>
              {s.intro && loc(s.intro, lang) ? (
                <p class="ds-paragraph">{loc(s.intro, lang)}</p>
              ) : null}
              <ul class="ds-list">
                {s.questions.map((q) => (
                  <li>
                    <strong>{loc(q.label, lang)}</strong>
                    {q.required ? ` (${a.required.toLowerCase()})` : ` ${a.optional}`}
                    {q.help && loc(q.help, lang) ? (
                      <p class="ds-paragraph">{loc(q.help, lang)}</p>
                    ) : null}
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </section>
      ) : null}
    </Layout>
  );
}

/**
 * The way in on a programme's public page (this module's `programmeSections`): whether its
 * newest round is open and until when, for which cohort, with links to the questions and to
 * the municipality's applications (sign-in first for those not signed in). The same for every
 * reader: the page is cached for those not signed in.
 */
export async function applicationSection(
  db: Db,
  programme: { id: number; slug: string },
  lang: Lang,
  now: Date,
) {
  const round = await latestRoundOf(db, programme.id);
  if (!round) return null;
  const a = applyTexts[lang];
  const open = isOpen(round, now);
  const deadline = formatDateTime(lang, lastMinute(round.deadline));
  const cohort = await cohortRef(db, round.cohortId);
  return (
    <section aria-labelledby="application-heading" class="stack">
      <h2 class="ds-heading" data-size="md" id="application-heading">
        {a.sectionHeading}
      </h2>
      <Notice color={open ? "info" : "warning"}>
        {open ? a.roundOpen(deadline) : a.roundClosed(deadline)}
      </Notice>
      {cohort ? (
        <p class="ds-paragraph">
          {a.roundForCohort(
            cohort.number,
            formatMonthYear(lang, cohort.startsOn),
            formatMonthYear(lang, cohort.endsOn),
          )}
        </p>
      ) : null}
      <p class="ds-paragraph button-row">
        {open ? (
          <a class="ds-button" data-variant="primary" href={localPath(lang, "/soknader")}>
            {a.applyNow}
          </a>
        ) : null}
        <a class="ds-link" href={localPath(lang, `/tilbud/${programme.slug}/soknad`)}>
          {a.readQuestions}
        </a>
      </p>
    </section>
  );
}

export function publicApplyRoutes() {
  const app = new Hono<AppEnv>();
  app.get("/:lang{nb|nn|en}/tilbud/:slug{[a-z0-9-]{1,80}}/soknad", async (c) => {
    const { db, clock } = deps(c);
    const lang = langOf(c);
    const data = await getPublicProgramme(db, c.req.param("slug"), lang);
    if (!data) return errorPage(c, "notFound");
    const round = await latestRoundOf(db, data.programme.id);
    const a = applyTexts[lang];
    const list = localPath(lang, "/soknader");
    const user = c.get("user");
    const wayIn = user?.permissions.some((p) => p.startsWith("apply:application:"))
      ? { href: list, label: a.goToApplications }
      : {
          href: `${localPath(lang, "/logg-inn")}?returnTo=${encodeURIComponent(list)}`,
          label: a.signInToApply,
        };
    c.header("Cache-Control", "no-store");
    return render(
      c,
      <PublicApplicationPage
        lang={lang}
        slug={data.programme.slug}
        title={data.text.title}
        round={round}
        open={round !== null && isOpen(round, clock.now())}
        def={round ? await formDefinitionOf(db, round.formId) : null}
        wayIn={wayIn}
      />,
    );
  });
  return app;
}
