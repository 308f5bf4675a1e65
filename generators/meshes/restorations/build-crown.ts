/**
 * A full crown on a prepared natural tooth. It replaces the crown's whole enamel shell down to the preparation
 * margin at about the CEJ (host enamel) and the dentin the preparation removed under it (host dentin). The outer
 * surface is the tooth's own: a crown restores the anatomic form.
 *
 * Porcelain-fused-to-metal crowns are a ceramic layer over a metal coping: the outer part of the shell is
 * ceramic, the inner part and the preparation's dentin part are metal.
 */
import type { Rng } from "../../../core/rng.js";
import { isPosterior } from "../../patient/dentition.js";
import type { LabCase } from "../../patient/types.js";
import { length, sub, vertexOf, type Vec3 } from "../lesions/vec3.js";
import type { Material, MaterialVolume } from "../materials.js";
import type { TriMesh } from "../geometry/tri-mesh.js";
import { DistanceField } from "../lesions/distance-field.js";
import { innerPointsOf, matchShell } from "../lesions/enamel-shell.js";
import { capPatch } from "../lesions/grid-patch.js";
import { inscribedBall } from "../lesions/inscribed-ball.js";
import { buildChecked, ShellGuard, tryBuildChecked } from "../lesions/shell-guard.js";
import { ToothSites } from "../lesions/surface-sites.js";
import { lerp } from "../lesions/vec3.js";
import type { ToothMeshes } from "../tooth/render-tooth.js";
import { crownMaterialsOf, labMaterialAt } from "./restoration-materials.js";
import { dentinLayer, enamelLayer } from "./shell-layers.js";

/** Reduction of the dentin under the enamel, mm [U]: total occlusal reduction for a crown is about 1.5–2 mm and
 * axial 1–1.5 mm, most of it in the enamel. */
export const CROWN_PREP_DEPTH = 0.5;
/** Where a PFM's porcelain ends and its coping starts, as fractions of the enamel shell [U]: porcelain about
 * 1–1.5 mm over a 0.3–0.5 mm coping, a ratio of 2–5; within the crown's shell (OUTER_CLEARANCE to
 * 1 − DEJ_CLEARANCE) this gives 0.49 over 0.21, a ratio of 2.3. */
const PFM_SPLIT: readonly [number, number] = [0.55, 0.59];
/**
 * Fractions of the enamel shell left outside and inside the crown's shell [A]. The shell's sheets are flat
 * between matched points while the DEJ curves, so a bottom sheet closer to the DEJ than about a fifth of the
 * thickness cuts it on nearly every crown (at 6 %: 47 of 48 sampled crowns, each then rebuilt at wider margins,
 * the costliest step of rendering a dentition). What stays is an enamel film of 0.1–0.3 mm under and over the
 * crown, invisible in a radiograph beside metal or zirconia and close to glass-ceramic's own attenuation.
 */
const OUTER_CLEARANCE = 0.06;
const DEJ_CLEARANCE = 0.2;
const DENTIN_OFFSET = 0.03;
/** Least distance kept from the outer surface and the DEJ where the shell is thin, mm [A]. */
const CLEARANCE = 0.12;
/** Depth of the preparation's focus below the lowest margin vertex, mm [A]. */
const FOCUS_BELOW_MARGIN = 0.25;
/** The reduction never goes more than this fraction of the way to the crown's centre [A]. */
const MOST_OF_DENTIN = 0.3;

/**
 * The crown volumes of a crowned tooth: body (and coping) in the enamel shell, then the preparation's dentin
 * part. The material is the patient's lab case for the tooth if any, else a draw (restoration-materials.ts).
 */
export function buildCrown(
  tooth: ToothMeshes,
  labCases: readonly LabCase[],
  rng: Rng,
  sites: ToothSites = new ToothSites(tooth),
  guard: ShellGuard = new ShellGuard(tooth),
): MaterialVolume[] {
  const { body, coping } = crownMaterialsOf(labMaterialAt(tooth.fdi, labCases, "single_crown", isPosterior(tooth.fdi), rng.fork("material")));
  const patch = capPatch(sites.grid, sites.crownMarginRing);
  const outer = tooth.outer.positions;
  const dentin = tooth.dentin.positions;
  const inner = innerPointsOf(matchShell(sites.grid, outer, dentin), dentin);
  const dej = new DistanceField(tooth.dentin);
  const what = `crown of ${tooth.fdi}`;
  const layer = (top: number, bottom: number) => (margin: number) =>
    enamelLayer(patch, outer, inner, top + Math.min(0.1, OUTER_CLEARANCE * (margin - 1)), bottom - Math.min(0.1, DEJ_CLEARANCE * (margin - 1)), CLEARANCE * margin, dej);
  const shell = (top: number, bottom: number) =>
    buildChecked(guard, "enamel", layer(top, bottom), () => inscribedBall(lerp(vertexOf(outer, 0), vertexOf(inner, 0), (top + bottom) / 2), [tooth.outer, tooth.dentin]), what);
  const volumes: MaterialVolume[] = [];
  const enamel = (mesh: TriMesh, material: Material) => volumes.push({ mesh, material, host: "enamel", role: "restoration:crown", fdi: tooth.fdi });
  // A PFM's coping is a thin layer. Where none fits the enamel shell (thin cervical enamel), the porcelain takes
  // the whole shell and the metal is the preparation's dentin part alone.
  const porcelain = coping ? tryBuildChecked(guard, "enamel", layer(OUTER_CLEARANCE, PFM_SPLIT[0])) : null;
  const metal = porcelain ? tryBuildChecked(guard, "enamel", layer(PFM_SPLIT[1], 1 - DEJ_CLEARANCE)) : null;
  if (coping && porcelain && metal) {
    enamel(porcelain, body);
    enamel(metal, coping);
  } else {
    enamel(shell(OUTER_CLEARANCE, 1 - DEJ_CLEARANCE), body);
  }
  // The reduction follows rays toward a point on the long axis just below the margin [A]: inward on the axial
  // walls and down under the occlusal surface (a point inside the crown would sit above the deepest fossae). The
  // layer folds where a ray meets the DEJ twice; a point further down makes the rays to the cervical DEJ so
  // shallow that they do (1 mm below: 7 of 48 sampled crowns fell back to the inscribed ball; 0.25 mm: 1 of 48).
  let lowest = Infinity;
  for (const v of patch.weight.keys()) lowest = Math.min(lowest, vertexOf(dentin, v)[2]);
  const focus: Vec3 = [0, 0, lowest - FOCUS_BELOW_MARGIN];
  const prep = buildChecked(
    guard,
    "dentin",
    (margin) => dentinLayer(patch, dentin, focus, DENTIN_OFFSET * margin, (v) => Math.min(MOST_OF_DENTIN, CROWN_PREP_DEPTH / margin / length(sub(focus, vertexOf(dentin, v))))),
    () => inscribedBall(lerp(vertexOf(dentin, 0), focus, 0.1), [tooth.dentin, tooth.pulp]),
    what,
  );
  volumes.push({ mesh: prep, material: coping ?? body, host: "dentin", role: "restoration:crown", fdi: tooth.fdi });
  return volumes;
}
