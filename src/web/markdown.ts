import { Marked } from "marked";
import sanitizeHtml from "sanitize-html";

const marked = new Marked({ gfm: true, breaks: false, async: false });

/**
 * Markdown from content editors to safe HTML: a real parser, then a real sanitiser with an
 * allow-list, so no script, style or event handler from content ever reaches the page.
 * Headings are shifted down one level: the page's own title is the only h1.
 */
export function renderMarkdown(markdown: string): string {
  const html = marked.parse(markdown) as string;
  return sanitizeHtml(html, {
    allowedTags: ["h2", "h3", "h4", "p", "ul", "ol", "li", "a", "strong", "em", "blockquote", "br"],
    allowedAttributes: { a: ["href"] },
    allowedSchemes: ["https", "mailto", "tel"],
    allowProtocolRelative: false,
    transformTags: {
      h1: "h2",
      h2: (_tag, attribs) => ({
        tagName: "h2",
        attribs: { ...attribs, class: "ds-heading", "data-size": "md" },
      }),
      h3: (_tag, attribs) => ({
        tagName: "h3",
        attribs: { ...attribs, class: "ds-heading", "data-size": "sm" },
      }),
      p: (_tag, attribs) => ({ tagName: "p", attribs: { ...attribs, class: "ds-paragraph" } }),
      ul: (_tag, attribs) => ({ tagName: "ul", attribs: { ...attribs, class: "ds-list" } }),
      ol: (_tag, attribs) => ({ tagName: "ol", attribs: { ...attribs, class: "ds-list" } }),
      a: (_tag, attribs) => ({ tagName: "a", attribs: { ...attribs, class: "ds-link" } }),
    },
    allowedClasses: { "*": ["ds-heading", "ds-paragraph", "ds-list", "ds-link"] },
  });
}
