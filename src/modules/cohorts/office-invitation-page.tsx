import { emailMaxLength } from "../../kernel/field-rules";
import { HistorySection } from "../../web/components/data-table";
import { Facts } from "../../web/components/facts";
import { DateField, ErrorSummary, Field, SubmitRow } from "../../web/components/form";
import { Notice as NoticeBox } from "../../web/components/notice";
import { type FormState, formView } from "../../web/form-errors";
import { formatDate, formatDateTime, type Lang, messages } from "../../web/i18n";
import { Layout } from "../../web/layout";
import { relink, withPageParams } from "./form-parts";
import { actorLabel } from "./municipality-history";
import { type InvitationView, type OfficeHeader, officeLimits } from "./office";
import { type Notice, NoticeText, officePath, remindersText, StateTag } from "./office-shared";
import { invitationErrors, type OfficeTexts, officeText } from "./office-texts";

/** One invitation as its office sees it: the facts, the history, a contact person, a new deadline. */

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
  /** The form shown again: a contact person or a new deadline (their fields differ). */
  form?: FormState | undefined;
};

export function InvitationPage(props: InvitationPageProps) {
  const { lang, header, invitation: inv } = props;
  const t = messages(lang);
  const tx = officeText(lang);
  const { cohort, office } = header;
  const d = (iso: string) => formatDate(lang, iso);
  const f = formView(
    lang,
    withPageParams(props.form, {
      subject: inv.name,
      start: d(cohort.startsOn),
      oldDeadline: d(inv.deadline),
    }),
    {
      labels: {
        name: tx.recipientName,
        email: tx.recipientEmail,
        deadline: tx.newDeadline,
        reason: tx.reason,
        form: tx.extendHeading,
      },
      errors: invitationErrors[lang],
    },
  );
  const summary = relink(f.summary, { "#form": "#extend-heading" });
  const canExtend = inv.state === "invited" || inv.state === "expired";
  const action = (rest: string) =>
    officePath(lang, cohort.id, office.id, `/invitasjoner/${inv.id}${rest}`);
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
          <form method="post" action={action("/kontakt")} novalidate class="stack">
            <Field t={t} {...f.bind("name")} autocomplete="name" maxLength={officeLimits.name} />
            <Field
              t={t}
              {...f.bind("email")}
              type="email"
              autocomplete="email"
              maxLength={emailMaxLength}
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
            <form method="post" action={action("/frist")} novalidate class="stack">
              <p class="ds-paragraph">{tx.extendLead(d(cohort.startsOn))}</p>
              <DateField t={t} {...f.bind("deadline")} min={props.today} max={cohort.startsOn} />
              <Field
                t={t}
                {...f.bind("reason")}
                hint={tx.reasonHint}
                required
                multiline
                rows={3}
                maxLength={officeLimits.reason}
              />
              <SubmitRow>{tx.extendButton}</SubmitRow>
            </form>
          ) : (
            <p class="ds-paragraph">{f.error("form") ?? tx.cannotExtend}</p>
          )}
        </section>
      ) : (
        <NoticeBox color="info">{tx.readOnly}</NoticeBox>
      )}
    </Layout>
  );
}
