import type { Facts } from "../types.js";

/** One bullet (`• Max value: 120`) to the fact it states; bullets that state none are ignored. */
const READERS: [RegExp, (m: RegExpExecArray, f: Facts) => void][] = [
  [/^default value:\s*(.*)$/i, (m, f) => (f.default = (m[1] ?? "").trim())],
  [/^max(?:imum)? value:\s*(-?\d+(?:\.\d+)?)/i, (m, f) => (f.maximum = Number(m[1]))],
  [/^min(?:imum)? value:\s*(-?\d+(?:\.\d+)?)/i, (m, f) => (f.minimum = Number(m[1]))],
  [/^max(?:imum)? ?length:\s*(\d+)/i, (m, f) => (f.maxLength = Number(m[1]))],
  [/^min(?:imum)? ?length:\s*(\d+)/i, (m, f) => (f.minLength = Number(m[1]))],
  [/^enum:\s*\[(.*)\]?\s*$/i, (m, f) => (f.enum = parseEnum(m[1] ?? ""))],
  [/^introduced in:\s*(\S+)/i, (m, f) => (f.introduced = m[1])],
  [/^format:\s*(\S+)/i, (m, f) => (f.format = m[1])],
  [/^readonly:\s*(1|true)\b/i, (_m, f) => (f.readOnly = true)],
  [/^readcreate:\s*(1|true)\b/i, (_m, f) => (f.readCreate = true)],
  [/^x-ntap-createonly:\s*(1|true)\b/i, (_m, f) => (f.createOnly = true)],
  [/^x-ntap-deprecated:\s*(\S+)/i, (m, f) => (f.deprecated = m[1])],
  [/^x-nullable:\s*(1|true)\b/i, (_m, f) => (f.nullable = true)],
  [/^example:\s*(.*\S)/i, (m, f) => (f.example = m[1])],
];

export function readFacts(notes: readonly string[]): Facts {
  const facts: Facts = {};
  for (const note of notes) {
    for (const [pattern, read] of READERS) {
      const m = pattern.exec(note.trim());
      if (m) {
        read(m, facts);
        break;
      }
    }
  }
  return facts;
}

function parseEnum(list: string): string[] {
  return list
    .replace(/\]\s*$/, "")
    .split(",")
    .map((v) => v.trim().replace(/^["'`]|["'`]$/g, ""))
    .filter((v) => v !== "");
}

/**
 * A description that stops inside brackets or quotes was cut off by the page (the collection
 * `order_by` reads "Order results by specified fields and optional [asc").
 */
export function looksCutOff(text: string): boolean {
  // Only an opening bracket or a quote can leave something open: most descriptions have
  // none, and four native searches beat walking every character in JavaScript.
  if (!text.includes("[") && !text.includes("(") && !text.includes('"') && !text.includes("`"))
    return false;
  let square = 0;
  let round = 0;
  let quotes = 0;
  let ticks = 0;
  for (let i = 0; i < text.length; i++) {
    switch (text.charCodeAt(i)) {
      case 0x5b:
        square++;
        break; // [
      case 0x5d:
        square--;
        break; // ]
      case 0x28:
        round++;
        break; // (
      case 0x29:
        round--;
        break; // )
      case 0x22:
        quotes++;
        break; // "
      case 0x60:
        ticks++;
        break; // `
    }
  }
  return square > 0 || round > 0 || quotes % 2 === 1 || ticks % 2 === 1;
}
