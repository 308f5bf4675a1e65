/**
 * Where the central ray of a planned view is aimed, from the placed teeth: a bitewing through the occlusal
 * plane at the premolar-molar contacts of one side, a periapical through the middle of its target teeth's
 * length (crown tip to apex) so that the apices and some periapical bone are in the field.
 */
import { applyMat4 } from "../../meshes/arch/mat4.js";
import type { PlannedView } from "../plan-views.js";
import type { Scene, SceneTooth } from "./scene.js";
import type { AimPoint, Vec3 } from "./view-geometry.js";

/** Bitewing fallbacks when the targets are missing: any premolar or molar of the side (positions 4-7). */
const BITEWING_POSITIONS = [4, 5, 6, 7];

const mean = (vs: readonly Vec3[]): Vec3 => [0, 1, 2].map((k) => vs.reduce((s, v) => s + v[k]!, 0) / vs.length) as unknown as Vec3;
const unit = (v: Vec3): Vec3 => {
  const l = Math.hypot(v[0], v[1], v[2]) || 1;
  return [v[0] / l, v[1] / l, v[2] / l];
};

/** The aim of a view and whether it is anterior (incisors/canines: the narrow sensor), or null if no tooth is there. */
export function aimOf(scene: Scene, view: PlannedView): (AimPoint & { anterior: boolean }) | null {
  const byFdi = new Map(scene.teeth.map((t) => [t.fdi, t]));
  let teeth = view.target.map((f) => byFdi.get(f)).filter((t): t is SceneTooth => t !== undefined);
  if (view.view === "bitewing") {
    if (teeth.length === 0) {
      const quadrants = view.side === "right" ? [1, 4] : [2, 3];
      teeth = scene.teeth.filter((t) => quadrants.includes(Math.floor(t.fdi / 10)) && BITEWING_POSITIONS.includes(t.fdi % 10));
    }
    if (teeth.length === 0) return null;
    const centre = mean(teeth.map((t) => t.centre));
    return { target: [centre[0], centre[1], 0], buccal: unit(mean(teeth.map((t) => t.buccal))), anterior: false };
  }
  if (teeth.length === 0) {
    // The region's neighbours: the nearest imaged teeth of the same quadrant.
    const q = Math.floor(view.target[0]! / 10);
    const p = view.target[0]! % 10;
    teeth = scene.teeth.filter((t) => Math.floor(t.fdi / 10) === q && Math.abs((t.fdi % 10) - p) === 1);
  }
  if (teeth.length === 0) return null;
  const mids = teeth.map((t) => {
    const out = { 0: 0, 1: 0, 2: 0 } as { [i: number]: number };
    applyMat4(t.toHead, 0, 0, (t.crownLength - t.rootLength) / 2, out);
    return [out[0]!, out[1]!, out[2]!] as Vec3;
  });
  return {
    target: mean(mids),
    buccal: unit(mean(teeth.map((t) => t.buccal))),
    axis: unit(mean(teeth.map((t) => t.axis))),
    anterior: teeth.every((t) => t.fdi % 10 <= 3),
  };
}
