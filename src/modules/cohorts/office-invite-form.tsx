import { emailMaxLength } from "../../kernel/field-rules";
import { DataTable } from "../../web/components/data-table";
import { Button, ButtonRow, DateField, Field, ValidationMessage } from "../../web/components/form";
import { Notice as NoticeBox } from "../../web/components/notice";
import type { FormView } from "../../web/form-errors";
import type { Messages } from "../../web/i18n";
import { type MunicipalityRow, officeLimits } from "./office";
import type { OfficeTexts } from "./office-texts";

/** The form that invites municipalities: a box for each one not invited, a message, a deadline. */

/** The labels of the invitation form's fields, in the order the error summary lists them. */
export function inviteLabels(tx: OfficeTexts, open: MunicipalityRow[]): Record<string, string> {
  const labels: Record<string, string> = {
    invitees: tx.chooseLegend,
    message: tx.message,
    deadline: tx.deadline,
  };
  for (const row of open) {
    labels[`contactName-${row.code}`] = tx.contactNameFor(row.name);
    labels[`contactEmail-${row.code}`] = tx.contactEmailFor(row.name);
  }
  labels.form = tx.inviteHeading;
  return labels;
}

/** The message and deadline both invite forms end with. */
export function MessageAndDeadline(props: {
  t: Messages;
  tx: OfficeTexts;
  f: FormView;
  rows: number;
  deadlineHint: string;
  defaultDeadline: string;
  today: string;
  startsOn: string;
}) {
  const { t, tx, f } = props;
  return (
    <>
      <Field
        t={t}
        {...f.bind("message")}
        hint={tx.messageHint}
        multiline
        rows={props.rows}
        required={false}
        maxLength={officeLimits.message}
      />
      <DateField
        t={t}
        {...f.bind("deadline")}
        value={f.value("deadline") || props.defaultDeadline}
        hint={props.deadlineHint}
        min={props.today}
        max={props.startsOn}
      />
    </>
  );
}

export function InviteSection(props: {
  t: Messages;
  tx: OfficeTexts;
  f: FormView;
  action: string;
  open: MunicipalityRow[];
  multiCounty: boolean;
  canInvite: boolean;
  /** The notice that the office's deadline to invite has passed, if it has. */
  deadlinePassed: string | undefined;
  lead: string;
  deadline: Omit<Parameters<typeof MessageAndDeadline>[0], "t" | "tx" | "f" | "rows">;
}) {
  const { t, tx, f, open } = props;
  const groupError = f.error("invitees");
  return (
    <section aria-labelledby="invite-heading" class="stack">
      <h2 class="ds-heading" data-size="md" id="invite-heading">
        {tx.inviteHeading}
      </h2>
      {props.deadlinePassed ? <NoticeBox color="info">{props.deadlinePassed}</NoticeBox> : null}
      <p class="ds-paragraph">{props.lead}</p>
      {open.length === 0 ? <p class="ds-paragraph">{tx.allInvited}</p> : null}
      {props.canInvite && open.length > 0 ? (
        <form method="post" action={props.action} novalidate class="stack" id="invite-form">
          <fieldset
            class="ds-fieldset"
            aria-describedby={groupError ? "invitees-hint invitees-error" : "invitees-hint"}
          >
            <legend class="ds-label">{tx.chooseLegend}</legend>
            <p data-field="description" id="invitees-hint">
              {tx.contactHint}
            </p>
            <ValidationMessage t={t} id="invitees-error" text={groupError} />
            <DataTable
              label={tx.chooseLegend}
              columns={[
                <span class="ds-sr-only">{t.form.choose}</span>,
                tx.colMunicipality,
                tx.colNumber,
                ...(props.multiCounty ? [tx.colCounty] : []),
                tx.colRecipient,
              ]}
            >
              {open.map((m) => (
                <OpenRow t={t} tx={tx} row={m} multiCounty={props.multiCounty} f={f} />
              ))}
            </DataTable>
          </fieldset>
          <MessageAndDeadline t={t} tx={tx} f={f} rows={5} {...props.deadline} />
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
  );
}

/** A municipality not yet invited: its checkbox and, where nobody receives mail, a contact. */
function OpenRow(props: {
  t: Messages;
  tx: OfficeTexts;
  row: MunicipalityRow;
  multiCounty: boolean;
  f: FormView;
}) {
  const { tx, row, f } = props;
  const box = `municipality-${row.code}`;
  const name = f.bind(`contactName-${row.code}`);
  const email = f.bind(`contactEmail-${row.code}`);
  return (
    <tr>
      <td>
        <input
          class="ds-input"
          type="checkbox"
          id={box}
          name={box}
          value="yes"
          checked={f.value(box) === "yes"}
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
              open={!!(name.error || email.error || name.value || email.value)}
            >
              <summary>
                {tx.addContact}
                <span class="ds-sr-only"> {tx.inPlace(row.name)}</span>
              </summary>
              <div class="stack">
                <ContactInput
                  t={props.t}
                  field={name}
                  visible={tx.contactName}
                  type="text"
                  max={officeLimits.name}
                />
                <ContactInput
                  t={props.t}
                  field={email}
                  visible={tx.contactEmail}
                  type="email"
                  max={emailMaxLength}
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
  t: Messages;
  field: ReturnType<FormView["bind"]>;
  visible: string;
  type: "text" | "email";
  max: number;
}) {
  const { id, name, label, value, error } = props.field;
  return (
    <div class="ds-field" data-size="sm">
      <label class="ds-label" for={id}>
        <span aria-hidden="true">{props.visible}</span>
        <span class="ds-sr-only">{label}</span>
      </label>
      <ValidationMessage t={props.t} id={`${id}-error`} text={error} />
      <input
        class="ds-input"
        type={props.type}
        id={id}
        name={name}
        value={value}
        maxlength={props.max}
        autocomplete="off"
        spellcheck={props.type === "email" ? false : undefined}
        aria-invalid={error ? "true" : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      />
    </div>
  );
}
