import type { FieldErrors, FieldWarnings } from "../../kernel/forms";
import { Breadcrumbs as Trail } from "../../web/components/breadcrumbs";
import { Facts } from "../../web/components/facts";
import { Button, ButtonRow, ErrorSummary } from "../../web/components/form";
import { Notice } from "../../web/components/notice";
import { errorSentence, formView, type SummaryItem } from "../../web/form-errors";
import { formatDateTime, type Lang, messages } from "../../web/i18n";
import { Layout, localPath } from "../../web/layout";
import type { Answers } from "./answers";
import { askedIn, loc, type Missing, questionOfField } from "./apply";
import { applyTexts } from "./apply-texts";
import type { Application } from "./drafts";
import { applicationErrors } from "./error-texts";
import type { FormDefinition, Section } from "./form-definition";
import { type ConflictNote, QuestionFields } from "./question-fields";
import type { Round } from "./rounds";

/** A deadline is the instant the day ends; people read it as the day's last minute. */
export const lastMinute = (deadline: Date) => new Date(deadline.getTime() - 60_000);

const path = (id: number, rest = "") => `/soknader/${id}${rest}`;

/** Sentences for errors of the application's form, named by their question's label. */
export function sentenceOf(lang: Lang, def: FormDefinition, field: string, e: FieldErrors[string]) {
  const q = questionOfField(def, field);
  const catalogue = applicationErrors[lang];
  return errorSentence(lang, catalogue, field, q ? loc(q.label, lang) : field, e);
}

// ── The list: open rounds and the municipality's applications ──

export type ListProps = {
  lang: Lang;
  municipalities: { code: string; name: string }[];
  rounds: { round: Round; title: string }[];
  apps: { app: Application; round: Round; title: string }[];
};

