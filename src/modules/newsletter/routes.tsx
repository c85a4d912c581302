import { Hono } from "hono";
import { z } from "zod";
import { withinRateLimit } from "../../kernel/abuse";
import { type AppContext, type AppEnv, deps, langOf } from "../../kernel/context";
import { emailAddress, ticked } from "../../kernel/field-rules";
import { type FieldErrors, type FormValues, isBot, readForm, validate } from "../../kernel/forms";
import type { ContentPage, WidgetState } from "../../web/content-pages";
import { errorPage } from "../../web/error-pages";
import type { Lang } from "../../web/i18n";
import { localPath } from "../../web/layout";
import { render } from "../../web/render";
import { widgetStateFrom } from "../feedback";
import { programmeOptions } from "../programmes";
import {
  confirmSubscription,
  findSubscription,
  maskEmail,
  readConfirmToken,
  readUnsubscribeToken,
  subscribe,
  unsubscribe,
} from "./service";
import { newsletterTexts } from "./texts";
import { MessagePage, NewsletterPage } from "./views";

const newsletterForm = z.object({
  email: emailAddress(),
  scope: z.string({ error: "choice" }).regex(/^[a-z0-9-]{1,60}$/, { error: "choice" }),
  consent: ticked("consent"),
});

async function showForm(
  c: AppContext,
  lang: Lang,
  values: FormValues,
  errors: FieldErrors,
  widget: WidgetState,
  status: 200 | 422,
) {
  const programmes = await programmeOptions(deps(c).db, lang);
  c.header("Cache-Control", "no-store");
  return render(
    c,
    <NewsletterPage
      lang={lang}
      form={{ values, errors }}
      programmes={programmes}
      widget={widget}
    />,
    status,
  );
}

export const newsletterPage: ContentPage = {
  pattern: /^\/nyhetsbrev$/,
  render: (c, lang, _m, widget, status = 200) => showForm(c, lang, {}, {}, widget, status),
};

/** The unsubscribe link must work from a mail client's one-click POST (no Origin of ours). */
export const isOneClickUnsubscribe = (path: string) =>
  /^\/(nb|nn|en)\/nyhetsbrev\/avmeld\/[\w.-]+$/.test(path);

