import { DataError } from "../../errors.js";
import { asScene, checkMesh, type MeshInput } from "./labelled-mesh.js";

export interface ObjOptions {
  /**
   * Written as the very first line when given. Teeth3DS scans start with `# upper` or `# lower`
   * (dental-domain.md 4.1); a line not starting with `#` is made a comment.
   */
  firstLine?: string;
  /** Decimals of the `v` coordinates (default 4: 0.1 µm, far below scanner resolution). */
  decimals?: number;
}

/**
 * Wavefront OBJ text (https://paulbourke.net/dataformats/obj/): an optional first-line comment, one `o <name>`
 * block per mesh with `usemtl <material>` when the mesh names one, `v x y z` lines with a fixed number of
 * decimals (`toFixed`, and -0 written as 0, so the text is the same on every platform) and 1-based `f a b c`
 * lines with indices continuing across meshes. Labels are not written (OBJ has no vertex properties; use the
 * Teeth3DS JSON or PLY). Pure and deterministic. Cost O(vertices + triangles).
 */
export function encodeObj(input: MeshInput, options: ObjOptions = {}): string {
  const decimals = options.decimals ?? 4;
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 9) throw new DataError(`invalid decimals: ${decimals}`);
  const zero = (0).toFixed(decimals);
  const minusZero = `-${zero}`;
  const fixed = (v: number) => {
    const s = v.toFixed(decimals);
    return s === minusZero ? zero : s;
  };
  const parts: string[] = [];
  if (options.firstLine !== undefined) {
    const first = options.firstLine.replace(/[\r\n]+/g, " ");
    parts.push(first.startsWith("#") ? first : `# ${first}`);
  }
  parts.push("# dentsynth, units mm");
  let offset = 1;
  for (const m of asScene(input)) {
    checkMesh(m);
    const lines: string[] = [`o ${m.name}`];
    if (m.material !== undefined) lines.push(`usemtl ${m.material}`);
    const p = m.positions;
    for (let i = 0; i < p.length; i += 3) lines.push(`v ${fixed(p[i] as number)} ${fixed(p[i + 1] as number)} ${fixed(p[i + 2] as number)}`);
    const idx = m.indices;
    for (let t = 0; t < idx.length; t += 3) {
      lines.push(`f ${(idx[t] as number) + offset} ${(idx[t + 1] as number) + offset} ${(idx[t + 2] as number) + offset}`);
    }
    offset += p.length / 3;
    parts.push(lines.join("\n"));
  }
  return parts.join("\n") + "\n";
}
