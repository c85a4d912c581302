import { raw } from "hono/html";
import { Breadcrumbs } from "../../web/components/breadcrumbs";
import { DataTable } from "../../web/components/data-table";
import {
  DateField,
  ErrorSummary,
  Field,
  RadioGroup,
  SubmitRow,
  ValidationMessage,
} from "../../web/components/form";
import { Notice } from "../../web/components/notice";
import { type FormState, formView } from "../../web/form-errors";
import { type Lang, messages } from "../../web/i18n";
import { Layout, localPath } from "../../web/layout";
import { FIGURES, type Figures, type LedgerGrant } from "./ledger";
import { formatKroner, kronerInput } from "./money";
import { PURPOSES } from "./schema";
import { grantLimits, type Scheme } from "./schemes";
import { grantErrors, grantTexts } from "./texts";
import { TRAVEL_FIGURES, type TravelFigures } from "./travel";
import { travelTexts } from "./travel-texts";

export const adminPath = (lang: Lang, cohortId?: number) =>
  localPath(lang, cohortId === undefined ? "/admin/tilskudd" : `/admin/tilskudd/${cohortId}`);

export type CohortRow = { cohortId: number; title: string; totals: Figures | null };

export function SchemesPage(props: { lang: Lang; rows: CohortRow[] }) {
  const gt = grantTexts(props.lang);
  const kr = (ore: number) => formatKroner(props.lang, ore);
  return (
    <Layout lang={props.lang} title={gt.listTitle} path="/admin/tilskudd" wide>
      <h1 class="ds-heading" data-size="xl">
        {gt.listTitle}
      </h1>
      <p class="ds-paragraph lead">{gt.listLead}</p>
      {props.rows.length === 0 ? (
        <p class="ds-paragraph">{gt.none}</p>
      ) : (
        <DataTable
          label={gt.listTitle}
          columns={[gt.cohortHeading, ...FIGURES.map((k) => gt.figures[k])]}
        >
          {props.rows.map((r) => (
            <tr>
              <td>
                <a class="ds-link" href={adminPath(props.lang, r.cohortId)}>
                  {r.title}
                </a>
                {r.totals ? null : <> ({gt.noScheme})</>}
              </td>
              {FIGURES.map((k) => (
                <td class="number">{r.totals ? kr(r.totals[k]) : ""}</td>
              ))}
            </tr>
          ))}
        </DataTable>
      )}
    </Layout>
  );
}

/**
 * A row's seven figures as table cells, written as one piece of HTML: a ledger has a row per
 * municipality, and seven elements a row made most of the page's rendering time. The text is
 * formatKroner's (digits, spaces, a comma or point, "kr"/"NOK", a minus sign): nothing to escape.
 */
function figureCells(lang: Lang, figures: Figures) {
  let cells = "";
  for (const k of FIGURES) cells += `<td class="number">${formatKroner(lang, figures[k])}</td>`;
  return raw(cells);
}

export type GrantRow = LedgerGrant & { name: string; countyName: string; figures: Figures };

export type SchemePageProps = {
  lang: Lang;
  cohortId: number;
  title: string;
  scheme: Scheme | null;
  waiting: number;
  grants: GrantRow[];
  counties: { name: string; figures: Figures }[];
  total: Figures;
  /** The scheme's travel claims in figures (null: none yet). */
  travel?: TravelFigures | null;
  message?: string | undefined;
  /** A refused act of the page's buttons (allocate, letters, pay, settle). */
  actError?: string | undefined;
  form?: FormState & { purposes?: string[] };
};

