/** Hand-made meshes for the geometry checks. */
import { latLongMesh } from "../../../../generators/meshes/geometry/lat-long-mesh.js";
import type { TriMesh } from "../../../../generators/meshes/geometry/tri-mesh.js";

/** Unit right tetrahedron at the origin, outward counter-clockwise: volume 1/6. */
export function tetrahedron(): TriMesh {
  return {
    positions: Float32Array.from([0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 1]),
    indices: Uint32Array.from([0, 2, 1, 0, 1, 3, 0, 3, 2, 1, 2, 3]),
  };
}

/** Axis-aligned cube [x0, x0 + size]³ shifted by (x0, y0, z0), 12 outward triangles. */
export function cube(size = 1, x0 = 0, y0 = 0, z0 = 0): TriMesh {
  const positions = new Float32Array(24);
  for (let i = 0; i < 8; i++) {
    positions[3 * i] = x0 + (i & 1 ? size : 0);
    positions[3 * i + 1] = y0 + (i & 2 ? size : 0);
    positions[3 * i + 2] = z0 + (i & 4 ? size : 0);
  }
  // Each face as a quad counter-clockwise seen from outside, split in two.
  const quads = [
    [0, 2, 3, 1], // z = 0 (bottom, normal -z)
    [4, 5, 7, 6], // z = 1
    [0, 1, 5, 4], // y = 0
    [2, 6, 7, 3], // y = 1
    [0, 4, 6, 2], // x = 0
    [1, 3, 7, 5], // x = 1
  ];
  const indices = quads.flatMap(([a, b, c, d]) => [a!, b!, c!, a!, c!, d!]);
  return { positions, indices: Uint32Array.from(indices) };
}

/** Both meshes as one mesh of two shells. */
export function merge(a: TriMesh, b: TriMesh): TriMesh {
  const positions = new Float32Array(a.positions.length + b.positions.length);
  positions.set(a.positions);
  positions.set(b.positions, a.positions.length);
  const offset = a.positions.length / 3;
  const indices = new Uint32Array(a.indices.length + b.indices.length);
  indices.set(a.indices);
  indices.set(b.indices.map((i) => i + offset), a.indices.length);
  return { positions, indices };
}

/** The mesh with its faces reversed (inside out). */
export function flipped(mesh: TriMesh): TriMesh {
  const indices = mesh.indices.slice();
  for (let t = 0; t < indices.length; t += 3) [indices[t + 1], indices[t + 2]] = [indices[t + 2]!, indices[t + 1]!];
  return { positions: mesh.positions, indices };
}

/** UV sphere of the given radius and centre on a latitude–longitude grid. */
export function sphere(radius: number, meridians: number, rings: number, center: [number, number, number] = [0, 0, 0]): TriMesh {
  const positions = new Float32Array(3 * (2 + meridians * rings));
  positions.set([center[0], center[1], center[2] + radius], 0);
  for (let r = 0; r < rings; r++) {
    const phi = (Math.PI * (r + 1)) / (rings + 1);
    for (let m = 0; m < meridians; m++) {
      const theta = (2 * Math.PI * m) / meridians;
      positions.set(
        [center[0] + radius * Math.sin(phi) * Math.cos(theta), center[1] + radius * Math.sin(phi) * Math.sin(theta), center[2] + radius * Math.cos(phi)],
        3 * (1 + r * meridians + m),
      );
    }
  }
  positions.set([center[0], center[1], center[2] - radius], positions.length - 3);
  return latLongMesh(meridians, rings, positions);
}
