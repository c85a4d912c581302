import { DataTable } from "../../web/components/data-table";
import { formatDateTime, formatMonthYear, type Lang, messages } from "../../web/i18n";
import { Layout, localPath } from "../../web/layout";
import { feedbackAdminTexts } from "./admin-texts";
import type { MonthStats, PageStats } from "./service";

export type CommentView = {
  id: number;
  page: string;
  lang: string;
  found: boolean;
  comment: string | null;
  commentMasked: boolean;
  commentedAt: Date | null;
  hiddenAt: Date | null;
  handledAt: Date | null;
};

export type FeedbackFilter = { sti: string; skjulte: boolean };

function share(lang: Lang, yes: number, answers: number) {
  if (answers === 0) return "–";
  return new Intl.NumberFormat(messages(lang).locale, {
    style: "percent",
    maximumFractionDigits: 0,
  }).format(yes / answers);
}

export function FeedbackOverviewPage(props: {
  lang: Lang;
  pages: PageStats[];
  months: MonthStats[];
  allPages: string[];
  comments: CommentView[];
  filter: FeedbackFilter;
  pageNumber: number;
  hasMore: boolean;
  message?: string | undefined;
}) {
  const t = messages(props.lang);
  const f = feedbackAdminTexts(props.lang);
  const langName = (l: string) => t.languageNames[l] ?? l;
  const base = localPath(props.lang, "/admin/tilbakemeldinger");
  const query = (pageNumber: number) => {
    const params = new URLSearchParams();
    if (props.filter.sti) params.set("sti", props.filter.sti);
    if (props.filter.skjulte) params.set("skjulte", "1");
    if (pageNumber > 1) params.set("side", String(pageNumber));
    const q = params.toString();
    return q ? `${base}?${q}` : base;
  };
  const back = query(props.pageNumber);
  return (
    <Layout lang={props.lang} title={f.title} path="/admin/tilbakemeldinger">
      <h1 class="ds-heading" data-size="xl">
        {f.title}
      </h1>
      <p class="ds-paragraph lead">{f.lead}</p>
      {props.message ? (
        <div class="ds-alert" data-color="success" role="status">
          <p class="ds-paragraph">{props.message}</p>
        </div>
      ) : null}
      <form method="get" action={base} class="filters">
        <div class="ds-field">
          <label class="ds-label" for="sti">
            {f.page}
          </label>
          <select class="ds-input" id="sti" name="sti">
            <option value="">{f.allPages}</option>
            {props.allPages.map((p) => (
              <option value={p} selected={p === props.filter.sti}>
                {p}
              </option>
            ))}
          </select>
        </div>
        <div class="ds-field">
          <input
            class="ds-input"
            type="checkbox"
            id="skjulte"
            name="skjulte"
            value="1"
            checked={props.filter.skjulte}
          />
          <label class="ds-label" for="skjulte" data-weight="regular">
            {f.showHidden}
          </label>
        </div>
        <div>
          <button class="ds-button" data-variant="secondary" type="submit">
            {f.filter}
          </button>
        </div>
      </form>

      <h2 class="ds-heading" data-size="md">
        {f.perPage}
      </h2>
      {props.pages.length === 0 ? <p class="ds-paragraph">{f.noAnswers}</p> : null}
      {props.pages.length > 0 ? (
        <DataTable label={f.perPage} columns={[f.page, f.language, f.answers, f.shareYes]}>
          {props.pages.map((r) => (
            <tr>
              <td>{r.page}</td>
              <td>{langName(r.lang)}</td>
              <td>{r.answers}</td>
              <td>{share(props.lang, r.yes, r.answers)}</td>
            </tr>
          ))}
        </DataTable>
      ) : null}

      {props.months.length > 0 ? (
        <>
          <h2 class="ds-heading" data-size="md">
            {f.perMonth}
          </h2>
          <DataTable
            label={f.perMonth}
            columns={[f.page, f.language, f.month, f.answers, f.shareYes]}
          >
            {props.months.map((r) => (
              <tr>
                <td>{r.page}</td>
                <td>{langName(r.lang)}</td>
                <td>{formatMonthYear(props.lang, `${r.month}-15`)}</td>
                <td>{r.answers}</td>
                <td>{share(props.lang, r.yes, r.answers)}</td>
              </tr>
            ))}
          </DataTable>
        </>
      ) : null}

      <h2 class="ds-heading" data-size="md">
        {f.comments}
      </h2>
      {props.comments.length === 0 ? <p class="ds-paragraph">{f.noComments}</p> : null}
      {props.comments.length > 0 ? (
        <DataTable
          label={f.comments}
          columns={[f.when, f.page, f.answer, f.comment, f.status, f.actions]}
        >
          {props.comments.map((r) => (
            <tr class={r.hiddenAt ? "feedback-comment--hidden" : undefined}>
              <td>{r.commentedAt ? formatDateTime(props.lang, r.commentedAt) : ""}</td>
              <td>
                {r.page} ({langName(r.lang)})
              </td>
              <td>{r.found ? f.yes : f.no}</td>
              <td>
                <span lang={r.lang}>{r.comment}</span>
                {r.commentMasked ? <span class="subtle"> ({f.masked})</span> : null}
              </td>
              <td>
                {[r.hiddenAt ? f.hidden : null, r.handledAt ? f.handled : f.open]
                  .filter(Boolean)
                  .join(". ")}
              </td>
              <td>
                {r.handledAt ? null : (
                  <form method="post" action={`${base}/${r.id}/behandlet`} class="inline-form">
                    <input type="hidden" name="tilbake" value={back} />
                    <button class="ds-button" data-variant="secondary" data-size="sm" type="submit">
                      {f.markHandled}
                      <span class="ds-sr-only"> #{r.id}</span>
                    </button>
                  </form>
                )}
                {r.hiddenAt ? null : (
                  <form method="post" action={`${base}/${r.id}/skjul`} class="inline-form">
                    <input type="hidden" name="tilbake" value={back} />
                    <button class="ds-button" data-variant="tertiary" data-size="sm" type="submit">
                      {f.hide}
                      <span class="ds-sr-only"> #{r.id}</span>
                    </button>
                  </form>
                )}
              </td>
            </tr>
          ))}
        </DataTable>
      ) : null}
      <nav aria-label={f.comments} class="pager">
        {props.pageNumber > 1 ? (
          <a class="ds-link" href={query(props.pageNumber - 1)}>
            {f.previousPage}
          </a>
        ) : null}
        {props.hasMore ? (
          <a class="ds-link" href={query(props.pageNumber + 1)}>
            {f.nextPage}
          </a>
        ) : null}
      </nav>
    </Layout>
  );
}
