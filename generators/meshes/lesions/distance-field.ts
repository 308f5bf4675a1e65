/**
 * Distance from points to one surface, with one triangle grid reused for every query: how builders keep a
 * sheet of the enamel shell a set distance off the DEJ where the shell's inner points (enamel-shell.ts) cut a
 * chord across a convex bulge of the dentin.
 */
import { pointTriangleDistance } from "../geometry/surface-distance.js";
import { TriangleGrid, triangleCoordinates } from "../geometry/triangle-grid.js";
import type { TriMesh } from "../geometry/tri-mesh.js";
import type { Vec3 } from "./vec3.js";

export class DistanceField {
  private readonly grid: TriangleGrid;
  private readonly stamp: Int32Array;
  private readonly tri = new Float64Array(9);
  private readonly box = new Float64Array(6);
  private token = 0;

  constructor(private readonly surface: TriMesh) {
    this.grid = new TriangleGrid(surface);
    this.stamp = new Int32Array(surface.indices.length / 3).fill(-1);
  }

  /** Distance from p to the surface, exact up to `within` mm (farther points return `within`). The search box
   * starts small and doubles, so near points cost a few triangles. */
  to(p: Vec3, within = 1): number {
    const [x, y, z] = p;
    for (let r = Math.min(0.25, within); ; r = Math.min(2 * r, within)) {
      this.box.set([x - r, y - r, z - r, x + r, y + r, z + r]);
      let best = r;
      this.grid.query(this.box, 0, this.stamp, this.token++, (t) => {
        best = Math.min(best, pointTriangleDistance(x, y, z, triangleCoordinates(this.surface, t, this.tri)));
      });
      if (best < r || r >= within) return best;
    }
  }
}
