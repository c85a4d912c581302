import type { Db } from "../../db/client";
import { formatDate, formatMonthYear, type Lang } from "../../web/i18n";
import { localPath } from "../../web/layout";
import { type PublicCohort, publicCohortsOf } from "./public";
import { publicCohortTexts } from "./public-texts";

/** A cohort municipalities join by invitation: the offices invited and who said yes. */
function InvitationCohort(props: { lang: Lang; cohort: PublicCohort }) {
  const { lang, cohort } = props;
  const pt = publicCohortTexts[lang];
  return (
    <>
      {cohort.officeInviteDeadline ? (
        <p class="ds-paragraph">
          {pt.officeDeadline(formatDate(lang, cohort.officeInviteDeadline))}
        </p>
      ) : null}
      <p class="ds-paragraph figure">
        <strong>{pt.municipalitiesInCohort(cohort.municipalityCount, cohort.number)}</strong>
        {cohort.unitCount > 0 ? <br /> : null}
        {cohort.unitCount > 0 ? pt.unitsEnrolled(cohort.unitCount) : null}
      </p>
      <h4 class="ds-heading" data-size="xs">
        {pt.invitedOffices(cohort.offices.length)}
      </h4>
      <ul class="ds-list offices">
        {cohort.offices.map((office) => (
          <li>
            {office.municipalities.length > 0 ? (
              <details class="ds-details">
                <summary>
                  {office.name} ({office.municipalities.length})
                </summary>
                <div>
                  <p class="ds-paragraph ds-sr-only">{pt.municipalitiesOf(office.name)}</p>
                  <ul class="ds-list municipalities">
                    {office.municipalities.map((m) => (
                      <li>{m.name}</li>
                    ))}
                  </ul>
                </div>
              </details>
            ) : (
              office.name
            )}
          </li>
        ))}
      </ul>
      {cohort.municipalityCount === 0 ? <p class="ds-paragraph">{pt.noMunicipalitiesYet}</p> : null}
    </>
  );
}

/**
 * A programme's cohorts on its public page (the programmes module places this section; see
 * `programmeSections` in the manifest). A cohort joined by application says so and points to
 * the application; the application's round and deadline are the applications module's section.
 */
export async function cohortsSection(db: Db, programme: { id: number; slug: string }, lang: Lang) {
  const cohorts = await publicCohortsOf(db, programme.id, lang);
  if (cohorts.length === 0) return null;
  const pt = publicCohortTexts[lang];
  return (
    <section aria-labelledby="cohorts-heading">
      <h2 class="ds-heading" data-size="md" id="cohorts-heading">
        {pt.cohorts}
      </h2>
      {cohorts.map((cohort) => (
        <section class="cohort" aria-labelledby={`cohort-${cohort.number}`}>
          <h3 class="ds-heading" data-size="sm" id={`cohort-${cohort.number}`}>
            {pt.cohortTitle(cohort.number)}
          </h3>
          <p class="ds-paragraph">
            {pt.cohortPeriod(
              formatMonthYear(lang, cohort.startsOn),
              formatMonthYear(lang, cohort.endsOn),
            )}
          </p>
          {cohort.wayIn === "application" ? (
            <p class="ds-paragraph">
              {pt.byApplication}{" "}
              <a class="ds-link" href={localPath(lang, `/tilbud/${programme.slug}/soknad`)}>
                {pt.aboutApplication}
              </a>
            </p>
          ) : (
            <InvitationCohort lang={lang} cohort={cohort} />
          )}
        </section>
      ))}
    </section>
  );
}
