import type { Child } from "hono/jsx";
import { DataTable } from "../../web/components/data-table";
import {
  Checkbox,
  DateField,
  ErrorSummary,
  Field,
  type Option,
  RadioGroup,
  Select,
  SubmitRow,
  ValidationMessage,
} from "../../web/components/form";
import { type FormState, formView } from "../../web/form-errors";
import { formatDate, type Lang, messages } from "../../web/i18n";
import { Layout, localPath } from "../../web/layout";
import { ACTIVITY_KINDS, ACTIVITY_MODES } from "./form-definition";
import { ownCostTexts } from "./own-cost-texts";
import { COST_KINDS, type Participation, planLimits, type planOf } from "./plan";
import type { PlanSide } from "./plan-reads";
import { planErrors, planTexts } from "./plan-texts";

/** The forms of the plan page; a post answers with its own form's errors and input kept. */
export type PlanForm = "period" | "activity" | "guidance" | "cost";

export type ParticipationRow = {
  id: number;
  municipality: string;
  programme: string;
  startsOn: string;
  months: number;
};

const planPath = (lang: Lang, id: number) => localPath(lang, `/deltakelser/${id}`);

export function ParticipationsPage(props: { lang: Lang; rows: ParticipationRow[] }) {
  const pt = planTexts(props.lang);
  return (
    <Layout lang={props.lang} title={pt.listTitle} path="/deltakelser" wide>
      <h1 class="ds-heading" data-size="xl">
        {pt.listTitle}
      </h1>
      <p class="ds-paragraph lead">{pt.listLead}</p>
      {props.rows.length === 0 ? (
        <p class="ds-paragraph">{pt.none}</p>
      ) : (
        <DataTable label={pt.listTitle} columns={[pt.municipality, pt.programme, pt.period]}>
          {props.rows.map((r) => (
            <tr>
              <td>
                <a class="ds-link" href={planPath(props.lang, r.id)}>
                  {r.municipality}
                </a>
              </td>
              <td>{r.programme}</td>
              <td>
                {formatDate(props.lang, r.startsOn)}, {pt.months(r.months)}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </Layout>
  );
}

export type PlanPageProps = {
  lang: Lang;
  participation: Participation;
  municipality: string;
  programme: string;
  side: PlanSide;
  plan: Awaited<ReturnType<typeof planOf>>;
  units: { orgNumber: string; name: string }[];
  form?: { which: PlanForm; state: FormState; units?: string[] };
};

export function PlanPage(props: PlanPageProps) {
  const { lang, participation: p, plan, side } = props;
  const t = messages(lang);
  const pt = planTexts(lang);
  const ot = ownCostTexts(lang);
  const base = planPath(lang, p.id);
  const stateOf = (which: PlanForm) =>
    props.form?.which === which ? props.form.state : { values: {}, errors: {} };
  const view = (which: PlanForm, labels: Record<string, string>) =>
    formView(lang, stateOf(which), { labels, errors: planErrors[lang], idPrefix: which });
  const period = view("period", { startsOn: pt.startsOn, months: pt.monthsLabel });
  const activity = view("activity", {
    kind: pt.kind,
    mode: pt.mode,
    plannedOn: pt.plannedOn,
    units: pt.units,
    note: pt.note,
  });
  const guidance = view("guidance", {
    givenOn: pt.givenOn,
    mode: pt.mode,
    topics: pt.topics,
    note: pt.note,
  });
  const cost = view("cost", { kind: pt.costKind, amount: pt.amount, note: pt.note });
  const summary = [...period.summary, ...activity.summary, ...guidance.summary, ...cost.summary];
  const unitName = new Map(props.units.map((u) => [u.orgNumber, u.name]));
  const modeOptions: Option[] = ACTIVITY_MODES.map((m) => ({ value: m, label: pt.modes[m]! }));
  const kr = (n: number) =>
    pt.kroner(new Intl.NumberFormat(lang === "en" ? "en-GB" : "nb-NO").format(n));
  // Recorded costs add up to the sum; estimates are summed on a line of their own.
  const total = plan.costs.filter((c) => !c.estimate).reduce((s, c) => s + c.amount, 0);
  const estimated = plan.costs.filter((c) => c.estimate).reduce((s, c) => s + c.amount, 0);
  const chosenUnits = new Set(props.form?.which === "activity" ? (props.form.units ?? []) : []);
  const title = pt.planTitle(props.municipality);
  return (
    <Layout
      lang={lang}
      title={title}
      path={`/deltakelser/${p.id}`}
      hasErrors={summary.length > 0}
      wide
    >
      <h1 class="ds-heading" data-size="xl">
        {title}
      </h1>
      <p class="ds-paragraph lead">
        {props.programme}: {formatDate(lang, p.startsOn)}, {pt.months(p.months)}
      </p>
      <p class="ds-paragraph">
        <strong>{pt.free}</strong>
      </p>
      <ErrorSummary t={t} items={summary} />

      {side.owner ? (
        <Section id="periode" heading={pt.periodHeading}>
          <form method="post" action={`${base}/periode`} novalidate class="stack">
            <DateField
              t={t}
              {...period.bind("startsOn")}
              value={period.value("startsOn") || p.startsOn}
            />
            <Field
              t={t}
              {...period.bind("months")}
              value={period.value("months") || String(p.months)}
              hint={pt.monthsHint}
              maxLength={2}
            />
            <SubmitRow variant="secondary">{pt.savePeriod}</SubmitRow>
          </form>
        </Section>
      ) : null}

      <Section id="aktiviteter" heading={pt.activitiesHeading}>
        {plan.activities.length === 0 ? (
          <p class="ds-paragraph">{pt.noActivities}</p>
        ) : (
          <DataTable
            label={pt.activitiesHeading}
            columns={[pt.kind, pt.mode, pt.plannedOn, pt.units, pt.note, pt.status]}
          >
            {plan.activities.map((a) => {
              const what = `${pt.kinds[a.kind] ?? a.kind}${a.plannedOn ? `, ${formatDate(lang, a.plannedOn)}` : ""}`;
              return (
                <tr>
                  <td>{pt.kinds[a.kind] ?? a.kind}</td>
                  <td>{pt.modes[a.mode]}</td>
                  <td>{a.plannedOn ? formatDate(lang, a.plannedOn) : pt.notDated}</td>
                  <td>
                    {a.units.length === 0
                      ? pt.noUnits
                      : a.units.map((u) => unitName.get(u) ?? u).join(", ")}
                  </td>
                  <td>{a.note}</td>
                  <td>
                    {a.doneAt ? (
                      pt.done(formatDate(lang, a.doneAt.toISOString().slice(0, 10)))
                    ) : (
                      <form method="post" action={`${base}/aktiviteter/${a.id}/gjennomfort`}>
                        <button class="ds-button" data-variant="secondary" type="submit">
                          {pt.markDone(what)}
                        </button>
                      </form>
                    )}
                  </td>
                </tr>
              );
            })}
          </DataTable>
        )}
        <h3 class="ds-heading" data-size="xs">
          {pt.addActivity}
        </h3>
        <form method="post" action={`${base}/aktiviteter`} novalidate class="stack">
          <Select
            t={t}
            {...activity.bind("kind")}
            placeholder={t.form.choose}
            options={ACTIVITY_KINDS.map((k) => ({ value: k, label: pt.kinds[k]! }))}
          />
          <RadioGroup t={t} {...activity.bind("mode")} legend={pt.mode} options={modeOptions} />
          <DateField t={t} {...activity.bind("plannedOn")} hint={pt.plannedOnHint} />
          {props.units.length > 0 ? (
            <fieldset
              class="ds-fieldset"
              aria-describedby={activity.error("units") ? "activity-units-error" : undefined}
            >
              <legend class="ds-label">{pt.units}</legend>
              <ValidationMessage t={t} id="activity-units-error" text={activity.error("units")} />
              {props.units.map((u, i) => {
                const id = i === 0 ? "activity-units" : `activity-units-${u.orgNumber}`;
                return (
                  <div class="ds-field">
                    <input
                      class="ds-input"
                      type="checkbox"
                      id={id}
                      name="units"
                      value={u.orgNumber}
                      checked={chosenUnits.has(u.orgNumber)}
                    />
                    <label class="ds-label" for={id} data-weight="regular">
                      {u.name}
                    </label>
                  </div>
                );
              })}
            </fieldset>
          ) : null}
          <Field t={t} {...activity.bind("note")} required={false} maxLength={planLimits.note} />
          <SubmitRow variant="secondary">{pt.addActivity}</SubmitRow>
        </form>
      </Section>

      <Section id="veiledning" heading={pt.guidanceHeading}>
        {plan.guidance.length === 0 ? (
          <p class="ds-paragraph">{pt.noGuidance}</p>
        ) : (
          <DataTable label={pt.guidanceHeading} columns={[pt.givenOn, pt.mode, pt.topics, pt.note]}>
            {plan.guidance.map((g) => (
              <tr>
                <td>{formatDate(lang, g.givenOn)}</td>
                <td>{pt.modes[g.mode]}</td>
                <td>{g.topics}</td>
                <td>{g.note}</td>
              </tr>
            ))}
          </DataTable>
        )}
        {side.owner ? (
          <>
            <h3 class="ds-heading" data-size="xs">
              {pt.addGuidance}
            </h3>
            <form method="post" action={`${base}/veiledning`} novalidate class="stack">
              <DateField t={t} {...guidance.bind("givenOn")} />
              <RadioGroup t={t} {...guidance.bind("mode")} legend={pt.mode} options={modeOptions} />
              <Field t={t} {...guidance.bind("topics")} maxLength={planLimits.topics} />
              <Field
                t={t}
                {...guidance.bind("note")}
                multiline
                required={false}
                maxLength={planLimits.note}
              />
              <SubmitRow variant="secondary">{pt.addGuidance}</SubmitRow>
            </form>
          </>
        ) : null}
      </Section>

      <Section id="kostnader" heading={pt.costsHeading}>
        <p class="ds-paragraph">{pt.free}</p>
        {plan.costs.length === 0 ? (
          <p class="ds-paragraph">{pt.noCosts}</p>
        ) : (
          <DataTable label={pt.costsHeading} columns={[pt.costKind, pt.note, pt.amount]}>
            {plan.costs.map((c) => (
              <tr>
                <td>
                  {pt.costKinds[c.kind]}
                  {c.estimate ? ` (${ot.estimateMark})` : ""}
                </td>
                <td>{c.note}</td>
                <td class="number">{kr(c.amount)}</td>
              </tr>
            ))}
            <tr>
              <th scope="row">{pt.sum}</th>
              <td />
              <td class="number">
                <strong>{kr(total)}</strong>
              </td>
            </tr>
            {estimated > 0 ? (
              <tr>
                <th scope="row">{ot.estimated}</th>
                <td />
                <td class="number">{kr(estimated)}</td>
              </tr>
            ) : null}
          </DataTable>
        )}
        {side.municipality ? (
          <>
            <h3 class="ds-heading" data-size="xs">
              {pt.addCost}
            </h3>
            <form method="post" action={`${base}/kostnader`} novalidate class="stack">
              <Select
                t={t}
                {...cost.bind("kind")}
                placeholder={t.form.choose}
                options={COST_KINDS.map((k) => ({ value: k, label: pt.costKinds[k]! }))}
              />
              <Field t={t} {...cost.bind("amount")} maxLength={12} />
              <Field t={t} {...cost.bind("note")} required={false} maxLength={planLimits.note} />
              <Checkbox
                t={t}
                name="estimate"
                id="cost-estimate"
                legend={ot.estimateLegend}
                label={ot.estimate}
                checked={cost.value("estimate") === "yes"}
              />
              <SubmitRow variant="secondary">{pt.addCost}</SubmitRow>
            </form>
          </>
        ) : null}
      </Section>
    </Layout>
  );
}

function Section(props: { id: string; heading: string; children: Child }) {
  return (
    <section aria-labelledby={`${props.id}-heading`} class="stack">
      <h2 class="ds-heading" data-size="md" id={`${props.id}-heading`}>
        {props.heading}
      </h2>
      {props.children}
    </section>
  );
}
