/**
 * Checks a built volume against the tooth it belongs to: a closed, outward-oriented, genus-0 solid that does
 * not cut itself and lies strictly inside its host material (enamel: inside the outer surface, outside the
 * dentin; dentin: inside the dentin, outside the pulp; pulp: inside the pulp).
 *
 * The builders keep to this by construction on well-sampled teeth, but "by construction" rests on the layers'
 * facets being close to parallel, which a coarse grid or a new tooth shape can break. So every volume is built,
 * checked here, and rebuilt with wider margins if it fails (see buildChecked); the grids over the tooth's layers
 * are built once per tooth, on first use, and reused. Cost about O(F) per volume.
 */
import { ContactSurface } from "../geometry/contact-surface.js";
import { checkEdgeManifold } from "../geometry/edge-manifold.js";
import { eulerCharacteristic } from "../geometry/euler-characteristic.js";
import { PointInMesh } from "../geometry/point-in-mesh.js";
import { findSelfIntersections } from "../geometry/self-intersections.js";
import { signedVolume } from "../geometry/signed-volume.js";
import type { TriMesh } from "../geometry/tri-mesh.js";

/** Hosts a tooth's volumes can have. */
export type ToothHost = "enamel" | "dentin" | "pulp";

type Layer = "outer" | "dentin" | "pulp";

/** One layer of the tooth, indexed for point-inside and surface-contact questions. */
class Surface {
  readonly solid: PointInMesh;
  readonly contact: ContactSurface;

  constructor(mesh: TriMesh) {
    this.solid = new PointInMesh(mesh);
    this.contact = new ContactSurface(mesh);
  }

  /** Whether `inside` is the answer for every vertex of `other` (stops at the first that differs). */
  allVertices(other: TriMesh, inside: boolean): boolean {
    const p = other.positions;
    for (let i = 0; i < p.length; i += 3) if (this.solid.contains(p[i] as number, p[i + 1] as number, p[i + 2] as number) !== inside) return false;
    return true;
  }
}

/** Whether a mesh is a closed, outward-oriented, self-intersection-free sphere-like solid. */
export function isSolid(mesh: TriMesh): boolean {
  return checkEdgeManifold(mesh).orientedManifold && eulerCharacteristic(mesh) === 2 && signedVolume(mesh) > 0 && findSelfIntersections(mesh, 1).length === 0;
}

export class ShellGuard {
  private readonly layers: Record<Layer, TriMesh>;
  /**
   * Indexed on first use: a tooth with only a root filling never asks about its outer surface. (Layers are never
   * edited in place once built, so indexing later sees the same surfaces.)
   */
  private readonly surfaces: Partial<Record<Layer, Surface>> = {};

  constructor(layers: { outer: TriMesh; dentin: TriMesh; pulp: TriMesh }) {
    this.layers = { outer: layers.outer, dentin: layers.dentin, pulp: layers.pulp };
  }

  private surface(layer: Layer): Surface {
    return (this.surfaces[layer] ??= new Surface(this.layers[layer]));
  }

  /** Whether `mesh` is a valid solid strictly inside `host`. */
  accepts(mesh: TriMesh, host: ToothHost): boolean {
    if (!isSolid(mesh)) return false;
    const [inside, outside] = host === "enamel" ? ["outer", "dentin"] as const : host === "dentin" ? ["dentin", "pulp"] as const : ["pulp", null] as const;
    const within = this.surface(inside);
    if (!within.allVertices(mesh, true) || within.contact.meets(mesh)) return false;
    if (outside === null) return true;
    const without = this.surface(outside);
    return without.allVertices(mesh, false) && !without.contact.meets(mesh);
  }
}

/** Margin multipliers tried in turn: each retry doubles the clearances a builder keeps from the surfaces. */
export const MARGIN_STEPS: readonly number[] = [1, 2, 4, 8];

/**
 * Builds a volume with growing margins until the guard accepts it (each builder in turn, when given several),
 * then falls back to `fallback` (a small inscribed solid, see inscribed-ball.ts); throws if that fails too, since
 * a silent bad volume would corrupt every ray through it.
 */
export function buildChecked(
  guard: ShellGuard,
  host: ToothHost,
  build: ((margin: number) => TriMesh) | readonly ((margin: number) => TriMesh)[],
  fallback: () => TriMesh,
  what: string,
): TriMesh {
  for (const b of typeof build === "function" ? [build] : build) {
    const built = tryBuildChecked(guard, host, b);
    if (built) return built;
  }
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
