import type { ErrorEntry } from "./catalog-entry.js";
import { descriptions, names } from "./generated/descriptions.js";
import { shared } from "./registry.js";

// The last entry handed out per code: the same facts give the same object.
const handedOut = new Map<string, ErrorEntry>();

/**
 * What is known about an ONTAP error code, or `undefined` when no page lists it and no
 * registered catalog has it. A registered entry (`registerErrorCatalog`) replaces the
 * package's; the name is the one given to `registerErrorNames`, else the registered entry's,
 * else the package's.
 */
export function lookupError(code: string): ErrorEntry | undefined {
  const registered = shared<ErrorEntry>("catalog").get(code);
  const description = registered?.description ?? own(descriptions, code);
  if (description === undefined) return undefined;
  const name = shared<string>("names").get(code) ?? registered?.name ?? own(names, code);
  let entry = handedOut.get(code);
  if (entry?.description !== description || entry.name !== name) {
    entry = name === undefined ? { code, description } : { code, name, description };
    handedOut.set(code, entry);
  }
  return entry;
}

// Only the table's own keys: `constructor` is a property of every object.
function own(table: Readonly<Record<string, string | undefined>>, code: string) {
  return Object.hasOwn(table, code) ? table[code] : undefined;
}
