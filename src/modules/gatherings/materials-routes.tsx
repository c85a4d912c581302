import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { type AppContext, type AppEnv, deps, langOf } from "../../kernel/context";
import {
  type FieldErrors,
  type FormValues,
  readForm,
  readFormAll,
  validate,
} from "../../kernel/forms";
import { downloadHeaders } from "../../kernel/storage";
import { errorPage } from "../../web/error-pages";
import { render } from "../../web/render";
import { requirePermission } from "../identity";
import { type Gathering, gatheringById } from "./gatherings";
import {
  addMaterial,
  materialForm,
  materialLimits,
  materialOf,
  materialsOf,
  removeMaterial,
} from "./materials";
import { MaterialsPage, ParticipantMaterialsPage } from "./materials-views";
import { organisedGathering } from "./organiser-access";
import { toolPath } from "./overview-views";
import { registrationOf } from "./registration";

const ADMIN = "/:lang{nb|nn|en}/admin/samlinger/:id{[0-9]{1,9}}/materiell";
const PARTICIPANT = "/:lang{nb|nn|en}/samlinger/:id{[0-9]{1,9}}/materiell";
const ONE = "/:materialId{[0-9]{1,9}}";

/** The materials page's path patterns whose posts may exceed the form limit (the manifest). */
export const materialUploads = [/^\/(nb|nn|en)\/admin\/samlinger\/[0-9]{1,9}\/materiell$/];

const actor = (c: AppContext) => ({
  personId: c.get("user")!.personId,
  now: deps(c).clock.now(),
  baseUrl: deps(c).linkBase,
});

async function showMaterials(
  c: AppContext,
  g: Gathering,
  opts: { notice?: "added" | "removed"; form?: { values: FormValues; errors: FieldErrors } } = {},
  status: 200 | 413 | 422 = 200,
) {
  c.header("Cache-Control", "no-store");
  return render(
    c,
    <MaterialsPage
      lang={langOf(c)}
      gathering={g}
      materials={await materialsOf(deps(c).db, g.id)}
      notice={opts.notice}
      form={opts.form}
    />,
    opts.form ? status : 200,
  );
}

/**
 * The gathering of the path if the person holds a confirmed seat in it: 404 for an unknown
 * gathering, 403 for anyone else (waiting, offered, cancelled, never registered).
 */
async function seatedGathering(c: AppContext) {
  requirePermission(c, "register", "gathering");
  const { db } = deps(c);
  const g = await gatheringById(db, Number(c.req.param("id")));
  if (!g) return { response: await errorPage(c, "notFound") } as const;
  const r = await registrationOf(db, g.id, c.get("user")!.personId);
  if (r?.status !== "confirmed") return { response: await errorPage(c, "notAllowed") } as const;
  return { gathering: g } as const;
}

/**
 * Materials: the organiser uploads and removes files; participants with a confirmed seat list
 * and download them. The bytes live in the file store, checked by type and size on the way in.
 */
export function materialsRoutes() {
  const app = new Hono<AppEnv>();

  app.get(ADMIN, async (c) => {
    const found = await organisedGathering(c);
    if (found.response) return found.response;
    const m = c.req.query("melding");
    return showMaterials(c, found.value, {
      ...(m === "lagt-til" ? { notice: "added" as const } : {}),
      ...(m === "fjernet" ? { notice: "removed" as const } : {}),
    });
  });

  app.post(
    ADMIN,
    bodyLimit({
      maxSize: materialLimits.bytes + 256 * 1024,
      onError: async (c) => {
        const found = await organisedGathering(c as AppContext);
        if (found.response) return found.response;
        const errors: FieldErrors = {
          file: { code: "fileSize", params: { maxBytes: materialLimits.bytes } },
        };
        return showMaterials(c as AppContext, found.value, { form: { values: {}, errors } }, 413);
      },
    }),
    async (c) => {
      const found = await organisedGathering(c);
      if (found.response) return found.response;
      const g = found.value;
      const body = await readFormAll(c);
      const text = (name: string) => {
        const v = body[name]?.[0];
        return typeof v === "string" ? v : "";
      };
      const values = { titleNb: text("titleNb"), titleNn: text("titleNn") };
      const titles = validate(materialForm, values);
      const posted = body.file?.[0];
      // A file field left empty still sends a part: no name, no bytes.
      const chosen = posted instanceof File && (posted.name !== "" || posted.size > 0);
      const upload = chosen
        ? { name: posted.name, bytes: new Uint8Array(await posted.arrayBuffer()) }
        : null;
      const refuse = (errors: FieldErrors) =>
        showMaterials(c, g, { form: { values, errors } }, 422);
      if (!titles.ok) return refuse(titles.errors);
      const d = deps(c);
      const added = await addMaterial(
        d.db,
        d.files,
        { gatheringId: g.id, ...titles.data, upload },
        actor(c),
      );
      if (!added.ok) return refuse(added.errors);
      return c.redirect(`/${langOf(c)}${toolPath(g.id, "/materiell")}?melding=lagt-til`, 303);
    },
  );

  app.post(`${ADMIN}${ONE}/fjern`, async (c) => {
    const found = await organisedGathering(c);
    if (found.response) return found.response;
    await readForm(c);
    const d = deps(c);
    const removed = await removeMaterial(
      d.db,
      d.files,
      found.value.id,
      Number(c.req.param("materialId")),
      actor(c),
    );
    if (!removed) return errorPage(c, "notFound");
    return c.redirect(
      `/${langOf(c)}${toolPath(found.value.id, "/materiell")}?melding=fjernet`,
      303,
    );
  });

  /** A material's bytes, for whoever may see the gathering's materials. */
  async function download(c: AppContext, g: Gathering) {
    const d = deps(c);
    const m = await materialOf(d.db, g.id, Number(c.req.param("materialId")));
    const bytes = m ? await d.files.get(m.storageKey) : null;
    if (!m || !bytes) return errorPage(c, "notFound");
    return c.body(new Uint8Array(bytes), 200, downloadHeaders({ name: m.fileName, type: m.type }));
  }

  app.get(`${ADMIN}${ONE}`, async (c) => {
    const found = await organisedGathering(c);
    if (found.response) return found.response;
    return download(c, found.value);
  });

  app.get(PARTICIPANT, async (c) => {
    const found = await seatedGathering(c);
    if ("response" in found) return found.response;
    c.header("Cache-Control", "no-store");
    return render(
      c,
      <ParticipantMaterialsPage
        lang={langOf(c)}
        gathering={found.gathering}
        materials={await materialsOf(deps(c).db, found.gathering.id)}
      />,
    );
  });

  app.get(`${PARTICIPANT}${ONE}`, async (c) => {
    const found = await seatedGathering(c);
    if ("response" in found) return found.response;
    return download(c, found.gathering);
  });

  return app;
}
