import { DataTable } from "../../web/components/data-table";
import { Select, SubmitRow, ValidationMessage } from "../../web/components/form";
import { messages } from "../../web/i18n";
import { localPath } from "../../web/layout";
import type { EnrolmentUnit } from "./municipality";
import { StatusError } from "./municipality-answer";
import { type AcceptedProps, day, isStatus } from "./municipality-page-props";
import { type MunicipalityTexts, municipalityTexts } from "./municipality-texts";

/** The municipality's kindergartens and schools in the cohort: enrolled, and to enrol. */

function typeLabel(m: MunicipalityTexts, u: { isSchool: boolean; isKindergarten: boolean }) {
  if (u.isSchool && u.isKindergarten) return m.typeBoth;
  return u.isSchool ? m.typeSchool : m.typeKindergarten;
}

function ownerLabel(m: MunicipalityTexts, owner: "public" | "private" | null) {
  return owner === "public" ? m.ownerPublic : owner === "private" ? m.ownerPrivate : m.ownerUnknown;
}

function category(u: EnrolmentUnit): "kindergarten" | "school" | "both" {
  if (u.isSchool && u.isKindergarten) return "both";
  return u.isSchool ? "school" : "kindergarten";
}

/** The units enrolled, and the form that enrols more (filtered by kind and owner). */
export function UnitsSection(props: AcceptedProps) {
  const { lang, data, extras } = props;
  const t = messages(lang);
  const m = municipalityTexts[lang];
  const base = `/puljer/${data.cohort.id}/kommune/${data.invitation.inviteeId}`;
  const { filter } = extras;
  const f = props.views.units;
  const selected = new Set(f.value("units").split(",").filter(Boolean));
  const status = isStatus(props.forms, "units", "units");
  const statusError = status ? f.error("units") : undefined;
  const fieldError = status ? undefined : f.error("units");
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
