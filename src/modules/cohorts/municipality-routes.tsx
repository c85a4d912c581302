import { Hono } from "hono";
import { osloToday } from "../../kernel/clock";
import { type AppContext, type AppEnv, deps, langOf } from "../../kernel/context";
import { BadRequest, readForm, readFormAll, validate } from "../../kernel/forms";
import { errorPage } from "../../web/error-pages";
import { render } from "../../web/render";
import { orgsGranting } from "../identity";
import { setWrittenStandard } from "../organisations";
import { answerInvitation, enrolUnits, setContact, withdrawUnit } from "./chain";
import { refusalErrors } from "./form-parts";
import {
  type Access,
  answerForm,
  contactsOf,
  enrolmentChoices,
  type InvitationPageData,
  invitationPage,
  inviteeAccess,
  mightViewAsOffice,
  municipalityStandard,
  ppContactForm,
  ppServiceChoices,
  resourcePersonForm,
  versionField,
  writtenStandardForm,
} from "./municipality";
import { InvitationPage } from "./municipality-page";
import type { Forms, MunicipalityExtras, UnitFilter } from "./municipality-page-props";
import { municipalityTexts } from "./municipality-texts";
import type { InviteeKind } from "./schema";

const COHORT = ":id{[0-9]{1,9}}";
const MUNICIPALITY = `/:lang{nb|nn|en}/puljer/${COHORT}/kommune/:code{[0-9]{4}}`;
const UNIT = `/:lang{nb|nn|en}/puljer/${COHORT}/enhet/:orgnr{[0-9]{9}}`;

type Loaded = { data: InvitationPageData; access: Access; kind: InviteeKind; today: string };

/**
 * The invitation of the path and what the user may do with it: 403 before anything is read for
 * people who could never see it, 404 when there is no such invitation, 403 for an office that
 * did not send it.
 */
async function load(c: AppContext, kind: InviteeKind): Promise<Loaded | { response: Response }> {
  const user = c.get("user");
  const inviteeId = (kind === "municipality" ? c.req.param("code") : c.req.param("orgnr")) ?? "";
  if (!inviteeAccess(user, kind, inviteeId, null) && !mightViewAsOffice(user)) {
    return { response: await errorPage(c, "notAllowed") };
  }
  const d = deps(c);
  const today = osloToday(d.clock.now());
  const data = await invitationPage(d.db, {
    cohortId: Number(c.req.param("id")),
    kind,
    inviteeId,
    lang: langOf(c),
    today,
  });
  if (!data) return { response: await errorPage(c, "notFound") };
  const access = inviteeAccess(
    user,
    kind,
    inviteeId,
    data.invitation.officeId,
    data.programme.owner,
  );
  if (!access) return { response: await errorPage(c, "notAllowed") };
  return { data, access, kind, today };
}

/** Like `load`, for a form post: only those who act may post. */
async function loadForAct(c: AppContext, kind: InviteeKind) {
  const found = await load(c, kind);
  if ("response" in found) return found;
  if (found.access !== "act") return { response: await errorPage(c, "notAllowed") };
  return found;
}

function unitFilter(c: AppContext): UnitFilter {
  const type = c.req.query("type");
  const owner = c.req.query("eier");
  return {
    type: type === "barnehage" || type === "skole" ? type : "",
    owner: owner === "offentlig" || owner === "privat" ? owner : "",
  };
}

async function show(
  c: AppContext,
  kind: InviteeKind,
  loaded: Loaded,
  opts: { forms?: Forms; message?: string | undefined; status?: 200 | 422; reload?: boolean } = {},
) {
  const d = deps(c);
  const lang = langOf(c);
  // After a refused act the invitation may have moved on (answered by someone else): show it now.
  const data =
    opts.reload === false
      ? loaded.data
      : ((await invitationPage(d.db, {
          cohortId: loaded.data.cohort.id,
          kind,
          inviteeId: loaded.data.invitation.inviteeId,
          lang,
          today: loaded.today,
        })) ?? loaded.data);
  let municipality: MunicipalityExtras | undefined;
  if (kind === "municipality") {
    municipality = { standard: await municipalityStandard(d.db, data.invitation.inviteeId) };
    if (data.invitation.state === "accepted") {
      const choices = await enrolmentChoices(d.db, data.invitation, loaded.today);
      municipality.accepted = {
        ...choices,
        filter: unitFilter(c),
        contacts: await contactsOf(d.db, data.invitation.id),
        pp: await ppServiceChoices(d.db, data.invitation.inviteeId, loaded.today),
      };
    }
  }
  const user = c.get("user");
  const officeLink =
    orgsGranting(user, "read:cohort:owner", "owner").has(data.programme.owner) ||
    (user?.roles.some(
      (r) => r.orgKind === "county-office" && r.orgId === data.invitation.officeId,
    ) ??
      false);
  c.header("Cache-Control", "no-store");
  return render(
    c,
    <InvitationPage
      lang={lang}
      kind={kind}
      access={loaded.access}
      data={data}
      forms={opts.forms ?? {}}
      message={opts.message}
      officeLink={officeLink}
      {...(municipality ? { municipality } : {})}
    />,
    opts.status ?? 200,
  );
}