export function newsletterRoutes() {
  const app = new Hono<AppEnv>();

  app.get("/:lang{nb|nn|en}/nyhetsbrev", (c) => {
    const scope = c.req.query("tilbud");
    const values = scope && /^[a-z0-9-]{1,60}$/.test(scope) ? { scope } : ({} as FormValues);
    return showForm(c, langOf(c), values, {}, widgetStateFrom(c), 200);
  });

  app.post("/:lang{nb|nn|en}/nyhetsbrev", async (c) => {
    const lang = langOf(c);
    const d = deps(c);
    const values = await readForm(c);
    if (isBot(values)) return errorPage(c, "badRequest");
    if (!(await withinRateLimit(c, "newsletter"))) return errorPage(c, "tooMany");
    const parsed = validate(newsletterForm, values);
    const errors: FieldErrors = parsed.ok ? {} : { ...parsed.errors };
    let programmeId: number | null = null;
    if (parsed.ok && parsed.data.scope !== "all") {
      const match = (await programmeOptions(d.db, lang)).find((p) => p.slug === parsed.data.scope);
      if (match) programmeId = match.id;
      else errors.scope = { code: "choice" };
    }
    if (!parsed.ok || Object.keys(errors).length > 0) {
      return showForm(c, lang, values, errors, { kind: "ask" }, 422);
    }
    const result = await subscribe(
      d.db,
      { email: parsed.data.email, programmeId, lang },
      { now: d.clock.now(), baseUrl: deps(c).linkBase, signer: d.signer },
    );
    if (!result.ok) return showForm(c, lang, values, result.errors, { kind: "ask" }, 422);
    d.onJobQueued();
    const sig = d.signer.sign("newsletter-sent", String(result.id));
    return c.redirect(`/${lang}/nyhetsbrev/sendt/${result.id}/${sig}`, 303);
  });

  app.get("/:lang{nb|nn|en}/nyhetsbrev/sendt/:id{[0-9]{1,15}}/:sig", async (c) => {
    const lang = langOf(c);
    const { id, sig } = c.req.param();
    const d = deps(c);
    if (!d.signer.verify("newsletter-sent", id, sig)) return errorPage(c, "notFound");
    const row = await findSubscription(d.db, Number(id));
    if (!row) return errorPage(c, "notFound");
    const nt = newsletterTexts(lang);
    c.header("Cache-Control", "no-store");
    return render(
      c,
      <MessagePage
        lang={lang}
        title={nt.checkTitle}
        lead={nt.checkLead(maskEmail(row.email))}
        color="success"
      />,
    );
  });

  const badToken = (c: AppContext, lang: Lang, reason: "expired" | "forged") => {
    const nt = newsletterTexts(lang);
    return render(
      c,
      <MessagePage
        lang={lang}
        title={nt.badTokenTitle}
        lead={reason === "expired" ? nt.expiredToken : nt.forgedToken}
        color="warning"
        link={{ href: localPath(lang, "/nyhetsbrev"), label: nt.tryAgain }}
      />,
      400,
    );
  };

  app.get("/:lang{nb|nn|en}/nyhetsbrev/bekreft/:token", async (c) => {
    const lang = langOf(c);
    const d = deps(c);
    const check = readConfirmToken(d.signer, c.req.param("token"), d.clock.now());
    if (!check.ok) return badToken(c, lang, check.reason);
    const row = await findSubscription(d.db, check.id);
    if (!row || row.status === "unsubscribed") return badToken(c, lang, "forged");
    const nt = newsletterTexts(lang);
    c.header("Cache-Control", "no-store");
    if (row.status === "confirmed") {
      return render(
        c,
        <MessagePage
          lang={lang}
          title={nt.confirmedTitle}
          lead={nt.confirmedLead}
          color="success"
        />,
      );
    }
    // A GET never changes anything (mail scanners open links): the person confirms with a button.
    return render(
      c,
      <MessagePage
        lang={lang}
        title={nt.confirmTitle}
        lead={nt.confirmLead(maskEmail(row.email))}
        action={{ href: c.req.path, label: nt.confirm }}
      />,
    );
  });

  app.post("/:lang{nb|nn|en}/nyhetsbrev/bekreft/:token", async (c) => {
    const lang = langOf(c);
    const d = deps(c);
    const check = readConfirmToken(d.signer, c.req.param("token"), d.clock.now());
    if (!check.ok) return badToken(c, lang, check.reason);
    const outcome = await confirmSubscription(d.db, check.id, {
      now: d.clock.now(),
      baseUrl: deps(c).linkBase,
      signer: d.signer,
    });
    if (outcome === "gone") return badToken(c, lang, "forged");
    d.onJobQueued();
    return c.redirect(`/${lang}/nyhetsbrev/bekreftet`, 303);
  });

  app.get("/:lang{nb|nn|en}/nyhetsbrev/bekreftet", (c) => {
    const lang = langOf(c);
    const nt = newsletterTexts(lang);
    return render(
      c,
      <MessagePage lang={lang} title={nt.confirmedTitle} lead={nt.confirmedLead} color="success" />,
    );
  });

  app.get("/:lang{nb|nn|en}/nyhetsbrev/avmeld/:token", async (c) => {
    const lang = langOf(c);
    const d = deps(c);
    const check = readUnsubscribeToken(d.signer, c.req.param("token"));
    if (!check.ok) return badToken(c, lang, check.reason);
    const row = await findSubscription(d.db, check.id);
    const nt = newsletterTexts(lang);
    c.header("Cache-Control", "no-store");
    if (!row || row.status === "unsubscribed") {
      return render(
        c,
        <MessagePage
          lang={lang}
          title={nt.unsubscribedTitle}
          lead={nt.unsubscribedLead}
          color="success"
        />,
      );
    }
    return render(
      c,
      <MessagePage
        lang={lang}
        title={nt.unsubscribeTitle}
        lead={nt.unsubscribeLead(maskEmail(row.email))}
        action={{ href: c.req.path, label: nt.unsubscribe }}
      />,
    );
  });

  app.post("/:lang{nb|nn|en}/nyhetsbrev/avmeld/:token", async (c) => {
    const lang = langOf(c);
    const d = deps(c);
    const check = readUnsubscribeToken(d.signer, c.req.param("token"));
    const values = await readForm(c).catch(() => ({}) as FormValues);
    const oneClick = values["List-Unsubscribe"] === "One-Click";
    if (!check.ok) return oneClick ? c.text("invalid link", 400) : badToken(c, lang, check.reason);
    await unsubscribe(d.db, check.id, d.clock.now());
    if (oneClick) return c.text("unsubscribed", 200);
    return c.redirect(`/${lang}/nyhetsbrev/avmeldt`, 303);
  });

  app.get("/:lang{nb|nn|en}/nyhetsbrev/avmeldt", (c) => {
    const lang = langOf(c);
    const nt = newsletterTexts(lang);
    return render(
      c,
      <MessagePage
        lang={lang}
        title={nt.unsubscribedTitle}
        lead={nt.unsubscribedLead}
        color="success"
      />,
    );
  });

  return app;
}
