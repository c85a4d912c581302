import { Hono } from "hono";
import { type AppContext, type AppEnv, deps, langOf } from "../../kernel/context";
import { readForm, validate } from "../../kernel/forms";
import { errorPage } from "../../web/error-pages";
import { isLang, type Lang, messages } from "../../web/i18n";
import { renderMarkdown } from "../../web/markdown";
import { render } from "../../web/render";
import { requirePermission } from "../identity";
import { programmeAdminTexts } from "./admin-texts";
import { type EditorProps, ProgrammeEditorPage, ProgrammeListPage } from "./admin-views";
import {
  bodyErrors,
  hasDisallowedContent,
  latestVersions,
  listProgrammesForAdmin,
  listVersions,
  programmeBySlug,
  programmeTextForm,
  publishProgramme,
  restoreProgrammeText,
  ruleFields,
  saveProgrammeRules,
  saveProgrammeText,
  textFields,
  unpublishProgramme,
  validateRules,
} from "./editing";
import type { programmes } from "./schema";

type Programme = typeof programmes.$inferSelect;

/** The rules form as stored, in the shape of the form. */
function rulesValues(programme: Programme): Record<string, string> {
  return {
    durationMinMonths: String(programme.durationMinMonths),
    durationMaxMonths: String(programme.durationMaxMonths),
    deliveryMode: programme.deliveryMode,
    contactName: programme.contactName ?? "",
    contactPhone: programme.contactPhone ?? "",
    contactEmail: programme.contactEmail ?? "",
  };
}

/** The owner organisations the user may edit programmes of (`edit:programme:owner`). */
function editableOwners(c: AppContext): string[] | null {
  return ownersFor(c, "edit");
}

/**
 * The owner organisations whose programmes the user may `action` (`edit:programme:owner`,
 * `manage:cohort:owner`); `null` when any. Throws Forbidden without the permission.
 */
export function ownersFor(c: AppContext, action: "edit" | "manage"): string[] | null {
  const scopes = requirePermission(c, action, action === "edit" ? "programme" : "cohort");
  if (scopes.includes("any")) return null;
  return (c.get("user")?.roles ?? []).filter((r) => r.orgKind === "owner").map((r) => r.orgId);
}

/** The programme of the path, if the user's organisation owns it; otherwise a 404 or 403 page. */
export async function ownProgramme(
  c: AppContext,
  action: "edit" | "manage" = "edit",
): Promise<
  | { response: Response | Promise<Response>; programme?: never }
  | { programme: Programme; response?: never }
> {
  const owners = ownersFor(c, action);
  const programme = await programmeBySlug(deps(c).db, c.req.param("slug") ?? "");
  if (!programme) return { response: errorPage(c, "notFound") };
  if (owners && !owners.includes(programme.owner)) return { response: errorPage(c, "notAllowed") };
  return { programme };
}

function actor(c: AppContext) {
  return { personId: c.get("user")!.personId, now: deps(c).clock.now() };
}

