import { compareDocs } from "./compare-docs.js";
import { compareSchema, type SchemaContext } from "./compare-schema.js";
import { asObject, unionKeys } from "./json.js";
import type { Json } from "./types.js";

/**
 * Compares the `content` of a request body or a response, media type by media type. A media
 * type the server no longer speaks is breaking; a new one is a feature.
 */
export function compareContent(ctx: SchemaContext, o: Json, n: Json, base: string): void {
  const oc = asObject(o.content);
  const nc = asObject(n.content);
  for (const media of unionKeys(Object.keys(oc), Object.keys(nc))) {
    const where = `${base} ${media}`;
    if (!Object.hasOwn(nc, media)) ctx.report("breaking", where, "media type removed");
    else if (!Object.hasOwn(oc, media)) ctx.report("feature", where, "media type added");
    else {
      const om = asObject(oc[media]);
      const nm = asObject(nc[media]);
      compareDocs(ctx.report, where, om, nm); // the media type's example(s)
      compareSchema(ctx, om.schema, nm.schema, where);
    }
  }
}
