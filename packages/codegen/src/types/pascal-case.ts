// Type names from operationIds: `post_security_azure_key_vaults` → `PostSecurityAzureKeyVaults`.
//
// Words are split at anything that is not a letter or a digit; each word's first letter is
// upper-cased and the rest kept (`getClusterJobs` → `GetClusterJobs`), so ids in camelCase and
// in snake_case both read naturally. A name that would start with a digit gets a leading `_`.

/** The PascalCase type name for `id`; `undefined` when `id` has no letter or digit. */
export function pascalCase(id: string): string | undefined {
  const words = id.split(/[^A-Za-z0-9]+/).filter((word) => word !== "");
  if (words.length === 0) return undefined;
  const name = words.map((word) => word[0]!.toUpperCase() + word.slice(1)).join("");
  return /^[0-9]/.test(name) ? `_${name}` : name;
}
