/**
 * The restorations of one natural tooth, as its chart names them: fillings on its filled surfaces, a crown if
 * crowned, gutta-percha if root-canal treated. Each kind draws from its own fork of the tooth's "restorations"
 * stream, so a root filling does not change the crown's material.
 */
import type { Rng } from "../../../core/rng.js";
import type { LabCase, ToothState } from "../../patient/types.js";
import type { MaterialVolume } from "../materials.js";
import { ShellGuard } from "../lesions/shell-guard.js";
import { ToothSites } from "../lesions/surface-sites.js";
import type { ToothMeshes } from "../tooth/render-tooth.js";
import { buildCrown } from "./build-crown.js";
import { buildFillings } from "./build-fillings.js";
import { buildRootFilling } from "./build-root-filling.js";

export function buildToothRestorations(
  tooth: ToothMeshes,
  state: Pick<ToothState, "restoration" | "filledSurfaces" | "rootCanalTreated">,
  labCases: readonly LabCase[],
  rng: Rng,
  sites: ToothSites = new ToothSites(tooth),
): MaterialVolume[] {
  const volumes: MaterialVolume[] = [];
  if (state.restoration !== "filled" && state.restoration !== "crowned" && !state.rootCanalTreated) return volumes;
  const guard = new ShellGuard(tooth);
  if (state.restoration === "filled") volumes.push(...buildFillings(tooth, state, rng.fork("fillings"), sites, guard));
  if (state.restoration === "crowned") volumes.push(...buildCrown(tooth, labCases, rng.fork("crown"), sites, guard));
  if (state.rootCanalTreated) volumes.push(buildRootFilling(tooth, guard));
  return volumes;
}
