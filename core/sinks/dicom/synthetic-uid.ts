import { createHash } from "node:crypto";

/**
 * A DICOM UID derived from names, for synthetic objects: "2.25." followed by the decimal value of a 128-bit UUID
 * (PS3.5 B.2, UUID-derived UIDs need no registered root). The UUID is the first 128 bits of
 * sha256(parts joined by NUL) with the RFC 9562 version 8 ("custom") and variant bits set, so it is a valid UUID
 * and the same parts always give the same UID: regenerating a dataset with the same seed keeps every study,
 * series and instance UID. At most 5 + 39 = 44 characters (limit 64). Cost O(input).
 *
 * @example syntheticUid("42", "P000001", "image", "BW_R")
 */
export function syntheticUid(...parts: readonly string[]): string {
  const bytes = createHash("sha256").update(parts.join("\0")).digest().subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x80; // version 8
  bytes[8] = (bytes[8]! & 0x3f) | 0x80; // variant 10
  return `2.25.${BigInt(`0x${bytes.toString("hex")}`).toString(10)}`;
}
