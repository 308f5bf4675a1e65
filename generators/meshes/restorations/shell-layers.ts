/**
 * The two solid kinds every tooth-borne restoration is made of, on a grid patch of the tooth:
 * - an enamel layer, between two sheets of the enamel shell (fractions of each outer vertex's segment to the
 *   shell's inner point, see lesions/enamel-shell.ts);
 * - a dentin layer, along rays from the DEJ toward a focus inside the tooth, from just inside the DEJ to a
 *   fraction of the way there. Rays toward one point never cross, so the layer cannot fold.
 */
import type { TriMesh } from "../geometry/tri-mesh.js";
import type { GridPatch } from "../lesions/grid-patch.js";
import type { DistanceField } from "../lesions/distance-field.js";
import { buildPatchSolid } from "../lesions/patch-solid.js";
import { length, lerp, sub, vertexOf, type Vec3 } from "../lesions/vec3.js";

/**
 * The enamel layer between fractions `top` < `bottom` of the shell. With `dej` (a distance field of the dentin
 * surface), the bottom sheet is pulled up, in steps, until each of its vertices is at least `clearance` mm off
 * the DEJ: near the CEJ a fraction of a 0.1–0.3 mm shell is less than the chords' deviation from the DEJ.
 */
export function enamelLayer(patch: GridPatch, outer: Float32Array, inner: Float32Array, top: number, bottom: number, clearance = 0, dej: DistanceField | null = null): TriMesh {
  const at = (v: number, t: number) => lerp(vertexOf(outer, v), vertexOf(inner, v), t);
  const lowest = (v: number) => {
    let t = bottom;
    if (dej) while (t - 0.05 > top + 0.05 && dej.to(at(v, t), clearance) < clearance) t -= 0.05;
    return t;
  };
  return buildPatchSolid(patch, (v) => at(v, top), (v) => at(v, lowest(v)));
}

/** The dentin layer from `offset` mm inside the DEJ down to `depth(v)` (fraction of the ray to the focus). */
export function dentinLayer(patch: GridPatch, dentin: Float32Array, focus: Vec3, offset: number, depth: (v: number) => number): TriMesh {
  const ray = (v: number) => length(sub(focus, vertexOf(dentin, v)));
  const start = (v: number) => offset / ray(v);
  return buildPatchSolid(
    patch,
    (v) => lerp(vertexOf(dentin, v), focus, start(v)),
    (v) => lerp(vertexOf(dentin, v), focus, Math.max(start(v) + 0.05 / ray(v), depth(v))),
  );
}
