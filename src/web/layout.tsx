import type { Child } from "hono/jsx";
import type { NavEntry } from "../kernel/manifest";
import { currentViewer } from "../kernel/request-context";
import { appModules } from "../modules";
import { assetManifest } from "./assets";
import { htmlLang, LANGS, type Lang, messages } from "./i18n";

export type PageProps = {
  lang: Lang;
  title: string;
  /** The page's path without the language prefix, e.g. "/tilbud/ibs"; undefined when it has none. */
  path: string | undefined;
  hasErrors?: boolean;
  /**
   * Use the window's width for tables (the work areas under /admin, /puljer and
   * /organisasjoner are wide by default); reading pages keep a readable measure.
   */
  wide?: boolean;
  /** The door's QR reader (assets.scan): only the check-in page links it. */
  scanner?: boolean;
  children: Child;
};

/** The signed-in work areas: their pages carry tables and get the wide layout. */
let workAreas: string[] | undefined;

/** Whether a path (without the language) is one of the modules' work areas (manifest `workAreas`). */
export function isWorkArea(path: string | undefined) {
  if (path === undefined) return false;
  workAreas ??= appModules().flatMap((m) => m.workAreas ?? []);
  return workAreas.some((area) => path === area || path.startsWith(`${area}/`));
}

export function localPath(lang: Lang, path: string) {
  return `/${lang}${path === "/" ? "/" : path}`;
}

let menu: NavEntry[] | undefined;

/** The signed-in menu's entries from every module's manifest, in their positions' order. */
function signedInMenu(): NavEntry[] {
  menu ??= appModules()
    .flatMap((m) => m.nav ?? [])
    .sort((a, b) => a.position - b.position);
  return menu;
}

/** The site's icon, for the layout and for pages with their own <head> (the print view). */
export function IconLink() {
  return <link rel="icon" href={`/assets/${assetManifest().icon}`} type="image/svg+xml" />;
}

/**
 * A signed-in person's menu is long: on a narrow screen it folds behind "Meny" (a native
 * disclosure, so it works without script and by keyboard); on a wide screen the stylesheet
 * shows it open and hides the summary. The public menu is short and always shown.
 */
function MenuDisclosure(props: { compact: boolean; label: string; children: Child }) {
  if (!props.compact) return <>{props.children}</>;
  return (
    <details class="main-nav__menu">
      <summary class="main-nav__toggle">{props.label}</summary>
      {props.children}
    </details>
  );
}

export function Layout(props: PageProps) {
  const t = messages(props.lang);
  const assets = assetManifest();
  const title = `${props.hasErrors ? `${t.form.errorPrefix} ` : ""}${props.title} – ${t.site.name}`;
  const path = props.path;
  const viewer = currentViewer();
  const can = (prefix: string) => viewer?.permissions.some((p) => p.startsWith(prefix)) ?? false;
  return (
    <html lang={htmlLang[props.lang]} data-color-scheme="light">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{title}</title>
        <link rel="stylesheet" href={`/assets/${assets.css}`} />
        <IconLink />
        {assets.fonts.map((font) => (
          <link rel="preload" href={`/assets/${font}`} as="font" type="font/woff2" crossorigin="" />
        ))}
        {path !== undefined
          ? LANGS.map((l) => (
              <link rel="alternate" hreflang={htmlLang[l]} href={localPath(l, path)} />
            ))
          : null}
        {path !== undefined ? (
          <link rel="alternate" hreflang="x-default" href={localPath("nb", path)} />
        ) : null}
        <script type="module" src={`/assets/${assets.js}`} />
        {props.scanner ? <script type="module" src={`/assets/${assets.scan}`} /> : null}
      </head>
      <body class={(props.wide ?? isWorkArea(path)) ? "layout--wide" : undefined}>
        <a class="ds-skip-link" href="#main">
          {t.site.skipLink}
        </a>
        <header class="site-header">
          <div class="container site-header__inner">
            <a class="site-brand" href={localPath(props.lang, "/")}>
              <span class="site-brand__name">{t.site.name}</span>
              <span class="site-brand__tagline">{t.site.tagline}</span>
            </a>
            <nav aria-label={t.site.languageNav} class="lang-switch">
              <ul>
                {LANGS.map((l) => (
                  <li>
                    <a
                      class="ds-link"
                      href={localPath(l, path ?? "/")}
                      hreflang={htmlLang[l]}
                      lang={htmlLang[l]}
                      aria-current={l === props.lang ? "true" : undefined}
                    >
                      {messages(l).langName}
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
          </div>
          <nav aria-label={t.site.mainNav} class="main-nav container">
            <MenuDisclosure compact={viewer !== null} label={t.site.menu}>
              <ul>
                <li>
                  <a class="ds-link" href={localPath(props.lang, "/")}>
                    {t.site.programmes}
                  </a>
                </li>
                <li>
                  <a class="ds-link" href={localPath(props.lang, "/kontakt")}>
                    {t.site.contact}
                  </a>
                </li>
                <li>
                  <a class="ds-link" href={localPath(props.lang, "/nyhetsbrev")}>
                    {t.site.newsletter}
                  </a>
                </li>
                {viewer
                  ? signedInMenu()
                      .filter((entry) => can(entry.permission))
                      .map((entry) => (
                        <li>
                          <a class="ds-link" href={localPath(props.lang, entry.path)}>
                            {entry.label(props.lang)}
                          </a>
                        </li>
                      ))
                  : null}
                <li class="main-nav__account">
                  {viewer ? (
                    <a class="ds-link" href={localPath(props.lang, "/meg")}>
                      {t.site.profile}
                      <span class="ds-sr-only">: </span> <span class="subtle">({viewer.name})</span>
                    </a>
                  ) : (
                    <a class="ds-link" href={localPath(props.lang, "/logg-inn")}>
                      {t.site.signIn}
                    </a>
                  )}
                </li>
              </ul>
            </MenuDisclosure>
          </nav>
        </header>
        <main id="main" tabindex={-1} class="container">
          {props.children}
        </main>
        <footer class="site-footer">
          <div class="container">
            <p class="ds-paragraph">{t.site.footerAbout}</p>
            <ul class="site-footer__links">
              <li>
                <a class="ds-link" href={localPath(props.lang, "/kontakt")}>
                  {t.site.contact}
                </a>
              </li>
              <li>
                <a class="ds-link" href={localPath(props.lang, "/nyhetsbrev")}>
                  {t.site.newsletter}
                </a>
              </li>
              <li>
                <a class="ds-link" href={localPath(props.lang, "/tilgjengelighet")}>
                  {t.site.accessibility}
                </a>
              </li>
              <li>
                <a class="ds-link" href={localPath(props.lang, "/personvern")}>
                  {t.site.privacy}
                </a>
              </li>
            </ul>
            <p class="ds-paragraph demo-notice" data-size="sm">
              {t.site.demoNotice}
            </p>
          </div>
        </footer>
      </body>
    </html>
  );
}
