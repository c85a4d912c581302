import { raw } from "hono/html";
import { osloToday } from "../../kernel/clock";
import { DataTable, HistorySection } from "../../web/components/data-table";
import { Facts as FactList } from "../../web/components/facts";
import {
  Checkbox,
  ErrorSummary,
  Field,
  RadioGroup,
  Select,
  SubmitRow,
  type SummaryItem,
  ValidationMessage,
} from "../../web/components/form";
import { Notice } from "../../web/components/notice";
import { formatDate, formatDateTime, type Lang, messages } from "../../web/i18n";
import { Layout, localPath } from "../../web/layout";
import { renderMarkdown } from "../../web/markdown";
import type { WrittenStandard } from "./mail-texts";
import {
  type Access,
  type ContactRow,
  type EnrolmentUnit,
  emailMaxLength,
  type InvitationPageData,
  nameMaxLength,
  reasonMaxLength,
} from "./municipality";
import { type MunicipalityTexts, municipalityTexts } from "./municipality-texts";
import type { InviteeKind } from "./schema";

/** A refusal: a code from the form schema or the chain, with what the chain said about it. */
export type Problem = { code: string; max?: number; detail?: Record<string, unknown> };
export type FormState = { values: Record<string, string>; errors: Record<string, Problem> };
export type FormName = "answer" | "units" | "resource" | "pp" | "standard";
export type Forms = Partial<Record<FormName, FormState>>;

export type UnitFilter = { type: "" | "barnehage" | "skole"; owner: "" | "offentlig" | "privat" };

export type MunicipalityExtras = {
  standard: WrittenStandard;
  /** Present once the municipality has accepted. */
  accepted?: {
    units: EnrolmentUnit[];
    enrolled: {
      orgNumber: string;
      name: string;
      isSchool: boolean;
      isKindergarten: boolean;
      owner: "public" | "private" | null;
      enrolledAt: Date;
    }[];
    filter: UnitFilter;
    contacts: {
      resourcePerson: { current: ContactRow | null; earlier: ContactRow[] };
      ppService: { current: ContactRow | null; earlier: ContactRow[] };
    };
    pp: { services: { id: number; name: string }[]; all: boolean };
  };
};

export type InvitationPageProps = {
  lang: Lang;
  kind: InviteeKind;
  access: Access;
  data: InvitationPageData;
  forms: Forms;
  message?: string | undefined;
  municipality?: MunicipalityExtras;
  /** The inviting office's page, for those who may see it. */
  officeLink: boolean;
};

const day = (lang: Lang, at: Date) => formatDate(lang, osloToday(at));

/** Where each field's error is shown, in page order, for the summary at the top. */
const FIELDS: { form: FormName; field: string }[] = [
  { form: "answer", field: "answer" },
  { form: "answer", field: "commitments" },
  { form: "answer", field: "reason" },
  { form: "units", field: "units" },
  { form: "resource", field: "rpName" },
  { form: "resource", field: "rpEmail" },
  { form: "pp", field: "ppService" },
  { form: "pp", field: "ppName" },
  { form: "pp", field: "ppEmail" },
  { form: "standard", field: "standard" },
];

/** Errors about the invitation itself rather than a field: shown as the answer's status. */
const STATUS_CODES = new Set(["alreadyAnswered", "deadlinePassed", "notAccepted", "other"]);

