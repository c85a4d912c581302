import { Facts } from "../../web/components/facts";
import { ErrorSummary } from "../../web/components/form";
import { Notice as NoticeBox } from "../../web/components/notice";
import { type FormState, formView } from "../../web/form-errors";
import { formatDate, type Lang, messages } from "../../web/i18n";
import { Layout, localPath } from "../../web/layout";
import { relink, withPageParams } from "./form-parts";
import type { OfficeHeader, OfficeRows, PrivateUnitHit } from "./office";
import { InviteSection, inviteLabels } from "./office-invite-form";
import { InvitedMunicipalities } from "./office-invited-list";
import { type Notice, NoticeText, officePath } from "./office-shared";
import { officeErrors, officeText } from "./office-texts";
import { UnitsSection, unitLabels } from "./office-unit-invite";

/** The county office's page of a cohort: the facts, the state of each invitee, the two forms. */

/** The form shown again with what the user typed and its errors: inviting municipalities or a unit. */
export type OfficeForm = { name: "invite" | "unit"; state: FormState };

export type OfficePageProps = {
  lang: Lang;
  canAct: boolean;
  header: OfficeHeader;
  rows: OfficeRows;
  today: string;
  notice?: Notice | undefined;
  form?: OfficeForm | undefined;
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

  // The dates the sentences name, as this page shows them.
  const pageParams = {
    start: d(cohort.startsOn),
    officeDeadline: cohort.officeInviteDeadline ? d(cohort.officeInviteDeadline) : "",
  };
  const stateOf = (name: OfficeForm["name"]) =>
    props.form?.name === name ? withPageParams(props.form.state, pageParams) : undefined;
  const invite = formView(lang, stateOf("invite"), {
    labels: inviteLabels(tx, open),
    errors: officeErrors[lang],
  });
  const unit = formView(lang, stateOf("unit"), {
    labels: unitLabels(tx),
    errors: officeErrors[lang],
    idPrefix: "unit",
  });
  const summary = relink([...invite.summary, ...unit.summary], {
    "#invitees": open[0] ? `#municipality-${open[0].code}` : "#invite-heading",
    "#form": "#invite-heading",
    "#unit-form": "#units-heading",
  });
  const deadline = {
    deadlineHint: tx.deadlineHint(d(defaultDeadline), d(cohort.startsOn)),
    defaultDeadline,
    today: props.today,
    startsOn: cohort.startsOn,
  };

  const path = `/puljer/${cohort.id}/kontor/${office.id}`;
  const reminderPolicy =
    cohort.reminderDaysBefore > 0 ? tx.autoReminder(cohort.reminderDaysBefore) : tx.noAutoReminder;
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
      <ErrorSummary t={t} items={summary} warnings={[...invite.warnings, ...unit.warnings]} />

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

      <InvitedMunicipalities
        lang={lang}
        tx={tx}
        canAct={props.canAct}
        base={base}
        officeId={office.id}
        invited={invited}
        anyUnits={rows.units.length > 0}
        reminderPolicy={reminderPolicy}
      />
      <InviteSection
        t={t}
        tx={tx}
        f={invite}
        action={base("/inviter")}
        open={open}
        multiCounty={multiCounty}
        canInvite={canInvite}
        deadlinePassed={
          officeDeadlinePassed && cohort.officeInviteDeadline
            ? tx.officeDeadlinePassed(d(cohort.officeInviteDeadline))
            : undefined
        }
        lead={tx.inviteLead(d(cohort.startsOn), cohort.startsOn <= props.today)}
        deadline={deadline}
      />
      <UnitsSection
        lang={lang}
        t={t}
        tx={tx}
        f={unit}
        canAct={props.canAct}
        canInvite={canInvite}
        base={base}
        units={rows.units}
        search={props.search}
        orgNumber={props.orgNumber}
        deadline={deadline}
      />
    </Layout>
  );
}
