import type { Diagnostics } from "../diagnostics.js";
import { typeRefText } from "../extract/type-ref.js";
import type { Definition, OperationDoc, Property, RequestBodyDoc, ResponseDoc } from "../types.js";
import { namedTypes } from "./recover-names.js";

/** What holds a reference: a definition, a request body or a response body. */
export type Owner = Definition | RequestBodyDoc | ResponseDoc;

/** A shape as the page prints it: property names and type names, not followed. */
export function surfaceKey(props: readonly Property[]): string {
  return props.map((p) => `${p.name}:${typeRefText(p.type)}`).join(",");
}

export interface Resolver {
  /** The definition that `name`, used inside `owner` on `op`'s page, stands for. */
  resolve(op: OperationDoc, owner: Owner, name: string): Definition | undefined;
  /** The operation whose page a definition came from. */
  opOf(def: Definition): OperationDoc;
  /** A body table printed in full is often exactly a named definition (`azure_key_vault`). */
  sameShape(props: readonly Property[]): Definition | undefined;
}

/**
 * Type names are scoped by operation: each operation prints its own definitions. One
 * operation can print two different definitions under one name (the collection's `_links`
 * with `next` and `self`, and the records' `_links` with `self`). Such a name is resolved
 * per reference: first by what the same owner means on pages where the name is not
 * ambiguous, then by elimination (every printed definition is used by something), and only
 * then by a reported guess.
 */
export function buildResolver(ops: readonly OperationDoc[], diagnostics: Diagnostics): Resolver {
  // A definition's key is asked for once per type name it uses (evidence) and again per
  // variant: computed once per property list, it is no longer quadratic in a table's rows.
  // Nothing changes the property lists while the resolver is built.
  const keys = new Map<readonly Property[], string>();
  const keyOf = (props: readonly Property[]): string => {
    let key = keys.get(props);
    if (key === undefined) keys.set(props, (key = surfaceKey(props)));
    return key;
  };
  const scopes = new Map<OperationDoc, Map<string, Definition[]>>();
  const opOfDef = new Map<Definition, OperationDoc>();
  const global = new Map<string, Definition>();
  const byShape = new Map<string, Definition>();
  for (const op of ops) {
    const scope = new Map<string, Definition[]>();
    for (const def of op.definitions) {
      if (def.name === undefined) continue;
      const named = scope.get(def.name);
      if (named) named.push(def);
      else scope.set(def.name, [def]);
      opOfDef.set(def, op);
      if (!global.has(def.name)) global.set(def.name, def);
      const key = keyOf(def.properties);
      if (!byShape.has(key)) byShape.set(key, def);
    }
    scopes.set(op, scope);
  }

  // Evidence: on pages where `name` is unambiguous, which shape does owner D's `name` have?
  const evidence = new Map<string, string>();
  const evidenceKey = (owner: Definition, name: string): string =>
    `${owner.name}|${keyOf(owner.properties)}|${name}`;
  for (const op of ops) {
    const scope = scopes.get(op)!;
    for (const def of op.definitions) {
      for (const name of def.properties.flatMap((p) => namedTypes(p.type))) {
        const variants = scope.get(name);
        if (variants?.length === 1)
          evidence.set(evidenceKey(def, name), keyOf(variants[0]!.properties));
      }
    }
  }

  const choices = new Map<Owner, Map<string, Definition>>();
  const choose = (owner: Owner, name: string, def: Definition): void => {
    const m = choices.get(owner) ?? new Map<string, Definition>();
    m.set(name, def);
    choices.set(owner, m);
  };
  for (const op of ops) {
    const scope = scopes.get(op)!;
    for (const [name, variants] of scope) {
      if (variants.length < 2) continue;
      const owners: Owner[] = [op.requestBody, ...op.responses, ...op.definitions].filter(
        (o): o is Owner =>
          o !== undefined && (o.properties ?? []).some((p) => namedTypes(p.type).includes(name)),
      );
      const unassigned: Owner[] = [];
      const used = new Set<Definition>();
      for (const owner of owners) {
        const asDef = isDefinition(owner) ? owner : byShape.get(keyOf(owner.properties ?? []));
        const seen = asDef && evidence.get(evidenceKey(asDef, name));
        const variant =
          seen === undefined ? undefined : variants.find((v) => keyOf(v.properties) === seen);
        if (variant) {
          choose(owner, name, variant);
          used.add(variant);
        } else unassigned.push(owner);
      }
      const unused = variants.filter((v) => !used.has(v));
      for (const owner of unassigned) {
        const variant = unused.length === 1 ? unused[0]! : variants[0]!;
        if (unused.length !== 1) {
          diagnostics.warning(
            op.file,
            variant.line,
            `\`${name}\` is defined ${variants.length} times with different properties and nothing tells which one a reference means; chose the first (a guess)`,
          );
        }
        choose(owner, name, variant);
      }
    }
  }

  return {
    resolve(op, owner, name) {
      const chosen = choices.get(owner)?.get(name);
      if (chosen) return chosen;
      const local = scopes.get(op)?.get(name);
      return local?.[0] ?? global.get(name);
    },
    opOf(def) {
      return opOfDef.get(def)!;
    },
    sameShape(props) {
      return byShape.get(surfaceKey(props));
    },
  };
}

function isDefinition(owner: Owner): owner is Definition {
  return "partial" in owner;
}
