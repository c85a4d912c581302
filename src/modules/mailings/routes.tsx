import { Hono } from "hono";
import { parseOsloDateTime } from "../../kernel/clock";
import { type AppContext, type AppEnv, deps, langOf } from "../../kernel/context";
import { type FieldErrors, readForm, readFormAll } from "../../kernel/forms";
import { errorPage } from "../../web/error-pages";
import type { FormState } from "../../web/form-errors";
import type { Lang } from "../../web/i18n";
import { render } from "../../web/render";
import { Forbidden, OWNERS, orgsGranting, requirePermission } from "../identity";
import { programmeRef, programmesOwnedBy, programmeTitles } from "../programmes";
import {
  archiveLink,
  audiencePreview,
  composeMail,
  type Mailing,
  progressOf,
  queueTest,
  requestSend,
} from "./sending";
import {
  bounceCounts,
  checkContent,
  createDraft,
  getMailing,
  mailingsOf,
  sentNewsletters,
  updateDraft,
} from "./service";
import { mailingTexts } from "./texts";
import { adminPath, EditorPage, NewslettersPage, ProgressPage, WebEditionPage } from "./views";

const ID = "[1-9][0-9]{0,8}";
const ONE = `/:lang{nb|nn|en}/admin/nyhetsbrev/:id{${ID}}`;

/** The owners whose programmes' newsletters the person writes and sends (`send:newsletter:owner`). */
function newsletterOwners(c: AppContext): Set<string> {
  requirePermission(c, "send", "newsletter");
  return orgsGranting(c.get("user"), "send:newsletter:owner", "owner");
}

async function ownProgramme(c: AppContext, programmeId: number) {
  const owners = newsletterOwners(c);
  const programme = await programmeRef(deps(c).db, programmeId);
  if (!programme) return null;
  if (!owners.has(programme.owner)) throw new Forbidden("send:newsletter:owner");
  const titles = await programmeTitles(deps(c).db, langOf(c), [programme.id]);
  return { ...programme, title: titles.get(programme.id) ?? programme.slug };
}

async function ownNewsletter(c: AppContext) {
  newsletterOwners(c); // refused before anything is looked up: a 403, never a 404 that tells
  const mailing = await getMailing(deps(c).db, Number(c.req.param("id")));
  if (mailing?.kind !== "newsletter") return null;
  const programme = await ownProgramme(c, mailing.programmeId);
  if (!programme) return null;
  return { mailing, programme };
}

const LANGS = new Set(["nb", "nn", "en"]);

async function readContent(c: AppContext) {
  const all = await readFormAll(c);
  const one = (k: string) => {
    const v = all[k]?.[0];
    return typeof v === "string" ? v : "";
  };
  const values = {
    subjectNb: one("subjectNb"),
    subjectNn: one("subjectNn"),
    bodyNb: one("bodyNb"),
    bodyNn: one("bodyNn"),
    replyTo: one("replyTo"),
  };
  const langs = (all.langs ?? []).filter((v): v is string => typeof v === "string" && LANGS.has(v));
  const checked = checkContent(values);
  const errors: FieldErrors = checked.ok ? {} : { ...checked.errors };
  if (langs.length === 0) errors.langs = { code: "noLanguage" };
  return { values, langs, checked, errors };
}

function languagesOf(m: Mailing): string[] {
  const langs = (m.audience as { langs?: unknown }).langs;
  return Array.isArray(langs) ? langs.filter((l): l is string => typeof l === "string") : [];
}

async function showMailing(
  c: AppContext,
  found: NonNullable<Awaited<ReturnType<typeof ownNewsletter>>>,
  extra: { form?: FormState; langs?: string[]; sendForm?: FormState; status?: 200 | 422 } = {},
) {
  const { db, clock } = deps(c);
  const lang = langOf(c);
  const { mailing, programme } = found;
  c.header("Cache-Control", "no-store");
  if (mailing.status !== "draft") {
    const [progress, bounces] = await Promise.all([
      progressOf(db, mailing.id),
      bounceCounts(db, mailing.id),
    ]);
    return render(
      c,
      <ProgressPage
        lang={lang}
        mailing={mailing}
        programmeTitle={programme.title}
        progress={progress}
        bounces={bounces}
      />,
    );
  }
  const recipients = await audiencePreview(db, mailing, {}, clock.now(), 0);
  const mt = mailingTexts(lang);
  const m = c.req.query("melding");
  return render(
    c,
    <EditorPage
      lang={lang}
      programmeId={programme.id}
      programmeTitle={programme.title}
      mailing={mailing}
      langs={extra.langs ?? languagesOf(mailing)}
      recipients={recipients}
      selfAddress={c.get("user")?.email ?? null}
      message={m === "lagret" ? mt.saved : m === "test" ? mt.testSent : undefined}
      {...(extra.form ? { form: extra.form } : {})}
      {...(extra.sendForm ? { sendForm: extra.sendForm } : {})}
    />,
    extra.status ?? 200,
  );
}

