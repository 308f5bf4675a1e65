/** Shared assertions for rendered teeth: topology, geometry, nesting and Wheeler dimensions. */
import { expect } from "vitest";
import { checkEdgeManifold } from "../../../../generators/meshes/geometry/edge-manifold.js";
import { eulerCharacteristic } from "../../../../generators/meshes/geometry/euler-characteristic.js";
import { extentsAlong } from "../../../../generators/meshes/geometry/extents-along.js";
import { checkNestedInside } from "../../../../generators/meshes/geometry/nested-inside.js";
import { countSectionLoops } from "../../../../generators/meshes/geometry/plane-section.js";
import { findSelfIntersections } from "../../../../generators/meshes/geometry/self-intersections.js";
import { signedVolume } from "../../../../generators/meshes/geometry/signed-volume.js";
import { minimumDistanceToSurface } from "../../../../generators/meshes/geometry/surface-distance.js";
import type { TriMesh } from "../../../../generators/meshes/geometry/tri-mesh.js";
import type { ToothMeshes } from "../../../../generators/meshes/tooth/render-tooth.js";
import type { WheelerRow } from "../../../../generators/meshes/tooth/wheeler-table.js";

/** Tooth axes of the local frame: mesiodistal x, buccolingual y, long axis z (CEJ at z = 0). */
export const MD: [number, number, number] = [1, 0, 0];
export const BL: [number, number, number] = [0, 1, 0];
export const LONG: [number, number, number] = [0, 0, 1];

export function expectClosedLayer(mesh: TriMesh, label: string): void {
  const edges = checkEdgeManifold(mesh);
  expect(edges.watertight, `${label} watertight`).toBe(true);
  expect(edges.orientedManifold, `${label} oriented manifold`).toBe(true);
  expect(eulerCharacteristic(mesh), `${label} Euler`).toBe(2);
  expect(signedVolume(mesh), `${label} volume`).toBeGreaterThan(0);
  expect(findSelfIntersections(mesh, 5), `${label} self-intersections`).toEqual([]);
}

export function expectNested(tooth: ToothMeshes): void {
  const dentin = checkNestedInside(tooth.dentin, tooth.outer);
  expect(dentin, `${tooth.fdi} dentin in outer`).toMatchObject({ verticesOutside: 0, surfacesIntersect: false });
  const pulp = checkNestedInside(tooth.pulp, tooth.dentin);
  expect(pulp, `${tooth.fdi} pulp in dentin`).toMatchObject({ verticesOutside: 0, surfacesIntersect: false });
  // Clearance: the nominal gap is MIN_GAP = 0.1 mm, less the ±0.04 mm noise and the slope of the facets.
  expect(minimumDistanceToSurface(tooth.dentin, tooth.outer), `${tooth.fdi} dentin clearance`).toBeGreaterThan(0.01);
  expect(minimumDistanceToSurface(tooth.pulp, tooth.dentin), `${tooth.fdi} pulp clearance`).toBeGreaterThan(0.1);
}

/** Measured dimensions of the outer surface, mm. */
export function measure(tooth: ToothMeshes): { crown: number; root: number; md: number; bl: number } {
  const [md, bl, long] = extentsAlong(tooth.outer, [MD, BL, LONG]);
  return { crown: long!.max, root: -long!.min, md: md!.length, bl: bl!.length };
}

/** Every measured dimension within ±`tolerance` (fraction) of the row. */
export function expectDimensions(tooth: ToothMeshes, row: WheelerRow, tolerance: number): void {
  const m = measure(tooth);
  const within = (value: number, expected: number, what: string) =>
    expect(Math.abs(value / expected - 1), `${tooth.fdi} ${what}: ${value.toFixed(2)} vs ${expected}`).toBeLessThanOrEqual(tolerance);
  within(m.crown, row.crownLength, "crown length");
  within(m.root, Math.max(...row.rootLengths), "root length");
  within(m.md, row.mdCrown, "mesiodistal");
  within(m.bl, row.blCrown, "buccolingual");
}

/** Roots counted as separate loops of a horizontal cut at 80 % of the shortest root's length. */
export function countRoots(tooth: ToothMeshes): number {
  return countSectionLoops(tooth.outer, LONG, -0.8 * Math.min(...tooth.dimensions.rootLengths));
}
