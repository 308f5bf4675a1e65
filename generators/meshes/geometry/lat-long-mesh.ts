import type { TriMesh } from "./tri-mesh.js";

/**
 * Faces of a latitude–longitude grid closed by two poles: the topology of a sphere, so any placement of its
 * vertices gives a closed, edge-manifold, genus-0 surface (V − E + F = 2). Whether it is also free of
 * self-intersections is up to the placement.
 *
 * Vertex layout (the caller fills `positions` in this order): 0 is the top pole; ring r (0-based, top to
 * bottom) meridian m is 1 + r·meridians + m; the last vertex is the bottom pole. Meridians must go
 * counter-clockwise seen from the top pole's side (increasing angle about +z for a tooth), rings from the top
 * pole to the bottom pole; the faces are then wound counter-clockwise seen from outside.
 *
 * @returns the mesh, sharing `positions`; 2·meridians·rings faces
 */
export function latLongMesh(meridians: number, rings: number, positions: Float32Array): TriMesh {
  if (meridians < 3 || rings < 1) throw new RangeError(`latLongMesh requires at least 3 meridians and 1 ring, got ${meridians}, ${rings}`);
  const vertices = 2 + meridians * rings;
  if (positions.length !== 3 * vertices) throw new RangeError(`latLongMesh expects ${3 * vertices} coordinates, got ${positions.length}`);
  const indices = new Uint32Array(3 * 2 * meridians * rings);
  const at = (r: number, m: number) => 1 + r * meridians + (m % meridians);
  const bottom = vertices - 1;
  let k = 0;
  for (let m = 0; m < meridians; m++) {
    indices[k++] = 0;
    indices[k++] = at(0, m);
    indices[k++] = at(0, m + 1);
  }
  for (let r = 0; r + 1 < rings; r++) {
    for (let m = 0; m < meridians; m++) {
      const a = at(r, m);
      const b = at(r, m + 1);
      const c = at(r + 1, m);
      const d = at(r + 1, m + 1);
      indices[k++] = a;
      indices[k++] = c;
      indices[k++] = d;
      indices[k++] = a;
      indices[k++] = d;
      indices[k++] = b;
    }
  }
  for (let m = 0; m < meridians; m++) {
    indices[k++] = bottom;
    indices[k++] = at(rings - 1, m + 1);
    indices[k++] = at(rings - 1, m);
  }
  return { positions, indices };
}
