import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { type AppContext, type AppEnv, deps, langOf } from "../../kernel/context";
import { type FieldErrors, readForm, readFormAll, validate } from "../../kernel/forms";
import { checkFile, downloadHeaders } from "../../kernel/storage";
import { errorPage } from "../../web/error-pages";
import { isLang, type Lang, messages } from "../../web/i18n";
import { renderMarkdown } from "../../web/markdown";
import { render } from "../../web/render";
import { requirePermission } from "../identity";
import { programmeAdminTexts } from "./admin-texts";
import { type EditorProps, ProgrammeEditorPage, ProgrammeListPage } from "./admin-views";
import {
  addProgrammeDocument,
  documentForm,
  documentLimits,
  documentListVersions,
  programmeDocument,
  removeProgrammeDocument,
} from "./documents";
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

const EDITOR = "/:lang{nb|nn|en}/admin/tilbud/:slug{[a-z0-9-]{1,60}}";

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
    extra: Partial<Pick<EditorProps, "form" | "rules" | "preview" | "message" | "documentForm">>,
    status: 200 | 413 | 422 = 200,
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
        documents={await documentListVersions(d.db, programme.id)}
        documentForm={extra.documentForm ?? { values: {}, errors: {} }}
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
                : m === "document-added"
                  ? a.documentAdded
                  : m === "document-removed"
                    ? a.documentRemoved
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

  // Documents on the page: a multipart form of titles and a file, with a body limit of its own
  // (the manifest's `largeUploads`); nothing is public until the page is published.
  app.post(
    `${EDITOR}/dokumenter`,
    bodyLimit({
      maxSize: documentLimits.bytes + 256 * 1024,
      onError: (c) => documentTooLarge(c as AppContext),
    }),
    async (c) => {
      const found = await ownProgramme(c);
      if (found.response) return found.response;
      const body = await readFormAll(c);
      const text = (name: string) => {
        const v = body[name]?.[0];
        return typeof v === "string" ? v : "";
      };
      const values = {
        titleNb: text("titleNb"),
        titleNn: text("titleNn"),
        titleEn: text("titleEn"),
      };
      const refuse = (errors: FieldErrors) =>
        editor(c, found.programme, "nb", { documentForm: { values, errors } }, 422);
      const titles = validate(documentForm, values);
      const posted = body.file?.[0];
      // A file field left empty still sends a part: no name, no bytes.
      const chosen = posted instanceof File && (posted.name !== "" || posted.size > 0);
      const upload = chosen
        ? { name: posted.name, bytes: new Uint8Array(await posted.arrayBuffer()) }
        : null;
      const file = checkFile(upload?.bytes ?? null, documentLimits);
      if (!titles.ok || file.error) {
        return refuse({
          ...(titles.ok ? {} : titles.errors),
          ...(file.error ? { file: file.error } : {}),
        });
      }
      const d = deps(c);
      const added = await addProgrammeDocument(
        d.db,
        d.files,
        { programmeId: found.programme.id, titles: titles.data, upload },
        actor(c),
      );
      if (!added.ok) return refuse(added.errors);
      return c.redirect(
        `/${langOf(c)}/admin/tilbud/${found.programme.slug}?melding=document-added#documents-heading`,
        303,
      );
    },
  );

  app.post(`${EDITOR}/dokumenter/:documentId{[0-9]{1,9}}/fjern`, async (c) => {
    const found = await ownProgramme(c);
    if (found.response) return found.response;
    const removed = await removeProgrammeDocument(
      deps(c).db,
      found.programme.id,
      Number(c.req.param("documentId")),
      actor(c),
    );
    if (!removed) return errorPage(c, "notFound");
    return c.redirect(
      `/${langOf(c)}/admin/tilbud/${found.programme.slug}?melding=document-removed#documents-heading`,
      303,
    );
  });

  // Any document of the page, as any version of its list has it, for the page's editors.
  app.get(`${EDITOR}/dokumenter/:documentId{[0-9]{1,9}}`, async (c) => {
    const found = await ownProgramme(c);
    if (found.response) return found.response;
    const d = deps(c);
    const id = Number(c.req.param("documentId"));
    const doc = await programmeDocument(d.db, d.files, found.programme.id, id);
    if (!doc) return errorPage(c, "notFound");
    return c.body(new Uint8Array(doc.bytes), 200, downloadHeaders(doc));
  });

  /** A document's post over the body limit: nothing of it was read; the error is beside the file. */
  async function documentTooLarge(c: AppContext): Promise<Response> {
    const found = await ownProgramme(c);
    if (found.response) return found.response;
    const errors: FieldErrors = {
      file: { code: "fileSize", params: { maxBytes: documentLimits.bytes } },
    };
    return editor(c, found.programme, "nb", { documentForm: { values: {}, errors } }, 413);
  }

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
