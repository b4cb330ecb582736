import type { Diagnostics } from "../diagnostics.js";
import type { Definition, OperationDoc, Property, TypeRef } from "../types.js";

/** Above this many nameless definitions on one page the permutations are not tried. */
const MAX_UNNAMED = 6;

export function namedTypes(type: TypeRef, out: string[] = []): string[] {
  if (type.kind === "named") out.push(type.name);
  else if (type.kind === "array") namedTypes(type.items, out);
  return out;
}

/** Every type name an operation refers to, in the order it first refers to them. */
function referencedNames(op: OperationDoc): string[] {
  const props: Property[] = [
    ...(op.requestBody?.properties ?? []),
    ...op.responses.flatMap((r) => r.properties ?? []),
    ...op.definitions.flatMap((d) => d.properties),
  ];
  return [...new Set(props.flatMap((p) => namedTypes(p.type)))];
}

/**
 * The text rendering sometimes loses the line that names a definition. The names are
 * recovered from the references that nothing else answers: each nameless definition gets one,
 * choosing the assignment under which no definition refers to itself and definitions come
 * after those they use (the order every ONTAP page prints them in).
 */
export function recoverDefinitionNames(op: OperationDoc, diagnostics: Diagnostics): void {
  const unnamed = op.definitions.filter((d) => d.name === undefined);
  if (unnamed.length === 0) return;
  const defined = new Set(op.definitions.map((d) => d.name).filter((n) => n !== undefined));
  const missing = referencedNames(op).filter((n) => !defined.has(n));
  if (missing.length !== unnamed.length || unnamed.length > MAX_UNNAMED) {
    for (const def of unnamed) {
      diagnostics.warning(
        op.file,
        def.line,
        `definition without a name line, and ${missing.length} unanswered reference(s) for ${unnamed.length} nameless definition(s): expected a name before the table; definition ignored`,
      );
    }
    op.definitions = op.definitions.filter((d) => d.name !== undefined);
    return;
  }
  let best: { names: string[]; cost: number } | undefined;
  let ties = 0;
  for (const names of permutations(missing)) {
    const cost = assignmentCost(op.definitions, unnamed, names);
    if (cost === Infinity) continue;
    if (!best || cost < best.cost) {
      best = { names, cost };
      ties = 0;
    } else if (cost === best.cost) ties++;
  }
  if (!best) {
    for (const def of unnamed)
      diagnostics.warning(
        op.file,
        def.line,
        "definition without a name line that no reference fits; definition ignored",
      );
    op.definitions = op.definitions.filter((d) => d.name !== undefined);
    return;
  }
  unnamed.forEach((def, k) => {
    def.name = best.names[k];
    const guess = ties > 0 ? " (a guess: other names fit as well)" : "";
    diagnostics.warning(
      op.file,
      def.line,
      `definition without a name line; named \`${def.name}\` from the references to it${guess}`,
    );
  });
}

/** Infinity when a definition would refer to itself; else how many references point forward. */
function assignmentCost(
  all: readonly Definition[],
  unnamed: readonly Definition[],
  names: readonly string[],
): number {
  const nameOf = (d: Definition): string | undefined => d.name ?? names[unnamed.indexOf(d)];
  const position = new Map<string, number>();
  all.forEach((d, i) => {
    const n = nameOf(d);
    if (n !== undefined && !position.has(n)) position.set(n, i);
  });
  let cost = 0;
  for (const [i, d] of all.entries()) {
    for (const ref of d.properties.flatMap((p) => namedTypes(p.type))) {
      if (ref === nameOf(d)) return Infinity;
      if ((position.get(ref) ?? -1) > i) cost++;
    }
  }
  return cost;
}

function* permutations<T>(items: readonly T[]): Generator<T[]> {
  if (items.length <= 1) {
    yield [...items];
    return;
  }
  for (let i = 0; i < items.length; i++) {
    const rest = [...items.slice(0, i), ...items.slice(i + 1)];
    for (const p of permutations(rest)) yield [items[i]!, ...p];
  }
}