export function ListPage(props: ListProps) {
  const { lang } = props;
  const a = applyTexts[lang];
  const names = new Map(props.municipalities.map((m) => [m.code, m.name]));
  const several = props.municipalities.length > 1;
  const existing = (roundId: number, code: string) =>
    props.apps.find((x) => x.app.roundId === roundId && x.app.municipalityCode === code);
  return (
    <Layout lang={lang} title={a.listTitle} path="/soknader">
      <h1 class="ds-heading" data-size="xl">
        {a.listTitle}
      </h1>
      <p class="ds-paragraph lead">{a.listLead}</p>
      <section aria-labelledby="rounds-heading">
        <h2 class="ds-heading" data-size="md" id="rounds-heading">
          {a.openRounds}
        </h2>
        {props.rounds.length === 0 ? <p class="ds-paragraph">{a.noOpenRounds}</p> : null}
        <ul class="ds-list card-list">
          {props.rounds.map(({ round, title }) => (
            <li>
              <h3 class="ds-heading" data-size="sm">
                {title}
              </h3>
              <p class="ds-paragraph">
                {a.deadline}: {formatDateTime(lang, lastMinute(round.deadline))}
              </p>
              {props.municipalities.map((m) => {
                const found = existing(round.id, m.code);
                return (
                  <form method="post" action={localPath(lang, "/soknader")}>
                    <input type="hidden" name="round" value={String(round.id)} />
                    <input type="hidden" name="municipality" value={m.code} />
                    <Button variant={found ? "secondary" : "primary"}>
                      {found ? a.continueDraft : a.start}
                      {several ? ` – ${m.name}` : ""}
                    </Button>
                  </form>
                );
              })}
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="own-heading">
        <h2 class="ds-heading" data-size="md" id="own-heading">
          {a.ownApplications}
        </h2>
        {props.apps.length === 0 ? (
          <p class="ds-paragraph">{a.noApplications}</p>
        ) : (
          <table class="ds-table">
            <thead>
              <tr>
                <th scope="col">{a.programme}</th>
                {several ? <th scope="col">{a.municipality}</th> : null}
                <th scope="col">{a.deadline}</th>
                <th scope="col">{a.state}</th>
              </tr>
            </thead>
            <tbody>
              {props.apps.map(({ app, round, title }) => (
                <tr>
                  <td>
                    <a class="ds-link" href={localPath(lang, path(app.id))}>
                      {title}
                    </a>
                  </td>
                  {several ? (
                    <td>{names.get(app.municipalityCode) ?? app.municipalityCode}</td>
                  ) : null}
                  <td>{formatDateTime(lang, lastMinute(round.deadline))}</td>
                  <td data-testid={`state-${app.id}`}>{a.states[app.state]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </Layout>
  );
}

// ── The overview of one application ──

export type OverviewProps = {
  lang: Lang;
  app: Application;
  round: Round;
  title: string;
  municipalityName: string;
  def: FormDefinition;
  answers: Answers;
  missing: Missing;
  open: boolean;
  /** A refusal of the submission (the missing answers, or the deadline). */
  errors?: FieldErrors;
  message?: string | undefined;
};

export function OverviewPage(props: OverviewProps) {
  const { lang, app, def } = props;
  const a = applyTexts[lang];
  const t = messages(lang);
  const title = a.overviewTitle(props.title);
  const refusal = Object.entries(props.errors ?? {}).filter(([f]) => f === "application");
  const summary: SummaryItem[] = props.errors
    ? [
        ...refusal.map(([, e]) => ({
          href: "#submit-heading",
          text: errorSentence(lang, applicationErrors[lang], "application", "", e),
        })),
        ...props.missing.map((m) => ({
          href: localPath(lang, path(app.id, `/del/${m.section.id}#${m.field}`)),
          text: sentenceOf(lang, def, m.field, m.error),
        })),
      ]
    : [];
  const draft = app.state === "draft";
  return (
    <Layout lang={lang} title={title} path={path(app.id)} hasErrors={summary.length > 0}>
      <Breadcrumbs lang={lang} app={app} current={props.title} />
      <h1 class="ds-heading" data-size="xl">
        {title}
      </h1>
      <p class="ds-paragraph lead">{a.forMunicipality(props.municipalityName)}</p>
      {props.message ? <Notice color="success">{props.message}</Notice> : null}
      <ErrorSummary t={t} items={summary} />
      <Facts
        heading={props.title}
        facts={[
          { term: a.state, value: a.states[app.state], testId: "state" },
          { term: a.deadline, value: formatDateTime(lang, lastMinute(props.round.deadline)) },
          app.submittedAt && { term: a.submittedAt, value: formatDateTime(lang, app.submittedAt) },
          !!app.contentHash && { term: a.contentHash, value: <code>{app.contentHash}</code> },
        ]}
      />
      {app.decidedAt && app.state !== "withdrawn" ? (
        <section aria-labelledby="decision-heading">
          <h2 class="ds-heading" data-size="md" id="decision-heading">
            {a.decisionHeading}
          </h2>
          <p class="ds-paragraph" data-testid="decision">
            {a.states[app.state]}
          </p>
          {app.decisionReason ? (
            <>
              <h3 class="ds-heading" data-size="xs">
                {a.decisionReason}
              </h3>
              <p class="ds-paragraph pre">{app.decisionReason}</p>
            </>
          ) : null}
        </section>
      ) : null}
      <section aria-labelledby="sections-heading">
        <h2 class="ds-heading" data-size="md" id="sections-heading">
          {a.sections}
        </h2>
        <ol class="ds-list section-list">
          {def.sections.map((s) => {
            const n = props.missing.filter((m) => m.section.id === s.id).length;
            return (
              <li>
                {draft ? (
                  <a class="ds-link" href={localPath(lang, path(app.id, `/del/${s.id}`))}>
                    {loc(s.title, lang)}
                  </a>
                ) : (
                  loc(s.title, lang)
                )}{" "}
                –{" "}
                <span data-testid={`section-${s.id}`}>
                  {n === 0 ? a.sectionComplete : a.sectionMissing(n)}
                </span>
              </li>
            );
          })}
        </ol>
      </section>
      {draft ? (
        <>
          <section aria-labelledby="missing-heading">
            <h2 class="ds-heading" data-size="md" id="missing-heading">
              {a.missingHeading}
            </h2>
            {props.missing.length === 0 ? (
              <p class="ds-paragraph">{a.nothingMissing}</p>
            ) : (
              <ul class="ds-list" data-testid="missing">
                {props.missing.map((m) => (
                  <li>
                    <a
                      class="ds-link"
                      href={localPath(lang, path(app.id, `/del/${m.section.id}#${m.field}`))}
                    >
                      {sentenceOf(lang, def, m.field, m.error)}
                    </a>
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section aria-labelledby="submit-heading">
            <h2 class="ds-heading" data-size="md" id="submit-heading" tabindex={-1}>
              {a.submitHeading}
            </h2>
            {props.open ? (
              <form method="post" action={localPath(lang, path(app.id, "/send"))}>
                <p class="ds-paragraph">{a.submitLead}</p>
                <ButtonRow>
                  <Button>{a.submit}</Button>
                </ButtonRow>
              </form>
            ) : (
              <p class="ds-paragraph">{a.deadlinePassedInfo}</p>
            )}
          </section>
        </>
      ) : (
        <p class="ds-paragraph">
          <a class="ds-link" href={localPath(lang, path(app.id, "/kvittering"))}>
            {a.receiptHeading}
          </a>
        </p>
      )}
      {app.state !== "withdrawn" && app.state !== "declined" ? (
        <section aria-labelledby="withdraw-heading">
          <h2 class="ds-heading" data-size="md" id="withdraw-heading">
            {a.withdrawHeading}
          </h2>
          <form method="post" action={localPath(lang, path(app.id, "/trekk"))}>
            <p class="ds-paragraph">{a.withdrawLead}</p>
            <ButtonRow>
              <Button variant="secondary">{a.withdraw}</Button>
            </ButtonRow>
          </form>
        </section>
      ) : null}
    </Layout>
  );
}

function Breadcrumbs(props: {
  lang: Lang;
  app: Application;
  current: string;
  section?: string;
  here?: string;
}) {
  const { lang, app } = props;
  const a = applyTexts[lang];
  return (
    <Trail
      lang={lang}
      items={[
        { href: "/soknader", text: a.backToList },
        { href: path(app.id), text: props.current },
        ...(props.section ? [{ href: props.here ?? path(app.id), text: props.section }] : []),
      ]}
    />
  );
}

// ── One section's questions ──

export type SectionProps = {
  lang: Lang;
  app: Application;
  title: string;
  def: FormDefinition;
  section: Section;
  answers: Answers;
  seen: Record<string, string>;
  errors: FieldErrors;
  /** The child guard's warnings (decision 0024): the answers held back until confirmed. */
  warnings?: FieldWarnings | undefined;
  conflicts: Map<string, ConflictNote>;
  message?: string | undefined;
};

/**
 * The child guard's warnings of a section as its page shows them: beside each field, with the
 * box to confirm, and in the summary, named by the question's label in the section's order.
 */
export function sectionWarnings(
  lang: Lang,
  def: FormDefinition,
  section: Section,
  warnings: FieldWarnings,
  errors: FieldErrors = {},
) {
  const order = section.questions.map((q) => q.id);
  const position = (f: string) => order.indexOf(questionOfField(def, f)?.id ?? "");
  const labels: Record<string, string> = {};
  for (const f of Object.keys(warnings).sort((a, b) => position(a) - position(b))) {
    const q = questionOfField(def, f);
    labels[f] = q ? loc(q.label, lang) : f;
  }
  return formView(lang, { values: {}, errors, warnings }, { labels });
}

export function SectionPage(props: SectionProps) {
  const { lang, app, def, section } = props;
  const a = applyTexts[lang];
  const t = messages(lang);
  const index = def.sections.indexOf(section);
  const next = def.sections[index + 1];
  const order = section.questions.map((q) => q.id);
  const summary: SummaryItem[] = [
    ...[...props.conflicts.keys()].map((id) => {
      const q = section.questions.find((x) => x.id === id)!;
      return { href: `#q-${id}-conflict`, text: loc(q.label, lang) };
    }),
    ...Object.entries(props.errors)
      .sort(
        ([f1], [f2]) =>
          order.indexOf(questionOfField(def, f1)?.id ?? "") -
          order.indexOf(questionOfField(def, f2)?.id ?? ""),
      )
      .map(([field, e]) => ({ href: `#${field}`, text: sentenceOf(lang, def, field, e) })),
  ];
  const guarded = sectionWarnings(lang, def, section, props.warnings ?? {}, props.errors);
  const asked = askedIn(section, props.answers);
  const error = (field: string) => {
    const e = props.errors[field];
    return e ? sentenceOf(lang, def, field, e) : undefined;
  };
  const sectionTitle = loc(section.title, lang);
  const action = localPath(lang, path(app.id, `/del/${section.id}`));
  const intro = section.intro ? loc(section.intro, lang) : "";
  return (
    <Layout
      lang={lang}
      title={`${sectionTitle} – ${props.title}`}
      path={path(app.id, `/del/${section.id}`)}
      hasErrors={summary.length > 0}
    >
      <Breadcrumbs
        lang={lang}
        app={app}
        current={props.title}
        section={sectionTitle}
        here={path(app.id, `/del/${section.id}`)}
      />
      <p class="ds-paragraph">{a.sectionOf(index + 1, def.sections.length)}</p>
      <h1 class="ds-heading" data-size="xl">
        {sectionTitle}
      </h1>
      {intro ? <p class="ds-paragraph lead">{intro}</p> : null}
      {props.message ? <Notice color="success">{props.message}</Notice> : null}
      <ErrorSummary t={t} items={summary} warnings={guarded.warnings} />
      <form
        method="post"
        action={action}
        data-module="autosave"
        novalidate
        enctype={
          section.questions.some((q) => q.kind === "attachment") ? "multipart/form-data" : undefined
        }
      >
        {/* Enter in a field presses the form's first button: make that one Save, not a button
            that removes a row or a file further down. Browsers press it though it is hidden. */}
        <button type="submit" hidden>
          {a.save}
        </button>
        <p
          class="ds-paragraph autosave-status"
          aria-live="polite"
          data-autosave="status"
          data-saving={a.saving}
          data-failed={a.saveFailed}
          data-saved-at={a.savedAt("{time}")}
        />
        {section.questions.map((q) => (
          <>
            <input type="hidden" name={`seen-${q.id}`} value={props.seen[q.id] ?? ""} />
            <QuestionFields
              lang={lang}
              question={q}
              answer={props.answers[q.id]}
              error={error}
              warning={(field) => guarded.bind(field).warning}
              asked={asked.has(q.id)}
              conflict={props.conflicts.get(q.id)}
              fileHref={(fileId) => localPath(lang, path(app.id, `/vedlegg/${fileId}`))}
            />
          </>
        ))}
        <ButtonRow>
          {next ? (
            <Button name="next" value={next.id}>
              {a.saveAndNext}
            </Button>
          ) : null}
          <Button variant={next ? "secondary" : "primary"}>{a.save}</Button>
        </ButtonRow>
      </form>
      <p class="ds-paragraph">
        <a class="ds-link" href={localPath(lang, path(app.id))}>
          {a.backToOverview}
        </a>
      </p>
    </Layout>
  );
}

// ── The receipt ──

export type ReceiptProps = {
  lang: Lang;
  app: Application;
  title: string;
  municipalityName: string;
  submittedAt: Date;
  submittedBy: string;
  contentHash: string;
  formVersion: number;
};

export function ReceiptPage(props: ReceiptProps) {
  const { lang, app } = props;
  const a = applyTexts[lang];
  return (
    <Layout lang={lang} title={a.receiptTitle} path={path(app.id, "/kvittering")}>
      <Breadcrumbs
        lang={lang}
        app={app}
        current={props.title}
        section={a.receiptHeading}
        here={path(app.id, "/kvittering")}
      />
      <h1 class="ds-heading" data-size="xl">
        {a.receiptTitle}
      </h1>
      <Notice color="success">{a.receiptLead}</Notice>
      <Facts
        heading={a.receiptHeading}
        facts={[
          { term: a.programme, value: props.title },
          { term: a.forMunicipality(props.municipalityName), value: a.states[app.state] },
          {
            term: a.submittedAt,
            value: formatDateTime(lang, props.submittedAt),
            testId: "receipt-time",
          },
          !!props.submittedBy && { term: a.submittedBy, value: props.submittedBy },
          {
            term: a.contentHash,
            value: <code data-testid="receipt-hash">{props.contentHash}</code>,
          },
          { term: a.formVersion, value: String(props.formVersion), testId: "receipt-version" },
        ]}
      />
      <p class="ds-paragraph">
        <a class="ds-link" href={localPath(lang, path(app.id, "/soknad.pdf"))}>
          {a.pdfLink}
        </a>
      </p>
      <p class="ds-paragraph">{a.receiptMailed}</p>
      <p class="ds-paragraph">
        <a class="ds-link" href={localPath(lang, path(app.id))}>
          {a.backToOverview}
        </a>
      </p>
    </Layout>
  );
}
