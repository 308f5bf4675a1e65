/** Shared assertions for lesion and restoration volumes: a valid solid, strictly inside its host material. */
import { expect } from "vitest";
import { checkEdgeManifold } from "../../../../generators/meshes/geometry/edge-manifold.js";
import { eulerCharacteristic } from "../../../../generators/meshes/geometry/euler-characteristic.js";
import { checkNestedInside } from "../../../../generators/meshes/geometry/nested-inside.js";
import { findSelfIntersections } from "../../../../generators/meshes/geometry/self-intersections.js";
import { signedVolume } from "../../../../generators/meshes/geometry/signed-volume.js";
import { pointTriangleDistance } from "../../../../generators/meshes/geometry/surface-distance.js";
import { TriangleGrid, triangleCoordinates } from "../../../../generators/meshes/geometry/triangle-grid.js";
import type { TriMesh } from "../../../../generators/meshes/geometry/tri-mesh.js";
import type { MaterialVolume } from "../../../../generators/meshes/materials.js";
import type { ToothMeshes } from "../../../../generators/meshes/tooth/render-tooth.js";

/** Closed, edge-manifold, outward-oriented, sphere-like (V − E + F = 2), positive volume, no self-intersection. */
export function expectSolid(mesh: TriMesh, label: string): void {
  const edges = checkEdgeManifold(mesh);
  expect(edges.watertight, `${label} watertight`).toBe(true);
  expect(edges.orientedManifold, `${label} oriented manifold`).toBe(true);
  expect(eulerCharacteristic(mesh), `${label} Euler`).toBe(2);
  expect(signedVolume(mesh), `${label} volume`).toBeGreaterThan(0);
  expect(findSelfIntersections(mesh, 3), `${label} self-intersections`).toEqual([]);
}

/** `mesh` lies strictly inside `outer` (all vertices inside, no triangles meeting). */
export function expectInside(mesh: TriMesh, outer: TriMesh, label: string): void {
  expect(checkNestedInside(mesh, outer), `${label} inside`).toMatchObject({ verticesOutside: 0, surfacesIntersect: false });
}

/** `mesh` lies strictly outside `other` (no vertex inside, no triangles meeting). */
export function expectOutside(mesh: TriMesh, other: TriMesh, label: string): void {
  const report = checkNestedInside(mesh, other);
  expect(report.verticesOutside, `${label} outside: vertices`).toBe(mesh.positions.length / 3);
  expect(report.surfacesIntersect, `${label} outside: surfaces`).toBe(false);
}

/** A tooth-borne volume is a valid solid strictly inside its host material of `tooth`. */
export function expectInHost(volume: MaterialVolume, tooth: ToothMeshes, label: string): void {
  expectSolid(volume.mesh, label);
  if (volume.host === "enamel") {
    expectInside(volume.mesh, tooth.outer, label);
    expectOutside(volume.mesh, tooth.dentin, label);
  } else if (volume.host === "dentin") {
    expectInside(volume.mesh, tooth.dentin, label);
    expectOutside(volume.mesh, tooth.pulp, label);
  } else if (volume.host === "pulp") {
    expectInside(volume.mesh, tooth.pulp, label);
  } else {
    throw new Error(`${label}: unexpected host ${volume.host}`);
  }
}

/** Distances from points to one surface, with one triangle grid reused for every query. */
export class SurfaceDistance {
  private readonly grid: TriangleGrid;
  private readonly stamp: Int32Array;
  private readonly tri = new Float64Array(9);
  private token = 0;

  constructor(private readonly surface: TriMesh) {
    this.grid = new TriangleGrid(surface);
    this.stamp = new Int32Array(surface.indices.length / 3).fill(-1);
  }

  /** Distance from (x, y, z) to the surface, mm (searched within 10 mm). */
  to(x: number, y: number, z: number): number {
    for (let r = 0.5; r <= 10; r *= 2) {
      let best = Infinity;
      this.grid.query([x - r, y - r, z - r, x + r, y + r, z + r], 0, this.stamp, this.token++, (t) => {
        best = Math.min(best, pointTriangleDistance(x, y, z, triangleCoordinates(this.surface, t, this.tri)));
      });
      if (best <= r) return best;
    }
    return 10;
  }
}

/**
 * Depth of a volume's deepest vertex in its host layer, as a fraction of the local layer thickness: distance to
 * the host's outer side over (that + distance to its inner side). Enamel: outer surface → DEJ; dentin: DEJ → pulp.
 */
export function deepestFraction(mesh: TriMesh, outside: TriMesh, inside: TriMesh): number {
  const a = new SurfaceDistance(outside);
  const b = new SurfaceDistance(inside);
  const p = mesh.positions;
  let deepest = 0;
  for (let i = 0; i < p.length; i += 3) {
    const da = a.to(p[i] as number, p[i + 1] as number, p[i + 2] as number);
    const db = b.to(p[i] as number, p[i + 1] as number, p[i + 2] as number);
    deepest = Math.max(deepest, da / (da + db));
  }
  return deepest;
}

/** Pairs of volumes sharing a host must not overlap: no vertex of one inside the other, no triangles meeting. */
export function expectDisjoint(a: TriMesh, b: TriMesh, label: string): void {
  expectOutside(a, b, label);
  expectOutside(b, a, label);
}
