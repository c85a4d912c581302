import { Hono } from "hono";
import { type AppContext, type AppEnv, type CurrentUser, deps, langOf } from "../../kernel/context";
import { type FieldErrors, readForm } from "../../kernel/forms";
import { errorPage } from "../../web/error-pages";
import type { FormState } from "../../web/form-errors";
import type { Lang } from "../../web/i18n";
import { render } from "../../web/render";
import { cohortsJoinedBy, cohortsOfProgrammes } from "../cohorts";
import { gatheringsOrganisedBy, organisersOf } from "../gatherings";
import { Forbidden, orgsGranting } from "../identity";
import { networksOf } from "../networks";
import { countiesAt, countyOfficesAt, municipalityNamesAt } from "../organisations";
import { programmesOwnedBy, programmeTitles } from "../programmes";
import {
  type ChoiceGroup,
  MESSAGES,
  MessageEditorPage,
  MessageProgressPage,
  MessagesPage,
  messagePath,
  RefusedPage,
} from "./message-views";
import { checkMessage, messagesBy, rewriteMessage, writeMessage } from "./messages";
import {
  type MessageAudience,
  messageAudience,
  messageAudiences,
  reachSegment,
  type Segment,
  segmentOf,
  segmentPreview,
} from "./segments";
import { type Mailing, progressOf, requestSend } from "./sending";
import { getMailing } from "./service";
import { messageTexts, segmentWords } from "./texts";

const ID = "[1-9][0-9]{0,8}";
const ONE = `/:lang{nb|nn|en}${MESSAGES}/:id{${ID}}`;
const NEW = `/:lang{nb|nn|en}${MESSAGES}/ny`;

/** The permissions of the roles that write messages (decision 0040). */
const WRITERS = [
  "manage:cohort:owner",
  "invite:cohort:office",
  "answer:cohort:municipality",
  "manage:gathering:",
  "lead:network:municipality",
];

/** The person, if some role of theirs writes messages; else 403 before anything is looked up. */
function writer(c: AppContext): CurrentUser {
  const user = c.get("user");
  if (!user?.permissions.some((p) => WRITERS.some((w) => p.startsWith(w))))
    throw new Forbidden("write:message");
  return user;
}

/** The segment a "new message" route names. */
function segmentOfRoute(c: AppContext, kind: string): Segment {
  const n = (name: string) => Number(c.req.param(name));
  if (kind === "ikke-svart") return { segment: "non-respondents", cohortId: n("cohort") };
  if (kind === "samling") return { segment: "gathering", gatheringId: n("target") };
  if (kind === "nettverk") return { segment: "network", networkId: n("target") };
  const place = c.req.param("place") ?? "";
  return {
    segment: "cohort-people",
    cohortId: n("cohort"),
    place: place.length === 2 ? { county: place } : { municipality: place },
  };
}

async function reached(c: AppContext, segment: Segment) {
  const user = writer(c);
  const place = segment.segment === "cohort-people" ? c.req.param("place") : undefined;
  if (place !== undefined && place.length === 3) return { response: errorPage(c, "notFound") };
  const reach = await reachSegment(deps(c).db, user, segment, deps(c).clock.now());
  if (!reach) return { response: errorPage(c, "notFound") };
  if (!reach.ok) {
    c.header("Cache-Control", "no-store");
    return { response: render(c, <RefusedPage lang={langOf(c)} reason={reach.reason} />, 403) };
  }
  return { user, reach };
}

function contentOf(values: Record<string, string>) {
  return {
    subjectNb: values.subjectNb ?? "",
    bodyNb: values.bodyNb ?? "",
    subjectNn: values.subjectNn ?? "",
    bodyNn: values.bodyNn ?? "",
  };
}

/** The sender's own message of the route's `:id`, still theirs to reach; else the refusal. */
async function ownMessage(c: AppContext) {
  const user = writer(c);
  const mailing = await getMailing(deps(c).db, Number(c.req.param("id")));
  if (mailing?.kind !== "message") return { response: errorPage(c, "notFound") };
  if (mailing.senderPersonId !== user.personId) return { response: errorPage(c, "notAllowed") };
  const audience = messageAudience.safeParse(mailing.audience);
  const segment = audience.success ? segmentOf(audience.data) : null;
  if (!audience.success || !segment) return { response: errorPage(c, "notFound") };
  if (mailing.status !== "draft") return { user, mailing, audience: audience.data };
  // A draft is sent only while its sender may still reach its segment (roles change).
  const again = await reached(c, segment);
  if (again.response) return { response: again.response };
  return { user, mailing, audience: audience.data };
}

