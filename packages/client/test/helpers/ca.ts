// A CA and a server certificate for 127.0.0.1, made with openssl at test time (so nothing
// secret-looking is committed and nothing expires). EC keys: fast to generate.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export interface TestPki {
  caPem: string;
  key: string;
  cert: string;
}

export function makeTestPki(): TestPki {
  const dir = mkdtempSync(join(tmpdir(), "ontap-client-ca-"));
  const at = (name: string) => join(dir, name);
  const openssl = (...args: string[]) =>
    execFileSync("openssl", args, { stdio: ["ignore", "ignore", "pipe"], timeout: 20_000 });
  try {
    const ec = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"];
    openssl(
      "req",
      "-x509",
      ...ec,
      "-keyout",
      at("ca.key"),
      "-out",
      at("ca.pem"),
      "-days",
      "2",
      "-subj",
      "/CN=ontap-rest client test CA",
      "-addext",
      "basicConstraints=critical,CA:TRUE",
      "-addext",
      "keyUsage=critical,keyCertSign,cRLSign",
    );
    openssl(
      "req",
      ...ec,
      "-keyout",
      at("server.key"),
      "-out",
      at("server.csr"),
      "-subj",
      "/CN=127.0.0.1",
    );
    writeFileSync(
      at("server.ext"),
      "basicConstraints=CA:FALSE\nkeyUsage=digitalSignature\nextendedKeyUsage=serverAuth\nsubjectAltName=IP:127.0.0.1\n",
    );
    openssl(
      "x509",
      "-req",
      "-in",
      at("server.csr"),
      "-CA",
      at("ca.pem"),
      "-CAkey",
      at("ca.key"),
      "-CAcreateserial",
      "-out",
      at("server.pem"),
      "-days",
      "2",
      "-extfile",
      at("server.ext"),
    );
    return {
      caPem: readFileSync(at("ca.pem"), "utf8"),
      key: readFileSync(at("server.key"), "utf8"),
      cert: readFileSync(at("server.pem"), "utf8"),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
