import type { LabelledMesh } from "./labelled-mesh.js";

/**
 * Wavefront OBJ: one `o` block per mesh, `v` lines with 4 decimals (0.1 µm, far below scanner resolution, and
 * the same text on every platform), 1-based `f` lines. `firstLine` is written first when given: Teeth3DS
 * scans start with `# upper` or `# lower`.
 */
export function encodeObj(meshes: readonly LabelledMesh[], firstLine?: string): string {
  const parts: string[] = [];
  if (firstLine !== undefined) parts.push(firstLine);
  parts.push("# dentsynth, units mm");
  let offset = 1;
  for (const m of meshes) {
    const lines: string[] = [`o ${m.name}`];
    const p = m.positions;
    for (let i = 0; i < p.length; i += 3) lines.push(`v ${fixed(p[i] as number)} ${fixed(p[i + 1] as number)} ${fixed(p[i + 2] as number)}`);
    const idx = m.indices;
    for (let t = 0; t < idx.length; t += 3) lines.push(`f ${(idx[t] as number) + offset} ${(idx[t + 1] as number) + offset} ${(idx[t + 2] as number) + offset}`);
    offset += p.length / 3;
    parts.push(lines.join("\n"));
  }
  return parts.join("\n") + "\n";
}

function fixed(v: number): string {
  const s = v.toFixed(4);
  return s === "-0.0000" ? "0.0000" : s;
}
