import { emailMaxLength } from "../../kernel/field-rules";
import { DataTable } from "../../web/components/data-table";
import { Field, SubmitRow } from "../../web/components/form";
import type { FormView } from "../../web/form-errors";
import type { Lang, Messages } from "../../web/i18n";
import { officeLimits, type PrivateUnitHit, type UnitRow } from "./office";
import { MessageAndDeadline } from "./office-invite-form";
import { UnitInvitedRow } from "./office-invited-list";
import type { OfficeTexts } from "./office-texts";

/**
 * Private kindergartens and schools: those invited, a search by name or number, and the form
 * that invites one. The form's fields carry the prefix `unit` in their ids: the page's other
 * form has a message and a deadline too.
 */

/** The labels of the unit form's fields, in the order the error summary lists them. */
export function unitLabels(tx: OfficeTexts): Record<string, string> {
  return {
    orgNumber: tx.unitOrgNumber,
    message: tx.message,
    deadline: tx.deadline,
    name: tx.unitContactName,
    email: tx.unitContactEmail,
    form: tx.unitsHeading,
  };
}

export function UnitsSection(props: {
  lang: Lang;
  t: Messages;
  tx: OfficeTexts;
  f: FormView;
  canAct: boolean;
  canInvite: boolean;
  base: (rest?: string) => string;
  units: UnitRow[];
  search?: { query: string; hits: PrivateUnitHit[] | null } | undefined;
  /** A number chosen from the search, to fill in. */
  orgNumber?: string | undefined;
  deadline: Omit<Parameters<typeof MessageAndDeadline>[0], "t" | "tx" | "f" | "rows">;
}) {
  const { lang, t, tx, f, base, search } = props;
  const orgNumber = f.bind("orgNumber");
  return (
    <section aria-labelledby="units-heading" class="stack" id="enheter">
      <h2 class="ds-heading" data-size="md" id="units-heading">
        {tx.unitsHeading}
      </h2>
      <p class="ds-paragraph">{tx.unitsLead}</p>
      {props.units.length === 0 ? <p class="ds-paragraph">{tx.noUnits}</p> : null}
      {props.units.length > 0 ? (
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
          {props.units.map((u) => (
            <UnitInvitedRow lang={lang} tx={tx} row={u} canAct={props.canAct} base={base} />
          ))}
        </DataTable>
      ) : null}
      {props.canInvite ? (
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
                value={search?.query ?? ""}
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
          {search?.hits ? (
            <section aria-labelledby="unit-results-heading">
              <h3 class="ds-heading" data-size="xs" id="unit-results-heading">
                {tx.searchResults(search.hits.length)}
              </h3>
              {search.hits.length === 0 ? (
                <p class="ds-paragraph">{tx.noSearchResults}</p>
              ) : (
                <ul class="ds-list">
                  {search.hits.map((h) => (
                    <li>
                      {h.name} ({h.orgNumber}
                      {h.municipalityName ? `, ${h.municipalityName}` : ""}){" "}
                      <a class="ds-link" href={`${base()}?orgnr=${h.orgNumber}#${orgNumber.id}`}>
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
              {...orgNumber}
              value={orgNumber.value || props.orgNumber || ""}
              hint={tx.unitOrgNumberHint}
              maxLength={11}
            />
            <p class="ds-paragraph">{tx.unitContactHint}</p>
            <Field t={t} {...f.bind("name")} maxLength={officeLimits.name} autocomplete="off" />
            <Field
              t={t}
              {...f.bind("email")}
              type="email"
              maxLength={emailMaxLength}
              autocomplete="off"
            />
            <MessageAndDeadline t={t} tx={tx} f={f} rows={4} {...props.deadline} />
            <SubmitRow>{tx.unitInvite}</SubmitRow>
          </form>
        </>
      ) : null}
    </section>
  );
}
