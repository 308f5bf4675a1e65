/**
 * A pontic: the replacement tooth of a bridge at a missing position, crown-shaped with no root, resting on the
 * ridge (host "surroundings"). Its shape is the position's natural crown with an ovate base: the base sits
 * PONTIC_BASE mm below the CEJ level and is 60 % of the cervical radius [U] (ovate pontics are shaped into the
 * ridge by about 1 mm). The material is the bridge's lab case, else a draw.
 */
import type { Rng } from "../../../core/rng.js";
import { isPosterior } from "../../patient/dentition.js";
import type { LabCase } from "../../patient/types.js";
import type { MaterialVolume } from "../materials.js";
import { ToothSites } from "../lesions/surface-sites.js";
import type { ToothMeshes } from "../tooth/render-tooth.js";
import { crownWithoutRoot } from "./crown-without-root.js";
import { crownMaterialsOf, labMaterialAt } from "./restoration-materials.js";

export const PONTIC_BASE = 1.0;
const BASE_RADIUS_FRACTION = 0.6;

export function buildPontic(shape: ToothMeshes, labCases: readonly LabCase[], rng: Rng): MaterialVolume[] {
  const sites = new ToothSites(shape);
  const cervical = Math.min(shape.dimensions.mdCervix, shape.dimensions.blCervix) / 2;
  const mesh = crownWithoutRoot(shape.outer, sites.grid, sites.crownMarginRing, -PONTIC_BASE, BASE_RADIUS_FRACTION * cervical);
  const { body } = crownMaterialsOf(labMaterialAt(shape.fdi, labCases, "bridge", isPosterior(shape.fdi), rng.fork("material")));
  return [{ mesh, material: body, host: "surroundings", role: "restoration:pontic", fdi: shape.fdi }];
}
