/**
 * The document and the overlays' values are plain JSON. A JSON round trip copies them without
 * sharing (the ingester may reuse one object in several places, and an update applied at one
 * place must not show up at another) and keeps key order; the spec writers print what it
 * drops (`undefined` members, non-finite numbers) no differently, so bytes do not change.
 */
export function cloneJson<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}

export function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Deep merge of `update` into `target`: objects merge member by member, anything else (arrays
 * included) replaces. Existing members keep their place and new ones go last, so the merged
 * document's key order depends only on the document and the overlay.
 */
export function mergeInto(target: Record<string, unknown>, update: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(update)) {
    const current = Object.hasOwn(target, key) ? target[key] : undefined;
    if (isJsonObject(current) && isJsonObject(value)) mergeInto(current, value);
    else setMember(target, key, cloneJson(value));
  }
}

/** Also for a member named `__proto__`, which plain assignment would take as the prototype. */
export function setMember(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, {
    value,
    writable: true,
    enumerable: true,
    configurable: true,
  });
}
