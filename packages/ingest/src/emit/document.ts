import { Diagnostics } from "../diagnostics.js";
import { buildComponents } from "../reconcile/components.js";
import { recoverDefinitionNames } from "../reconcile/recover-names.js";
import { buildResolver } from "../reconcile/resolve-refs.js";
import type { OverviewDoc, PageDoc } from "../types.js";
import { saysSomething } from "../extract/overview.js";
import { mergeOperation } from "./merge-operations.js";
import { markReadOnlyComponents } from "./read-only-components.js";
import {
  type EmitContext,
  type OpenApiOperation,
  documentedBody,
  emitOperation,
  family,
} from "./operation.js";
import { type Schema, componentRef, propertySchema } from "./schema.js";

const METHOD_ORDER = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

/**
 * ONTAP's own shapes for the two bodies a page may leave unprinted, used only when no page of
 * the doc set prints them (see DESIGN.md, "ONTAP facts"): a 202 answers with a link to a job,
 * and every error is `{"error": {code, message, target, arguments}}`.
 */
const ONTAP_JOB_LINK: Schema = {
  type: "object",
  properties: {
    job: {
      type: "object",
      properties: {
        uuid: { type: "string" },
        _links: {
          type: "object",
          properties: { self: { type: "object", properties: { href: { type: "string" } } } },
        },
      },
    },
  },
};
const ONTAP_ERROR: Schema = {
  type: "object",
  properties: {
    error: {
      type: "object",
      properties: {
        arguments: {
          type: "array",
          items: {
            type: "object",
            properties: { code: { type: "string" }, message: { type: "string" } },
          },
        },
        code: { type: "string" },
        message: { type: "string" },
        target: { type: "string" },
      },
    },
  },
};

export interface DocumentOptions {
  docset: string;
}

