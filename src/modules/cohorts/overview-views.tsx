import { raw } from "hono/html";
import type { Child } from "hono/jsx";
import { osloToday } from "../../kernel/clock";
import { assetManifest } from "../../web/assets";
import { DataTable } from "../../web/components/data-table";
import { Facts as FactList } from "../../web/components/facts";
import { Button, ButtonRow, Select } from "../../web/components/form";
import { formatDate, htmlLang, type Lang, messages } from "../../web/i18n";
import { IconLink, Layout, localPath } from "../../web/layout";
import { renderMarkdown } from "../../web/markdown";
import type { Landing, LandingItem } from "./my-cohorts";
import {
  type CohortOverview,
  filterSearch,
  INVITATION_STATES,
  type InviteeRow,
  type Parts,
  stateParams,
} from "./overview";
import { type OverviewTexts, overviewTexts } from "./overview-texts";
import type { InvitationState } from "./schema";

const tagColor: Record<InvitationState, string> = {
  invited: "warning",
  accepted: "success",
  declined: "danger",
  expired: "neutral",
};

function StateTag(props: { t: OverviewTexts; state: InvitationState }) {
  return (
    <span class="ds-tag" data-color={tagColor[props.state]}>
      {props.t.states[props.state]}
    </span>
  );
}

const dateOrDash = (lang: Lang, date: string | null) => (date ? formatDate(lang, date) : "–");

/** A deadline is the end of its day: the minute before it names the day. */
const lastMinuteOf = (deadline: Date) => new Date(deadline.getTime() - 60_000);

// ---------------------------------------------------------------- "Mine puljer"

function actionLabel(t: OverviewTexts, item: LandingItem) {
  switch (item.action.kind) {
    case "invite":
      return t.inviteMunicipalities;
    case "office":
      return t.officePage;
    case "answer":
      return t.answer;
    case "invitation":
      return t.seeInvitation;
    default:
      return t.seeOverview;
  }
}

function itemStatus(t: OverviewTexts, item: LandingItem): Child {
  if (item.state) return <StateTag t={t} state={item.state} />;
  if (item.enrolled) return t.enrolledStatus;
  return item.officeOpen ? t.officeOpen : t.officeClosed;
}

function WaitingCard(props: { lang: Lang; t: OverviewTexts; item: LandingItem }) {
  const { lang, t, item } = props;
  const name = t.cohortName(item.cohort.programmeTitle, item.cohort.number);
  return (
    <li class="ds-card" data-color="warning" data-variant="tinted">
      <h3 class="ds-heading" data-size="xs">
        {name}
      </h3>
      <p class="ds-paragraph">
        {item.part.name}: {itemStatus(t, item)}
      </p>
      {item.deadline ? (
        <p class="ds-paragraph">
          {t.deadline}: {formatDate(lang, item.deadline)}
        </p>
      ) : null}
      <p class="ds-paragraph button-row">
        <a class="ds-button" data-variant="primary" href={localPath(lang, item.action.path)}>
          {actionLabel(t, item)}
          <span class="ds-sr-only">: {item.part.name}</span>
        </a>
        <a class="ds-link" href={localPath(lang, `/puljer/${item.cohort.id}`)}>
          {t.overviewOf(name)}
        </a>
      </p>
    </li>
  );
}

