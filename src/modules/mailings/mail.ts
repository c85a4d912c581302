import { Marked } from "marked";
import sanitizeHtml from "sanitize-html";
import type { MailingKind } from "./schema";
import { mailWords } from "./texts";

const marked = new Marked({ gfm: true, breaks: false, async: false });

const FONT = "font-family:Inter,Arial,Helvetica,sans-serif;";
const TEXT = `${FONT}font-size:16px;line-height:1.5;color:#1e2b3c;`;
/** Inline styles per tag: mail clients drop <style> and external CSS, so every element carries its own. */
const STYLE: Record<string, string> = {
  h2: `${FONT}font-size:22px;line-height:1.3;margin:24px 0 8px;color:#1e2b3c;`,
  h3: `${FONT}font-size:18px;line-height:1.3;margin:20px 0 8px;color:#1e2b3c;`,
  h4: `${FONT}font-size:16px;margin:16px 0 8px;color:#1e2b3c;`,
  p: `${TEXT}margin:0 0 16px;`,
  ul: `${TEXT}margin:0 0 16px;padding-left:24px;`,
  ol: `${TEXT}margin:0 0 16px;padding-left:24px;`,
  li: `${TEXT}margin:0 0 4px;`,
  a: "color:#0062ba;text-decoration:underline;",
  blockquote: `${TEXT}margin:0 0 16px;padding-left:12px;border-left:4px solid #c9d1dc;`,
  strong: "font-weight:600;",
};

/**
 * Markdown to the HTML of a mail: the programme pages' allow-list (no images, no scripts, no
 * styles from the author: decision 0034), with each element's style inline.
 */
export function mailBodyHtml(markdown: string): string {
  const html = marked.parse(markdown) as string;
  const styled = (tag: string) => (_t: string, attribs: Record<string, string>) => ({
    tagName: tag,
    attribs: { ...attribs, style: STYLE[tag] ?? "" },
  });
  return sanitizeHtml(html, {
    allowedTags: ["h2", "h3", "h4", "p", "ul", "ol", "li", "a", "strong", "em", "blockquote", "br"],
    allowedAttributes: { a: ["href", "style"], "*": ["style"] },
    allowedSchemes: ["https", "mailto", "tel"],
    allowProtocolRelative: false,
    transformTags: {
      h1: styled("h2"),
      h2: styled("h2"),
      h3: styled("h3"),
      h4: styled("h4"),
      p: styled("p"),
      ul: styled("ul"),
      ol: styled("ol"),
      li: styled("li"),
      a: styled("a"),
      blockquote: styled("blockquote"),
      strong: styled("strong"),
    },
  });
}

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export type MailContent = {
  kind: MailingKind;
  lang: "nb" | "nn";
  subject: string;
  body: string;
  senderName: string;
  /** Newsletter: the one-click unsubscribe link. */
  unsubscribe?: string;
  /** The web edition (newsletters). */
  webLink?: string;
  /** Message: why this person gets it. */
  why?: string;
};

/** The text and HTML parts of one mail. */
export function renderMail(m: MailContent): { text: string; html: string } {
  const w = mailWords[m.lang];
  const footerText: string[] = [];
  const footerHtml: string[] = [];
  if (m.kind === "newsletter") {
    footerText.push(w.newsletterWhy(m.senderName));
    footerHtml.push(esc(w.newsletterWhy(m.senderName)));
    if (m.webLink) {
      footerText.push(`${w.webEdition}: ${m.webLink}`);
      footerHtml.push(`<a href="${esc(m.webLink)}" style="${STYLE.a}">${esc(w.webEdition)}</a>`);
    }
    if (m.unsubscribe) {
      footerText.push(`${w.unsubscribe}: ${m.unsubscribe}`);
      footerHtml.push(
        `<a href="${esc(m.unsubscribe)}" style="${STYLE.a}">${esc(w.unsubscribe)}</a>`,
      );
    }
  } else if (m.why) {
    footerText.push(m.why);
    footerText.push(w.replyHint);
    footerHtml.push(esc(m.why), esc(w.replyHint));
  }
  const text = [m.body.trim(), "", "—", ...footerText].join("\n");
  const html = `<!doctype html>
<html lang="${m.lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${esc(m.subject)}</title></head>
<body style="margin:0;padding:0;background:#f4f5f6;">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background:#f4f5f6;"><tr><td align="center" style="padding:24px 12px;">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="max-width:600px;background:#ffffff;border-radius:4px;"><tr><td style="padding:24px;">
<p style="${TEXT}margin:0 0 8px;color:#4b5563;font-size:14px;">${esc(m.senderName)}</p>
<h1 style="${FONT}font-size:26px;line-height:1.25;margin:0 0 16px;color:#1e2b3c;">${esc(m.subject)}</h1>
${mailBodyHtml(m.body)}
<hr style="border:0;border-top:1px solid #c9d1dc;margin:24px 0 16px;">
${footerHtml.map((line) => `<p style="${TEXT}font-size:14px;color:#4b5563;margin:0 0 8px;">${line}</p>`).join("\n")}
</td></tr></table>
</td></tr></table>
</body></html>`;
  return { text, html };
}

/** RFC 2369 and RFC 8058: mail clients offer a one-click unsubscribe that POSTs to the link. */
export function unsubscribeHeaders(url: string): Record<string, string> {
  return { "List-Unsubscribe": `<${url}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" };
}