function problemText(m: MunicipalityTexts, props: InvitationPageProps, problem: Problem): string {
  const e = m.errors;
  const { data, lang } = props;
  const subject = m.subject[props.kind];
  const org = String(problem.detail?.orgNumber ?? "");
  switch (problem.code) {
    case "answerChoice":
      return e.answerChoice;
    case "commitmentsRequired":
      return e.commitmentsRequired;
    case "reasonRequired":
      return e.reasonRequired;
    case "reasonMax":
      return e.reasonMax(reasonMaxLength);
    case "deadlinePassed":
      return m.expired(formatDate(lang, data.invitation.deadline));
    case "alreadyAnswered": {
      const inv = data.invitation;
      const date = inv.answeredAt ? day(lang, inv.answeredAt) : "";
      const answer =
        inv.state === "declined"
          ? e.answerDeclined(data.answeredByName, date)
          : e.answerAccepted(data.answeredByName, date);
      return e.alreadyAnswered(subject, answer);
    }
    case "changedMeanwhile":
      return e.changedMeanwhile;
    case "contactChanged":
      return e.contactChanged;
    case "notAccepted":
      return e.notAccepted(subject);
    case "unitsRequired":
      return e.unitsRequired;
    case "alreadyEnrolled": {
      const unit = String(problem.detail?.unitName ?? org);
      return problem.detail?.self
        ? e.alreadyEnrolledSelf(unit)
        : e.alreadyEnrolled(unit, String(problem.detail?.via ?? ""));
    }
    case "unitOutsideMunicipality":
      return e.unitOutsideMunicipality(org);
    case "unitNotActive":
      return e.unitNotActive(org);
    case "notEnrolled":
      return e.notEnrolled;
    case "nameRequired":
      return e.nameRequired;
    case "nameMax":
      return e.nameMax(nameMaxLength);
    case "emailRequired":
      return e.emailRequired;
    case "email":
      return e.email;
    case "ppRequired":
      return e.ppRequired;
    case "standardChoice":
      return e.standardChoice;
    default:
      return e.other;
  }
}

/** An error about the invitation itself, where the error summary's link moves focus. */
function StatusError(props: { t: ReturnType<typeof messages>; id: string; text: string }) {
  return (
    <Notice color="danger" id={props.id} focus>
      <span class="ds-sr-only">{props.t.form.errorPrefix} </span>
      {props.text}
    </Notice>
  );
}

function typeLabel(m: MunicipalityTexts, u: { isSchool: boolean; isKindergarten: boolean }) {
  if (u.isSchool && u.isKindergarten) return m.typeBoth;
  return u.isSchool ? m.typeSchool : m.typeKindergarten;
}

function ownerLabel(m: MunicipalityTexts, owner: "public" | "private" | null) {
  return owner === "public" ? m.ownerPublic : owner === "private" ? m.ownerPrivate : m.ownerUnknown;
}

export function InvitationPage(props: InvitationPageProps) {
  const { lang, data } = props;
  const t = messages(lang);
  const m = municipalityTexts[lang];
  const base = `/puljer/${data.cohort.id}/${props.kind === "unit" ? "enhet" : "kommune"}/${data.invitation.inviteeId}`;

  const errorOf = (form: FormName, field: string) => {
    const p = props.forms[form]?.errors[field];
    return p ? problemText(m, props, p) : undefined;
  };
  const summary: SummaryItem[] = [];
  for (const { form, field } of FIELDS) {
    const p = props.forms[form]?.errors[field];
    if (!p) continue;
    const href =
      form === "answer" && STATUS_CODES.has(p.code)
        ? "#answer-status"
        : form === "units" && STATUS_CODES.has(p.code)
          ? "#units-status"
          : `#${field}`;
    summary.push({ href, text: problemText(m, props, p) });
  }
  const title = m.title(data.programme.title, data.cohort.number);
  const accepted = props.municipality?.accepted;
  return (
    <Layout lang={lang} title={title} path={base} hasErrors={summary.length > 0}>
      <nav aria-label={t.site.breadcrumbs} class="ds-breadcrumbs">
        <ol>
          <li>
            <a class="ds-link" href={localPath(lang, "/puljer")}>
              {m.myCohorts}
            </a>
          </li>
          <li>
            <a class="ds-link" href={localPath(lang, `/puljer/${data.cohort.id}`)}>
              {m.cohortValue(data.cohort.number)}
            </a>
          </li>
          <li>
            <a class="ds-link" href={localPath(lang, base)} aria-current="page">
              {data.inviteeName}
            </a>
          </li>
        </ol>
      </nav>
      <h1 class="ds-heading" data-size="xl">
        {title}
      </h1>
      <p class="ds-paragraph lead">{m.invitationFor(data.inviteeName)}</p>
      {props.message ? <Notice color="success">{props.message}</Notice> : null}
      <ErrorSummary t={t} items={summary} />
      {props.access === "view" ? <Notice color="info">{m.readOnly}</Notice> : null}

      <Facts {...props} />
      <Commitments {...props} />
      <AnswerSection {...props} errorOf={errorOf} />
      {accepted ? (
        <>
          <UnitsSection {...props} extras={accepted} errorOf={errorOf} />
          {(["resource", "pp"] as const).map((kind) => (
            <ContactSection {...props} contactKind={kind} extras={accepted} errorOf={errorOf} />
          ))}
        </>
      ) : null}
      {props.municipality ? (
        <StandardSection {...props} standard={props.municipality.standard} errorOf={errorOf} />
      ) : null}
      <History {...props} />
      <p class="ds-paragraph">
        <a class="ds-link" href={localPath(lang, `/puljer/${data.cohort.id}`)}>
          {m.cohortOverview}
        </a>
        {props.officeLink ? (
          <>
            {" · "}
            <a
              class="ds-link"
              href={localPath(lang, `/puljer/${data.cohort.id}/kontor/${data.invitation.officeId}`)}
            >
              {m.officePage}
            </a>
          </>
        ) : null}
      </p>
    </Layout>
  );
}