export function LandingPage(props: { lang: Lang; landing: Landing }) {
  const { lang, landing } = props;
  const t = overviewTexts(lang);
  const waiting = landing.items.filter((i) => i.waiting);
  const rest = landing.items.filter((i) => !i.waiting);
  const empty = !landing.programmes && landing.items.length === 0;
  return (
    <Layout lang={lang} title={t.landingTitle} path="/puljer">
      <h1 class="ds-heading" data-size="xl">
        {t.landingTitle}
      </h1>
      {empty ? (
        <p class="ds-paragraph lead">{t.landingNone}</p>
      ) : (
        <p class="ds-paragraph lead">{t.landingLead}</p>
      )}

      {waiting.length > 0 ? (
        <section aria-labelledby="waiting-heading" class="stack">
          <h2 class="ds-heading" data-size="md" id="waiting-heading">
            {t.waitingTitle}
          </h2>
          <ul class="catalogue">
            {waiting.map((item) => (
              <WaitingCard lang={lang} t={t} item={item} />
            ))}
          </ul>
        </section>
      ) : null}

      {rest.length > 0 ? (
        <section aria-labelledby="mine-heading" class="stack">
          <h2 class="ds-heading" data-size="md" id="mine-heading">
            {t.yourCohorts}
          </h2>
          <DataTable
            label={t.yourCohorts}
            columns={[t.colCohort, t.yourPart, t.status, t.deadline, t.action]}
          >
            {rest.map((item) => (
              <tr>
                <td>
                  <a class="ds-link" href={localPath(lang, `/puljer/${item.cohort.id}`)}>
                    {t.cohortName(item.cohort.programmeTitle, item.cohort.number)}
                  </a>
                  <br />
                  <span class="subtle">
                    {t.periodValue(
                      formatDate(lang, item.cohort.startsOn),
                      formatDate(lang, item.cohort.endsOn),
                    )}
                  </span>
                </td>
                <td>{item.part.name}</td>
                <td>{itemStatus(t, item)}</td>
                <td>{dateOrDash(lang, item.deadline)}</td>
                <td>
                  <a class="ds-link" href={localPath(lang, item.action.path)}>
                    {actionLabel(t, item)}
                    <span class="ds-sr-only">
                      : {t.cohortName(item.cohort.programmeTitle, item.cohort.number)},{" "}
                      {item.part.name}
                    </span>
                  </a>
                </td>
              </tr>
            ))}
          </DataTable>
        </section>
      ) : null}

      {landing.programmes?.map((p) => (
        <section aria-labelledby={`programme-${p.id}`} class="stack">
          <h2 class="ds-heading" data-size="md" id={`programme-${p.id}`}>
            {t.allCohortsOf(p.title)}
          </h2>
          {p.cohorts.length === 0 ? (
            <p class="ds-paragraph">{t.noCohortsYet}</p>
          ) : (
            <DataTable
              label={t.allCohortsOf(p.title)}
              columns={[
                t.colCohort,
                t.period,
                t.officeInviteDeadline,
                t.officesCount,
                t.municipalitiesInvited,
                t.acceptedCount,
              ]}
            >
              {p.cohorts.map((c) =>
                c.wayIn === "application" ? (
                  // Joined by application: no offices, no invitations; the round's deadline.
                  <tr>
                    <td>
                      <a
                        class="ds-link"
                        href={localPath(lang, `/admin/puljer/${c.id}/soknadsrunde`)}
                      >
                        {t.cohortShort(c.number)}
                      </a>
                    </td>
                    <td>
                      {t.periodValue(formatDate(lang, c.startsOn), formatDate(lang, c.endsOn))}
                    </td>
                    <td>
                      {c.applicationDeadline
                        ? t.applicationDeadline(
                            formatDate(lang, osloToday(lastMinuteOf(c.applicationDeadline))),
                          )
                        : t.noRoundYet}
                    </td>
                    <td colspan={3}>
                      {t.byApplication}{" "}
                      <a
                        class="ds-link"
                        href={localPath(lang, `/admin/puljer/${c.id}/soknadsrunde`)}
                      >
                        {t.seeRound}
                        <span class="ds-sr-only">: {t.cohortShort(c.number)}</span>
                      </a>
                    </td>
                  </tr>
                ) : (
                  <tr>
                    <td>
                      <a class="ds-link" href={localPath(lang, `/puljer/${c.id}`)}>
                        {t.cohortShort(c.number)}
                      </a>
                    </td>
                    <td>
                      {t.periodValue(formatDate(lang, c.startsOn), formatDate(lang, c.endsOn))}
                    </td>
                    <td>{dateOrDash(lang, c.officeInviteDeadline)}</td>
                    <td>{c.offices}</td>
                    <td>{c.invited}</td>
                    <td>{c.accepted}</td>
                  </tr>
                ),
              )}
            </DataTable>
          )}
        </section>
      ))}
    </Layout>
  );
}

// ---------------------------------------------------------------- the chain overview

export type OverviewProps = {
  lang: Lang;
  /** Today in Europe/Oslo, by the app's clock. */
  today: string;
  overview: CohortOverview;
  parts: Parts;
};

/** Where a row's name links to: the invitee's own page, for those who act for it. */
function inviteePath(parts: Parts, full: boolean, r: InviteeRow, cohortId: number): string | null {
  const mayOpen =
    full ||
    parts.offices.has(r.officeId) ||
    (r.kind === "municipality" ? parts.municipalities.has(r.id) : parts.units.has(r.id));
  if (!mayOpen) return null;
  return `/puljer/${cohortId}/${r.kind === "unit" ? "enhet" : "kommune"}/${r.id}`;
}

