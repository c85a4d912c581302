import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import type { AppContext } from "../../kernel/context";
import { type Lang, messages } from "../../web/i18n";
import { localPath } from "../../web/layout";
import { render } from "../../web/render";
import { identityText } from "./texts";
import { ANOTHER_ACCOUNT, MessagePage } from "./views";

export { ANOTHER_ACCOUNT };

/**
 * A provider vouched for someone Samspill does not know: nothing about them is stored, so they
 * are not signed in. Without a trace of that, every work page would send them to sign in, and
 * the provider's single sign-on would vouch for the same person again: a circle. This cookie
 * holds no identity, only "a sign-in here just found no access"; while it lasts, work pages
 * explain instead of redirecting, and the next sign-in asks the provider to ask who it is.
 */
const NO_ACCESS_COOKIE = "samspill-no-access";
const NO_ACCESS_SECONDS = 12 * 60 * 60;

export function rememberNoAccess(c: AppContext) {
  setCookie(c, NO_ACCESS_COOKIE, "1", {
    httpOnly: true,
    sameSite: "Lax",
    path: "/",
    maxAge: NO_ACCESS_SECONDS,
  });
}

export function forgetNoAccess(c: AppContext) {
  if (getCookie(c, NO_ACCESS_COOKIE)) deleteCookie(c, NO_ACCESS_COOKIE, { path: "/" });
}

export function foundNoAccess(c: AppContext): boolean {
  return getCookie(c, NO_ACCESS_COOKIE) === "1";
}

/**
 * How to get access, for a person signed in without a role or one the providers vouched for
 * but Samspill does not know. Its links never lead to a page that sends them back here.
 */
export function noAccessPage(
  c: AppContext,
  lang: Lang,
  opts: { returnTo?: string; status?: 200 | 403 } = {},
) {
  const t = messages(lang);
  const it = identityText(lang);
  const signedIn = c.get("user") !== null;
  const again = new URLSearchParams({ [ANOTHER_ACCOUNT]: "1" });
  if (opts.returnTo) again.set("returnTo", opts.returnTo);
  c.header("Cache-Control", "no-store");
  return render(
    c,
    <MessagePage lang={lang} title={it.noAccessTitle} lead={it.noAccessLead} color="info">
      <ul class="ds-list">
        <li>
          {signedIn ? (
            <a class="ds-link" href={localPath(lang, "/meg")}>
              {it.profile}
            </a>
          ) : (
            <a class="ds-link" href={`${localPath(lang, "/logg-inn")}?${again}`}>
              {it.signInAnother}
            </a>
          )}
        </li>
        <li>
          <a class="ds-link" href={localPath(lang, "/kontakt")}>
            {t.site.contact}
          </a>
        </li>
      </ul>
    </MessagePage>,
    opts.status ?? 200,
  );
}