type SectionProps = InvitationPageProps & {
  errorOf: (form: FormName, field: string) => string | undefined;
};

function Facts(props: InvitationPageProps) {
  const { lang, data } = props;
  const m = municipalityTexts[lang];
  const inv = data.invitation;
  return (
    <>
      <FactList
        heading={m.facts}
        facts={[
          { term: m.programme, value: data.programme.title },
          {
            term: m.cohort,
            value: (
              <>
                {m.cohortValue(data.cohort.number)},{" "}
                {m.periodValue(
                  formatDate(lang, data.cohort.startsOn),
                  formatDate(lang, data.cohort.endsOn),
                )}
              </>
            ),
          },
          { term: m.invitedBy, value: m.invitedOn(data.officeName, day(lang, inv.invitedAt)) },
          {
            term: m.deadline,
            value: m.deadlineValue(formatDate(lang, inv.deadline)),
            testId: "deadline",
          },
          { term: m.state, value: m.states[data.state], testId: "state" },
        ]}
      />
      {inv.message.trim() ? (
        <section aria-labelledby="message-heading" class="stack">
          <h2 class="ds-heading" data-size="sm" id="message-heading">
            {m.messageFrom(data.officeName)}
          </h2>
          <blockquote class="pre">{inv.message.trim()}</blockquote>
        </section>
      ) : null}
    </>
  );
}

function Commitments(props: InvitationPageProps) {
  const { lang, data } = props;
  const m = municipalityTexts[lang];
  const c = data.commitments;
  return (
    <section aria-labelledby="commitments-heading" class="stack" id="forpliktelser">
      <h2 class="ds-heading" data-size="md" id="commitments-heading">
        {m.commitmentsHeading}
      </h2>
      {c.items.length > 0 ? (
        <>
          <p class="ds-paragraph">{m.commitmentsLead}</p>
          <ul class="ds-list" lang={c.lang !== lang ? c.lang : undefined} id="commitments-list">
            {c.items.map((item) => (
              <li>{item}</li>
            ))}
          </ul>
        </>
      ) : (
        <p class="ds-paragraph">{m.noCommitments}</p>
      )}
      {data.terms.markdown.trim() ? (
        <section aria-labelledby="terms-heading">
          <h3 class="ds-heading" data-size="sm" id="terms-heading">
            {m.termsHeading}
          </h3>
          <div class="prose" lang={data.terms.lang !== lang ? data.terms.lang : undefined}>
            {raw(renderMarkdown(data.terms.markdown))}
          </div>
        </section>
      ) : null}
    </section>
  );
}

