/**
 * ONTAP renamed path parameters between releases (`{azure_key_vault.uuid}` → `{uuid}`) without
 * changing the URL a client sends. Paths are therefore matched by their shape, with parameter
 * names blanked, and the names are compared position by position.
 */
export function pathShape(path: string): string {
  return path.replace(/\{[^}]*\}/g, "{}");
}

/** The parameter names of a path template, in order. */
export function pathParameterNames(path: string): string[] {
  return [...path.matchAll(/\{([^}]*)\}/g)].map((m) => m[1]!);
}
