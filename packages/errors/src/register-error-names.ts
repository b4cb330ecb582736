import { lookupError } from "./lookup-error.js";
import { isText, shared } from "./registry.js";

/**
 * Gives codes readable names (`{ "65537120": "AKV_NOT_CONFIGURED" }`), shown as `name` by
 * `lookupError` and on `OntapApiError#entry`, in every copy of the package in the process. A
 * later name for a code replaces the earlier one, the package's and a registered catalog's
 * too. Throws, and names nothing, when a code is neither documented nor registered (a name
 * there would never show) or a name is not a non-empty string.
 */
export function registerErrorNames(map: Readonly<Record<string, string>>): void {
  const given = Object.entries(map);
  for (const [code, name] of given) {
    if (lookupError(code) === undefined) {
      throw new RangeError(`registerErrorNames: ${code} is not a known ONTAP error code`);
    }
    if (!isText(name)) {
      throw new TypeError(`registerErrorNames: the name of ${code} must be a non-empty string`);
    }
  }
  for (const [code, name] of given) shared<string>("names").set(code, name);
}