function AnswerSection(props: SectionProps) {
  const { lang, data } = props;
  const t = messages(lang);
  const m = municipalityTexts[lang];
  const inv = data.invitation;
  const form = props.forms.answer;
  const statusProblem = form?.errors.answer;
  const statusError =
    statusProblem && STATUS_CODES.has(statusProblem.code)
      ? problemText(m, props, statusProblem)
      : undefined;
  const base = `/puljer/${data.cohort.id}/${props.kind === "unit" ? "enhet" : "kommune"}/${inv.inviteeId}`;
  const values = form?.values ?? {};
  const answered = inv.answeredAt ? day(lang, inv.answeredAt) : "";
  return (
    <section aria-labelledby="answer-heading" class="stack" id="svar">
      <h2 class="ds-heading" data-size="md" id="answer-heading">
        {m.answerHeading}
      </h2>
      {statusError ? <StatusError t={t} id="answer-status" text={statusError} /> : null}
      {data.state === "expired" && statusProblem?.code !== "deadlinePassed" ? (
        <Notice color="warning">{m.expired(formatDate(lang, inv.deadline))}</Notice>
      ) : null}
      {data.state === "accepted" ? (
        <p class="ds-paragraph" data-testid="answered">
          {m.answeredAccepted(data.answeredByName, answered)}{" "}
          {inv.commitmentsAcceptedAt
            ? m.commitmentsAccepted(day(lang, inv.commitmentsAcceptedAt))
            : null}
          {props.kind === "unit" ? ` ${m.unitEnrolled}` : null}
        </p>
      ) : null}
      {data.state === "declined" ? (
        <>
          <p class="ds-paragraph" data-testid="answered">
            {m.answeredDeclined(data.answeredByName, answered)}
          </p>
          {inv.declineReason ? (
            <p class="ds-paragraph">
              <strong>{m.declineReason}:</strong> {inv.declineReason}
            </p>
          ) : null}
        </>
      ) : null}
      {data.state === "invited" && props.access === "view" ? (
        <p class="ds-paragraph">{m.states.invited}</p>
      ) : null}
      {data.state === "invited" && props.access === "act" ? (
        <form method="post" action={localPath(lang, `${base}/svar`)} novalidate class="stack">
          <input type="hidden" name="version" value={String(inv.version)} />
          <RadioGroup
            t={t}
            name="answer"
            legend={m.answerLegend}
            value={values.answer}
            error={statusError ? undefined : props.errorOf("answer", "answer")}
            options={[
              { value: "accept", label: m.accept },
              { value: "decline", label: m.decline },
            ]}
          />
          <Checkbox
            t={t}
            name="commitments"
            legend={m.commitmentsLegend}
            label={m.commitmentsLabel}
            checked={values.commitments === "yes"}
            error={props.errorOf("answer", "commitments")}
          />
          <p class="ds-paragraph">
            <a class="ds-link" href="#forpliktelser">
              {m.commitmentsHeading}
            </a>
          </p>
          <Field
            t={t}
            name="reason"
            label={m.reasonLabel}
            hint={m.reasonHint}
            multiline
            rows={4}
            maxLength={reasonMaxLength}
            value={values.reason}
            error={props.errorOf("answer", "reason")}
          />
          <SubmitRow>{m.send}</SubmitRow>
        </form>
      ) : null}
    </section>
  );
}

type AcceptedProps = SectionProps & { extras: NonNullable<MunicipalityExtras["accepted"]> };

function category(u: EnrolmentUnit): "kindergarten" | "school" | "both" {
  if (u.isSchool && u.isKindergarten) return "both";
  return u.isSchool ? "school" : "kindergarten";
}

