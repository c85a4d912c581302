import { type Lang, messages } from "../i18n";
import { localPath } from "../layout";

/** One step of the trail: a path without the language prefix and its text. */
export type Crumb = { href: string; text: string };

/**
 * The trail from the top of a part of the site to the page shown, the last step marked as the
 * current page (Designsystemet's breadcrumbs).
 */
export function Breadcrumbs(props: { lang: Lang; items: Crumb[] }) {
  const t = messages(props.lang);
  return (
    <nav aria-label={t.site.breadcrumbs} class="ds-breadcrumbs">
      <ol>
        {props.items.map((item, i) => (
          <li>
            <a
              class="ds-link"
              href={localPath(props.lang, item.href)}
              aria-current={i === props.items.length - 1 ? "page" : undefined}
            >
              {item.text}
            </a>
          </li>
        ))}
      </ol>
    </nav>
  );
}
