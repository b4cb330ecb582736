import type { Block } from "../types.js";
import { cleanText } from "./cell-text.js";
import { METHOD_LINE, STATUS_LINE, isChrome, isListTitle, isSectionTitle } from "./vocabulary.js";

type Bullet = Extract<Block, { kind: "bullet" }>;

/** A list has a few dozen items at most; the bound keeps a page of dashes cheap. */
const MAX_LINES = 400;

/** `name`, `svm.uuid or svm.name`: the names a property bullet starts with. */
const NAME_LIST = /^[A-Za-z_][\w.]*(?: or [A-Za-z_][\w.]*)*$/;
/** `version- auto`: a name glued to the ` - ` that follows it. */
const GLUED_DASH = /^((?:[A-Za-z_][\w.]* or )*[A-Za-z_][\w.]*)-\s/;
/** `svm.uuidorsvm.name`: two dotted names glued around `or`. */
const GLUED_OR = /^([A-Za-z_]\w*)(\.[\w.]+)or\1(\.[\w.]+)/;

/** A line that is only the bullet of the next item. */
export function isDashMarker(line: string): boolean {
  return line.trim() === "-";
}

/**
 * A bulleted list as the pipe rendering saves it: each bullet a `-` of its own, the item's
 * text on the lines after it, the code spans of the item each on a line of their own:
 *
 *     -                          svm.uuid or svm.name - Existing SVM …
 *     svm.uuid                   name - Name for the qtree.
 *     orsvm.name
 *     - Existing SVM … -         (the ` -` at the end of a line is the next item's bullet)
 *     name
 *     - Name for the qtree.
 *
 * A nested list comes as items after a bare name (`ipspace.name or ipspace.uuid`), closed by a
 * second `-`: its items are `nested` bullets, as the text rendering's indented ones. The list ends
 * at a title (`Recommended optional properties`), at the page's structure, or at a line that
 * starts with a capital after an item that is complete.
 */
export function readDashList(
  lines: readonly string[],
  start: number,
): { bullets: Bullet[]; next: number } {
  const items: { text: string; line: number }[] = [];
  let open: { text: string; line: number } | undefined;
  const close = (): void => {
    if (open) items.push(open);
    open = undefined;
  };
  let i = start;
  for (; i < lines.length && i - start < MAX_LINES; i++) {
    const t = (lines[i] ?? "").trim();
    if (t === "-") {
      close();
      open = { text: "", line: i + 2 };
      continue;
    }
    if (t === "" || endsList(t)) break;
    let text = t;
    let marker = false;
    if (text.endsWith(" -")) {
      text = text.slice(0, -2).trimEnd();
      marker = true;
    }
    if (open && open.text === "") {
      open.text = unglue(text);
      open.line = i + 1;
    } else if (open && text.startsWith("- ")) open.text += ` - ${text.slice(2).trim()}`;
    else if (open && /^or[A-Za-z_]/.test(text) && NAME_LIST.test(open.text))
      open.text += ` or ${text.slice(2)}`;
    else if (open && !/^[A-Z]/.test(text)) open.text += ` ${text}`;
    else break;
    if (marker) {
      close();
      open = { text: "", line: i + 2 };
    }
  }
  close();
  return { bullets: markNested(items), next: Math.max(i, start + 1) };
}

function endsList(t: string): boolean {
  return (
    isListTitle(t) ||
    isSectionTitle(t) ||
    isChrome(t) ||
    METHOD_LINE.test(t) ||
    STATUS_LINE.test(t) ||
    t.includes("|") ||
    t.startsWith("{")
  );
}

/** `version- auto` → `version - auto`; `svm.uuidorsvm.name- …` → `svm.uuid or svm.name - …`. */
function unglue(text: string): string {
  const or = GLUED_OR.exec(text);
  if (or) text = `${or[1]}${or[2]} or ${or[1]}${or[3]}${text.slice(or[0].length)}`;
  return text.replace(GLUED_DASH, "$1 - ");
}

/**
 * A bare name followed by items and an empty one (`-` twice) heads a nested list: its items
 * are `nested` bullets, which qualify the name's (as the text rendering's indented ones do).
 */
function markNested(items: readonly { text: string; line: number }[]): Bullet[] {
  const out: Bullet[] = [];
  let nestedEnd = -1; // the items before this index (and after their head) are nested
  for (let k = 0; k < items.length; k++) {
    const item = items[k]!;
    if (item.text === "") continue;
    const nested = k < nestedEnd;
    if (!nested && NAME_LIST.test(item.text)) {
      let end = k + 1;
      while (end < items.length && items[end]!.text !== "") end++;
      if (end > k + 1 && end < items.length) nestedEnd = end;
    }
    const text = cleanText(item.text);
    if (!text) continue;
    const bullet: Bullet = { kind: "bullet", text, line: item.line };
    if (nested) bullet.nested = true;
    out.push(bullet);
  }
  return out;
}
