import type { Shape } from "../reconcile/components.js";
import type { OperationDoc } from "../types.js";
import type { Schema } from "./schema.js";

/**
 * A property no page lets a client set is `readOnly` on the definition's own component, not
 * only on the request body's copy: a GET's records are that component, and NetApp's own spec
 * marks them there (`azure_key_vault.uuid`).
 *
 * A request body is the resource's definition when it prints the same properties. A property
 * is read-only when the operations that list what they settle ("Required properties" and
 * "Optional properties") all leave it out, and one of them is a POST: PATCH alone lists what
 * can change, not what can be created, so it is no evidence against a create-only property.
 */
export function markReadOnlyComponents(
  ops: readonly OperationDoc[],
  shapes: readonly Shape[],
  schemas: Record<string, Schema>,
): void {
  const byProperties = new Map<string, Shape[]>();
  for (const shape of shapes) {
    const key = propertyKey(shape.representative.properties.map((p) => p.name));
    byProperties.set(key, [...(byProperties.get(key) ?? []), shape]);
  }
  const evidence = new Map<Shape, { settable: Set<string>; post: boolean }>();
  for (const op of ops) {
    if (!op.settable || !op.requestBody?.properties.length) continue;
    const key = propertyKey(op.requestBody.properties.map((p) => p.name));
    for (const shape of byProperties.get(key) ?? []) {
      const e = evidence.get(shape) ?? { settable: new Set<string>(), post: false };
      for (const name of op.settable) e.settable.add(name.split(".")[0]!);
      e.post ||= op.method === "post";
      evidence.set(shape, e);
    }
  }
  for (const [shape, { settable, post }] of evidence) {
    if (!post) continue;
    const properties = schemas[shape.name]?.properties ?? {};
    for (const [name, schema] of Object.entries(properties))
      if (!settable.has(name)) schema.readOnly = true;
  }
}

function propertyKey(names: readonly string[]): string {
  return [...names].sort().join(",");
}
