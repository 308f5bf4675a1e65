import { createHash, type Hash } from "node:crypto";

/** Incremental sha256 of everything a sink writes, so the manifest can list hashes without re-reading files. */
export function sha256(): Hash {
  return createHash("sha256");
}

export function sha256Hex(data: string | Uint8Array): string {
  return createHash("sha256").update(data).digest("hex");
}