function senderName(owner: string, lang: Lang) {
  const o = (OWNERS as Record<string, Record<Lang, string>>)[owner];
  return o ? o[lang] : owner;
}

export function newsletterAdminRoutes() {
  const app = new Hono<AppEnv>();

  app.get("/:lang{nb|nn|en}/admin/nyhetsbrev", async (c) => {
    const db = deps(c).db;
    const lang = langOf(c);
    const programmes = await programmesOwnedBy(db, [...newsletterOwners(c)]);
    const ids = programmes.map((p) => p.id);
    const [titles, all] = await Promise.all([
      programmeTitles(db, lang, ids),
      mailingsOf(db, ids, "newsletter"),
    ]);
    c.header("Cache-Control", "no-store");
    return render(
      c,
      <NewslettersPage
        lang={lang}
        programmes={programmes.map((p) => ({
          id: p.id,
          title: titles.get(p.id) ?? p.slug,
          mailings: all.filter((m) => m.programmeId === p.id),
        }))}
      />,
    );
  });

  const programmeOfQuery = (c: AppContext) => {
    const raw = c.req.query("tilbud") ?? "";
    return /^[1-9][0-9]{0,8}$/.test(raw) ? Number(raw) : null;
  };

  app.get("/:lang{nb|nn|en}/admin/nyhetsbrev/ny", async (c) => {
    newsletterOwners(c);
    const id = programmeOfQuery(c);
    if (id === null) return errorPage(c, "notFound");
    const programme = await ownProgramme(c, id);
    if (!programme) return errorPage(c, "notFound");
    const lang = langOf(c);
    return render(
      c,
      <EditorPage
        lang={lang}
        programmeId={programme.id}
        programmeTitle={programme.title}
        mailing={null}
        langs={["nb", "nn", "en"]}
        selfAddress={null}
        form={{ values: { replyTo: c.get("user")?.email ?? "" }, errors: {} }}
      />,
    );
  });

  app.post("/:lang{nb|nn|en}/admin/nyhetsbrev/ny", async (c) => {
    newsletterOwners(c);
    const id = programmeOfQuery(c);
    if (id === null) return errorPage(c, "notFound");
    const programme = await ownProgramme(c, id);
    if (!programme) return errorPage(c, "notFound");
    const lang = langOf(c);
    const { values, langs, checked, errors } = await readContent(c);
    if (!checked.ok || Object.keys(errors).length > 0) {
      return render(
        c,
        <EditorPage
          lang={lang}
          programmeId={programme.id}
          programmeTitle={programme.title}
          mailing={null}
          langs={langs}
          selfAddress={null}
          form={{ values, errors }}
        />,
        422,
      );
    }
    const user = c.get("user")!;
    const mailingId = await createDraft(
      deps(c).db,
      {
        ...checked.data,
        kind: "newsletter",
        programmeId: programme.id,
        cohortId: null,
        audience: { langs },
        senderName: senderName(programme.owner, "nb"),
        senderPersonId: user.personId,
      },
      deps(c).clock.now(),
    );
    return c.redirect(`${adminPath(lang, mailingId)}?melding=lagret`, 303);
  });

  app.get(ONE, async (c) => {
    const found = await ownNewsletter(c);
    if (!found) return errorPage(c, "notFound");
    return showMailing(c, found);
  });

  app.post(ONE, async (c) => {
    const found = await ownNewsletter(c);
    if (!found) return errorPage(c, "notFound");
    const { values, langs, checked, errors } = await readContent(c);
    if (!checked.ok || Object.keys(errors).length > 0) {
      return showMailing(c, found, { form: { values, errors }, langs, status: 422 });
    }
    const changed = await updateDraft(
      deps(c).db,
      found.mailing.id,
      { ...checked.data, audience: { langs } },
      deps(c).clock.now(),
    );
    // Sent or scheduled meanwhile: the page shows where it stands.
    return c.redirect(
      `${adminPath(langOf(c), found.mailing.id)}${changed ? "?melding=lagret" : ""}`,
      303,
    );
  });

  app.post(`${ONE}/test`, async (c) => {
    const found = await ownNewsletter(c);
    if (!found) return errorPage(c, "notFound");
    const email = c.get("user")?.email;
    if (!email) return errorPage(c, "notAllowed");
    await queueTest(deps(c).db, found.mailing.id, email, deps(c).clock.now());
    deps(c).onJobQueued();
    return c.redirect(`${adminPath(langOf(c), found.mailing.id)}?melding=test`, 303);
  });

  app.post(`${ONE}/send`, async (c) => {
    const found = await ownNewsletter(c);
    if (!found) return errorPage(c, "notFound");
    const values = await readForm(c);
    const typed = (values.sendAt ?? "").trim();
    const now = deps(c).clock.now();
    let at: Date | null = null;
    if (typed !== "") {
      at = parseOsloDateTime(typed);
      if (!at) {
        return showMailing(c, found, {
          sendForm: { values, errors: { sendAt: { code: "date" } } },
          status: 422,
        });
      }
    }
    const result = await requestSend(deps(c).db, found.mailing.id, { at, now, audiences: {} });
    if (!result.ok) {
      return showMailing(c, found, { sendForm: { values, errors: result.errors }, status: 422 });
    }
    deps(c).onJobQueued();
    return c.redirect(adminPath(langOf(c), found.mailing.id), 303);
  });

  app.get(`${ONE}/forhandsvisning`, async (c) => {
    const found = await ownNewsletter(c);
    if (!found) return errorPage(c, "notFound");
    const edition = c.req.query("sprak") === "nn" ? "nn" : "nb";
    const mail = composeMail(found.mailing, edition, {
      webLink: archiveLink(deps(c).linkBase, edition, found.mailing.id),
      unsubscribe: `${deps(c).linkBase}/${edition}/nyhetsbrev`,
    });
    c.header("Cache-Control", "no-store");
    // The mail as a mail client shows it: its styles are inline (style attributes), which the
    // site's policy forbids elsewhere; nothing else is loosened (the body is sanitised).
    c.header(
      "Content-Security-Policy",
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'",
    );
    return c.html(mail.html);
  });

  app.get(`${ONE}/nettside`, async (c) => {
    const found = await ownNewsletter(c);
    if (!found) return errorPage(c, "notFound");
    const edition = c.req.query("sprak") === "nn" ? "nn" : "nb";
    c.header("Cache-Control", "no-store");
    return render(
      c,
      <WebEditionPage
        lang={langOf(c)}
        edition={edition}
        mailing={found.mailing}
        programmeTitle={found.programme.title}
        path={`/admin/nyhetsbrev/${found.mailing.id}/nettside`}
      />,
    );
  });

  return app;
}

/** The public web edition of a sent newsletter (its archive entry). */
export function newsletterArchiveRoutes() {
  const app = new Hono<AppEnv>();
  app.get(`/:lang{nb|nn|en}/nyhetsbrev/utgaver/:id{${ID}}`, async (c) => {
    const db = deps(c).db;
    const lang = langOf(c);
    const mailing = await getMailing(db, Number(c.req.param("id")));
    if (mailing?.kind !== "newsletter" || !["sending", "sent"].includes(mailing.status)) {
      return errorPage(c, "notFound");
    }
    const titles = await programmeTitles(db, lang, [mailing.programmeId]);
    return render(
      c,
      <WebEditionPage
        lang={lang}
        edition={lang === "nn" ? "nn" : "nb"}
        mailing={mailing}
        programmeTitle={titles.get(mailing.programmeId) ?? ""}
        path={`/nyhetsbrev/utgaver/${mailing.id}`}
      />,
    );
  });
  return app;
}

export { sentNewsletters };
