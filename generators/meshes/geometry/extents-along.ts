import type { TriMesh } from "./tri-mesh.js";

/** A direction in mesh coordinates; it need not be unit length (it is normalised). */
export type Axis = readonly [number, number, number];

/** Extent of the mesh projected on one axis, in mm. */
export interface AxisExtent {
  min: number;
  max: number;
  length: number;
}

/**
 * Extent of the vertices along each given axis: min and max of p · axis/|axis|. With a tooth's anatomical axes
 * this gives its mesiodistal width, buccolingual width and length, as a caliper on a bounding box would.
 * Cost O(V · axes).
 */
export function extentsAlong(mesh: TriMesh, axes: readonly Axis[]): AxisExtent[] {
  const p = mesh.positions;
  return axes.map(([x, y, z]) => {
    const len = Math.hypot(x, y, z);
    if (len === 0) throw new RangeError("extentsAlong requires non-zero axes");
    let min = Infinity;
    let max = -Infinity;
    for (let i = 0; i < p.length; i += 3) {
      const d = ((p[i] as number) * x + (p[i + 1] as number) * y + (p[i + 2] as number) * z) / len;
      if (d < min) min = d;
      if (d > max) max = d;
    }
    return { min, max, length: max - min };
  });
}