function UnitsSection(props: AcceptedProps) {
  const { lang, data, extras } = props;
  const t = messages(lang);
  const m = municipalityTexts[lang];
  const base = `/puljer/${data.cohort.id}/kommune/${data.invitation.inviteeId}`;
  const { filter } = extras;
  const form = props.forms.units;
  const selected = new Set((form?.values.units ?? "").split(",").filter(Boolean));
  const problem = form?.errors.units;
  const statusError =
    problem && STATUS_CODES.has(problem.code) ? problemText(m, props, problem) : undefined;
  const fieldError = problem && !statusError ? problemText(m, props, problem) : undefined;
  const shown = extras.units.filter(
    (u) =>
      (filter.type === "" || (filter.type === "barnehage" ? u.isKindergarten : u.isSchool)) &&
      (filter.owner === "" || u.owner === (filter.owner === "privat" ? "private" : "public")),
  );
  const groups = (["kindergarten", "school", "both"] as const)
    .map((key) => ({ key, units: shown.filter((u) => category(u) === key) }))
    .filter((g) => g.units.length > 0);
  const enrolledCount = extras.units.filter((u) => u.enrolledAt).length;
  let firstBox = true;
  return (
    <section aria-labelledby="units-heading" class="stack" id="enheter">
      <h2 class="ds-heading" data-size="md" id="units-heading">
        {m.unitsHeading}
      </h2>
      <p class="ds-paragraph">{m.unitsLead}</p>
      {statusError ? <StatusError t={t} id="units-status" text={statusError} /> : null}
      <p class="ds-paragraph" data-testid="units-count">
        {m.unitsCount(enrolledCount, extras.units.length)}
      </p>

      <h3 class="ds-heading" data-size="sm" id="enrolled-heading">
        {m.enrolledHeading}
      </h3>
      {extras.enrolled.length === 0 ? (
        <p class="ds-paragraph">{m.noneEnrolled}</p>
      ) : (
        <DataTable
          label={m.enrolledHeading}
          columns={props.access === "act" ? m.enrolledColumns : m.enrolledColumns.slice(0, 4)}
        >
          {extras.enrolled.map((u) => (
            <tr>
              <td>{u.name}</td>
              <td>{typeLabel(m, u)}</td>
              <td>{ownerLabel(m, u.owner)}</td>
              <td>{day(lang, u.enrolledAt)}</td>
              {props.access === "act" ? (
                <td>
                  <form
                    method="post"
                    action={localPath(lang, `${base}/enheter/${u.orgNumber}/trekk`)}
                    class="inline-form"
                  >
                    <button
                      class="ds-button"
                      data-variant="secondary"
                      data-size="sm"
                      type="submit"
                      aria-label={m.withdrawUnit(u.name)}
                    >
                      {m.withdraw}
                    </button>
                  </form>
                </td>
              ) : null}
            </tr>
          ))}
        </DataTable>
      )}

      {props.access === "act" ? (
        <>
          <h3 class="ds-heading" data-size="sm" id="choose-heading">
            {m.chooseHeading}
          </h3>
          {extras.units.length === 0 ? (
            <p class="ds-paragraph">{m.noUnits}</p>
          ) : (
            <>
              <form
                method="get"
                action={`${localPath(lang, base)}#enheter`}
                class="filters"
                aria-label={`${m.filterType}, ${m.filterOwner}`}
              >
                <Select
                  t={t}
                  name="type"
                  label={m.filterType}
                  value={filter.type}
                  options={[
                    { value: "", label: m.filterAll },
                    { value: "barnehage", label: m.typesPlural.kindergarten },
                    { value: "skole", label: m.typesPlural.school },
                  ]}
                />
                <Select
                  t={t}
                  name="eier"
                  label={m.filterOwner}
                  value={filter.owner}
                  options={[
                    { value: "", label: m.filterAll },
                    { value: "offentlig", label: m.ownerPublic },
                    { value: "privat", label: m.ownerPrivate },
                  ]}
                />
                <div>
                  <button class="ds-button" data-variant="secondary" type="submit">
                    {m.filterShow}
                  </button>
                </div>
              </form>
              {groups.length === 0 ? <p class="ds-paragraph">{m.noneMatch}</p> : null}
              {groups.length > 0 && shown.every((u) => u.enrolledAt || u.elsewhere) ? (
                <p class="ds-paragraph">{m.allEnrolled}</p>
              ) : null}
              {groups.length > 0 && !shown.every((u) => u.enrolledAt || u.elsewhere) ? (
                <form
                  method="post"
                  action={localPath(lang, `${base}/enheter`)}
                  novalidate
                  class="stack"
                >
                  <ValidationMessage t={t} id="units-error" text={fieldError} />
                  {groups.map((g) => (
                    <fieldset
                      class="ds-fieldset"
                      aria-describedby={fieldError ? "units-error" : undefined}
                    >
                      <legend class="ds-label">
                        {m.group(
                          m.typesPlural[g.key],
                          g.units.length,
                          g.units.filter((u) => u.enrolledAt).length,
                        )}
                      </legend>
                      {g.units.map((u) => {
                        if (u.enrolledAt) {
                          return (
                            <p class="ds-paragraph" data-size="sm">
                              {u.name}{" "}
                              <span class="subtle">
                                ({ownerLabel(m, u.owner).toLowerCase()},{" "}
                                {m.enrolledSince(day(lang, u.enrolledAt)).toLowerCase()})
                              </span>
                            </p>
                          );
                        }
                        // Enrolled another way: shown, never offered (one enrolment per unit).
                        if (u.elsewhere) {
                          return (
                            <p class="ds-paragraph" data-size="sm">
                              {u.name}{" "}
                              <span class="subtle">
                                ({ownerLabel(m, u.owner).toLowerCase()},{" "}
                                {u.elsewhere.self ? m.enrolledSelf : m.enrolledVia(u.elsewhere.via)}
                                )
                              </span>
                            </p>
                          );
                        }
                        const id = firstBox ? "units" : `unit-${u.orgNumber}`;
                        firstBox = false;
                        return (
                          <div class="ds-field">
                            <input
                              class="ds-input"
                              type="checkbox"
                              id={id}
                              name="units"
                              value={u.orgNumber}
                              checked={selected.has(u.orgNumber)}
                              aria-invalid={fieldError ? "true" : undefined}
                            />
                            <label class="ds-label" for={id} data-weight="regular">
                              {u.name}{" "}
                              <span class="subtle">
                                ({ownerLabel(m, u.owner).toLowerCase()}, {m.orgNumber(u.orgNumber)})
                              </span>
                            </label>
                          </div>
                        );
                      })}
                    </fieldset>
                  ))}
                  <SubmitRow>{m.enrol}</SubmitRow>
                </form>
              ) : null}
            </>
          )}
        </>
      ) : null}
    </section>
  );
}

