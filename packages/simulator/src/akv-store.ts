// The Azure Key Vault configurations and the SVMs they belong to.
import { randomUUID } from "node:crypto";
import { OntapFailure } from "./ontap-errors.js";
import type { View } from "./query.js";
import type { Json } from "./route-table.js";

export interface AkvSeed {
  name: string;
  svm: { name: string; uuid?: string };
  client_id?: string;
  tenant_id?: string;
  key_id?: string;
  client_secret?: string;
}

export interface Akv {
  uuid: string;
  name: string;
  svm: { uuid: string; name: string };
  client_id: string;
  tenant_id: string;
  key_id: string;
  proxy_host?: string;
  proxy_port?: number;
  proxy_type?: string;
  proxy_username?: string;
  /** Kept to behave like ONTAP, never sent back. */
  secrets: { client_secret?: string; proxy_password?: string };
  internalKeys: number;
  encryptedVolumes: number;
}

export class AkvStore {
  readonly akvs = new Map<string, Akv>();
  private readonly svmUuids = new Map<string, string>();

  /** `internalKeys`: internal (volume encryption) keys each new configuration's SVM has. */
  constructor(private readonly internalKeys: number) {}

  svmFor(svm: { name?: string; uuid?: string }) {
    if (svm.name !== undefined) {
      let uuid = svm.uuid ?? this.svmUuids.get(svm.name);
      if (!uuid) this.svmUuids.set(svm.name, (uuid = randomUUID()));
      return { uuid, name: svm.name };
    }
    for (const [name, uuid] of this.svmUuids) if (uuid === svm.uuid) return { uuid, name };
    return undefined;
  }

  add(seed: AkvSeed & Partial<Omit<Akv, "svm">>): Akv {
    const svm = this.svmFor(seed.svm)!;
    const akv: Akv = {
      uuid: randomUUID(),
      name: seed.name,
      svm,
      client_id: seed.client_id ?? randomUUID(),
      tenant_id: seed.tenant_id ?? randomUUID(),
      key_id: seed.key_id ?? `https://${seed.name}.vault.azure.net/keys/key1`,
      proxy_host: seed.proxy_host,
      proxy_port: seed.proxy_port,
      proxy_type: seed.proxy_type,
      proxy_username: seed.proxy_username,
      secrets: { ...seed.secrets, client_secret: seed.client_secret },
      internalKeys: this.internalKeys,
      encryptedVolumes: 0,
    };
    this.akvs.set(akv.uuid, akv);
    return akv;
  }

  view(akv: Akv): View & { uuid: string } {
    const full: Json = {
      uuid: akv.uuid,
      name: akv.name,
      client_id: akv.client_id,
      tenant_id: akv.tenant_id,
      key_id: akv.key_id,
      ...(akv.proxy_host !== undefined ? { proxy_host: akv.proxy_host } : {}),
      ...(akv.proxy_port !== undefined ? { proxy_port: akv.proxy_port } : {}),
      ...(akv.proxy_type !== undefined ? { proxy_type: akv.proxy_type } : {}),
      ...(akv.proxy_username !== undefined ? { proxy_username: akv.proxy_username } : {}),
      scope: "svm",
      svm: { ...akv.svm, _links: { self: { href: `/api/svm/svms/${akv.svm.uuid}` } } },
      state: { available: true, code: 0, message: "" },
      azure_reachability: { reachable: true, code: 0, message: "" },
      ekmip_reachability: [
        {
          node: { name: "node1", uuid: "a1b2c3d4-0000-11ea-8d52-005056bb0001" },
          reachable: true,
          code: 0,
          message: "",
        },
      ],
      _links: { self: { href: `/api/security/azure-key-vaults/${akv.uuid}` } },
    };
    return {
      uuid: akv.uuid,
      full,
      advanced: ["state", "azure_reachability", "ekmip_reachability"],
    };
  }

  /** A tunneled request (`svm`) sees only that SVM's configurations; others see them all. */
  sees(svm: { uuid: string } | undefined, akv: Akv): boolean {
    return !svm || akv.svm.uuid === svm.uuid;
  }

  /** The configuration, or a 404 with `code`; another SVM's is not there for a tunneled request. */
  getOr(uuid: string, code: string, svm?: { uuid: string }): Akv {
    const akv = this.akvs.get(uuid);
    if (!akv || !this.sees(svm, akv)) throw new OntapFailure(404, code, "uuid");
    return akv;
  }
}
