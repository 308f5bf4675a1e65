/**
 * A plain indexed triangle mesh: the geometry every dentsynth mesh generator returns and every check reads.
 *
 * Units are millimetres. Triangles are wound counter-clockwise seen from outside, so normals computed as
 * (b - a) x (c - a) point out of the solid and a closed mesh has positive signed volume.
 */
export interface TriMesh {
  /** Vertex coordinates, xyz interleaved (length 3 * vertexCount). */
  positions: Float32Array;
  /** Vertex indices, three per triangle (length 3 * triangleCount). */
  indices: Uint32Array;
}

/** Number of vertices (positions / 3). */
export function vertexCount(mesh: TriMesh): number {
  return mesh.positions.length / 3;
}

/** Number of triangles (indices / 3). */
export function triangleCount(mesh: TriMesh): number {
  return mesh.indices.length / 3;
}

/** Axis-aligned bounds of the vertices, as [minX, minY, minZ, maxX, maxY, maxZ]. */
export function boundsOf(mesh: TriMesh): [number, number, number, number, number, number] {
  const p = mesh.positions;
  const b: [number, number, number, number, number, number] = [Infinity, Infinity, Infinity, -Infinity, -Infinity, -Infinity];
  for (let i = 0; i < p.length; i += 3) {
    for (let k = 0; k < 3; k++) {
      const v = p[i + k] as number;
      if (v < b[k]!) b[k] = v;
      if (v > b[k + 3]!) b[k + 3] = v;
    }
  }
  return b;
}
