/**
 * Checks a built volume against the tooth it belongs to: a closed, outward-oriented, genus-0 solid that does
 * not cut itself and lies strictly inside its host material (enamel: inside the outer surface, outside the
 * dentin; dentin: inside the dentin, outside the pulp; pulp: inside the pulp).
 *
 * The builders keep to this by construction on well-sampled teeth, but "by construction" rests on the layers'
 * facets being close to parallel, which a coarse grid or a new tooth shape can break. So every volume is built,
 * checked here, and rebuilt with wider margins if it fails (see buildChecked); the grids over the tooth's layers
 * are built once per tooth and reused. Cost about O(F) per volume.
 */
import { checkEdgeManifold } from "../geometry/edge-manifold.js";
import { eulerCharacteristic } from "../geometry/euler-characteristic.js";
import { PointInMesh } from "../geometry/point-in-mesh.js";
import { findSelfIntersections } from "../geometry/self-intersections.js";
import { signedVolume } from "../geometry/signed-volume.js";
import { trianglesIntersect } from "../geometry/triangle-intersection.js";
import { TriangleGrid, triangleCoordinates } from "../geometry/triangle-grid.js";
import type { TriMesh } from "../geometry/tri-mesh.js";

/** Hosts a tooth's volumes can have. */
export type ToothHost = "enamel" | "dentin" | "pulp";

class Surface {
  readonly solid: PointInMesh;
  readonly grid: TriangleGrid;
  private readonly stamp: Int32Array;
  private token = 0;

  constructor(readonly mesh: TriMesh) {
    this.solid = new PointInMesh(mesh);
    this.grid = new TriangleGrid(mesh);
    this.stamp = new Int32Array(mesh.indices.length / 3).fill(-1);
  }

  /** Whether any triangle of `other` meets this surface. */
  meets(other: TriMesh): boolean {
    const box = new Float64Array(6);
    const a = new Float64Array(9);
    const b = new Float64Array(9);
    for (let t = 0; t < other.indices.length / 3; t++) {
      triangleCoordinates(other, t, a);
      for (let k = 0; k < 3; k++) {
        box[k] = Math.min(a[k] as number, a[3 + k] as number, a[6 + k] as number);
        box[3 + k] = Math.max(a[k] as number, a[3 + k] as number, a[6 + k] as number);
      }
      let hit = false;
      this.grid.query(box, 0, this.stamp, this.token++, (j) => {
        if (!hit && trianglesIntersect(a, triangleCoordinates(this.mesh, j, b))) hit = true;
      });
      if (hit) return true;
    }
    return false;
  }

  /** Count of `other`'s vertices inside this surface. */
  verticesInside(other: TriMesh): number {
    const p = other.positions;
    let n = 0;
    for (let i = 0; i < p.length; i += 3) if (this.solid.contains(p[i] as number, p[i + 1] as number, p[i + 2] as number)) n++;
    return n;
  }
}

/** Whether a mesh is a closed, outward-oriented, self-intersection-free sphere-like solid. */
export function isSolid(mesh: TriMesh): boolean {
  return checkEdgeManifold(mesh).orientedManifold && eulerCharacteristic(mesh) === 2 && signedVolume(mesh) > 0 && findSelfIntersections(mesh, 1).length === 0;
}

export class ShellGuard {
  private readonly surfaces: Record<"outer" | "dentin" | "pulp", Surface>;

  constructor(layers: { outer: TriMesh; dentin: TriMesh; pulp: TriMesh }) {
    this.surfaces = { outer: new Surface(layers.outer), dentin: new Surface(layers.dentin), pulp: new Surface(layers.pulp) };
  }

  /** Whether `mesh` is a valid solid strictly inside `host`. */
  accepts(mesh: TriMesh, host: ToothHost): boolean {
    if (!isSolid(mesh)) return false;
    const count = mesh.positions.length / 3;
    const [inside, outside] = host === "enamel" ? ["outer", "dentin"] as const : host === "dentin" ? ["dentin", "pulp"] as const : ["pulp", null] as const;
    const within = this.surfaces[inside];
    if (within.verticesInside(mesh) !== count || within.meets(mesh)) return false;
    if (outside === null) return true;
    const without = this.surfaces[outside];
    return without.verticesInside(mesh) === 0 && !without.meets(mesh);
  }
}

/** Margin multipliers tried in turn: each retry doubles the clearances a builder keeps from the surfaces. */
export const MARGIN_STEPS: readonly number[] = [1, 2, 4, 8];

/**
 * Builds a volume with growing margins until the guard accepts it, then falls back to `fallback` (a small
 * inscribed solid, see inscribed-ball.ts); throws if that fails too, since a silent bad volume would corrupt
 * every ray through it.
 */
export function buildChecked(guard: ShellGuard, host: ToothHost, build: (margin: number) => TriMesh, fallback: () => TriMesh, what: string): TriMesh {
  const built = tryBuildChecked(guard, host, build);
  if (built) return built;
  const mesh = fallback();
  if (guard.accepts(mesh, host)) return mesh;
  throw new Error(`${what}: no valid volume inside the ${host}`);
}

/** Builds a volume with growing margins until the guard accepts it; null if none is accepted. */
export function tryBuildChecked(guard: ShellGuard, host: ToothHost, build: (margin: number) => TriMesh): TriMesh | null {
  for (const margin of MARGIN_STEPS) {
    const mesh = build(margin);
    if (guard.accepts(mesh, host)) return mesh;
  }
  return null;
}
