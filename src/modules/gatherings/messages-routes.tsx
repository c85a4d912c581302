import { randomBytes } from "node:crypto";
import { Hono } from "hono";
import { confirmationsOf, screenFields } from "../../kernel/child-guard-forms";
import { type AppContext, type AppEnv, deps, langOf } from "../../kernel/context";
import {
  BadRequest,
  type FieldErrors,
  type FieldWarnings,
  type FormValues,
  readForm,
  validate,
} from "../../kernel/forms";
import { errorPage } from "../../web/error-pages";
import { render } from "../../web/render";
import type { Gathering } from "./gatherings";
import { lastInviteeReminder, reminderBlocked, remindInvitees } from "./invitee-reminder";
import { messageForm, messageParticipants, recipientCounts, TOKEN } from "./messages";
import { MessagePage, ReminderPage } from "./messages-views";
import { organisedGathering } from "./organiser-access";
import { toolPath } from "./overview-views";
import { mayRegisterAndHaveNot } from "./reminders";

const ONE = "/:lang{nb|nn|en}/admin/samlinger/:id{[0-9]{1,9}}";
const COUNT = /^[0-9]{1,7}$/;

const actor = (c: AppContext) => ({
  personId: c.get("user")!.personId,
  now: deps(c).clock.now(),
  baseUrl: deps(c).linkBase,
});

/** `?sendt=N` after a send: the number, or undefined (a malformed one is a 400). */
function sentOf(c: AppContext): number | undefined {
  const raw = c.req.query("sendt");
  if (raw === undefined) return undefined;
  if (!COUNT.test(raw)) throw new BadRequest("sendt");
  return Number(raw);
}

async function showReminder(
  c: AppContext,
  g: Gathering,
  opts: { sent?: number | undefined; errors?: FieldErrors } = {},
) {
  const { db, clock } = deps(c);
  const now = clock.now();
  const blocked = await reminderBlocked(db, g, now);
  // The number shown is the number the button sends to (counted again when it is pressed).
  const count = (await mayRegisterAndHaveNot(db, g)).length;
  c.header("Cache-Control", "no-store");
  return render(
    c,
    <ReminderPage
      lang={langOf(c)}
      gathering={g}
      count={count}
      last={await lastInviteeReminder(db, g.id)}
      blocked={blocked}
      sent={opts.sent}
      form={opts.errors ? { values: {}, errors: opts.errors } : undefined}
    />,
    opts.errors ? 422 : 200,
  );
}

async function showMessage(
  c: AppContext,
  g: Gathering,
  opts: {
    sent?: number | undefined;
    form?: FormValues;
    errors?: FieldErrors;
    warnings?: FieldWarnings;
  } = {},
) {
  const { db } = deps(c);
  c.header("Cache-Control", "no-store");
  // A kept form keeps its token: sending it again is still the one message.
  const token = opts.form?.token && TOKEN.test(opts.form.token) ? opts.form.token : newToken();
  return render(
    c,
    <MessagePage
      lang={langOf(c)}
      gathering={g}
      counts={await recipientCounts(db, g.id)}
      token={token}
      sent={opts.sent}
      form={
        opts.form
          ? { values: opts.form, errors: opts.errors ?? {}, warnings: opts.warnings ?? {} }
          : undefined
      }
    />,
    opts.errors ? 422 : 200,
  );
}

const newToken = () => randomBytes(18).toString("base64url");

/**
 * The organiser's mail: one reminder a day to those who may register and have not, and a
 * message to those registered. Organisers of the gathering only.
 */
export function messagesRoutes() {
  const app = new Hono<AppEnv>();

  app.get(`${ONE}/paminnelse`, async (c) => {
    const found = await organisedGathering(c);
    if (found.response) return found.response;
    return showReminder(c, found.value, { sent: sentOf(c) });
  });

  app.post(`${ONE}/paminnelse`, async (c) => {
    const found = await organisedGathering(c);
    if (found.response) return found.response;
    await readForm(c);
    const result = await remindInvitees(deps(c).db, found.value.id, actor(c));
    if (!result.ok) {
      if (result.errors.gathering?.code === "notFound") return errorPage(c, "notFound");
      return showReminder(c, found.value, { errors: result.errors });
    }
    deps(c).onJobQueued();
    return c.redirect(
      `/${langOf(c)}${toolPath(found.value.id, "/paminnelse")}?sendt=${result.recipients}`,
      303,
    );
  });

  app.get(`${ONE}/melding`, async (c) => {
    const found = await organisedGathering(c);
    if (found.response) return found.response;
    return showMessage(c, found.value, { sent: sentOf(c) });
  });

  app.post(`${ONE}/melding`, async (c) => {
    const found = await organisedGathering(c);
    if (found.response) return found.response;
    const g = found.value;
    const values = await readForm(c);
    if (!TOKEN.test(values.token ?? "")) throw new BadRequest("token");
    const parsed = validate(messageForm, values);
    if (!parsed.ok) {
      // The guard's findings beside the other errors, so one round shows everything.
      const screened = screenFields(
        { subject: values.subject ?? "", text: values.text ?? "" },
        values,
      );
      return showMessage(c, g, {
        form: values,
        errors: { ...screened.errors, ...parsed.errors },
        warnings: screened.warnings,
      });
    }
    const result = await messageParticipants(
      deps(c).db,
      {
        gatheringId: g.id,
        ...parsed.data,
        token: values.token!,
        confirmations: confirmationsOf(values),
      },
      actor(c),
    );
    if (!result.ok) {
      if (result.errors.gathering?.code === "notFound") return errorPage(c, "notFound");
      return showMessage(c, g, {
        form: values,
        errors: result.errors,
        warnings: result.warnings ?? {},
      });
    }
    if (!result.again) deps(c).onJobQueued();
    return c.redirect(`/${langOf(c)}${toolPath(g.id, "/melding")}?sendt=${result.recipients}`, 303);
  });

  return app;
}
