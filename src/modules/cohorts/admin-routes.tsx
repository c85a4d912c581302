import { Hono } from "hono";
import { osloToday } from "../../kernel/clock";
import { type AppContext, type AppEnv, deps, langOf } from "../../kernel/context";
import type { FieldErrors } from "../../kernel/forms";
import { readForm } from "../../kernel/forms";
import { errorPage } from "../../web/error-pages";
import { LANGS } from "../../web/i18n";
import { renderMarkdown } from "../../web/markdown";
import { render } from "../../web/render";
import {
  hasBrokenLink,
  hasDisallowedContent,
  latestVersions,
  ownProgramme,
  type Programme,
} from "../programmes";
import {
  type CohortEditView,
  type CohortForm,
  checkCohortForm,
  cohortForEdit,
  createCohortAndInvite,
  formFromCohort,
  listCohorts,
  officeDate,
  officesAt,
  readCohortForm,
  termFields,
  updateCohortAndInvite,
} from "./admin";
import { CohortFormPage, CohortListPage, listMessage } from "./admin-views";

const PROGRAMME = "/:lang{nb|nn|en}/admin/tilbud/:slug{[a-z0-9-]{1,60}}/puljer";
const NUMBER = ":number{[1-9][0-9]{0,2}}";

/** The programme of the path, if the user may manage its cohorts (`manage:cohort:owner`). */
function managedProgramme(c: AppContext) {
  return ownProgramme(c, "manage");
}

async function programmeTitle(c: AppContext, programme: Programme) {
  const latest = await latestVersions(deps(c).db, programme.id);
  return latest.get(langOf(c))?.title ?? latest.get("nb")?.title ?? programme.slug;
}

function chainActor(c: AppContext) {
  return { personId: c.get("user")!.personId, now: deps(c).clock.now(), baseUrl: deps(c).linkBase };
}

/**
 * The programme admin's cohort pages: the list, a new cohort (created with its planned gatherings
 * and the county offices invited in one act) and the edit page (dates, terms, gatherings,
 * further offices).
 */
export function cohortAdminRoutes() {
  const app = new Hono<AppEnv>();

  app.get(PROGRAMME, async (c) => {
    const found = await managedProgramme(c);
    if (found.response) return found.response;
    const lang = langOf(c);
    const cohorts = await listCohorts(deps(c).db, found.programme.id, lang);
    c.header("Cache-Control", "no-store");
    return render(
      c,
      <CohortListPage
        lang={lang}
        slug={found.programme.slug}
        title={await programmeTitle(c, found.programme)}
        cohorts={cohorts}
        message={listMessage(lang, {
          created: c.req.query("opprettet"),
          saved: c.req.query("lagret"),
          invited: c.req.query("invitert"),
        })}
      />,
    );
  });

  async function formPage(
    c: AppContext,
    programme: Programme,
    form: CohortForm,
    opts: {
      existing?: CohortEditView | undefined;
      errors?: FieldErrors;
      preview?: boolean;
    },
    status: 200 | 422 = 200,
  ) {
    const d = deps(c);
    const lang = langOf(c);
    const on = officeDate(form, opts.existing, d.clock.now());
    const offices = await officesAt(d.db, on, lang);
    const preview = opts.preview
      ? LANGS.map((l) => {
          const text = (form.values[termFields[l]] ?? "").trim();
          return {
            lang: l,
            html: text ? renderMarkdown(text) : "",
            removed: hasDisallowedContent(text) || hasBrokenLink(text),
          };
        })
      : undefined;
    c.header("Cache-Control", "no-store");
    return render(
      c,
      <CohortFormPage
        lang={lang}
        slug={programme.slug}
        title={await programmeTitle(c, programme)}
        existing={opts.existing}
        form={form}
        errors={opts.errors ?? {}}
        offices={offices}
        officesOn={on}
        preview={preview}
      />,
      status,
    );
  }

  app.get(`${PROGRAMME}/ny`, async (c) => {
    const found = await managedProgramme(c);
    if (found.response) return found.response;
    const form: CohortForm = {
      values: { reminderDaysBefore: "7" },
      offices: [],
      gatherings: [],
    };
    return formPage(c, found.programme, form, {});
  });

  app.post(`${PROGRAMME}/ny`, async (c) => {
    const found = await managedProgramme(c);
    if (found.response) return found.response;
    const raw = await readForm(c);
    const form = readCohortForm(raw);
    if (raw.intent === "preview") return formPage(c, found.programme, form, { preview: true });
    const d = deps(c);
    const checked = await checkCohortForm(d.db, found.programme.id, form, {
      today: osloToday(d.clock.now()),
    });
    if (!checked.ok) {
      return formPage(c, found.programme, form, { errors: checked.errors }, 422);
    }
    const result = await createCohortAndInvite(d.db, found.programme, checked.data, chainActor(c));
    if (!result.ok) return formPage(c, found.programme, form, { errors: result.errors }, 422);
    d.onJobQueued();
    d.pageCache.clear();
    return c.redirect(
      `/${langOf(c)}/admin/tilbud/${found.programme.slug}/puljer?opprettet=${checked.data.number}`,
      303,
    );
  });

  async function editable(
    c: AppContext,
  ): Promise<
    | { response: Response | Promise<Response> }
    | { programme: Programme; existing: CohortEditView; response?: never }
  > {
    const found = await managedProgramme(c);
    if (found.response) return { response: found.response };
    const existing = await cohortForEdit(
      deps(c).db,
      found.programme.id,
      Number(c.req.param("number")),
      langOf(c),
    );
    if (!existing) return { response: errorPage(c, "notFound") };
    return { programme: found.programme, existing };
  }

  app.get(`${PROGRAMME}/${NUMBER}`, async (c) => {
    const found = await editable(c);
    if (found.response) return found.response;
    return formPage(c, found.programme, formFromCohort(found.existing), {
      existing: found.existing,
    });
  });

  app.post(`${PROGRAMME}/${NUMBER}`, async (c) => {
    const found = await editable(c);
    if (found.response) return found.response;
    const { programme, existing } = found;
    const raw = await readForm(c);
    const form = readCohortForm(raw);
    if (raw.intent === "preview") return formPage(c, programme, form, { existing, preview: true });
    const d = deps(c);
    const checked = await checkCohortForm(d.db, programme.id, form, {
      today: osloToday(d.clock.now()),
      existing,
    });
    if (!checked.ok) return formPage(c, programme, form, { existing, errors: checked.errors }, 422);
    const result = await updateCohortAndInvite(
      d.db,
      existing.cohort.id,
      checked.data,
      chainActor(c),
    );
    if (!result.ok) return formPage(c, programme, form, { existing, errors: result.errors }, 422);
    if (result.invited > 0) d.onJobQueued();
    d.pageCache.clear();
    const n = existing.cohort.number;
    return c.redirect(
      `/${langOf(c)}/admin/tilbud/${programme.slug}/puljer?lagret=${n}${result.invited > 0 ? `&invitert=${result.invited}` : ""}`,
      303,
    );
  });

  return app;
}