function filterDescription(t: OverviewTexts, ov: CohortOverview): string | null {
  const parts: string[] = [];
  const f = ov.filter;
  if (f.office) {
    const office = ov.options.offices.find((o) => o.id === f.office)?.name ?? f.office;
    parts.push(`${t.filterOffice}: ${office}`);
  }
  if (f.state) parts.push(`${t.filterState}: ${t.states[f.state]}`);
  if (f.county) {
    const county = ov.options.counties.find((c) => c.code === f.county)?.name ?? f.county;
    parts.push(`${t.filterCounty}: ${county}`);
  }
  return parts.length > 0 ? t.filterActive(parts.join(", ")) : null;
}

function Facts(props: { lang: Lang; t: OverviewTexts; ov: CohortOverview }) {
  const { lang, t } = props;
  const c = props.ov.cohort;
  const dateOrNotSet = (date: string | null) => (date ? formatDate(lang, date) : t.notSet);
  return (
    <FactList
      heading={t.facts}
      class="ds-card facts"
      facts={[
        {
          term: t.period,
          value: t.periodValue(formatDate(lang, c.startsOn), formatDate(lang, c.endsOn)),
        },
        { term: t.officeInviteDeadline, value: dateOrNotSet(c.officeInviteDeadline) },
        { term: t.answerDeadline, value: dateOrNotSet(c.answerDeadline) },
      ]}
    />
  );
}

