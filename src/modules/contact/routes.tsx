import { Hono } from "hono";
import { z } from "zod";
import { withinRateLimit } from "../../kernel/abuse";
import { confirmationsOf, screenFields } from "../../kernel/child-guard-forms";
import { osloToday } from "../../kernel/clock";
import { type AppContext, type AppEnv, deps, langOf } from "../../kernel/context";
import { choice, emailAddress, personName, requiredText } from "../../kernel/field-rules";
import { type FieldErrors, type FormValues, isBot, readForm, validate } from "../../kernel/forms";
import type { ContentPage, WidgetState } from "../../web/content-pages";
import { errorPage } from "../../web/error-pages";
import type { FormState } from "../../web/form-errors";
import type { Lang } from "../../web/i18n";
import { render } from "../../web/render";
import { widgetStateFrom } from "../feedback";
import { isMunicipalityValidAt, municipalitiesAt } from "../organisations";
import { ownerPhones, programmeContact, programmeOptions } from "../programmes";
import {
  findContactMessage,
  messageMaxLength,
  nameMaxLength,
  submitContactMessage,
  TOPICS,
} from "./service";
import { ContactPage, ContactReceiptPage } from "./views";

export const contactForm = z.object({
  name: personName(nameMaxLength),
  email: emailAddress(),
  municipality: z.string({ error: "municipality" }).regex(/^\d{4}$/, { error: "municipality" }),
  programme: z.string().max(60).default(""),
  topic: choice(TOPICS),
  message: requiredText(messageMaxLength),
});

async function showForm(
  c: AppContext,
  lang: Lang,
  form: FormState,
  widget: WidgetState,
  status: 200 | 422,
) {
  const db = deps(c).db;
  const [municipalities, programmes, phones] = await Promise.all([
    municipalitiesAt(db, osloToday(deps(c).clock.now())),
    programmeOptions(db, lang),
    ownerPhones(db, lang),
  ]);
  c.header("Cache-Control", "no-store");
  return render(
    c,
    <ContactPage
      lang={lang}
      form={form}
      municipalities={municipalities}
      programmes={programmes}
      phones={phones}
      widget={widget}
    />,
    status,
  );
}

export const contactPage: ContentPage = {
  pattern: /^\/kontakt$/,
  render: (c, lang, _m, widget, status = 200) =>
    showForm(c, lang, { values: {}, errors: {} }, widget, status),
};

export function contactRoutes() {
  const app = new Hono<AppEnv>();

  app.get("/:lang{nb|nn|en}/kontakt", (c) => {
    const programme = c.req.query("tilbud");
    const values =
      programme && /^[a-z0-9-]{1,60}$/.test(programme) ? { programme } : ({} as FormValues);
    return showForm(c, langOf(c), { values, errors: {} }, widgetStateFrom(c), 200);
  });

  app.post("/:lang{nb|nn|en}/kontakt", async (c) => {
    const lang = langOf(c);
    const values = await readForm(c);
    const d = deps(c);
    if (isBot(values)) return errorPage(c, "badRequest");
    if (!(await withinRateLimit(c, "contact"))) return errorPage(c, "tooMany");
    const parsed = validate(contactForm, values);
    const programmes = await programmeOptions(d.db, lang);
    let programmeId: number | null = null;
    let programmeTitle: string | null = null;
    const errors: FieldErrors = parsed.ok ? {} : { ...parsed.errors };
    const code = values.municipality ?? "";
    if (
      /^\d{4}$/.test(code) &&
      !(await isMunicipalityValidAt(d.db, code, osloToday(d.clock.now())))
    ) {
      errors.municipality = { code: "municipality" };
    }
    if (parsed.ok && parsed.data.programme) {
      const match = programmes.find((p) => p.slug === parsed.data.programme);
      if (match) {
        programmeId = match.id;
        programmeTitle = match.title;
      } else errors.programme = { code: "choice" };
    }
    if (!parsed.ok || Object.keys(errors).length > 0) {
      // The guard's findings beside the other errors, so one round shows everything.
      const screened = screenFields({ message: values.message ?? "" }, values);
      return showForm(
        c,
        lang,
        { values, errors: { ...screened.errors, ...errors }, warnings: screened.warnings },
        { kind: "ask" },
        422,
      );
    }
    const result = await submitContactMessage(
      d.db,
      {
        name: parsed.data.name,
        email: parsed.data.email,
        municipalityCode: parsed.data.municipality,
        programmeId,
        programmeTitle,
        topic: parsed.data.topic,
        message: parsed.data.message,
        lang,
        confirmations: confirmationsOf(values),
      },
      { now: d.clock.now(), inbox: await inboxFor(c, programmeId) },
    );
    if (!result.ok) {
      const form = { values, errors: result.errors, warnings: result.warnings ?? {} };
      return showForm(c, lang, form, { kind: "ask" }, 422);
    }
    d.onJobQueued();
    const sig = d.signer.sign("contact-receipt", result.reference);
    return c.redirect(`/${lang}/kontakt/kvittering/${result.reference}/${sig}`, 303);
  });

  app.get("/:lang{nb|nn|en}/kontakt/kvittering/:reference/:sig", async (c) => {
    const lang = langOf(c);
    const { reference, sig } = c.req.param();
    const d = deps(c);
    if (!d.signer.verify("contact-receipt", reference, sig)) return errorPage(c, "notFound");
    const row = await findContactMessage(d.db, reference);
    if (!row) return errorPage(c, "notFound");
    c.header("Cache-Control", "no-store");
    c.header("X-Robots-Tag", "noindex");
    return render(
      c,
      <ContactReceiptPage
        lang={lang}
        reference={row.reference}
        email={row.email}
        message={row.message}
        sentAt={row.createdAt}
      />,
    );
  });

  return app;
}

async function inboxFor(c: AppContext, programmeId: number | null): Promise<string> {
  const d = deps(c);
  if (programmeId !== null) {
    const contact = await programmeContact(d.db, programmeId);
    if (contact?.email) return contact.email;
  }
  return d.contactInbox;
}
