import { DataTable } from "../../web/components/data-table";
import { Facts } from "../../web/components/facts";
import {
  Checkbox,
  ErrorSummary,
  Field,
  SubmitRow,
  ValidationMessage,
} from "../../web/components/form";
import { Notice } from "../../web/components/notice";
import { type FormState, formView } from "../../web/form-errors";
import { formatDate, type Lang, messages } from "../../web/i18n";
import { Layout, localPath } from "../../web/layout";
import { figuresOf } from "./ledger";
import { USES } from "./life";
import { formatAccountNumber, formatKroner } from "./money";
import { type Grant, grantLimits, type Scheme } from "./schemes";
import { grantErrors, grantTexts } from "./texts";

export const grantPath = (lang: Lang, id?: number) =>
  localPath(lang, id === undefined ? "/tilskudd" : `/tilskudd/${id}`);

export type MyGrantRow = { id: number; title: string; municipality: string; grant: Grant };

export function MyGrantsPage(props: { lang: Lang; rows: MyGrantRow[] }) {
  const gt = grantTexts(props.lang);
  return (
    <Layout lang={props.lang} title={gt.myTitle} path="/tilskudd">
      <h1 class="ds-heading" data-size="xl">
        {gt.myTitle}
      </h1>
      <p class="ds-paragraph lead">{gt.myLead}</p>
      {props.rows.length === 0 ? (
        <p class="ds-paragraph">{gt.none}</p>
      ) : (
        <DataTable
          label={gt.myTitle}
          columns={[gt.cohortHeading, gt.municipality, gt.amountFact, gt.state]}
        >
          {props.rows.map((r) => (
            <tr>
              <td>
                <a class="ds-link" href={grantPath(props.lang, r.id)}>
                  {r.title}
                </a>
              </td>
              <td>{r.municipality}</td>
              <td>{formatKroner(props.lang, r.grant.amountOre)}</td>
              <td>{gt.states[r.grant.state]}</td>
            </tr>
          ))}
        </DataTable>
      )}
    </Layout>
  );
}

export type GrantPageProps = {
  lang: Lang;
  grant: Grant;
  scheme: Scheme;
  cohortTitle: string;
  municipality: string;
  today: string;
  message?: string | undefined;
  form?: { which: "answer" | "report"; state: FormState; usedFor?: string[] };
};