export function programmeAdminRoutes() {
  const app = new Hono<AppEnv>();

  app.get("/:lang{nb|nn|en}/admin/tilbud", async (c) => {
    const owners = editableOwners(c);
    const programmes = await listProgrammesForAdmin(deps(c).db, owners);
    c.header("Cache-Control", "no-store");
    return render(c, <ProgrammeListPage lang={langOf(c)} programmes={programmes} />);
  });

  async function editor(
    c: AppContext,
    programme: Programme,
    textLang: Lang,
    extra: Partial<Pick<EditorProps, "form" | "rules" | "preview" | "message">>,
    status: 200 | 422 = 200,
  ) {
    const d = deps(c);
    const latest = await latestVersions(d.db, programme.id);
    const current = latest.get(textLang);
    const versions = await listVersions(d.db, programme.id, textLang);
    const values: Record<string, string> = current
      ? Object.fromEntries(textFields.map((f) => [f, current[f]]))
      : {};
    c.header("Cache-Control", "no-store");
    return render(
      c,
      <ProgrammeEditorPage
        lang={langOf(c)}
        slug={programme.slug}
        title={latest.get("nb")?.title ?? programme.slug}
        publishedAt={programme.publishedAt}
        textLang={textLang}
        hasText={!!current}
        form={extra.form ?? { values, errors: {} }}
        rules={extra.rules ?? { values: rulesValues(programme), errors: {} }}
        preview={extra.preview}
        versions={versions}
        message={extra.message}
      />,
      status,
    );
  }

  app.get("/:lang{nb|nn|en}/admin/tilbud/:slug{[a-z0-9-]{1,60}}", async (c) => {
    const found = await ownProgramme(c);
    if (found.response) return found.response;
    const a = programmeAdminTexts(langOf(c));
    const asked = c.req.query("sprak");
    const textLang = isLang(asked) ? asked : "nb";
    const m = c.req.query("melding");
    const text =
      m === "saved"
        ? a.saved
        : m === "restored"
          ? a.restoredMsg
          : m === "published"
            ? a.publishedMsg
            : m === "unpublished"
              ? a.unpublishedMsg
              : m === "rules"
                ? a.rulesSaved
                : undefined;
    return editor(c, found.programme, textLang, {
      message: text ? { color: "success", text } : undefined,
    });
  });

  // One form, two buttons: "Forhåndsvis" renders the sanitised page below the form and stores
  // nothing; "Lagre" stores a new version.
  app.post(
    "/:lang{nb|nn|en}/admin/tilbud/:slug{[a-z0-9-]{1,60}}/tekst/:textLang{nb|nn|en}",
    async (c) => {
      const found = await ownProgramme(c);
      if (found.response) return found.response;
      const lang = langOf(c);
      const textLang = c.req.param("textLang") as Lang;
      const values = await readForm(c);
      const form = Object.fromEntries(textFields.map((f) => [f, values[f] ?? ""]));
      const parsed = validate(programmeTextForm, form);
      if (!parsed.ok) {
        return editor(
          c,
          found.programme,
          textLang,
          { form: { values: form, errors: parsed.errors } },
          422,
        );
      }
      if (values.intent === "preview") {
        return editor(c, found.programme, textLang, {
          form: { values: form, errors: {} },
          preview: {
            html: renderMarkdown(parsed.data.bodyMarkdown),
            removed: hasDisallowedContent(parsed.data.bodyMarkdown),
          },
        });
      }
      const refused = bodyErrors(parsed.data.bodyMarkdown);
      if (Object.keys(refused).length > 0) {
        return editor(
          c,
          found.programme,
          textLang,
          { form: { values: form, errors: refused } },
          422,
        );
      }
      await saveProgrammeText(deps(c).db, found.programme.id, textLang, parsed.data, actor(c));
      return c.redirect(
        `/${lang}/admin/tilbud/${found.programme.slug}?sprak=${textLang}&melding=saved`,
        303,
      );
    },
  );

  // Rules and contact point: one form, not versioned, live on the public page at once.
  app.post("/:lang{nb|nn|en}/admin/tilbud/:slug{[a-z0-9-]{1,60}}/regler", async (c) => {
    const found = await ownProgramme(c);
    if (found.response) return found.response;
    const values = await readForm(c);
    const form = Object.fromEntries(ruleFields.map((f) => [f, values[f] ?? ""])) as Record<
      (typeof ruleFields)[number],
      string
    >;
    const parsed = validateRules(form);
    if (!parsed.ok) {
      return editor(
        c,
        found.programme,
        "nb",
        { rules: { values: form, errors: parsed.errors } },
        422,
      );
    }
    const d = deps(c);
    await saveProgrammeRules(d.db, found.programme.id, parsed.data, actor(c));
    d.pageCache.clear();
    return c.redirect(`/${langOf(c)}/admin/tilbud/${found.programme.slug}?melding=rules`, 303);
  });

  app.post(
    "/:lang{nb|nn|en}/admin/tilbud/:slug{[a-z0-9-]{1,60}}/versjoner/:id{[0-9]{1,9}}/gjenopprett",
    async (c) => {
      const found = await ownProgramme(c);
      if (found.response) return found.response;
      const restored = await restoreProgrammeText(
        deps(c).db,
        found.programme.id,
        Number(c.req.param("id")),
        actor(c),
      );
      if (!restored) return errorPage(c, "notFound");
      return c.redirect(
        `/${langOf(c)}/admin/tilbud/${found.programme.slug}?sprak=${restored.lang}&melding=restored`,
        303,
      );
    },
  );

  app.post("/:lang{nb|nn|en}/admin/tilbud/:slug{[a-z0-9-]{1,60}}/publiser", async (c) => {
    const found = await ownProgramme(c);
    if (found.response) return found.response;
    const lang = langOf(c);
    const d = deps(c);
    const result = await publishProgramme(d.db, found.programme.id, actor(c));
    if (!result.ok) {
      const a = programmeAdminTexts(lang);
      const names = result.missing
        .map((l) => (messages(lang).languageNames[l] ?? l).toLowerCase())
        .join(", ");
      return editor(
        c,
        found.programme,
        "nb",
        { message: { color: "danger", text: a.missing(names) } },
        422,
      );
    }
    d.pageCache.clear();
    return c.redirect(`/${lang}/admin/tilbud/${found.programme.slug}?melding=published`, 303);
  });

  app.post("/:lang{nb|nn|en}/admin/tilbud/:slug{[a-z0-9-]{1,60}}/avpubliser", async (c) => {
    const found = await ownProgramme(c);
    if (found.response) return found.response;
    const d = deps(c);
    await unpublishProgramme(d.db, found.programme.id, actor(c));
    d.pageCache.clear();
    return c.redirect(
      `/${langOf(c)}/admin/tilbud/${found.programme.slug}?melding=unpublished`,
      303,
    );
  });

  return app;
}
