import type { Child } from "hono/jsx";
import { DataTable, HistorySection } from "../../web/components/data-table";
import { Facts } from "../../web/components/facts";
import {
  Button,
  ButtonRow,
  DateField,
  ErrorSummary,
  Field,
  SubmitRow,
  type SummaryItem,
  ValidationMessage,
} from "../../web/components/form";
import { Notice as NoticeBox } from "../../web/components/notice";
import { formatDate, formatDateTime, type Lang, messages } from "../../web/i18n";
import { Layout, localPath } from "../../web/layout";
import { actorLabel } from "./municipality-views";
import type {
  InvitationView,
  MunicipalityRow,
  OfficeErrors,
  OfficeHeader,
  OfficeRows,
  PrivateUnitHit,
  RowState,
  UnitRow,
} from "./office";
import { officeLimits } from "./office";
import { type OfficeTexts, officeText } from "./office-texts";

export type Notice = {
  color: "success" | "warning" | "danger" | "info";
  text: string;
  /** Sentences that follow, e.g. what could not be done and why. */
  more?: string[];
  /** Where to go next, e.g. to add a contact person. */
  links?: { href: string; text: string }[];
};

/** A notice with its further sentences and links. */
function NoticeText(props: { notice: Notice }) {
  const n = props.notice;
  return (
    <NoticeBox color={n.color}>
      {n.text}
      {(n.more ?? []).map((line) => (
        <>
          <br />
          {line}
        </>
      ))}
      {n.links && n.links.length > 0 ? (
        <ul class="ds-list">
          {n.links.map((l) => (
            <li>
              <a class="ds-link" href={l.href}>
                {l.text}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
    </NoticeBox>
  );
}

/** A form shown again with what the user typed and the errors beside the fields. */
export type OfficeFormState = {
  form: "municipalities" | "unit";
  values: Record<string, string>;
  errors: OfficeErrors;
};

const clock = {
  nb: new Intl.DateTimeFormat("nb-NO", { timeZone: "Europe/Oslo", timeStyle: "short" }),
  nn: new Intl.DateTimeFormat("nn-NO", { timeZone: "Europe/Oslo", timeStyle: "short" }),
  en: new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/Oslo", timeStyle: "short" }),
};

/** The time of day in Norway ("10:02"). */
function formatTime(lang: Lang, at: Date) {
  return clock[lang].format(at);
}

export function officePath(lang: Lang, cohortId: number, officeId: string, rest = "") {
  return localPath(lang, `/puljer/${cohortId}/kontor/${officeId}${rest}`);
}

const tagColor: Record<RowState, string> = {
  notInvited: "neutral",
  invited: "info",
  accepted: "success",
  declined: "danger",
  expired: "warning",
};

function StateTag(props: { tx: OfficeTexts; state: RowState }) {
  return (
    <span class="ds-tag" data-color={tagColor[props.state]}>
      {props.tx.states[props.state]}
    </span>
  );
}

/** The sentence for an error code, in the page's language. */
export function errorSentence(
  tx: OfficeTexts,
  label: string,
  e: { code: string; max?: number; subject?: string },
  extra: { start: string; officeDeadline: string; oldDeadline: string },
): string {
  const s = e.subject ?? "";
  const x = tx.errors;
  switch (e.code) {
    case "noneChosen":
      return x.noneChosen;
    case "noneLeft":
      return x.noneLeft;
    case "alreadyInvited":
      return x.alreadyInvited(s);
    case "unitAlreadyInvited":
      return x.unitAlreadyInvited;
    case "officeDeadlinePassed":
      return x.officeDeadlinePassed(extra.officeDeadline);
    case "officeNotInvited":
      return x.officeNotInvited;
    case "outsideCoverage":
      return x.outsideCoverage(s);
    case "unitOutsideCoverage":
      return x.unitOutsideCoverage;
    case "notPrivateUnit":
      return x.notPrivateUnit;
    case "unknownUnit":
      return x.unknownUnit;
    case "orgNumberRequired":
      return x.orgNumberRequired;
    case "orgNumber":
      return x.orgNumber;
    case "deadlineInPast":
      return x.deadlineInPast;
    case "deadlineAfterStart":
      return x.deadlineAfterStart(extra.start);
    case "deadlineNotLater":
      return x.deadlineNotLater(extra.oldDeadline);
    case "reasonRequired":
      return x.reasonRequired;
    case "alreadyAnswered":
      return x.alreadyAnswered;
    case "date":
      return x.date;
    case "required":
      return x.required(label);
    case "max":
      return x.max(label, e.max ?? 0);
    case "contactName":
      return s ? x.contactName(s) : x.unitContactName;
    case "contactEmail":
      return s ? x.contactEmail(s) : x.unitContactEmail;
    case "email":
      return x.email;
    case "unitNoRecipient":
      return x.unitNoRecipient;
    case "alreadyRecipient":
      return x.alreadyRecipient;
    case "notFound":
      return x.notFound;
    default:
      return x.other;
  }
}

function remindersText(lang: Lang, tx: OfficeTexts, inv: InvitationView) {
  return tx.remindersValue(
    inv.remindersSent,
    inv.lastRemindedAt ? formatDateTime(lang, inv.lastRemindedAt) : null,
  );
}

function StateCell(props: { lang: Lang; tx: OfficeTexts; inv: InvitationView }) {
  const { inv, tx } = props;
  return (
    <>
      <StateTag tx={tx} state={inv.state} />
      {inv.state === "declined" && inv.declineReason ? (
        <p class="ds-paragraph" data-size="sm">
          {tx.eventReason(inv.declineReason)}
        </p>
      ) : null}
    </>
  );
}

/** Per-row actions: a reminder (through the page's one reminder form) and the history link. */
function RowActions(props: {
  lang: Lang;
  tx: OfficeTexts;
  canAct: boolean;
  base: (rest?: string) => string;
  inv: InvitationView;
  name: string;
  ownOffice: boolean;
  reachable: boolean;
}) {
  const { tx, inv } = props;
  if (!props.ownOffice) return <span class="subtle">{tx.otherOffice}</span>;
  const open = inv.state === "invited" || inv.state === "expired";
  return (
    <div class="button-row">
      {props.canAct && open && !props.reachable ? (
        <a class="ds-link" href={props.base(`/invitasjoner/${inv.id}#kontaktperson`)}>
          {tx.addContactFor(props.name)}
        </a>
      ) : props.canAct && inv.state === "invited" && inv.remindedToday ? (
        <span>{tx.remindedToday(formatTime(props.lang, inv.remindedToday))}</span>
      ) : props.canAct && inv.state === "invited" ? (
        <button
          class="ds-button"
          data-variant="secondary"
          data-size="sm"
          type="submit"
          form="remind-form"
          name="invitation"
          value={String(inv.id)}
        >
          {tx.remindOne}
          <span class="ds-sr-only"> {tx.remindTo(props.name)}</span>
        </button>
      ) : null}
      <a class="ds-link" href={props.base(`/invitasjoner/${inv.id}`)}>
        {tx.historyLink}
        <span class="ds-sr-only"> {tx.historyFor(props.name)}</span>
      </a>
    </div>
  );
}

export type OfficePageProps = {
  lang: Lang;
  canAct: boolean;
  header: OfficeHeader;
  rows: OfficeRows;
  today: string;
  notice?: Notice | undefined;
  form?: OfficeFormState | undefined;
  search?: { query: string; hits: PrivateUnitHit[] | null } | undefined;
  orgNumber?: string | undefined;
};

export function OfficePage(props: OfficePageProps) {
  const { lang, header, rows } = props;
  const t = messages(lang);
  const tx = officeText(lang);
  const { cohort, office, programme } = header;
  const base = (rest = "") => officePath(lang, cohort.id, office.id, rest);
  const d = (iso: string) => formatDate(lang, iso);
  const defaultDeadline = cohort.answerDeadline ?? cohort.startsOn;
  const officeDeadlinePassed =
    !!cohort.officeInviteDeadline && cohort.officeInviteDeadline < props.today;
  const canInvite = props.canAct && !officeDeadlinePassed;
  const multiCounty = new Set(rows.municipalities.map((m) => m.countyName)).size > 1;
  const invited = rows.municipalities.filter((m) => m.invitation);
  const open = rows.municipalities.filter((m) => !m.invitation);

  // Errors of the form being shown again, as sentences and as summary links.
  const form = props.form;
  const errors = form?.errors ?? {};
  const extra = {
    start: d(cohort.startsOn),
    officeDeadline: cohort.officeInviteDeadline ? d(cohort.officeInviteDeadline) : "",
    oldDeadline: "",
  };
  const labels: Record<string, string> = {
    message: tx.message,
    deadline: tx.deadline,
    unitMessage: tx.message,
    unitDeadline: tx.deadline,
    unitOrgNumber: tx.unitOrgNumber,
    unitContactName: tx.unitContactName,
    unitContactEmail: tx.unitContactEmail,
  };
  const err = (key: string) => {
    const e = errors[key];
    return e ? errorSentence(tx, labels[key] ?? "", e, extra) : undefined;
  };
  const anchor = (key: string) => {
    if (key === "municipalities")
      return open[0] ? `#municipality-${open[0].code}` : "#invite-heading";
    if (key === "form") return form?.form === "unit" ? "#units-heading" : "#invite-heading";
    return `#${key}`;
  };
  const summary: SummaryItem[] = Object.keys(errors).map((key) => ({
    href: anchor(key),
    text: err(key) ?? tx.errors.other,
  }));
  const values = form?.values ?? {};
  const mv = form?.form === "municipalities" ? values : {};
  const uv = form?.form === "unit" ? values : {};

  const path = `/puljer/${cohort.id}/kontor/${office.id}`;
  const reminderPolicy =
    cohort.reminderDaysBefore > 0 ? tx.autoReminder(cohort.reminderDaysBefore) : tx.noAutoReminder;
  /** The message and deadline both invite forms end with, under each form's own names. */
  const messageAndDeadline = (
    names: { message: string; deadline: string },
    rows: number,
    values: Record<string, string>,
  ) => (
    <>
      <Field
        t={t}
        name={names.message}
        label={tx.message}
        hint={tx.messageHint}
        multiline
        rows={rows}
        required={false}
        maxLength={officeLimits.message}
        value={values[names.message]}
        error={err(names.message)}
      />
      <DateField
        t={t}
        name={names.deadline}
        label={tx.deadline}
        hint={tx.deadlineHint(d(defaultDeadline), d(cohort.startsOn))}
        value={values[names.deadline] ?? defaultDeadline}
        min={props.today}
        max={cohort.startsOn}
        error={err(names.deadline)}
      />
    </>
  );
  return (
    <Layout
      lang={lang}
      title={tx.title(office.name, cohort.number)}
      path={path}
      hasErrors={summary.length > 0}
    >
      <h1 class="ds-heading" data-size="xl">
        {tx.title(office.name, cohort.number)}
      </h1>
      <p class="ds-paragraph lead">{tx.lead(programme.title, cohort.number)}</p>
      {props.notice ? <NoticeText notice={props.notice} /> : null}
      {props.canAct ? null : <NoticeBox color="info">{tx.readOnly}</NoticeBox>}
      <ErrorSummary t={t} items={summary} />

      <Facts
        heading={tx.factsHeading}
        facts={[
          {
            term: tx.programme,
            value: programme.slug ? (
              <a class="ds-link" href={localPath(lang, `/tilbud/${programme.slug}`)}>
                {programme.title}
              </a>
            ) : (
              programme.title
            ),
          },
          { term: tx.cohort, value: cohort.number },
          { term: tx.period, value: tx.periodValue(d(cohort.startsOn), d(cohort.endsOn)) },
          {
            term: tx.officeDeadline,
            value: cohort.officeInviteDeadline
              ? d(cohort.officeInviteDeadline)
              : tx.noOfficeDeadline,
          },
          { term: tx.answerDeadline, value: d(defaultDeadline) },
          { term: tx.reminders, value: reminderPolicy },
        ]}
      >
        <p class="ds-paragraph">
          <a class="ds-link" href={localPath(lang, `/puljer/${cohort.id}`)}>
            {tx.overviewLink}
          </a>
        </p>
      </Facts>

      <section aria-labelledby="status-heading" class="stack">
        <h2 class="ds-heading" data-size="md" id="status-heading">
          {tx.statusHeading}
        </h2>
        <p class="ds-paragraph">
          {tx.statusSummary(rows.municipalities.length, cohort.startsOn <= props.today)}
        </p>
        <ul class="ds-list">
          {(["notInvited", "invited", "accepted", "declined", "expired"] as const).map((s) => (
            <li>{tx.countLine(rows.counts[s], tx.states[s])}</li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="invited-heading" class="stack" id="kommuner">
        <h2 class="ds-heading" data-size="md" id="invited-heading">
          {tx.invitedHeading}
        </h2>
        {invited.length === 0 ? <p class="ds-paragraph">{tx.noneInvited}</p> : null}
        {props.canAct && (invited.length > 0 || rows.units.length > 0) ? (
          <form method="post" action={base("/paminn")} id="remind-form" class="stack">
            <p class="ds-paragraph">
              {reminderPolicy} {tx.remindPolicy}
            </p>
            <ButtonRow>
              <Button variant="secondary" name="all" value="yes">
                {tx.remindAll}
              </Button>
            </ButtonRow>
          </form>
        ) : null}
        {invited.length > 0 ? (
          <DataTable
            label={tx.invitedHeading}
            columns={[
              tx.colMunicipality,
              tx.colState,
              tx.colDeadline,
              tx.colReminders,
              tx.colRecipient,
              tx.colActions,
            ]}
          >
            {invited.map((m) => (
              <MunicipalityInvitedRow
                lang={lang}
                tx={tx}
                row={m}
                canAct={props.canAct}
                base={base}
                officeId={office.id}
              />
            ))}
          </DataTable>
        ) : null}
      </section>

      <section aria-labelledby="invite-heading" class="stack">
        <h2 class="ds-heading" data-size="md" id="invite-heading">
          {tx.inviteHeading}
        </h2>
        {officeDeadlinePassed && cohort.officeInviteDeadline ? (
          <NoticeBox color="info">
            {tx.officeDeadlinePassed(d(cohort.officeInviteDeadline))}
          </NoticeBox>
        ) : null}
        <p class="ds-paragraph">
          {tx.inviteLead(d(cohort.startsOn), cohort.startsOn <= props.today)}
        </p>
        {open.length === 0 ? <p class="ds-paragraph">{tx.allInvited}</p> : null}
        {canInvite && open.length > 0 ? (
          <form method="post" action={base("/inviter")} novalidate class="stack" id="invite-form">
            <fieldset
              class="ds-fieldset"
              aria-describedby={
                ["municipalities-hint", errors.municipalities ? "municipalities-error" : ""]
                  .filter(Boolean)
                  .join(" ") || undefined
              }
            >
              <legend class="ds-label">{tx.chooseLegend}</legend>
              <p data-field="description" id="municipalities-hint">
                {tx.contactHint}
              </p>
              <ValidationMessage t={t} id="municipalities-error" text={err("municipalities")} />
              <DataTable
                label={tx.chooseLegend}
                columns={[
                  <span class="ds-sr-only">{t.form.choose}</span>,
                  tx.colMunicipality,
                  tx.colNumber,
                  ...(multiCounty ? [tx.colCounty] : []),
                  tx.colRecipient,
                ]}
              >
                {open.map((m) => (
                  <OpenRow
                    t={t}
                    tx={tx}
                    row={m}
                    multiCounty={multiCounty}
                    values={mv}
                    nameError={err(`contactName-${m.code}`)}
                    emailError={err(`contactEmail-${m.code}`)}
                  />
                ))}
              </DataTable>
            </fieldset>
            {messageAndDeadline({ message: "message", deadline: "deadline" }, 5, mv)}
            <ButtonRow>
              <Button name="intent" value="chosen">
                {tx.inviteChosen}
              </Button>
              <Button variant="secondary" name="intent" value="all">
                {tx.inviteAll}
              </Button>
            </ButtonRow>
          </form>
        ) : null}
      </section>

      <section aria-labelledby="units-heading" class="stack" id="enheter">
        <h2 class="ds-heading" data-size="md" id="units-heading">
          {tx.unitsHeading}
        </h2>
        <p class="ds-paragraph">{tx.unitsLead}</p>
        {rows.units.length === 0 ? <p class="ds-paragraph">{tx.noUnits}</p> : null}
        {rows.units.length > 0 ? (
          <DataTable
            label={tx.unitsHeading}
            columns={[
              tx.colUnit,
              tx.colOrgNumber,
              tx.colState,
              tx.colDeadline,
              tx.colReminders,
              tx.colRecipient,
              tx.colActions,
            ]}
          >
            {rows.units.map((u) => (
              <UnitInvitedRow lang={lang} tx={tx} row={u} canAct={props.canAct} base={base} />
            ))}
          </DataTable>
        ) : null}
        {canInvite ? (
          <>
            <form method="get" action={`${base()}#unit-results-heading`} class="filters">
              <div class="ds-field">
                <label class="ds-label" for="sok">
                  {tx.searchLabel}
                </label>
                <p data-field="description" id="sok-hint">
                  {tx.searchHint}
                </p>
                <input
                  class="ds-input"
                  type="search"
                  id="sok"
                  name="sok"
                  value={props.search?.query ?? ""}
                  maxlength={officeLimits.search}
                  aria-describedby="sok-hint"
                />
              </div>
              <div>
                <button class="ds-button" data-variant="secondary" type="submit">
                  {tx.searchButton}
                </button>
              </div>
            </form>
            {props.search?.hits ? (
              <section aria-labelledby="unit-results-heading">
                <h3 class="ds-heading" data-size="xs" id="unit-results-heading">
                  {tx.searchResults(props.search.hits.length)}
                </h3>
                {props.search.hits.length === 0 ? (
                  <p class="ds-paragraph">{tx.noSearchResults}</p>
                ) : (
                  <ul class="ds-list">
                    {props.search.hits.map((h) => (
                      <li>
                        {h.name} ({h.orgNumber}
                        {h.municipalityName ? `, ${h.municipalityName}` : ""}){" "}
                        <a class="ds-link" href={`${base()}?orgnr=${h.orgNumber}#unitOrgNumber`}>
                          {tx.useUnit}
                          <span class="ds-sr-only"> {tx.useUnitFor(h.name)}</span>
                        </a>
                      </li>
                    ))}
                  </ul>
                )}
              </section>
            ) : null}
            <form method="post" action={base("/enheter")} novalidate class="stack">
              <h3 class="ds-heading" data-size="xs">
                {tx.unitInviteHeading}
              </h3>
              <Field
                t={t}
                name="unitOrgNumber"
                label={tx.unitOrgNumber}
                hint={tx.unitOrgNumberHint}
                maxLength={11}
                value={uv.unitOrgNumber ?? props.orgNumber ?? ""}
                error={err("unitOrgNumber")}
              />
              <p class="ds-paragraph">{tx.unitContactHint}</p>
              <Field
                t={t}
                name="unitContactName"
                label={tx.unitContactName}
                maxLength={officeLimits.name}
                autocomplete="off"
                value={uv.unitContactName}
                error={err("unitContactName")}
              />
              <Field
                t={t}
                name="unitContactEmail"
                type="email"
                label={tx.unitContactEmail}
                maxLength={officeLimits.email}
                autocomplete="off"
                value={uv.unitContactEmail}
                error={err("unitContactEmail")}
              />
              {messageAndDeadline({ message: "unitMessage", deadline: "unitDeadline" }, 4, uv)}
              <SubmitRow>{tx.unitInvite}</SubmitRow>
            </form>
          </>
        ) : null}
      </section>
    </Layout>
  );
}

/** An invited municipality's or unit's row: the cells that name it, then its invitation. */
function InvitedRow(props: {
  lang: Lang;
  tx: OfficeTexts;
  inv: InvitationView;
  name: string;
  reachable: boolean;
  canAct: boolean;
  base: (rest?: string) => string;
  ownOffice: boolean;
  children: Child;
}) {
  const { tx, inv, lang } = props;
  return (
    <tr>
      {props.children}
      <td>
        <StateCell lang={lang} tx={tx} inv={inv} />
      </td>
      <td>{formatDate(lang, inv.deadline)}</td>
      <td>{remindersText(lang, tx, inv)}</td>
      <td>{props.reachable ? tx.recipientYes : tx.recipientNo}</td>
      <td>
        <RowActions
          lang={lang}
          tx={tx}
          canAct={props.canAct}
          base={props.base}
          inv={inv}
          name={props.name}
          ownOffice={props.ownOffice}
          reachable={props.reachable}
        />
      </td>
    </tr>
  );
}

function MunicipalityInvitedRow(props: {
  lang: Lang;
  tx: OfficeTexts;
  row: MunicipalityRow;
  canAct: boolean;
  base: (rest?: string) => string;
  officeId: string;
}) {
  const { row } = props;
  const inv = row.invitation!;
  return (
    <InvitedRow
      {...props}
      inv={inv}
      name={row.name}
      reachable={row.reachable}
      ownOffice={inv.officeId === props.officeId}
    >
      <td>
        {row.name} <span class="subtle">({row.code})</span>
      </td>
    </InvitedRow>
  );
}

function UnitInvitedRow(props: {
  lang: Lang;
  tx: OfficeTexts;
  row: UnitRow;
  canAct: boolean;
  base: (rest?: string) => string;
}) {
  const { tx, row } = props;
  const kinds = [row.isKindergarten ? tx.kindergarten : null, row.isSchool ? tx.school : null]
    .filter(Boolean)
    .join(", ");
  return (
    <InvitedRow {...props} inv={row.invitation} name={row.name} reachable={row.reachable} ownOffice>
      <td>
        {row.name}
        {kinds ? <span class="subtle"> ({kinds})</span> : null}
      </td>
      <td>{row.orgNumber}</td>
    </InvitedRow>
  );
}

/** A municipality not yet invited: its checkbox and, where nobody receives mail, a contact. */
function OpenRow(props: {
  t: ReturnType<typeof messages>;
  tx: OfficeTexts;
  row: MunicipalityRow;
  multiCounty: boolean;
  values: Record<string, string>;
  nameError: string | undefined;
  emailError: string | undefined;
}) {
  const { tx, row, values } = props;
  const box = `municipality-${row.code}`;
  return (
    <tr>
      <td>
        <input
          class="ds-input"
          type="checkbox"
          id={box}
          name={box}
          value="yes"
          checked={values[box] === "yes"}
        />
      </td>
      <td>
        <label class="ds-label" for={box} data-weight="regular">
          {row.name}
        </label>
      </td>
      <td>{row.code}</td>
      {props.multiCounty ? <td>{row.countyName}</td> : null}
      <td>
        {row.reachable ? (
          tx.recipientYes
        ) : (
          <div>
            <p class="ds-paragraph" data-size="sm">
              {tx.recipientNo}
            </p>
            <details
              class="ds-details"
              open={
                !!(
                  props.nameError ||
                  props.emailError ||
                  values[`contactName-${row.code}`] ||
                  values[`contactEmail-${row.code}`]
                )
              }
            >
              <summary>
                {tx.addContact}
                <span class="ds-sr-only"> {tx.inPlace(row.name)}</span>
              </summary>
              <div class="stack">
                <ContactInput
                  t={props.t}
                  id={`contactName-${row.code}`}
                  visible={tx.contactName}
                  label={tx.contactNameFor(row.name)}
                  type="text"
                  value={values[`contactName-${row.code}`]}
                  max={officeLimits.name}
                  error={props.nameError}
                />
                <ContactInput
                  t={props.t}
                  id={`contactEmail-${row.code}`}
                  visible={tx.contactEmail}
                  label={tx.contactEmailFor(row.name)}
                  type="email"
                  value={values[`contactEmail-${row.code}`]}
                  max={officeLimits.email}
                  error={props.emailError}
                />
              </div>
            </details>
          </div>
        )}
      </td>
    </tr>
  );
}

/** A compact field in a table row: a short visible label, the full one for screen readers. */
function ContactInput(props: {
  t: ReturnType<typeof messages>;
  id: string;
  visible: string;
  label: string;
  type: "text" | "email";
  value: string | undefined;
  max: number;
  error: string | undefined;
}) {
  return (
    <div class="ds-field" data-size="sm">
      <label class="ds-label" for={props.id}>
        <span aria-hidden="true">{props.visible}</span>
        <span class="ds-sr-only">{props.label}</span>
      </label>
      <ValidationMessage t={props.t} id={`${props.id}-error`} text={props.error} />
      <input
        class="ds-input"
        type={props.type}
        id={props.id}
        name={props.id}
        value={props.value ?? ""}
        maxlength={props.max}
        autocomplete="off"
        spellcheck={props.type === "email" ? false : undefined}
        aria-invalid={props.error ? "true" : undefined}
        aria-describedby={props.error ? `${props.id}-error` : undefined}
      />
    </div>
  );
}

// ---------------------------------------------------------------- one invitation

export type InvitationDetail = InvitationView & {
  kind: "municipality" | "unit";
  inviteeId: string;
  name: string;
  reachable: boolean;
};

export type EventView = {
  id: number;
  at: Date;
  event: string;
  fromState: string | null;
  toState: string | null;
  detail: Record<string, unknown>;
  actorName: string | null;
  actorId?: number | null;
};

function eventDetail(lang: Lang, tx: OfficeTexts, e: EventView): string {
  const d = e.detail ?? {};
  const date = (v: unknown) => (typeof v === "string" && v ? formatDate(lang, v) : "");
  switch (e.event) {
    case "invited":
    case "auto-reminded":
    case "expired":
      return typeof d.deadline === "string" ? tx.eventDeadline(date(d.deadline)) : "";
    case "extended":
      return tx.eventExtended(date(d.before), date(d.after), String(d.reason ?? ""));
    case "reminded":
      return typeof d.count === "number" ? tx.eventReminder(d.count) : "";
    case "declined":
      return typeof d.reason === "string" ? tx.eventReason(d.reason) : "";
    case "enrolled":
    case "withdrawn":
      return typeof d.orgNumber === "string" ? tx.eventUnit(d.orgNumber) : "";
    case "contact":
      return typeof d.kind === "string" ? (tx.contactKinds[d.kind] ?? "") : "";
    default:
      return "";
  }
}

export type InvitationPageProps = {
  lang: Lang;
  canAct: boolean;
  header: OfficeHeader;
  invitation: InvitationDetail;
  events: EventView[];
  today: string;
  notice?: Notice | undefined;
  form?: { values: Record<string, string>; errors: OfficeErrors } | undefined;
};

export function InvitationPage(props: InvitationPageProps) {
  const { lang, header, invitation: inv } = props;
  const t = messages(lang);
  const tx = officeText(lang);
  const { cohort, office } = header;
  const d = (iso: string) => formatDate(lang, iso);
  const errors = props.form?.errors ?? {};
  const extra = {
    start: d(cohort.startsOn),
    officeDeadline: cohort.officeInviteDeadline ? d(cohort.officeInviteDeadline) : "",
    oldDeadline: d(inv.deadline),
  };
  const labels: Record<string, string> = {
    deadline: tx.newDeadline,
    reason: tx.reason,
    recipientName: tx.recipientName,
    recipientEmail: tx.recipientEmail,
  };
  const err = (key: string) => {
    const e = errors[key];
    return e ? errorSentence(tx, labels[key] ?? "", e, extra) : undefined;
  };
  const summary: SummaryItem[] = Object.keys(errors).map((key) => ({
    href: key === "form" ? "#extend-heading" : `#${key}`,
    text: err(key) ?? tx.errors.other,
  }));
  const values = props.form?.values ?? {};
  const canExtend = inv.state === "invited" || inv.state === "expired";
  const path = `/puljer/${cohort.id}/kontor/${office.id}/invitasjoner/${inv.id}`;
  const title = tx.invitationTitle(inv.name);
  return (
    <Layout lang={lang} title={title} path={path} hasErrors={summary.length > 0}>
      <p class="ds-paragraph">
        <a class="ds-link" href={officePath(lang, cohort.id, office.id)}>
          {tx.backTo(tx.title(office.name, cohort.number))}
        </a>
      </p>
      <h1 class="ds-heading" data-size="xl">
        {title}
      </h1>
      {props.notice ? <NoticeText notice={props.notice} /> : null}
      <ErrorSummary t={t} items={summary} />
      <Facts
        heading={tx.aboutInvitation}
        facts={[
          { term: tx.colState, value: <StateTag tx={tx} state={inv.state} /> },
          { term: tx.colDeadline, value: d(inv.deadline) },
          { term: tx.invitedAt, value: formatDateTime(lang, inv.invitedAt) },
          { term: tx.messageLabel, value: inv.message || tx.noMessage, pre: true },
          { term: tx.colReminders, value: remindersText(lang, tx, inv) },
          inv.answeredAt
            ? { term: tx.answeredAt, value: formatDateTime(lang, inv.answeredAt) }
            : null,
          inv.declineReason
            ? { term: tx.declineReason, value: inv.declineReason, pre: true }
            : null,
        ]}
      />

      <HistorySection
        heading={tx.historyHeading}
        columns={[tx.colAt, tx.colEvent, tx.colBy, tx.colDetail]}
        rows={props.events.map((e) => ({
          at: formatDateTime(lang, e.at),
          event: tx.events[e.event] ?? e.event,
          by: actorLabel(e, tx),
          detail: eventDetail(lang, tx, e),
        }))}
      />

      {props.canAct && canExtend ? (
        <section aria-labelledby="recipient-heading" class="stack" id="kontaktperson">
          <h2 class="ds-heading" data-size="md" id="recipient-heading">
            {tx.recipientHeading}
          </h2>
          <p class="ds-paragraph">
            {inv.reachable ? tx.recipientMoreLead(inv.name) : tx.recipientLead(inv.name)}
          </p>
          <form
            method="post"
            action={officePath(lang, cohort.id, office.id, `/invitasjoner/${inv.id}/kontakt`)}
            novalidate
            class="stack"
          >
            <Field
              t={t}
              name="recipientName"
              label={tx.recipientName}
              autocomplete="name"
              maxLength={officeLimits.name}
              value={values.recipientName}
              error={err("recipientName")}
            />
            <Field
              t={t}
              name="recipientEmail"
              label={tx.recipientEmail}
              type="email"
              autocomplete="email"
              maxLength={officeLimits.email}
              value={values.recipientEmail}
              error={err("recipientEmail")}
            />
            <SubmitRow>{tx.recipientButton}</SubmitRow>
          </form>
        </section>
      ) : null}

      {props.canAct ? (
        <section aria-labelledby="extend-heading" class="stack">
          <h2 class="ds-heading" data-size="md" id="extend-heading">
            {tx.extendHeading}
          </h2>
          {canExtend ? (
            <form
              method="post"
              action={officePath(lang, cohort.id, office.id, `/invitasjoner/${inv.id}/frist`)}
              novalidate
              class="stack"
            >
              <p class="ds-paragraph">{tx.extendLead(d(cohort.startsOn))}</p>
              <DateField
                t={t}
                name="deadline"
                label={tx.newDeadline}
                value={values.deadline ?? ""}
                min={props.today}
                max={cohort.startsOn}
                error={err("deadline")}
              />
              <Field
                t={t}
                name="reason"
                label={tx.reason}
                hint={tx.reasonHint}
                required
                multiline
                rows={3}
                maxLength={officeLimits.reason}
                value={values.reason}
                error={err("reason")}
              />
              <SubmitRow>{tx.extendButton}</SubmitRow>
            </form>
          ) : (
            <p class="ds-paragraph">{err("form") ?? tx.cannotExtend}</p>
          )}
        </section>
      ) : (
        <NoticeBox color="info">{tx.readOnly}</NoticeBox>
      )}
    </Layout>
  );
}