async function showMessage(
  c: AppContext,
  found: { user: CurrentUser; mailing: Mailing; audience: MessageAudience },
  extra: { form?: FormState; sendForm?: FormState; status?: 200 | 422 } = {},
) {
  const { db, clock } = deps(c);
  const lang = langOf(c);
  c.header("Cache-Control", "no-store");
  if (found.mailing.status !== "draft") {
    const progress = await progressOf(db, found.mailing.id);
    return render(
      c,
      <MessageProgressPage lang={lang} mailing={found.mailing} progress={progress} />,
    );
  }
  const preview = await segmentPreview(db, found.audience, clock.now());
  return render(
    c,
    <MessageEditorPage
      lang={lang}
      action={messagePath(lang, found.mailing.id)}
      path={`${MESSAGES}/${found.mailing.id}`}
      audience={found.audience}
      preview={preview}
      replyTo={found.mailing.replyTo}
      mailing={found.mailing}
      message={c.req.query("melding") === "lagret" ? messageTexts(lang).saved : undefined}
      {...(extra.form ? { form: extra.form } : {})}
      {...(extra.sendForm ? { sendForm: extra.sendForm } : {})}
    />,
    extra.status ?? 200,
  );
}

/** The segments the person may write to, for the list (each link is checked again when used). */
async function choicesOf(c: AppContext, user: CurrentUser): Promise<ChoiceGroup[]> {
  const { db, clock } = deps(c);
  const lang: Lang = langOf(c);
  const today = clock.now().toISOString().slice(0, 10);
  const w = segmentWords[lang];
  const mt = messageTexts(lang);
  const owners = [...orgsGranting(user, "manage:cohort:owner", "owner")];
  const offices = [...orgsGranting(user, "invite:cohort:office", "county-office")];
  const municipalities = [...orgsGranting(user, "answer:cohort:municipality", "municipality")];
  const programmes = await programmesOwnedBy(db, owners);
  const cohorts = [
    ...(await cohortsOfProgrammes(
      db,
      programmes.map((p) => p.id),
    )),
    ...(await cohortsJoinedBy(db, { offices, municipalities })),
  ].filter((x, i, all) => all.findIndex((y) => y.id === x.id) === i);
  const titles = await programmeTitles(
    db,
    lang,
    cohorts.map((x) => x.programmeId),
  );
  const counties = await countiesAt(db, today);
  const countyName = new Map(counties.map((x) => [x.code, x.name]));
  const covered = (await countyOfficesAt(db, today, "nb"))
    .filter((o) => offices.includes(o.id))
    .flatMap((o) => o.countyCodes);
  const municipalityNames = await municipalityNamesAt(db, municipalities, today);
  const ownedIds = new Set(programmes.map((p) => p.id));
  const groups: ChoiceGroup[] = cohorts.map((cohort) => {
    const programme = titles.get(cohort.programmeId) ?? "";
    const admin = ownedIds.has(cohort.programmeId);
    const places = admin
      ? counties.map((x) => x.code)
      : offices.length > 0
        ? covered
        : municipalities;
    const choices =
      admin || offices.length > 0
        ? [
            {
              path: `${MESSAGES}/ny/ikke-svart/${cohort.id}`,
              label: w.nonRespondents(programme, cohort.number),
            },
          ]
        : [];
    for (const place of places) {
      const name = (place.length === 2 ? countyName : municipalityNames).get(place) ?? place;
      choices.push({
        path: `${MESSAGES}/ny/koordinatorer/${cohort.id}/${place}`,
        label: w.cohortPeople(programme, cohort.number, name),
      });
    }
    return { heading: mt.cohortHeading(programme, cohort.number), choices };
  });
  const gatherings = await gatheringsOrganisedBy(db, organisersOf(user.roles));
  if (gatherings.length > 0)
    groups.push({
      heading: mt.gatheringsHeading,
      choices: gatherings.map((g) => ({
        path: `${MESSAGES}/ny/samling/${g.id}`,
        label: w.gathering(lang === "nn" ? g.titleNn : g.titleNb),
      })),
    });
  if (municipalities.length > 0) {
    const { networks } = await networksOf(db, { personId: user.personId, roles: user.roles });
    const led = networks.filter((n) =>
      n.municipalities.some(
        (m) => municipalities.includes(m.code) && (m.state === "lead" || m.state === "accepted"),
      ),
    );
    if (led.length > 0)
      groups.push({
        heading: mt.networksHeading,
        choices: led.map((n) => ({
          path: `${MESSAGES}/ny/nettverk/${n.id}`,
          label: w.network(n.name),
        })),
      });
  }
  return groups.filter((g) => g.choices.length > 0);
}