/** The success message named in the query after a redirect. */
async function doneMessage(c: AppContext, loaded: Loaded): Promise<string | undefined> {
  const done = municipalityTexts[langOf(c)].done;
  switch (c.req.query("melding")) {
    case "accepted":
      return loaded.kind === "unit" ? done.acceptedUnit : done.accepted;
    case "declined":
      return done.declined;
    case "enrolled":
      return done.enrolled;
    case "withdrawn":
      return done.withdrawn;
    case "resource": {
      const { resourcePerson } = await contactsOf(deps(c).db, loaded.data.invitation.id);
      const rp = resourcePerson.current;
      if (!rp) return undefined;
      return rp.roleInvitationId
        ? done.resourceInvited(rp.name, rp.email)
        : done.resourceSaved(rp.name);
    }
    case "pp":
      return done.pp;
    case "standard":
      return done.standard;
    default:
      return undefined;
  }
}

function actor(c: AppContext) {
  return { personId: c.get("user")!.personId, now: deps(c).clock.now(), baseUrl: deps(c).linkBase };
}

function pathOf(c: AppContext, loaded: Loaded) {
  const inv = loaded.data.invitation;
  const segment = loaded.kind === "unit" ? "enhet" : "kommune";
  return `/${langOf(c)}/puljer/${inv.cohortId}/${segment}/${inv.inviteeId}`;
}

async function answer(c: AppContext, kind: InviteeKind) {
  const loaded = await loadForAct(c, kind);
  if ("response" in loaded) return loaded.response;
  const raw = await readForm(c);
  const version = versionField.safeParse(raw.version);
  if (!version.success) throw new BadRequest("version");
  const values = {
    answer: raw.answer ?? "",
    commitments: raw.commitments === "yes" ? "yes" : "",
    reason: raw.reason ?? "",
  };
  const parsed = validate(answerForm, values);
  if (!parsed.ok) {
    return show(c, kind, loaded, {
      forms: { answer: { values, errors: parsed.errors } },
      status: 422,
    });
  }
  const result = await answerInvitation(
    deps(c).db,
    {
      invitationId: loaded.data.invitation.id,
      answer: parsed.data.answer,
      commitments: values.commitments === "yes",
      reason: parsed.data.reason,
      version: version.data,
    },
    actor(c),
  );
  if (!result.ok) {
    return show(c, kind, loaded, {
      forms: { answer: { values, errors: refusalErrors(result, "answer") } },
      status: 422,
    });
  }
  return c.redirect(`${pathOf(c, loaded)}?melding=${result.state}`, 303);
}