function ContactSummary(props: {
  lang: Lang;
  current: ContactRow | null;
  earlier: ContactRow[];
  none: string;
  withService?: boolean;
}) {
  const m = municipalityTexts[props.lang];
  const withService = (c: ContactRow, text: string) =>
    props.withService && c.ppServiceName ? `${c.ppServiceName}: ${text}` : text;
  return (
    <>
      {props.current ? (
        <p class="ds-paragraph" data-testid="current-contact">
          <strong>{m.current}:</strong>{" "}
          {withService(
            props.current,
            m.currentValue(
              props.current.name,
              props.current.email,
              day(props.lang, props.current.setAt),
            ),
          )}
        </p>
      ) : (
        <p class="ds-paragraph">{props.none}</p>
      )}
      {props.earlier.length > 0 ? (
        <>
          <p class="ds-paragraph">
            <strong>{m.earlier}:</strong>
          </p>
          <ul class="ds-list" data-testid="earlier-contacts">
            {props.earlier.map((c) => (
              <li>
                {withService(
                  c,
                  m.earlierValue(
                    c.name,
                    c.email,
                    day(props.lang, c.setAt),
                    c.endedAt ? day(props.lang, c.endedAt) : "",
                  ),
                )}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}

/** What differs between the municipality's two contacts: the resource person and the PP service. */
const CONTACT_KINDS = {
  resource: { prefix: "rp", path: "ressursperson", contact: "resourcePerson" },
  pp: { prefix: "pp", path: "pp-tjeneste", contact: "ppService" },
} as const;

function ContactSection(props: AcceptedProps & { contactKind: keyof typeof CONTACT_KINDS }) {
  const { lang, data, extras, contactKind: kind } = props;
  const t = messages(lang);
  const m = municipalityTexts[lang];
  const { prefix, path, contact } = CONTACT_KINDS[kind];
  const isPp = kind === "pp";
  const base = `/puljer/${data.cohort.id}/kommune/${data.invitation.inviteeId}`;
  const values = props.forms[kind]?.values ?? {};
  const { current, earlier } = extras.contacts[contact];
  return (
    <section aria-labelledby={`${prefix}-heading`} class="stack" id={path}>
      <h2 class="ds-heading" data-size="md" id={`${prefix}-heading`}>
        {isPp ? m.ppHeading : m.rpHeading}
      </h2>
      <p class="ds-paragraph">{isPp ? m.ppLead : m.rpLead}</p>
      <ContactSummary
        lang={lang}
        current={current}
        earlier={earlier}
        none={isPp ? m.ppNone : m.rpNone}
        withService={isPp}
      />
      {props.access === "act" ? (
        <form method="post" action={localPath(lang, `${base}/${path}`)} novalidate class="stack">
          {isPp ? (
            <Select
              t={t}
              name="ppService"
              label={m.ppService}
              hint={extras.pp.all ? m.ppAllShown : undefined}
              placeholder={m.ppChoose}
              value={values.ppService}
              error={props.errorOf("pp", "ppService")}
              options={extras.pp.services.map((s) => ({ value: String(s.id), label: s.name }))}
            />
          ) : null}
          <Field
            t={t}
            name={`${prefix}Name`}
            label={m.contactName}
            autocomplete="off"
            maxLength={nameMaxLength}
            value={values[`${prefix}Name`]}
            error={props.errorOf(kind, `${prefix}Name`)}
          />
          <Field
            t={t}
            name={`${prefix}Email`}
            type="email"
            label={m.contactEmail}
            hint={isPp ? undefined : m.rpInviteHint}
            autocomplete="off"
            maxLength={emailMaxLength}
            value={values[`${prefix}Email`]}
            error={props.errorOf(kind, `${prefix}Email`)}
          />
          <SubmitRow>{isPp ? m.ppSave : m.rpSave}</SubmitRow>
        </form>
      ) : null}
    </section>
  );
}

function StandardSection(props: SectionProps & { standard: WrittenStandard }) {
  const { lang, data } = props;
  const t = messages(lang);
  const m = municipalityTexts[lang];
  const base = `/puljer/${data.cohort.id}/kommune/${data.invitation.inviteeId}`;
  const values = props.forms.standard?.values ?? {};
  return (
    <section aria-labelledby="ws-heading" class="stack" id="malform">
      <h2 class="ds-heading" data-size="md" id="ws-heading">
        {m.wsHeading}
      </h2>
      <p class="ds-paragraph">{m.wsLead}</p>
      <p class="ds-paragraph" data-testid="written-standard">
        {m.wsCurrent(m.wsNames[props.standard])}
      </p>
      {props.access === "act" ? (
        <form method="post" action={localPath(lang, `${base}/malform`)} novalidate class="stack">
          <RadioGroup
            t={t}
            name="standard"
            legend={m.wsLegend}
            value={values.standard ?? props.standard}
            error={props.errorOf("standard", "standard")}
            options={[
              { value: "nb", label: m.wsNames.nb },
              { value: "nn", label: m.wsNames.nn },
            ]}
          />
          <SubmitRow variant="secondary">{m.wsSave}</SubmitRow>
        </form>
      ) : null}
    </section>
  );
}

function eventDetail(
  m: MunicipalityTexts,
  lang: Lang,
  data: InvitationPageData,
  e: InvitationPageData["events"][number],
) {
  const d = e.detail;
  const str = (v: unknown) => (typeof v === "string" ? v : "");
  switch (e.event) {
    case "invited":
      return str(d.deadline) ? m.detailDeadline(formatDate(lang, str(d.deadline))) : "";
    case "extended": {
      const parts = [];
      if (str(d.before) && str(d.after)) {
        parts.push(
          m.detailExtended(formatDate(lang, str(d.before)), formatDate(lang, str(d.after))),
        );
      }
      if (str(d.reason)) parts.push(m.detailReason(str(d.reason)));
      return parts.join(". ");
    }
    case "declined":
      return str(d.reason) ? m.detailReason(str(d.reason)) : "";
    case "accepted":
      return d.commitments ? m.detailCommitments : "";
    case "reminded":
      return typeof d.count === "number" ? m.detailReminder(d.count) : "";
    case "auto-reminded":
    case "expired":
      return str(d.deadline) ? m.detailDeadline(formatDate(lang, str(d.deadline))) : "";
    case "enrolled":
    case "withdrawn": {
      const org = str(d.orgNumber);
      return org ? `${data.unitNames.get(org) ?? org} (${m.orgNumber(org)})` : "";
    }
    case "contact":
      return d.kind === "resource-person" || d.kind === "pp-service" ? m.contactKinds[d.kind] : "";
    default:
      return "";
  }
}

function History(props: InvitationPageProps) {
  const { lang, data } = props;
  const m = municipalityTexts[lang];
  return (
    <HistorySection
      id="historikk"
      heading={m.historyHeading}
      columns={m.historyColumns}
      rows={data.events.map((e) => ({
        at: formatDateTime(lang, e.at),
        event: m.events[e.event] ?? e.event,
        by: actorLabel(e, m),
        detail: eventDetail(m, lang, data, e),
      }))}
    />
  );
}

/** Who acted: the system (no actor), the person, or a person since deleted (name gone). */
export function actorLabel(
  e: { actorId?: number | null; actorName: string | null },
  texts: { system: string; deletedPerson: string },
) {
  if (e.actorId === null || e.actorId === undefined) return texts.system;
  return e.actorName ?? texts.deletedPerson;
}
