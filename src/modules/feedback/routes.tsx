import { Hono } from "hono";
import { z } from "zod";
import { withinRateLimit } from "../../kernel/abuse";
import { confirmationsOf } from "../../kernel/child-guard-forms";
import { type AppContext, type AppEnv, deps, langOf } from "../../kernel/context";
import { BadRequest, isBot, readForm, validate } from "../../kernel/forms";
import { type ContentPage, findContentPage, type WidgetState } from "../../web/content-pages";
import { errorPage } from "../../web/error-pages";
import { toHtml } from "../../web/render";
import { addComment, commentMaxLength, recordAnswer } from "./service";
import { FeedbackWidget, WIDGET_ID } from "./widget";

const pagePath = z
  .string()
  .max(200)
  .regex(/^\/[a-z0-9/-]*$/);

const answerForm = z.object({
  page: pagePath,
  answer: z.enum(["yes", "no"]),
});

const commentForm = z.object({
  page: pagePath,
  ref: z.string().max(100),
  comment: z.string().max(commentMaxLength, { error: "max" }).default(""),
});

function makeRef(c: AppContext, id: number, found: boolean) {
  const value = `${id}.${found ? 1 : 0}`;
  return `${value}.${deps(c).signer.sign("feedback", value)}`;
}

function readRef(c: AppContext, ref: string): { id: number; found: boolean } | null {
  const [id, found, sig] = ref.split(".");
  if (!id || !found || !sig || !/^\d+$/.test(id) || !/^[01]$/.test(found)) return null;
  if (!deps(c).signer.verify("feedback", `${id}.${found}`, sig)) return null;
  return { id: Number(id), found: found === "1" };
}

/** The widget state a content page shows, from its query string (the no-script steps). */
export function widgetStateFrom(c: AppContext): WidgetState {
  const value = c.req.query(WIDGET_ID);
  if (!value) return { kind: "ask" };
  if (value === "takk") return { kind: "thanks", masked: c.req.query("maskert") === "1" };
  const ref = readRef(c, value);
  return ref ? { kind: "comment", ref: value, found: ref.found } : { kind: "ask" };
}

export function feedbackRoutes(contentPages: () => ContentPage[]) {
  const app = new Hono<AppEnv>();

  app.post("/:lang{nb|nn|en}/tilbakemelding", async (c) => {
    const lang = langOf(c);
    const fragment = c.req.header("x-fragment") === "feedback";
    const values = await readForm(c);
    const page = pagePath.safeParse(values.page);
    if (!page.success) throw new BadRequest("feedback page");
    const target = findContentPage(contentPages(), page.data);
    if (!target || (target.page.exists && !(await target.page.exists(c, target.match)))) {
      throw new BadRequest("feedback page unknown");
    }

    const respond = async (state: WidgetState, status: 200 | 422 = 200) => {
      if (fragment) {
        const html = await toHtml(<FeedbackWidget lang={lang} page={page.data} state={state} />);
        return c.html(html.replace("<!DOCTYPE html>", ""), status);
      }
      if (status === 422) return target.page.render(c, lang, target.match, state, 422);
      const query =
        state.kind === "comment"
          ? `?${WIDGET_ID}=${encodeURIComponent(state.ref)}`
          : state.kind === "thanks"
            ? `?${WIDGET_ID}=takk${state.masked ? "&maskert=1" : ""}`
            : "";
      return c.redirect(`/${lang}${page.data === "/" ? "/" : page.data}${query}#${WIDGET_ID}`, 303);
    };

    if (isBot(values)) return respond({ kind: "thanks", masked: false });
    if (!(await withinRateLimit(c, "feedback"))) return errorPage(c, "tooMany");

    if (values.step === "comment") {
      const parsed = validate(commentForm, values);
      const ref = readRef(c, values.ref ?? "");
      if (!ref) throw new BadRequest("feedback ref");
      if (!parsed.ok) {
        const error = parsed.errors.comment ?? { code: "max", max: commentMaxLength };
        return respond(
          {
            kind: "comment",
            ref: values.ref ?? "",
            found: ref.found,
            value: values.comment ?? "",
            error,
          },
          422,
        );
      }
      const result = await addComment(
        deps(c).db,
        ref.id,
        parsed.data.comment,
        deps(c).clock.now(),
        confirmationsOf(values),
      );
      if (result.ok) return respond({ kind: "thanks", masked: result.masked });
      if ("stale" in result) return respond({ kind: "thanks", masked: false });
      return respond(
        {
          kind: "comment",
          ref: values.ref ?? "",
          found: ref.found,
          value: values.comment ?? "",
          error: result.errors.comment,
          warning: result.warnings?.comment,
        },
        422,
      );
    }

    const parsed = validate(answerForm, values);
    if (!parsed.ok) throw new BadRequest("feedback answer");
    const found = parsed.data.answer === "yes";
    const id = await recordAnswer(
      deps(c).db,
      { page: parsed.data.page, lang, found },
      deps(c).clock.now(),
    );
    return respond({ kind: "comment", ref: makeRef(c, id, found), found });
  });

  return app;
}
