/**
 * Teeth3DS / 3DTeethSeg'22 files of a scan (dental-domain.md 4.1, read from abenhamadou/3DTeethSeg22_challenge):
 * the labels JSON `{ id_patient, jaw, labels, instances }` with one entry per OBJ vertex, and the OBJ whose first
 * line is `# upper` or `# lower`.
 */
import type { Arch } from "../../patient/types.js";
import type { ArchScan } from "./assemble-scan.js";

/** The exact object of a Teeth3DS labels file. */
export interface Teeth3dsLabels {
  id_patient: string;
  jaw: Arch;
  /** FDI number per vertex, 0 = gingiva. */
  labels: number[];
  /** Tooth instance per vertex, 0 = gingiva. */
  instances: number[];
}

export function teeth3dsJson(scan: ArchScan, options: { idPatient: string; jaw: Arch }): Teeth3dsLabels {
  if (options.jaw !== scan.jaw) throw new RangeError(`jaw ${options.jaw} does not match the scan's jaw ${scan.jaw}`);
  return { id_patient: options.idPatient, jaw: options.jaw, labels: Array.from(scan.labels), instances: Array.from(scan.instances) };
}

/** Wavefront OBJ text: `# upper|lower`, then `v x y z` (mm, 4 decimals) and 1-based `f a b c` lines. */
export function teeth3dsObj(scan: ArchScan): string {
  const p = scan.mesh.positions;
  const idx = scan.mesh.indices;
  const lines: string[] = [`# ${scan.jaw}`];
  const num = (v: number) => String(Number(v.toFixed(4)));
  for (let i = 0; i < p.length; i += 3) lines.push(`v ${num(p[i] as number)} ${num(p[i + 1] as number)} ${num(p[i + 2] as number)}`);
  for (let t = 0; t < idx.length; t += 3) lines.push(`f ${(idx[t] as number) + 1} ${(idx[t + 1] as number) + 1} ${(idx[t + 2] as number) + 1}`);
  return lines.join("\n") + "\n";
}
