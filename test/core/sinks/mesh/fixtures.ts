import type { LabelledMesh } from "../../../../core/sinks/mesh/labelled-mesh.js";

/** An axis-aligned cube (8 vertices, 12 CCW-outward triangles) of side `size` with its min corner at `origin`. */
export function cube(name: string, origin: readonly [number, number, number] = [0, 0, 0], size = 1, label = 11, instance = 1): LabelledMesh {
  const corners = [0, 0, 0, 1, 0, 0, 1, 1, 0, 0, 1, 0, 0, 0, 1, 1, 0, 1, 1, 1, 1, 0, 1, 1];
  const positions = new Float32Array(corners.map((v, i) => (origin[i % 3] as number) + v * size));
  const indices = new Uint32Array([0, 2, 1, 0, 3, 2, 4, 5, 6, 4, 6, 7, 0, 1, 5, 0, 5, 4, 1, 2, 6, 1, 6, 5, 2, 3, 7, 2, 7, 6, 3, 0, 4, 3, 4, 7]);
  return { name, positions, indices, labels: new Int32Array(8).fill(label), instances: new Int32Array(8).fill(instance) };
}

/**
 * A bumpy open surface (an `n`×`n` grid, like a scan patch) with non-round coordinates, labels 0 (gingiva) on the
 * left half and `fdi` on the right. Deterministic (no randomness).
 */
export function patch(name: string, n = 12, fdi = 36): LabelledMesh {
  const positions = new Float32Array(n * n * 3);
  const labels = new Int32Array(n * n);
  const instances = new Int32Array(n * n);
  for (let j = 0; j < n; j++) {
    for (let i = 0; i < n; i++) {
      const v = j * n + i;
      positions[v * 3] = -12.345 + i * 1.0371;
      positions[v * 3 + 1] = 3.21 + j * 0.9137;
      positions[v * 3 + 2] = Math.sin(i * 0.7) * Math.cos(j * 0.4) * 2.5;
      labels[v] = i < n / 2 ? 0 : fdi;
      instances[v] = i < n / 2 ? 0 : 3;
    }
  }
  const indices: number[] = [];
  for (let j = 0; j + 1 < n; j++) {
    for (let i = 0; i + 1 < n; i++) {
      const a = j * n + i;
      indices.push(a, a + 1, a + n + 1, a, a + n + 1, a + n);
    }
  }
  return { name, positions, indices: Uint32Array.from(indices), labels, instances };
}

/** The positions of triangle-soup geometry (as STL/OBJ/GLTF loaders return) expanded from an indexed mesh. */
export function soup(mesh: LabelledMesh): Float32Array {
  const out = new Float32Array(mesh.indices.length * 3);
  mesh.indices.forEach((v, k) => out.set(mesh.positions.subarray(v * 3, v * 3 + 3), k * 3));
  return out;
}

export function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) return Infinity;
  let max = 0;
  for (let i = 0; i < a.length; i++) max = Math.max(max, Math.abs((a[i] as number) - (b[i] as number)));
  return max;
}

export function toArrayBuffer(bytes: Uint8Array): ArrayBuffer {
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}
