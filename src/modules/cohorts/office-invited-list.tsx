import type { Child } from "hono/jsx";
import { DataTable } from "../../web/components/data-table";
import { Button, ButtonRow } from "../../web/components/form";
import { formatDate, type Lang } from "../../web/i18n";
import type { InvitationView, MunicipalityRow, UnitRow } from "./office";
import { remindersText, StateTag } from "./office-shared";
import type { OfficeTexts } from "./office-texts";

/** The invitations the office has sent: the reminder form and a row for each invitee. */

const clock = {
  nb: new Intl.DateTimeFormat("nb-NO", { timeZone: "Europe/Oslo", timeStyle: "short" }),
  nn: new Intl.DateTimeFormat("nn-NO", { timeZone: "Europe/Oslo", timeStyle: "short" }),
  en: new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/Oslo", timeStyle: "short" }),
};

/** The time of day in Norway ("10:02"). */
function formatTime(lang: Lang, at: Date) {
  return clock[lang].format(at);
}

/** The invited municipalities, with the page's one reminder form above them. */
export function InvitedMunicipalities(props: {
  lang: Lang;
  tx: OfficeTexts;
  canAct: boolean;
  base: (rest?: string) => string;
  officeId: string;
  invited: MunicipalityRow[];
  anyUnits: boolean;
  reminderPolicy: string;
}) {
  const { lang, tx, invited } = props;
  return (
    <section aria-labelledby="invited-heading" class="stack" id="kommuner">
      <h2 class="ds-heading" data-size="md" id="invited-heading">
        {tx.invitedHeading}
      </h2>
      {invited.length === 0 ? <p class="ds-paragraph">{tx.noneInvited}</p> : null}
      {props.canAct && (invited.length > 0 || props.anyUnits) ? (
        <form method="post" action={props.base("/paminn")} id="remind-form" class="stack">
          <p class="ds-paragraph">
            {props.reminderPolicy} {tx.remindPolicy}
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
              base={props.base}
              officeId={props.officeId}
            />
          ))}
        </DataTable>
      ) : null}
    </section>
  );
}

function StateCell(props: { tx: OfficeTexts; inv: InvitationView }) {
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
        <StateCell tx={tx} inv={inv} />
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

export function UnitInvitedRow(props: {
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
