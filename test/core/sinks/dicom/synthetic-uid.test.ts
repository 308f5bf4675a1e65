import { describe, expect, it } from "vitest";
import { syntheticUid } from "../../../../core/sinks/dicom/synthetic-uid.js";

describe("syntheticUid", () => {
  it("is a 2.25 UID of a version-8 UUID, stable for the same parts and distinct otherwise", () => {
    const uid = syntheticUid("42", "P000001", "image", "BW_R");
    expect(uid).toBe(syntheticUid("42", "P000001", "image", "BW_R"));
    expect(uid).not.toBe(syntheticUid("43", "P000001", "image", "BW_R"));
    // Joining by NUL keeps ("a", "bc") and ("ab", "c") apart.
    expect(syntheticUid("a", "bc")).not.toBe(syntheticUid("ab", "c"));
    // PS3.5 9.1: digits and dots, no leading zero in a component, at most 64 characters.
    expect(uid).toMatch(/^2\.25\.(0|[1-9][0-9]*)$/);
    expect(uid.length).toBeLessThanOrEqual(64);
    const hex = BigInt(uid.slice(5)).toString(16).padStart(32, "0");
    expect(hex[12]).toBe("8"); // version nibble
    expect(["8", "9", "a", "b"]).toContain(hex[16]); // variant 10xx
  });
});
