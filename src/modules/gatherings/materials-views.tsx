import { FILE_KINDS, fileTypeLabel } from "../../kernel/storage";
import { DataTable } from "../../web/components/data-table";
import { Button, ButtonRow, ErrorSummary, Field, FileField } from "../../web/components/form";
import { Notice } from "../../web/components/notice";
import { type FormState, formView } from "../../web/form-errors";
import { formatFileSize, type Lang, messages } from "../../web/i18n";
import { Layout, localPath } from "../../web/layout";
import { gatheringErrors } from "./error-texts";
import type { Gathering } from "./gatherings";
import { type Material, materialLimits } from "./materials";
import { materialsErrors, materialsTexts } from "./materials-texts";
import { ToolTabs, titleOf, toolPath } from "./overview-views";

const materialTitle = (lang: Lang, m: Material) => (lang === "nn" ? m.titleNn : m.titleNb);

function FileLink(props: { lang: Lang; m: Material; href: string }) {
  return (
    <a class="ds-link" href={props.href} download={props.m.fileName}>
      {materialTitle(props.lang, props.m)}
      <span class="subtle">
        {" "}
        ({fileTypeLabel(props.m.type)}, {formatFileSize(props.lang, props.m.bytes)})
      </span>
    </a>
  );
}

/** The organiser's materials: the list with a remove button each, and the upload form. */
export function MaterialsPage(props: {
  lang: Lang;
  gathering: Gathering;
  materials: Material[];
  notice?: "added" | "removed" | undefined;
  form?: FormState | undefined;
}) {
  const { lang, gathering: g } = props;
  const t = materialsTexts[lang];
  const m = messages(lang);
  const title = t.title(titleOf(lang, g));
  const f = formView(lang, props.form, {
    labels: { gathering: title, titleNb: t.titleNb, titleNn: t.titleNn, file: t.file },
    errors: { ...gatheringErrors[lang], ...materialsErrors[lang] },
  });
  const size = formatFileSize(lang, materialLimits.bytes);
  const types = materialLimits.types.map((k) => FILE_KINDS[k].label).join(", ");
  const base = toolPath(g.id, "/materiell");
  const file = f.bind("file");
  return (
    <Layout lang={lang} title={title} path={base} hasErrors={f.hasErrors}>
      <ToolTabs lang={lang} id={g.id} current="materials" />
      <ErrorSummary t={m} items={f.summary} />
      <h1 class="ds-heading" data-size="xl">
        {title}
      </h1>
      <p class="ds-paragraph lead">{t.lead}</p>
      {props.notice ? <Notice color="success">{t[props.notice]}</Notice> : null}
      {props.materials.length === 0 ? (
        <p class="ds-paragraph">{t.none}</p>
      ) : (
        <DataTable label={t.tab} columns={[t.material, <span class="ds-sr-only">{t.remove}</span>]}>
          {props.materials.map((x) => (
            <tr>
              <td>
                <FileLink lang={lang} m={x} href={localPath(lang, `${base}/${x.id}`)} />
              </td>
              <td>
                <form
                  method="post"
                  action={localPath(lang, `${base}/${x.id}/fjern`)}
                  class="inline-form"
                >
                  <button class="ds-button" data-variant="tertiary" data-size="sm" type="submit">
                    {t.remove}
                    <span class="ds-sr-only"> {t.removeNamed(materialTitle(lang, x))}</span>
                  </button>
                </form>
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      <form
        method="post"
        action={localPath(lang, base)}
        enctype="multipart/form-data"
        novalidate
        class="stack ds-card"
      >
        <h2 class="ds-heading" data-size="sm">
          {t.addTitle}
        </h2>
        <Field t={m} {...f.bind("titleNb")} maxLength={materialLimits.title} />
        <Field t={m} {...f.bind("titleNn")} maxLength={materialLimits.title} />
        <FileField
          t={m}
          name={file.name}
          id={file.id}
          label={file.label}
          error={file.error}
          hint={t.fileHint(types, size)}
          accept={materialLimits.types
            .flatMap((k) => [...FILE_KINDS[k].extensions.map((e) => `.${e}`), FILE_KINDS[k].mime])
            .join(",")}
          maxBytes={materialLimits.bytes}
          tooLarge={t.tooLarge(size)}
        />
        <ButtonRow>
          <Button>{t.add}</Button>
        </ButtonRow>
      </form>
    </Layout>
  );
}

/** The participant's list of a gathering's materials (a confirmed seat only). */
export function ParticipantMaterialsPage(props: {
  lang: Lang;
  gathering: Gathering;
  materials: Material[];
}) {
  const { lang, gathering: g } = props;
  const t = materialsTexts[lang];
  const title = t.participantTitle(titleOf(lang, g));
  const path = `/samlinger/${g.id}/materiell`;
  return (
    <Layout lang={lang} title={title} path={path}>
      <p class="ds-paragraph">
        <a class="ds-link" href={localPath(lang, `/samlinger/${g.id}`)}>
          {t.backToGathering}
        </a>
      </p>
      <h1 class="ds-heading" data-size="xl">
        {title}
      </h1>
      <p class="ds-paragraph lead">{t.participantLead}</p>
      {props.materials.length === 0 ? (
        <p class="ds-paragraph">{t.none}</p>
      ) : (
        <ul>
          {props.materials.map((x) => (
            <li>
              <FileLink lang={lang} m={x} href={localPath(lang, `${path}/${x.id}`)} />
            </li>
          ))}
        </ul>
      )}
    </Layout>
  );
}
