/**
 * AsciiDoc inline markup, as NetApp's reference source uses it, to the plain text the other
 * renderings carry: links to their text, passthroughs to what they pass, attribute
 * references to their value. Emphasis is left alone: `metric.*` and `*` in filters are text.
 */

/** `link:#svm[svm]`, `link:page.html#x[text]`, `xref:…[…]`, `<<anchor,text>>`. */
const LINK = /\b(?:link|xref):([^\s[\]]*)\[([^\]]*)\]/g;
const CROSS_REFERENCE = /<<([^,>]+)(?:,([^>]*))?>>/g;
/**
 * `+*+`, `++text++`, `+++<num>+++`, `pass:[…]`: what is inside is literal text. The longest
 * delimiter first: `P+++<num>+++Y` is `P<num>Y`, not `P+<num>+Y`.
 */
const PASSTHROUGH = /\+\+\+(.*?)\+\+\+|\+\+(.*?)\+\+|\+([^+\s]+)\+|pass:[a-z,]*\[([^\]]*)\]/g;
const ATTRIBUTES: Record<string, string> = {
  empty: "",
  nbsp: " ",
  sp: " ",
  blank: "",
  vbar: "|",
  plus: "+",
  amp: "&",
  lt: "<",
  gt: ">",
  zwsp: "",
};
const ATTRIBUTE_REFERENCE = /\{(empty|nbsp|sp|blank|vbar|plus|amp|lt|gt|zwsp)\}/g;

/** Any of the literals the markup below starts with: most text has none (one scan, not six). */
const ANY_MARKUP = /link:|xref:|<<|\+|pass:|\{/;

export function adocInline(text: string): string {
  if (!ANY_MARKUP.test(text)) return text;
  let out = text;
  // The regexes run only where their literal is: most descriptions hold a `:` but no link.
  if (out.includes("link:") || out.includes("xref:"))
    out = out.replace(LINK, (_all, target: string, label: string) => label || target);
  if (out.includes("<<"))
    out = out.replace(CROSS_REFERENCE, (_all, id: string, label?: string) => label ?? id);
  if (out.includes("+") || out.includes("pass:"))
    out = out.replace(
      PASSTHROUGH,
      (all, a?: string, b?: string, c?: string, d?: string) => a ?? b ?? c ?? d ?? all,
    );
  if (out.includes("{"))
    out = out.replace(ATTRIBUTE_REFERENCE, (_all, name: string) => ATTRIBUTES[name] ?? "");
  return out;
}

/**
 * A type cell: `link:#svm[svm]` names the definition by its anchor (`[#svm]`), which is what
 * the Definitions section is keyed by; the label is only what the reader sees.
 */
export function adocType(text: string): string {
  return text.includes("link:")
    ? text.replace(LINK, (_all, target: string, label: string) =>
        target.startsWith("#") && target.length > 1 ? target.slice(1) : label,
      )
    : text;
}
