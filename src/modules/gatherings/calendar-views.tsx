import { Button, ButtonRow } from "../../web/components/form";
import { Notice } from "../../web/components/notice";
import { formatDateTime, type Lang } from "../../web/i18n";
import { Layout, localPath } from "../../web/layout";
import type { LiveFeed } from "./calendar-feed";
import { calendarTexts } from "./calendar-texts";

export const FEED_PAGE = "/samlinger/kalender";
export const icsPath = (gatheringId: number) => `/samlinger/${gatheringId}/kalender.ics`;

/**
 * On the page of a gathering the person has a seat at: the QR code to show at the door (an
 * SVG, the code also as text for typing or reading aloud), the gathering as an .ics, and the
 * way to the calendar feed.
 */
export function Ticket(props: {
  lang: Lang;
  gatheringId: number;
  /** The code as shown: "ABCD-EFGH". */
  code: string;
  /** The QR code as an SVG document. */
  qrSvg: string;
}) {
  const t = calendarTexts[props.lang];
  const src = `data:image/svg+xml;base64,${Buffer.from(props.qrSvg, "utf8").toString("base64")}`;
  return (
    <section aria-labelledby="ticket-heading" class="stack ticket">
      <h2 class="ds-heading" data-size="md" id="ticket-heading">
        {t.ticketHeading}
      </h2>
      <p class="ds-paragraph">{t.ticketLead}</p>
      <img class="ticket-qr" src={src} alt={t.qrAlt(props.code)} width="200" height="200" />
      <p class="ds-paragraph">
        {t.yourCode} <strong data-testid="check-in-code">{props.code}</strong>
      </p>
      <ul class="ds-list">
        <li>
          <a class="ds-link" href={localPath(props.lang, icsPath(props.gatheringId))} download>
            {t.downloadIcs}
          </a>
        </li>
        <li>
          <a class="ds-link" href={localPath(props.lang, FEED_PAGE)}>
            {t.feedLink}
          </a>
        </li>
      </ul>
    </section>
  );
}

/**
 * The person's calendar feed: make one, renew it (the old address stops), turn it off. A new
 * address is shown once, on the answer to the post that made it: only its hash is kept.
 */
export function FeedPage(props: {
  lang: Lang;
  live: LiveFeed | null;
  /** The address just made, shown this once. */
  fresh?: string | undefined;
  revoked?: boolean;
}) {
  const { lang } = props;
  const t = calendarTexts[lang];
  const action = localPath(lang, FEED_PAGE);
  return (
    <Layout lang={lang} title={t.feedTitle} path={FEED_PAGE}>
      <h1 class="ds-heading" data-size="xl">
        {t.feedTitle}
      </h1>
      <p class="ds-paragraph lead">{t.feedLead}</p>
      {props.revoked ? <Notice color="success">{t.revoked}</Notice> : null}
      {props.fresh ? (
        <section class="stack" aria-labelledby="fresh-heading">
          <h2 class="ds-heading" data-size="sm" id="fresh-heading">
            {t.freshHeading}
          </h2>
          <Notice color="success">{t.newAddress}</Notice>
          <div class="ds-field">
            <label class="ds-label" for="feed-url">
              {t.address}
            </label>
            <input
              class="ds-input"
              id="feed-url"
              type="url"
              readonly
              value={props.fresh}
              aria-describedby="feed-secret"
            />
          </div>
          <p class="ds-paragraph" id="feed-secret">
            {t.secret}
          </p>
          <p class="ds-paragraph">
            <a class="ds-link" href={props.fresh}>
              {t.openFeed}
            </a>
          </p>
        </section>
      ) : props.live ? (
        <p class="ds-paragraph">{t.live(formatDateTime(lang, props.live.createdAt))}</p>
      ) : (
        <p class="ds-paragraph">{t.none}</p>
      )}
      {props.live ? <p class="ds-paragraph">{t.renewHint}</p> : null}
      <ButtonRow>
        <form method="post" action={action} class="inline-form">
          <Button variant={props.live ? "secondary" : "primary"}>
            {props.live ? t.renew : t.make}
          </Button>
        </form>
        {props.live ? (
          <form method="post" action={`${action}/av`} class="inline-form">
            <Button variant="tertiary">{t.revoke}</Button>
          </form>
        ) : null}
      </ButtonRow>
      <p class="ds-paragraph">
        <a class="ds-link" href={localPath(lang, "/samlinger")}>
          {t.backToList}
        </a>
      </p>
    </Layout>
  );
}