export function SchemePage(props: SchemePageProps) {
  const { lang, scheme } = props;
  const t = messages(lang);
  const gt = grantTexts(lang);
  const tt = travelTexts(lang);
  const base = adminPath(lang, props.cohortId);
  const kr = (ore: number) => formatKroner(lang, ore);
  const stored: Record<string, string> = scheme
    ? {
        basis: scheme.basis,
        amount: kronerInput(scheme.amountOre),
        floor: kronerInput(scheme.floorOre),
        ceiling: kronerInput(scheme.ceilingOre),
        travelCeiling: kronerInput(scheme.travelCeilingOre),
        conditionsNb: scheme.conditionsNb,
        conditionsNn: scheme.conditionsNn,
        acceptDeadline: scheme.acceptDeadline,
        reportDeadline: scheme.reportDeadline,
      }
    : { basis: "flat" };
  const f = formView(lang, props.form ?? { values: stored, errors: {} }, {
    labels: {
      purposes: gt.purposes,
      basis: gt.basis,
      amount: gt.amount,
      floor: gt.floor,
      ceiling: gt.ceiling,
      travelCeiling: tt.ceilingField,
      conditionsNb: gt.conditionsNb,
      conditionsNn: gt.conditionsNn,
      acceptDeadline: gt.acceptDeadline,
      reportDeadline: gt.reportDeadline,
    },
    errors: grantErrors[lang],
    idPrefix: "scheme",
  });
  const chosen = new Set(props.form?.purposes ?? scheme?.purposes ?? ["resource-person"]);
  const summary = [
    ...(props.actError ? [{ href: "#act-error", text: props.actError }] : []),
    ...f.summary,
  ];
  const acts = (label: string, action: string, disabled = false) =>
    disabled ? null : (
      <form method="post" action={`${base}/${action}`} class="inline-form">
        <button class="ds-button" data-variant="secondary" type="submit">
          {label}
        </button>
      </form>
    );
  const has = (state: string) => props.grants.some((g) => g.state === state);
  return (
    <Layout
      lang={lang}
      title={props.title}
      path={`/admin/tilskudd/${props.cohortId}`}
      hasErrors={summary.length > 0}
      wide
    >
      <Breadcrumbs
        lang={lang}
        items={[
          { href: "/admin/tilskudd", text: gt.listTitle },
          { href: `/admin/tilskudd/${props.cohortId}`, text: props.title },
        ]}
      />
      <h1 class="ds-heading" data-size="xl">
        {props.title}
      </h1>
      {props.message ? <Notice color="success">{props.message}</Notice> : null}
      <ErrorSummary t={t} items={summary} />
      {props.actError ? (
        <Notice color="danger" id="act-error" focus>
          {props.actError}
        </Notice>
      ) : null}

      <section aria-labelledby="ordning-heading">
        <h2 class="ds-heading" data-size="md" id="ordning-heading">
          {gt.schemeHeading}
        </h2>
        <form method="post" action={`${base}/ordning`} novalidate class="stack">
          <fieldset
            class="ds-fieldset"
            aria-describedby={f.error("purposes") ? "scheme-purposes-error" : undefined}
          >
            <legend class="ds-label">{gt.purposes}</legend>
            <ValidationMessage t={t} id="scheme-purposes-error" text={f.error("purposes")} />
            {PURPOSES.map((p, i) => {
              const id = i === 0 ? "scheme-purposes" : `scheme-purposes-${p}`;
              return (
                <div class="ds-field">
                  <input
                    class="ds-input"
                    type="checkbox"
                    id={id}
                    name="purposes"
                    value={p}
                    checked={chosen.has(p)}
                  />
                  <label class="ds-label" for={id} data-weight="regular">
                    {gt.purpose[p]}
                  </label>
                </div>
              );
            })}
          </fieldset>
          <RadioGroup
            t={t}
            {...f.bind("basis")}
            legend={gt.basis}
            options={(["flat", "per-unit"] as const).map((b) => ({ value: b, label: gt.bases[b] }))}
          />
          <Field t={t} {...f.bind("amount")} hint={gt.amountHint} maxLength={20} />
          <Field t={t} {...f.bind("floor")} hint={gt.floorHint} required={false} maxLength={20} />
          <Field t={t} {...f.bind("ceiling")} hint={gt.floorHint} required={false} maxLength={20} />
          <Field
            t={t}
            {...f.bind("travelCeiling")}
            hint={tt.ceilingHint}
            required={false}
            maxLength={20}
          />
          <Field t={t} {...f.bind("conditionsNb")} multiline maxLength={grantLimits.conditions} />
          <Field t={t} {...f.bind("conditionsNn")} multiline maxLength={grantLimits.conditions} />
          <DateField t={t} {...f.bind("acceptDeadline")} />
          <DateField t={t} {...f.bind("reportDeadline")} />
          <SubmitRow variant="secondary">{gt.saveScheme}</SubmitRow>
        </form>
      </section>

      {scheme ? (
        <section aria-labelledby="tildeling-heading">
          <h2 class="ds-heading" data-size="md" id="tildeling-heading">
            {gt.allocateHeading}
          </h2>
          <p class="ds-paragraph">{gt.allocateLead(props.waiting)}</p>
          <div class="button-row">
            {acts(gt.allocate, "tildel", props.waiting === 0)}
            {acts(gt.sendLetters, "brev", !has("allocated"))}
            {acts(gt.payAll, "utbetal", !has("accepted") && !(props.travel?.approved ?? 0))}
          </div>
        </section>
      ) : null}

      {scheme && (scheme.purposes.includes("travel") || props.travel) ? (
        <TravelTotals
          lang={lang}
          totals={props.travel ?? { submitted: 0, approved: 0, paid: 0, rejected: 0, count: 0 }}
          link={`${base}/reisekrav`}
        />
      ) : null}

      {props.grants.length > 0 ? (
        <>
          <section aria-labelledby="tildelinger-heading">
            <h2 class="ds-heading" data-size="md" id="tildelinger-heading">
              {gt.grantsHeading}
            </h2>
            <DataTable
              label={gt.perMunicipality}
              columns={[
                gt.municipality,
                gt.units,
                gt.state,
                ...FIGURES.map((k) => gt.figures[k]),
                gt.actions,
              ]}
            >
              {props.grants.map((g) => (
                <tr>
                  <td>{g.name}</td>
                  <td class="number">{g.enrolledUnits}</td>
                  <td>{gt.states[g.state]}</td>
                  {figureCells(lang, g.figures)}
                  <td>
                    <RowActions lang={lang} base={base} grant={g} />
                  </td>
                </tr>
              ))}
              <tr>
                <th scope="row" colspan={3}>
                  {gt.total}
                </th>
                {FIGURES.map((k) => (
                  <td class="number" data-testid={`total-${k}`}>
                    {kr(props.total[k])}
                  </td>
                ))}
                <td />
              </tr>
            </DataTable>
          </section>
          <section aria-labelledby="fylke-heading">
            <h2 class="ds-heading" data-size="md" id="fylke-heading">
              {gt.perCounty}
            </h2>
            <DataTable
              label={gt.perCounty}
              columns={[gt.county, ...FIGURES.map((k) => gt.figures[k])]}
            >
              {props.counties.map((c) => (
                <tr>
                  <td>{c.name}</td>
                  {figureCells(lang, c.figures)}
                </tr>
              ))}
            </DataTable>
          </section>
          <section aria-labelledby="eksport-heading">
            <h2 class="ds-heading" data-size="md" id="eksport-heading">
              {gt.exportHeading}
            </h2>
            <p class="ds-paragraph">{gt.exportLead}</p>
            <p class="ds-paragraph">
              <a class="ds-link" href={`${base}/utbetalinger.csv`}>
                {gt.exportCsv}
              </a>{" "}
              ·{" "}
              <a class="ds-link" href={`${base}/utbetalinger.xlsx`}>
                {gt.exportXlsx}
              </a>
            </p>
          </section>
        </>
      ) : null}
    </Layout>
  );
}