/** Pages of one doc set to one OpenAPI 3.1 document (a plain object, key order fixed). */
export function buildDocument(
  pages: readonly PageDoc[],
  options: DocumentOptions,
  diagnostics: Diagnostics,
): Record<string, unknown> {
  const ops = pages.flatMap((p) => p.operations);
  for (const op of ops) recoverDefinitionNames(op, diagnostics);
  const resolver = buildResolver(ops, diagnostics);
  const components = buildComponents(ops, resolver, diagnostics);

  const schemas: Record<string, Schema> = {};
  for (const shape of components.shapes) {
    const def = shape.representative;
    const op = resolver.opOf(def);
    const properties: Record<string, Schema> = {};
    const refFor = (name: string): string | undefined => {
      const target = resolver.resolve(op, def, name);
      return target ? componentRef(components.nameOf(target)) : undefined;
    };
    const says = (name: string): string => resolver.resolve(op, def, name)?.description ?? "";
    for (const p of def.properties) {
      properties[p.name] = propertySchema(
        p,
        refFor,
        (what) => diagnostics.warning(op.file, p.line, `\`${def.name}.${p.name}\`: ${what}`),
        says,
      );
    }
    const description = shape.definitions.map((d) => d.description).find((d) => d) ?? "";
    schemas[shape.name] = {
      type: "object",
      ...(description ? { description } : {}),
      properties,
      ...(def.partial ? { "x-ntap-truncated": true } : {}),
    };
  }
  markReadOnlyComponents(ops, components.shapes, schemas);

  const ctx: EmitContext = {
    resolver,
    components,
    schemas,
    diagnostics,
    fallbackBody: () => ({ schema: {}, from: "" }),
  };
  const fallbacks = new Map<string, { schema: Schema; from: string }>();
  ctx.fallbackBody = (status) => {
    const known = fallbacks.get(status);
    if (known) return known;
    const documented = ops.find((o) =>
      o.responses.some((r) => r.status === status && r.properties?.length),
    );
    let found: { schema: Schema; from: string };
    if (documented) {
      const response = documented.responses.find(
        (r) => r.status === status && r.properties?.length,
      )!;
      // Built again only to borrow it: its diagnostics were reported with its own operation.
      found = {
        schema: documentedBody(documented, response, { ...ctx, diagnostics: new Diagnostics() }),
        from: `the body ${documented.method.toUpperCase()} ${documented.path} documents (${documented.file}:${documented.line})`,
      };
    } else {
      found = {
        schema: status === "202" ? ONTAP_JOB_LINK : ONTAP_ERROR,
        from: "ONTAP's documented shape for it (no page of this doc set prints one)",
      };
    }
    fallbacks.set(status, found);
    return found;
  };

  const paths: Record<string, Record<string, OpenApiOperation>> = {};
  const tags = new Map<string, Record<string, unknown>>();
  // Overviews that are pages of their own: by the name pages link them by (the AsciiDoc
  // source), and by the family of the endpoint their examples call (web pages link nothing).
  const overviews = new Map<string, OverviewDoc>();
  const familyOverviews = new Map<string, OverviewDoc>();
  for (const page of pages) {
    if (!page.overview) continue;
    if (page.permalink) overviews.set(page.permalink, page.overview);
    const { endpoint } = page.overview;
    if (page.operations.length > 0 || !endpoint) continue;
    const name = family(endpoint);
    if (!familyOverviews.has(name)) familyOverviews.set(name, page.overview);
  }
  for (const page of pages) {
    for (const op of page.operations) {
      const emitted = emitOperation(op, ctx);
      // An operation whose page links its own overview is tagged by the endpoint it names
      // (`DOC /storage/luns/{lun.uuid}/attributes`); others by their family.
      const linked = op.overview && overviews.get(op.overview.href);
      const name = linked ? op.overview!.path.replace(/^\/+/, "") || "/" : family(op.path);
      emitted.tags = [name];
      const item = (paths[op.path] ??= {});
      const twin = item[op.method];
      if (twin) mergeOperation(twin, emitted, op.file, op.line, diagnostics);
      else item[op.method] = emitted;
      const tag = tags.get(name) ?? { name };
      const overview = [linked, page.overview, familyOverviews.get(name)].find(saysSomething);
      if (overview && tag.description === undefined) describeTag(tag, overview);
      tags.set(name, tag);
    }
  }
  // Overviews no operation uses add nothing, as the prose pages of NetApp's source do (a clone
  // of it has dozens). But a spec left empty with nothing said is the wrong file given: said once.
  if (Object.keys(paths).length === 0)
    for (const page of pages)
      if (page.overview)
        diagnostics.warning(
          page.file,
          page.overview.line,
          `an endpoint overview${page.overview.endpoint ? ` of ${page.overview.endpoint}` : ""}, and no page documents an operation: the spec is empty (give the overview with its operation pages)`,
        );
  dedupeOperationIds(paths);

  return {
    openapi: "3.1.0",
    info: {
      title: `ONTAP REST API (${options.docset})`,
      version: options.docset,
      description: `NetApp ONTAP REST API, doc set \`${options.docset}\`, as its reference pages document it. Generated by @ontap-rest/ingest; do not edit.`,
    },
    // Every page's links start with /api on the cluster's management address.
    servers: [{ url: "/api", description: "The cluster management address, under /api" }],
    tags: [...tags.values()].sort((a, b) => compare(String(a.name), String(b.name))),
    paths: sortPaths(paths),
    components: { schemas },
  };
}

/** The overview's prose is the tag's description, its examples the tag's code samples. */
function describeTag(tag: Record<string, unknown>, overview: OverviewDoc): void {
  if (overview.description) tag.description = overview.description;
  if (overview.codeSamples.length) {
    tag["x-codeSamples"] = overview.codeSamples.map((s) => ({
      lang: "Shell",
      label: s.label,
      source: s.source,
    }));
  }
}

function sortPaths(
  paths: Record<string, Record<string, OpenApiOperation>>,
): Record<string, Record<string, OpenApiOperation>> {
  const out: Record<string, Record<string, OpenApiOperation>> = {};
  for (const path of Object.keys(paths).sort(compare)) {
    const item = paths[path]!;
    out[path] = {};
    for (const m of Object.keys(item).sort(
      (a, b) => METHOD_ORDER.indexOf(a) - METHOD_ORDER.indexOf(b),
    ))
      out[path][m] = item[m]!;
  }
  return out;
}

/** Two paths that differ only in a parameter name would share an operationId. */
function dedupeOperationIds(paths: Record<string, Record<string, OpenApiOperation>>): void {
  const seen = new Map<string, number>();
  for (const path of Object.keys(paths).sort(compare)) {
    for (const op of Object.values(paths[path]!)) {
      const id = String(op.operationId);
      const n = (seen.get(id) ?? 0) + 1;
      seen.set(id, n);
      if (n > 1) op.operationId = `${id}_${n}`;
    }
  }
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
