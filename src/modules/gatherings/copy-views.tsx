import { Button, ButtonRow, ErrorSummary, Field, Select } from "../../web/components/form";
import { Notice } from "../../web/components/notice";
import { type FormState, formView } from "../../web/form-errors";
import { formatDateTime, type Lang, messages } from "../../web/i18n";
import { Layout, localPath } from "../../web/layout";
import { copyTexts } from "./copy-texts";
import { gatheringErrors } from "./error-texts";
import type { Gathering } from "./gatherings";
import { organiserScopeErrors } from "./organiser-scope-texts";
import { organiserTexts } from "./organiser-texts";
import { ToolTabs, titleOf, toolPath } from "./overview-views";

/** The copy's form: the cohort (within the organiser's reach) and the new start. */
export function CopyPage(props: {
  lang: Lang;
  gathering: Gathering;
  cohorts: { value: string; label: string }[];
  form: FormState;
}) {
  const { lang, gathering: g } = props;
  const t = copyTexts[lang];
  const o = organiserTexts[lang];
  const m = messages(lang);
  const title = t.title(titleOf(lang, g));
  const f = formView(lang, props.form, {
    labels: { gathering: title, cohort: t.cohort, startsAt: t.startsAt },
    errors: { ...gatheringErrors[lang], ...organiserScopeErrors[lang] },
  });
  const refusal = f.error("gathering");
  return (
    <Layout lang={lang} title={title} path={toolPath(g.id, "/kopi")} hasErrors={f.hasErrors}>
      <ToolTabs lang={lang} id={g.id} current="copy" />
      <ErrorSummary t={m} items={f.summary} />
      <h1 class="ds-heading" data-size="xl">
        {title}
      </h1>
      <p class="ds-paragraph lead">{t.lead}</p>
      {refusal ? (
        <Notice color="danger" id="gathering" focus>
          {refusal}
        </Notice>
      ) : null}
      <p class="ds-paragraph">{t.now(formatDateTime(lang, g.startsAt))}</p>
      <form method="post" action={localPath(lang, toolPath(g.id, "/kopi"))} class="stack">
        <Select t={m} {...f.bind("cohort")} options={props.cohorts} />
        <Field t={m} {...f.bind("startsAt")} hint={o.dateTimeHint} />
        <ButtonRow>
          <Button>{t.copy}</Button>
        </ButtonRow>
      </form>
    </Layout>
  );
}
