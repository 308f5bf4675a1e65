import { DataError } from "../../errors.js";
import { mergeScene, type MeshInput } from "./labelled-mesh.js";

/** The exact object of a Teeth3DS / 3DTeethSeg'22 labels file (dental-domain.md 4.1). */
export interface Teeth3dsLabels {
  id_patient: string;
  jaw: "upper" | "lower";
  /** FDI number per vertex, 0 = gingiva; same vertex order as the OBJ. */
  labels: number[];
  /** Tooth instance id per vertex, 0 = gingiva. */
  instances: number[];
}

export interface Teeth3dsOptions {
  idPatient: string;
  jaw: "upper" | "lower";
}

/**
 * The Teeth3DS labels object of a scan: one label and instance per vertex, in the vertex order of the OBJ that
 * `encodeObj` writes for the same input (a scene is concatenated mesh by mesh). Labels are required. Without
 * instances, each distinct non-zero label becomes one instance, numbered 1, 2, … in ascending FDI order
 * (gingiva stays 0), which is right when every tooth appears once.
 */
export function teeth3dsLabels(input: MeshInput, options: Teeth3dsOptions): Teeth3dsLabels {
  if (options.jaw !== "upper" && options.jaw !== "lower") throw new DataError(`invalid jaw: ${JSON.stringify(options.jaw)}`);
  const mesh = mergeScene(input);
  const vertices = mesh.positions.length / 3;
  if (!mesh.labels) throw new DataError(`mesh ${JSON.stringify(mesh.name)} has no per-vertex labels (every mesh of a scene needs them)`);
  if (mesh.labels.length !== vertices) throw new DataError(`mesh ${JSON.stringify(mesh.name)}: ${mesh.labels.length} labels for ${vertices} vertices`);
  const labels = Array.from(mesh.labels);
  let instances: number[];
  if (mesh.instances) {
    if (mesh.instances.length !== vertices) throw new DataError(`mesh ${JSON.stringify(mesh.name)}: ${mesh.instances.length} instances for ${vertices} vertices`);
    instances = Array.from(mesh.instances);
  } else {
    const teeth = [...new Set(labels.filter((l) => l !== 0))].sort((a, b) => a - b);
    const instanceOf = new Map(teeth.map((fdi, i) => [fdi, i + 1]));
    instances = labels.map((l) => instanceOf.get(l) ?? 0);
  }
  return { id_patient: options.idPatient, jaw: options.jaw, labels, instances };
}

/** `teeth3dsLabels` as the JSON text of the file (compact, keys in the reference order). */
export function encodeTeeth3dsJson(input: MeshInput, options: Teeth3dsOptions): string {
  return JSON.stringify(teeth3dsLabels(input, options));
}