function TermsAndGatherings(props: { lang: Lang; t: OverviewTexts; ov: CohortOverview }) {
  const { lang, t, ov } = props;
  return (
    <>
      <section aria-labelledby="terms-heading" class="prose">
        <h2 class="ds-heading" data-size="md" id="terms-heading">
          {t.terms}
        </h2>
        {ov.terms.trim() ? (
          <div class="prose">{raw(renderMarkdown(ov.terms))}</div>
        ) : (
          <p class="ds-paragraph">{t.noTerms}</p>
        )}
      </section>
      <section aria-labelledby="gatherings-heading" class="prose">
        <h2 class="ds-heading" data-size="md" id="gatherings-heading">
          {t.gatherings}
        </h2>
        {ov.gatherings.length === 0 ? (
          <p class="ds-paragraph">{t.noGatherings}</p>
        ) : (
          <ul class="ds-list">
            {ov.gatherings.map((g) => (
              <li>
                {t.gatheringLine(
                  t.gatheringKinds[g.kind] ?? g.kind,
                  g.title,
                  formatDate(lang, g.plannedOn),
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

/** A unit's own enrolment, for those who follow only their unit. */
function Mine(props: { t: OverviewTexts; ov: CohortOverview }) {
  const { t, ov } = props;
  if (ov.mine.length === 0) return null;
  return (
    <section aria-labelledby="mine-heading" class="prose">
      <h2 class="ds-heading" data-size="md" id="mine-heading">
        {t.mine}
      </h2>
      <ul class="ds-list">
        {ov.mine.map((u) => (
          <li>{t.mineLine(u.name, u.via)}</li>
        ))}
      </ul>
    </section>
  );
}

function Figures(props: { t: OverviewTexts; ov: CohortOverview; filtered: boolean }) {
  const { t } = props;
  const f = props.ov.figures;
  const line = (label: string, value: number, sub = false) => (
    <tr>
      <th scope="row">
        {sub ? <span aria-hidden="true">– </span> : null}
        {label}
      </th>
      <td>{value}</td>
    </tr>
  );
  const states = (counts: typeof f.municipalities) =>
    INVITATION_STATES.map((s) => line(t.stateCounts[s], counts[s], true));
  return (
    <section aria-labelledby="figures-heading" class="stack">
      <h2 class="ds-heading" data-size="md" id="figures-heading">
        {t.figures}
      </h2>
      {!props.ov.full ? (
        <p class="ds-paragraph">{t.figuresNational}</p>
      ) : props.filtered ? (
        <p class="ds-paragraph">{t.figuresFiltered}</p>
      ) : null}
      <section class="table-wrap" tabindex={0} aria-label={t.figures}>
        <table class="ds-table" data-zebra="true">
          <caption class="ds-sr-only">{t.figures}</caption>
          <tbody>
            {line(t.officesInvited, f.offices)}
            {line(t.municipalitiesInvited, f.municipalities.total)}
            {states(f.municipalities)}
            {f.units.total > 0 ? (
              <>
                {line(t.unitsInvited, f.units.total)}
                {states(f.units)}
              </>
            ) : null}
            {line(t.unitsEnrolled, f.enrolled.total)}
            {line(t.kindergartens, f.enrolled.kindergartens, true)}
            {line(t.schools, f.enrolled.schools, true)}
            {line(t.publicUnits, f.enrolled.public, true)}
            {line(t.privateUnits, f.enrolled.private, true)}
            {f.enrolled.unknownOwner > 0
              ? line(t.unknownOwner, f.enrolled.unknownOwner, true)
              : null}
            {line(t.resourcePersons, f.resourcePersons)}
            {line(t.ppContacts, f.ppContacts)}
          </tbody>
        </table>
      </section>
      <p class="ds-paragraph subtle" data-size="sm">
        {t.bothNote}
      </p>
    </section>
  );
}

function Chain(props: OverviewProps & { t: OverviewTexts; print: boolean }) {
  const { lang, t, overview: ov } = props;
  const yesNo = (b: boolean) => (b ? t.yes : t.no);
  return (
    <section aria-labelledby="chain-heading" class="stack">
      <h2 class="ds-heading" data-size="md" id="chain-heading">
        {t.chain}
      </h2>
      {ov.chain.length === 0 ? <p class="ds-paragraph">{t.noneMatch}</p> : null}
      {ov.chain.map((office) => {
        const accepted = office.rows.filter((r) => r.state === "accepted").length;
        const officeLink =
          !props.print && (ov.full || props.parts.offices.has(office.id))
            ? `/puljer/${ov.cohort.id}/kontor/${office.id}`
            : null;
        return (
          <section aria-labelledby={`office-${office.id}`} class="prose">
            <h3 class="ds-heading" data-size="sm" id={`office-${office.id}`}>
              {office.name}
            </h3>
            <p class="ds-paragraph">
              {office.invited
                ? office.invitedAt
                  ? t.officeInvitedAt(formatDate(lang, osloToday(office.invitedAt)))
                  : null
                : t.officeNotInvitedYet}{" "}
              {office.rows.length > 0 ? t.officeSummary(office.rows.length, accepted) : null}
              {officeLink ? (
                <>
                  {" "}
                  <a class="ds-link" href={localPath(lang, officeLink)}>
                    {t.officePage}
                    <span class="ds-sr-only">: {office.name}</span>
                  </a>
                </>
              ) : null}
            </p>
            {office.rows.length === 0 ? (
              <p class="ds-paragraph">{ov.filter.state ? t.noneMatch : t.noInvitees}</p>
            ) : (
              <DataTable
                label={t.inviteesOf(office.name)}
                columns={[
                  t.colInvitee,
                  t.colState,
                  t.colDeadline,
                  t.colAnswered,
                  t.colKindergartens,
                  t.colSchools,
                  t.colResourcePerson,
                  t.colPp,
                ]}
              >
                {office.rows.map((r) => {
                  const path = props.print
                    ? null
                    : inviteePath(props.parts, ov.full, r, ov.cohort.id);
                  const label = `${r.name} (${r.kind === "unit" ? t.privateUnitNote : r.id})`;
                  return (
                    <tr>
                      <td>
                        {path ? (
                          <a class="ds-link" href={localPath(lang, path)}>
                            {label}
                          </a>
                        ) : (
                          label
                        )}
                      </td>
                      <td>
                        <StateTag t={t} state={r.state} />
                      </td>
                      <td>{formatDate(lang, r.deadline)}</td>
                      <td>{r.answeredAt ? formatDate(lang, osloToday(r.answeredAt)) : "–"}</td>
                      <td>{r.kindergartens}</td>
                      <td>{r.schools}</td>
                      <td>{r.kind === "municipality" ? yesNo(r.resourcePerson) : "–"}</td>
                      <td>{r.kind === "municipality" ? yesNo(r.ppContact) : "–"}</td>
                    </tr>
                  );
                })}
              </DataTable>
            )}
          </section>
        );
      })}
    </section>
  );
}

function FilterForm(props: { lang: Lang; t: OverviewTexts; ov: CohortOverview }) {
  const { lang, t, ov } = props;
  const m = messages(lang);
  const base = localPath(lang, `/puljer/${ov.cohort.id}`);
  return (
    <section aria-labelledby="filter-heading" class="no-print">
      <h2 class="ds-heading" data-size="sm" id="filter-heading">
        {t.filterTitle}
      </h2>
      <form method="get" action={base} class="filters">
        <Select
          t={m}
          name="kontor"
          label={t.filterOffice}
          value={ov.filter.office ?? ""}
          placeholder={t.filterAll}
          options={ov.options.offices.map((o) => ({ value: o.id, label: o.name }))}
        />
        <Select
          t={m}
          name="status"
          label={t.filterState}
          value={ov.filter.state ? stateParams[ov.filter.state] : ""}
          placeholder={t.filterAll}
          options={INVITATION_STATES.map((s) => ({ value: stateParams[s], label: t.states[s] }))}
        />
        <Select
          t={m}
          name="fylke"
          label={t.filterCounty}
          value={ov.filter.county ?? ""}
          placeholder={t.filterAll}
          options={ov.options.counties.map((c) => ({ value: c.code, label: c.name }))}
        />
        <ButtonRow>
          <Button variant="secondary">{t.filterApply}</Button>
          <a class="ds-link" href={base}>
            {t.filterReset}
          </a>
        </ButtonRow>
      </form>
    </section>
  );
}

const isFiltered = (ov: CohortOverview) =>
  !!(ov.filter.office || ov.filter.state || ov.filter.county);

export function OverviewPage(props: OverviewProps) {
  const { lang, overview: ov } = props;
  const t = overviewTexts(lang);
  const title = t.cohortName(ov.programme.title, ov.cohort.number);
  const base = `/puljer/${ov.cohort.id}`;
  const search = filterSearch(ov.filter);
  const withQuery = (path: string, extra: Record<string, string> = {}) => {
    const q = filterSearch(ov.filter, extra);
    return `${localPath(lang, path)}${q ? `?${q}` : ""}`;
  };
  const described = filterDescription(t, ov);
  return (
    <Layout lang={lang} title={title} path={base}>
      <h1 class="ds-heading" data-size="xl">
        {title}
      </h1>
      <p class="ds-paragraph lead">{t.overviewLead}</p>
      <Facts lang={lang} t={t} ov={ov} />
      <TermsAndGatherings lang={lang} t={t} ov={ov} />
      <FilterForm lang={lang} t={t} ov={ov} />
      {described ? <p class="ds-paragraph">{described}</p> : null}
      <section aria-labelledby="actions-heading" class="no-print">
        <h2 class="ds-heading" data-size="sm" id="actions-heading">
          {t.actions}
        </h2>
        <ul class="ds-list">
          <li>
            <a class="ds-link" href={withQuery(base, { visning: "utskrift" })}>
              {t.print}
            </a>
          </li>
          <li>
            <a class="ds-link" href={withQuery(`${base}/eksport.csv`)} download="">
              {t.exportCsv}
            </a>
          </li>
          <li>
            <a class="ds-link" href={withQuery(`${base}/eksport.xlsx`)} download="">
              {t.exportXlsx}
            </a>
          </li>
        </ul>
        {search ? <p class="ds-paragraph subtle">{t.exportNote}</p> : null}
      </section>
      <Mine t={t} ov={ov} />
      <Figures t={t} ov={ov} filtered={isFiltered(ov)} />
      <Chain {...props} t={t} print={false} />
    </Layout>
  );
}

/**
 * The same overview without the site's navigation, for paper: the header, footer, filter form
 * and links are left out, so a print is the cohort and its chain only.
 */
export function PrintPage(props: OverviewProps) {
  const { lang, overview: ov } = props;
  const t = overviewTexts(lang);
  const site = messages(lang).site;
  const title = t.cohortName(ov.programme.title, ov.cohort.number);
  const assets = assetManifest();
  const q = filterSearch(ov.filter);
  const back = `${localPath(lang, `/puljer/${ov.cohort.id}`)}${q ? `?${q}` : ""}`;
  const described = filterDescription(t, ov);
  return (
    <html lang={htmlLang[lang]} data-color-scheme="light">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} – ${t.print} – ${site.name}`}</title>
        <link rel="stylesheet" href={`/assets/${assets.css}`} />
        <IconLink />
      </head>
      <body class="print-view layout--wide">
        <main id="main" class="container">
          <p class="ds-paragraph no-print">
            <a class="ds-link" href={back}>
              {t.backToOverview}
            </a>{" "}
            <span class="subtle">{t.printHint}</span>
          </p>
          <h1 class="ds-heading" data-size="xl">
            {title}
          </h1>
          {described ? <p class="ds-paragraph">{described}</p> : null}
          <Facts lang={lang} t={t} ov={ov} />
          <TermsAndGatherings lang={lang} t={t} ov={ov} />
          <Mine t={t} ov={ov} />
          <Figures t={t} ov={ov} filtered={isFiltered(ov)} />
          <Chain {...props} t={t} print={true} />
          <p class="ds-paragraph subtle" data-size="sm">
            {site.name}, {formatDate(lang, props.today)}
          </p>
        </main>
      </body>
    </html>
  );
}
