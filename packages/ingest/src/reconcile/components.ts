import type { Diagnostics } from "../diagnostics.js";
import type { Definition, OperationDoc, Property, TypeRef } from "../types.js";
import { type Owner, type Resolver, surfaceKey } from "./resolve-refs.js";

/** One schema of `components.schemas`: every definition of the doc set with this shape. */
export interface Shape {
  name: string;
  representative: Definition;
  definitions: Definition[];
}

export interface Components {
  shapes: Shape[];
  /** Component name of a definition. */
  nameOf(def: Definition): string;
}

/**
 * Definitions of all pages of a doc set become components: same name and same shape (refs
 * followed) are one component; same name and different shapes stay apart, the most used one
 * keeping the name and the others named after their properties (`_links_next_self`). A
 * definition the page was cut off inside is the complete one it is a prefix of.
 */
export function buildComponents(
  ops: readonly OperationDoc[],
  resolver: Resolver,
  diagnostics: Diagnostics,
): Components {
  const all = ops.flatMap((op) => op.definitions.filter((d) => d.name !== undefined));
  const canonical = new Map<Definition, Definition>();
  for (const def of all) {
    if (!def.partial) continue;
    const whole = all.find(
      (d) => !d.partial && d.name === def.name && containsAll(d.properties, def.properties),
    );
    if (whole) canonical.set(def, whole);
  }
  const canon = (d: Definition): Definition => canonical.get(d) ?? d;

  const keys = new Map<Definition, string>();
  const deepKey = (def: Definition, trail: Set<Definition> = new Set()): string => {
    const d = canon(def);
    const known = keys.get(d);
    if (known !== undefined) return known;
    if (trail.has(d)) return `<${d.name}>`; // a cycle: name it rather than follow it
    trail.add(d);
    const op = resolver.opOf(d);
    const typeKey = (t: TypeRef): string => {
      if (t.kind === "primitive") return t.name;
      if (t.kind === "array") return `[${typeKey(t.items)}]`;
      if (t.kind === "missing" || t.kind === "unreadable") return "?";
      const target = resolver.resolve(op, d, t.name);
      return target ? deepKey(target, trail) : `?${t.name}`;
    };
    const key = `{${d.properties.map((p) => `${p.name}:${typeKey(p.type)}`).join(",")}}`;
    trail.delete(d);
    keys.set(d, key);
    return key;
  };

  // Group by name, then by shape.
  const byName = new Map<string, Map<string, Definition[]>>();
  for (const def of all) {
    const shapes = byName.get(def.name!) ?? new Map<string, Definition[]>();
    const key = deepKey(def);
    const group = shapes.get(key);
    if (group) group.push(def);
    else shapes.set(key, [def]);
    byName.set(def.name!, shapes);
  }

  // How often each shape is referenced, to decide which variant keeps the plain name.
  const refCount = new Map<string, number>();
  const count = (op: OperationDoc, owner: Owner, props: readonly Property[]): void => {
    for (const p of props) {
      let t = p.type;
      while (t.kind === "array") t = t.items;
      if (t.kind !== "named") continue;
      const target = resolver.resolve(op, owner, t.name);
      if (target) refCount.set(deepKey(target), (refCount.get(deepKey(target)) ?? 0) + 1);
    }
  };
  for (const op of ops) {
    if (op.requestBody) count(op, op.requestBody, op.requestBody.properties);
    for (const r of op.responses) count(op, r, r.properties ?? []);
    for (const d of op.definitions) count(op, d, d.properties);
  }

  const shapes: Shape[] = [];
  const shapeByKey = new Map<string, Shape>();
  const taken = new Set<string>();
  for (const name of [...byName.keys()].sort()) {
    const variants = [...byName.get(name)!.entries()].sort(
      ([ka, da], [kb, db]) =>
        (refCount.get(kb) ?? 0) - (refCount.get(ka) ?? 0) ||
        da[0]!.properties.length - db[0]!.properties.length ||
        (ka < kb ? -1 : ka > kb ? 1 : 0),
    );
    variants.forEach(([key, defs], k) => {
      const representative = canon(defs.find((d) => !d.partial) ?? defs[0]!);
      const main = canon(variants[0]![1][0]!);
      let component =
        k === 0
          ? name
          : `${name}_${variantSuffix(representative.properties, main.properties)}`.replace(
              /[^A-Za-z0-9._-]/g,
              "_",
            );
      for (let n = 2; taken.has(component); n++) component = `${name}_${n}`;
      taken.add(component);
      const shape = { name: component, representative, definitions: defs };
      shapes.push(shape);
      shapeByKey.set(`${name}|${key}`, shape);
      if (k > 0) {
        diagnostics.warning(
          resolver.opOf(representative).file,
          representative.line,
          `\`${name}\` names ${variants.length} different shapes in this doc set; this one (${surfaceKey(representative.properties)}) is the component \`${component}\``,
        );
      }
    });
  }
  shapes.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return {
    shapes,
    nameOf(def) {
      return shapeByKey.get(`${def.name}|${deepKey(def)}`)!.name;
    },
  };
}

function containsAll(whole: readonly Property[], part: readonly Property[]): boolean {
  const have = new Set(whole.map((p) => surfaceKey([p])));
  return part.every((p) => have.has(surfaceKey([p])));
}

/** Past this many properties, a variant is named by how it differs, not by all it has. */
const SHORT_SHAPE = 3;

/**
 * The name suffix of a variant: its properties when it has few (`_links_next_self`), else
 * what sets it apart from the variant that keeps the plain name (`…_create_destination`,
 * `…_without_uuid`), so that a 30-property record does not get a 30-word name.
 */
function variantSuffix(props: readonly Property[], main: readonly Property[]): string {
  const names = props.map((p) => p.name);
  if (names.length <= SHORT_SHAPE) return names.join("_");
  const mainNames = new Set(main.map((p) => p.name));
  const added = names.filter((n) => !mainNames.has(n));
  if (added.length) return added.slice(0, SHORT_SHAPE).join("_");
  const own = new Set(names);
  const missing = main.map((p) => p.name).filter((n) => !own.has(n));
  if (missing.length) return `without_${missing.slice(0, SHORT_SHAPE).join("_")}`;
  return "variant";
}
