import { describe, expect, it } from "vitest";
import { scratchFloat32, scratchFloat64, scratchInt32, scratchUint8 } from "../../../generators/radiographs/scratch.js";

describe("scratch buffers", () => {
  it("hand back the same memory for the same name, grown when a longer one is asked for", () => {
    const a = scratchFloat32("test:a", 100);
    a.fill(3);
    const again = scratchFloat32("test:a", 100);
    expect(again.buffer).toBe(a.buffer);
    expect(again[99]).toBe(3); // contents are left as they were: callers clear what they read
    const shorter = scratchFloat32("test:a", 10);
    expect(shorter.length).toBe(10);
    expect(shorter.buffer).toBe(a.buffer);
    const longer = scratchFloat32("test:a", 1000);
    expect(longer.length).toBe(1000);
    expect(longer.buffer).not.toBe(a.buffer);
  });

  it("keep names apart, and each kind of array apart", () => {
    expect(scratchFloat32("test:b", 8).buffer).not.toBe(scratchFloat32("test:c", 8).buffer);
    expect(scratchFloat64("test:b", 8)).toBeInstanceOf(Float64Array);
    expect(scratchUint8("test:b", 8)).toBeInstanceOf(Uint8Array);
    expect(scratchInt32("test:b", 8)).toBeInstanceOf(Int32Array);
  });
});