function RowActions(props: { lang: Lang; base: string; grant: GrantRow }) {
  const gt = grantTexts(props.lang);
  const g = props.grant;
  const button = (action: string, label: string) => (
    <form method="post" action={`${props.base}/${g.id}/${action}`} class="inline-form">
      <button class="ds-button" data-variant="secondary" data-size="sm" type="submit">
        {label}
      </button>
    </form>
  );
  switch (g.state) {
    case "allocated":
      return (
        <a class="ds-link" href={`${props.base}/${g.id}/juster`}>
          {gt.adjustFor(g.name)}
        </a>
      );
    case "accepted":
      return button("utbetal", gt.pay(g.name));
    case "reported":
      return button("oppgjor", g.figures.toReturn > 0 ? gt.settleReturn(g.name) : gt.close(g.name));
    default:
      return null;
  }
}

export function AdjustPage(props: {
  lang: Lang;
  cohortId: number;
  cohortTitle: string;
  grant: GrantRow;
  form?: FormState;
}) {
  const { lang, grant } = props;
  const t = messages(lang);
  const gt = grantTexts(lang);
  const base = adminPath(lang, props.cohortId);
  const title = gt.adjustFor(grant.name);
  const f = formView(
    lang,
    props.form ?? { values: { amount: kronerInput(grant.amountOre) }, errors: {} },
    {
      labels: { grant: gt.municipality, amount: gt.adjustAmount, reason: gt.reason },
      errors: grantErrors[lang],
    },
  );
  return (
    <Layout
      lang={lang}
      title={title}
      path={`/admin/tilskudd/${props.cohortId}/${grant.id}/juster`}
      hasErrors={f.hasErrors}
    >
      <Breadcrumbs
        lang={lang}
        items={[
          { href: "/admin/tilskudd", text: gt.listTitle },
          { href: `/admin/tilskudd/${props.cohortId}`, text: props.cohortTitle },
          { href: `/admin/tilskudd/${props.cohortId}/${grant.id}/juster`, text: title },
        ]}
      />
      <h1 class="ds-heading" data-size="xl">
        {title}
      </h1>
      <ErrorSummary t={t} items={f.summary} />
      <p class="ds-paragraph">
        {gt.figures.allocated}: {formatKroner(lang, grant.amountOre)}
      </p>
      <form method="post" action={`${base}/${grant.id}/juster`} novalidate class="stack">
        <ValidationMessage t={t} id="grant" text={f.error("grant")} />
        <Field t={t} {...f.bind("amount")} hint={gt.amountHint} maxLength={20} />
        <Field t={t} {...f.bind("reason")} multiline maxLength={grantLimits.reason} />
        <SubmitRow>{gt.adjust}</SubmitRow>
      </form>
    </Layout>
  );
}

/** The travel figures of a scheme, as a small table (the scheme page and the claims page). */
export function TravelTotals(props: { lang: Lang; totals: TravelFigures; link?: string }) {
  const tt = travelTexts(props.lang);
  return (
    <section aria-labelledby="travel-totals-heading">
      <h2 class="ds-heading" data-size="md" id="travel-totals-heading">
        {tt.totalsHeading}
      </h2>
      <DataTable label={tt.totalsHeading} columns={TRAVEL_FIGURES.map((k) => tt.figures[k])}>
        <tr>
          {TRAVEL_FIGURES.map((k) => (
            <td class="number" data-testid={`travel-${k}`}>
              {formatKroner(props.lang, props.totals[k])}
            </td>
          ))}
        </tr>
      </DataTable>
      {props.link ? (
        <p class="ds-paragraph">
          <a class="ds-link" href={props.link}>
            {tt.adminLink}
          </a>
        </p>
      ) : null}
    </section>
  );
}
