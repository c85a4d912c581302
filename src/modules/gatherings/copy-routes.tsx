import { Hono } from "hono";
import { type AppContext, type AppEnv, deps, langOf } from "../../kernel/context";
import { type FieldErrors, type FormValues, readForm } from "../../kernel/forms";
import { errorPage } from "../../web/error-pages";
import { render } from "../../web/render";
import { copyErrors, copyGathering } from "./copy";
import { CopyPage } from "./copy-views";
import type { Gathering } from "./gatherings";
import { organisedGathering } from "./organiser-access";
import { osloTyped, parseOsloDateTime } from "./organiser-form";
import { reachOf } from "./organiser-scope";
import { organiserTexts } from "./organiser-texts";
import { ADMIN_PATH } from "./organiser-views";

const ONE = "/:lang{nb|nn|en}/admin/samlinger/:id{[0-9]{1,9}}";

/** The cohorts a copy may be for: the gathering's organiser's reach in its programme. */
async function cohortChoices(c: AppContext, g: Gathering) {
  const reach = await reachOf(
    deps(c).db,
    { kind: g.organiserKind, id: g.organiserId },
    deps(c).clock.now(),
  );
  const o = organiserTexts[langOf(c)];
  return [
    ...(reach.wholeProgramme ? [{ value: "", label: o.wholeProgramme }] : []),
    ...reach.cohorts
      .filter((x) => x.programmeId === g.programmeId)
      .map((x) => ({ value: String(x.id), label: o.cohortNumber(x.number) })),
  ];
}

async function showCopy(c: AppContext, g: Gathering, values: FormValues, errors: FieldErrors = {}) {
  c.header("Cache-Control", "no-store");
  return render(
    c,
    <CopyPage
      lang={langOf(c)}
      gathering={g}
      cohorts={await cohortChoices(c, g)}
      form={{ values, errors }}
    />,
    Object.keys(errors).length > 0 ? 422 : 200,
  );
}

/** Copy a gathering to another cohort or date; the copy opens in the organiser's form. */
export function copyRoutes() {
  const app = new Hono<AppEnv>();

  app.get(`${ONE}/kopi`, async (c) => {
    const found = await organisedGathering(c);
    if (found.response) return found.response;
    const g = found.value;
    return showCopy(c, g, {
      cohort: g.cohortId === null ? "" : String(g.cohortId),
      startsAt: osloTyped(g.startsAt),
    });
  });

  app.post(`${ONE}/kopi`, async (c) => {
    const found = await organisedGathering(c);
    if (found.response) return found.response;
    const g = found.value;
    const raw = await readForm(c);
    const errors: FieldErrors = {};
    const choices = await cohortChoices(c, g);
    const cohort = raw.cohort ?? "";
    if (!choices.some((x) => x.value === cohort)) errors.cohort = { code: "choice" };
    const typed = (raw.startsAt ?? "").trim();
    const startsAt = typed === "" ? null : parseOsloDateTime(typed);
    if (typed === "") errors.startsAt = { code: "required" };
    else if (!startsAt) errors.startsAt = { code: "dateTime" };
    if (Object.keys(errors).length > 0 || !startsAt) return showCopy(c, g, raw, errors);
    const result = await copyGathering(
      deps(c).db,
      { gatheringId: g.id, cohortId: cohort === "" ? null : Number(cohort), startsAt },
      { personId: c.get("user")!.personId, now: deps(c).clock.now(), baseUrl: deps(c).linkBase },
    );
    if (!result.ok) {
      if (result.errors.gathering?.code === "notFound") return errorPage(c, "notFound");
      return showCopy(c, g, raw, copyErrors(result.errors));
    }
    // The programme's public page lists upcoming gatherings.
    deps(c).pageCache.clear();
    return c.redirect(`/${langOf(c)}${ADMIN_PATH}/${result.gatheringId}?melding=opprettet`, 303);
  });

  return app;
}