export function GrantPage(props: GrantPageProps) {
  const { lang, grant: g, scheme } = props;
  const t = messages(lang);
  const gt = grantTexts(lang);
  const base = grantPath(lang, g.id);
  const kr = (ore: number) => formatKroner(lang, ore);
  const title = gt.grantTitle(props.municipality);
  const stateOf = (which: "answer" | "report") =>
    props.form?.which === which ? props.form.state : { values: {}, errors: {} };
  const answer = formView(lang, stateOf("answer"), {
    labels: {
      grant: gt.answerHeading,
      orgNumber: gt.orgNumber,
      accountNumber: gt.accountNumber,
      conditions: gt.conditionsBox,
    },
    errors: grantErrors[lang],
    idPrefix: "answer",
  });
  const report = formView(lang, stateOf("report"), {
    labels: { grant: gt.reportHeading, used: gt.used, usedFor: gt.usedFor, account: gt.account },
    errors: grantErrors[lang],
    idPrefix: "report",
  });
  const summary = [...answer.summary, ...report.summary];
  const conditions = lang === "nn" ? scheme.conditionsNn : scheme.conditionsNb;
  const f = figuresOf(g);
  const usedFor = new Set(props.form?.usedFor ?? []);
  const late = props.today > scheme.acceptDeadline;
  return (
    <Layout lang={lang} title={title} path={`/tilskudd/${g.id}`} hasErrors={summary.length > 0}>
      <h1 class="ds-heading" data-size="xl">
        {title}
      </h1>
      <p class="ds-paragraph lead">{props.cohortTitle}</p>
      {props.message ? <Notice color="success">{props.message}</Notice> : null}
      <ErrorSummary t={t} items={summary} warnings={report.warnings} />
      <Facts
        heading={gt.factsHeading}
        facts={[
          { term: gt.state, value: gt.states[g.state], testId: "grant-state" },
          { term: gt.amountFact, value: kr(g.amountOre) },
          { term: gt.purposes, value: scheme.purposes.map((p) => gt.purpose[p]).join(", ") },
          { term: gt.acceptDeadline, value: formatDate(lang, scheme.acceptDeadline) },
          { term: gt.reportDeadline, value: formatDate(lang, scheme.reportDeadline) },
          g.accountNumber
            ? { term: gt.accountFact, value: formatAccountNumber(g.accountNumber) }
            : null,
          g.paymentReference ? { term: gt.reference, value: g.paymentReference } : null,
          g.state === "reported" || g.state === "closed"
            ? { term: gt.reportedUse, value: kr(g.usedOre ?? 0) }
            : null,
          f.toReturn > 0 ? { term: gt.toReturnFact, value: kr(f.toReturn) } : null,
          { term: gt.conditions, value: conditions, pre: true },
        ]}
      >
        {g.state !== "allocated" ? (
          <p class="ds-paragraph">
            <a class="ds-link" href={`${base}/brev.pdf`}>
              {gt.letter}
            </a>
          </p>
        ) : null}
      </Facts>

      {g.state === "letter-sent" ? (
        <section aria-labelledby="svar-heading">
          <h2 class="ds-heading" data-size="md" id="svar-heading">
            {gt.answerHeading}
          </h2>
          <ValidationMessage t={t} id="answer-grant" text={answer.error("grant")} />
          {late ? (
            <p class="ds-paragraph">{gt.deadlinePassed}</p>
          ) : (
            <form method="post" action={`${base}/svar`} novalidate class="stack">
              <input type="hidden" name="answer" value="accept" />
              <Field
                t={t}
                {...answer.bind("orgNumber")}
                hint={gt.orgNumberHint}
                maxLength={11}
                autocomplete="off"
              />
              <Field
                t={t}
                {...answer.bind("accountNumber")}
                hint={gt.accountNumberHint}
                maxLength={14}
                autocomplete="off"
              />
              <Checkbox
                t={t}
                {...answer.bind("conditions")}
                label={gt.conditionsBox}
                legend={gt.conditionsLegend}
                checked={answer.value("conditions") === "yes"}
              />
              <SubmitRow>{gt.accept}</SubmitRow>
            </form>
          )}
          <form method="post" action={`${base}/svar`} class="stack">
            <input type="hidden" name="answer" value="decline" />
            <SubmitRow variant="secondary">{gt.decline}</SubmitRow>
          </form>
        </section>
      ) : null}

      {g.state === "paid" ? (
        <section aria-labelledby="rapport-heading">
          <h2 class="ds-heading" data-size="md" id="rapport-heading">
            {gt.reportHeading}
          </h2>
          <ValidationMessage t={t} id="report-grant" text={report.error("grant")} />
          <form method="post" action={`${base}/rapport`} novalidate class="stack">
            <Field t={t} {...report.bind("used")} hint={gt.usedHint} maxLength={20} />
            <fieldset
              class="ds-fieldset"
              aria-describedby={report.error("usedFor") ? "report-usedFor-error" : undefined}
            >
              <legend class="ds-label">{gt.usedFor}</legend>
              <ValidationMessage t={t} id="report-usedFor-error" text={report.error("usedFor")} />
              {USES.map((u, i) => {
                const id = i === 0 ? "report-usedFor" : `report-usedFor-${u}`;
                return (
                  <div class="ds-field">
                    <input
                      class="ds-input"
                      type="checkbox"
                      id={id}
                      name="usedFor"
                      value={u}
                      checked={usedFor.has(u)}
                    />
                    <label class="ds-label" for={id} data-weight="regular">
                      {gt.uses[u]}
                    </label>
                  </div>
                );
              })}
            </fieldset>
            <Field
              t={t}
              {...report.bind("account")}
              hint={gt.accountHint}
              multiline
              maxLength={grantLimits.account}
            />
            <SubmitRow>{gt.sendReport}</SubmitRow>
          </form>
        </section>
      ) : null}
    </Layout>
  );
}