export function messageRoutes() {
  const app = new Hono<AppEnv>();

  app.get(`/:lang{nb|nn|en}${MESSAGES}`, async (c) => {
    const user = writer(c);
    const [groups, mine] = await Promise.all([
      choicesOf(c, user),
      messagesBy(deps(c).db, user.personId),
    ]);
    c.header("Cache-Control", "no-store");
    return render(c, <MessagesPage lang={langOf(c)} groups={groups} mine={mine} />);
  });

  const NEW_PATHS = [
    [`${NEW}/:kind{ikke-svart}/:cohort{${ID}}`, "ikke-svart"],
    [`${NEW}/:kind{koordinatorer}/:cohort{${ID}}/:place{[0-9]{2,4}}`, "koordinatorer"],
    [`${NEW}/:kind{samling}/:target{${ID}}`, "samling"],
    [`${NEW}/:kind{nettverk}/:target{${ID}}`, "nettverk"],
  ] as const;

  for (const [pattern, kind] of NEW_PATHS) {
    const page = async (
      c: AppContext,
      found: Awaited<ReturnType<typeof reached>> & { reach: { ok: true } },
      form: FormState | undefined,
      status: 200 | 422,
    ) => {
      const lang = langOf(c);
      const preview = await segmentPreview(deps(c).db, found.reach.audience, deps(c).clock.now());
      const path = c.req.path.replace(/^\/(nb|nn|en)/, "");
      c.header("Cache-Control", "no-store");
      return render(
        c,
        <MessageEditorPage
          lang={lang}
          action={c.req.path}
          path={path}
          audience={found.reach.audience}
          preview={preview}
          replyTo={found.user.email ?? ""}
          mailing={null}
          {...(form ? { form } : {})}
        />,
        status,
      );
    };

    app.get(pattern, async (c) => {
      const found = await reached(c, segmentOfRoute(c, kind));
      if (found.response) return found.response;
      return page(c, found as typeof found & { reach: { ok: true } }, undefined, 200);
    });

    app.post(pattern, async (c) => {
      const found = await reached(c, segmentOfRoute(c, kind));
      if (found.response) return found.response;
      const values = contentOf(await readForm(c));
      const checked = checkMessage(values);
      if (!checked.ok) {
        return page(
          c,
          found as typeof found & { reach: { ok: true } },
          { values, errors: checked.errors },
          422,
        );
      }
      const { user, reach } = found as typeof found & { reach: { ok: true } };
      const id = await writeMessage(
        deps(c).db,
        {
          content: checked.data,
          audience: reach.audience,
          programmeId: reach.programmeId,
          cohortId: reach.cohortId,
          sender: { personId: user.personId, name: user.name, email: user.email ?? "" },
        },
        deps(c).clock.now(),
      );
      return c.redirect(`${messagePath(langOf(c), id)}?melding=lagret`, 303);
    });
  }

  app.get(ONE, async (c) => {
    const found = await ownMessage(c);
    if (found.response) return found.response;
    return showMessage(c, found);
  });

  app.post(ONE, async (c) => {
    const found = await ownMessage(c);
    if (found.response) return found.response;
    const values = contentOf(await readForm(c));
    const checked = checkMessage(values);
    if (!checked.ok) {
      return showMessage(c, found, { form: { values, errors: checked.errors }, status: 422 });
    }
    const changed = await rewriteMessage(
      deps(c).db,
      found.mailing.id,
      checked.data,
      found.audience,
      deps(c).clock.now(),
    );
    return c.redirect(
      `${messagePath(langOf(c), found.mailing.id)}${changed ? "?melding=lagret" : ""}`,
      303,
    );
  });

  app.post(`${ONE}/send`, async (c) => {
    const found = await ownMessage(c);
    if (found.response) return found.response;
    const result = await requestSend(deps(c).db, found.mailing.id, {
      at: null,
      now: deps(c).clock.now(),
      audiences: messageAudiences,
    });
    if (!result.ok) {
      const errors: FieldErrors = result.errors;
      return showMessage(c, found, { sendForm: { values: {}, errors }, status: 422 });
    }
    if (!result.already) deps(c).onJobQueued();
    return c.redirect(messagePath(langOf(c), found.mailing.id), 303);
  });

  return app;
}