export function municipalityRoutes() {
  const app = new Hono<AppEnv>();

  app.get(MUNICIPALITY, async (c) => {
    const loaded = await load(c, "municipality");
    if ("response" in loaded) return loaded.response;
    return show(c, "municipality", loaded, {
      message: await doneMessage(c, loaded),
      reload: false,
    });
  });

  app.post(`${MUNICIPALITY}/svar`, (c) => answer(c, "municipality"));

  app.post(`${MUNICIPALITY}/enheter`, async (c) => {
    const loaded = await loadForAct(c, "municipality");
    if ("response" in loaded) return loaded.response;
    await readForm(c);
    const orgNumbers = ((await readFormAll(c)).units ?? [])
      .filter((v): v is string => typeof v === "string")
      .map((v) => v.trim());
    if (orgNumbers.some((n) => !/^[0-9]{9}$/.test(n))) throw new BadRequest("units");
    const values = { units: orgNumbers.join(",") };
    if (orgNumbers.length === 0) {
      return show(c, "municipality", loaded, {
        forms: { units: { values, errors: { units: { code: "required" } } } },
        status: 422,
      });
    }
    const result = await enrolUnits(
      deps(c).db,
      { invitationId: loaded.data.invitation.id, orgNumbers },
      actor(c),
    );
    if (!result.ok) {
      return show(c, "municipality", loaded, {
        forms: { units: { values, errors: refusalErrors(result, "units") } },
        status: 422,
      });
    }
    return c.redirect(`${pathOf(c, loaded)}?melding=enrolled#enheter`, 303);
  });

  app.post(`${MUNICIPALITY}/enheter/:orgnr{[0-9]{9}}/trekk`, async (c) => {
    const loaded = await loadForAct(c, "municipality");
    if ("response" in loaded) return loaded.response;
    const result = await withdrawUnit(
      deps(c).db,
      { invitationId: loaded.data.invitation.id, orgNumber: c.req.param("orgnr") },
      actor(c),
    );
    if (!result.ok) {
      return show(c, "municipality", loaded, {
        forms: { units: { values: {}, errors: refusalErrors(result, "units") } },
        status: 422,
      });
    }
    return c.redirect(`${pathOf(c, loaded)}?melding=withdrawn#enheter`, 303);
  });

  app.post(`${MUNICIPALITY}/ressursperson`, async (c) => {
    const loaded = await loadForAct(c, "municipality");
    if ("response" in loaded) return loaded.response;
    const raw = await readForm(c);
    const values = { name: raw.name ?? "", email: raw.email ?? "" };
    const parsed = validate(resourcePersonForm, values);
    if (!parsed.ok) {
      return show(c, "municipality", loaded, {
        forms: { resource: { values, errors: parsed.errors } },
        status: 422,
      });
    }
    const result = await setContact(
      deps(c).db,
      {
        invitationId: loaded.data.invitation.id,
        kind: "resource-person",
        name: parsed.data.name,
        email: parsed.data.email,
      },
      actor(c),
    );
    if (!result.ok) {
      return show(c, "municipality", loaded, {
        forms: { resource: { values, errors: refusalErrors(result, "name") } },
        status: 422,
      });
    }
    return c.redirect(`${pathOf(c, loaded)}?melding=resource#ressursperson`, 303);
  });

  app.post(`${MUNICIPALITY}/pp-tjeneste`, async (c) => {
    const loaded = await loadForAct(c, "municipality");
    if ("response" in loaded) return loaded.response;
    const raw = await readForm(c);
    const values = {
      ppServiceId: raw.ppServiceId ?? "",
      name: raw.name ?? "",
      email: raw.email ?? "",
    };
    const parsed = validate(ppContactForm, values);
    const errors = parsed.ok ? {} : { ...parsed.errors };
    // Only a PP-tjeneste offered on the page: an id from elsewhere is refused like no choice.
    const d = deps(c);
    const offered = await ppServiceChoices(d.db, loaded.data.invitation.inviteeId, loaded.today);
    const ppServiceId = Number(values.ppServiceId);
    if (!errors.ppServiceId && !offered.services.some((s) => s.id === ppServiceId)) {
      errors.ppServiceId = { code: "choice" };
    }
    if (!parsed.ok || Object.keys(errors).length > 0) {
      return show(c, "municipality", loaded, { forms: { pp: { values, errors } }, status: 422 });
    }
    const result = await setContact(
      d.db,
      {
        invitationId: loaded.data.invitation.id,
        kind: "pp-service",
        name: parsed.data.name,
        email: parsed.data.email,
        ppServiceId,
      },
      actor(c),
    );
    if (!result.ok) {
      return show(c, "municipality", loaded, {
        forms: { pp: { values, errors: refusalErrors(result, "ppServiceId") } },
        status: 422,
      });
    }
    return c.redirect(`${pathOf(c, loaded)}?melding=pp#pp-tjeneste`, 303);
  });

  app.post(`${MUNICIPALITY}/malform`, async (c) => {
    const loaded = await loadForAct(c, "municipality");
    if ("response" in loaded) return loaded.response;
    const raw = await readForm(c);
    const values = { standard: raw.standard ?? "" };
    const parsed = validate(writtenStandardForm, values);
    if (!parsed.ok) {
      return show(c, "municipality", loaded, {
        forms: { standard: { values, errors: parsed.errors } },
        status: 422,
      });
    }
    const d = deps(c);
    await setWrittenStandard(
      d.db,
      "municipality",
      loaded.data.invitation.inviteeId,
      parsed.data.standard,
      { personId: c.get("user")!.personId, now: d.clock.now() },
    );
    return c.redirect(`${pathOf(c, loaded)}?melding=standard#malform`, 303);
  });

  app.get(UNIT, async (c) => {
    const loaded = await load(c, "unit");
    if ("response" in loaded) return loaded.response;
    return show(c, "unit", loaded, { message: await doneMessage(c, loaded), reload: false });
  });

  app.post(`${UNIT}/svar`, (c) => answer(c, "unit"));

  return app;
}
