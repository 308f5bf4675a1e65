import { describe, expect, it } from "vitest";
import { dmftOf, isDecayLesion, isDecayedTooth, teethPresentOf } from "../../../generators/patient/dmft.js";
import { addLesion, healthyPatient, makeCrowned, makeFilled, makeMissing, makeUnerupted, toothOf } from "./build-patient.js";

describe("dmftOf", () => {
  it("is zero for a sound full dentition", () => {
    expect(dmftOf(healthyPatient())).toEqual({ decayed: 0, missing: 0, filled: 0, total: 0 });
  });

  it("counts D, M and F on the 28 NHANES teeth, each tooth once, decay first", () => {
    const p = healthyPatient();
    makeFilled(p, 16, ["M", "O"]); // F
    makeCrowned(p, 26); // F
    makeMissing(p, 36); // M
    makeMissing(p, 46, "implant"); // M: the natural tooth is gone
    makeMissing(p, 24, "pontic"); // M
    makeCrowned(p, 23);
    makeCrowned(p, 25); // 23 and 25: F (the bridge's abutments)
    makeFilled(p, 11, ["D"]);
    addLesion(p, 11, "D", "D2", { cavitated: true, recurrent: true }); // D, not also F
    addLesion(p, 21, "M", "D1", { cavitated: false }); // non-cavitated dentine lesion: not decay, tooth sound
    makeMissing(p, 18); // third molar: not counted
    makeCrowned(p, 48); // third molar: not counted
    expect(dmftOf(p)).toEqual({ decayed: 1, missing: 3, filled: 4, total: 8 });
  });

  it("does not count unerupted teeth, and counts a tooth lost during follow-up as present at baseline", () => {
    const p = healthyPatient(12);
    makeUnerupted(p, 17);
    makeUnerupted(p, 27);
    const lost = toothOf(p, 46);
    makeFilled(p, 46, ["O"]);
    lost.lostDuringFollowUp = true;
    lost.lostAfterYears = 1;
    expect(dmftOf(p)).toEqual({ decayed: 0, missing: 0, filled: 1, total: 1 });
    expect(teethPresentOf(p)).toBe(26);
  });

  it("counts a cavitated lesion on a crowned tooth's margin as D", () => {
    const p = healthyPatient();
    makeCrowned(p, 36);
    addLesion(p, 36, "M", "E2", { cavitated: true, recurrent: true });
    expect(dmftOf(p)).toEqual({ decayed: 1, missing: 0, filled: 0, total: 1 });
  });
});

describe("isDecayLesion", () => {
  // The rule: decay = clinically cavitated, at any radiographic depth (NHANES/WHO visual-tactile threshold).
  it("counts a cavitated enamel lesion and not a non-cavitated dentine one", () => {
    const p = healthyPatient();
    const enamel = addLesion(p, 16, "O", "E1", { cavitated: true });
    const dentine = addLesion(p, 26, "M", "D3", { cavitated: false });
    expect(isDecayLesion(enamel)).toBe(true);
    expect(isDecayLesion(dentine)).toBe(false);
    expect(isDecayedTooth(toothOf(p, 16))).toBe(true);
    expect(isDecayedTooth(toothOf(p, 26))).toBe(false);
  });
});
