/**
 * Materials of the layered dentition and the volumes that carry them: the contract between the mesh generator
 * (which builds the volumes) and the radiograph renderer (which projects them).
 *
 * Why "host": a forward projector integrates μ along each ray. If every closed volume states the material it
 * displaces (its host), the line integral is a plain sum over volumes, Σ (μ(material)·density − μ(host)) ×
 * chord(volume), with no boolean mesh operations: a lesion inside enamel lowers the integral by its lost mineral,
 * a filling that replaces dentin adds (μ(filling) − μ(dentin)) over its chord. This holds as long as each volume
 * lies entirely inside its host (the builders guarantee it; tests check it with nestedInside).
 *
 * `surroundings` is the host of volumes that sit in the mouth itself (a tooth's outer surface, an implant, a
 * pontic): soft tissue or air above the alveolar crest, bone below it. The renderer resolves it per ray.
 */
import type { Fdi } from "../patient/types.js";
import type { TriMesh } from "./geometry/tri-mesh.js";

export type Material =
  | "enamel"
  | "dentin"
  | "pulp"
  | "amalgam"
  | "composite"
  | "glass_ionomer"
  | "ceramic"
  | "zirconia"
  | "metal_alloy"
  | "titanium"
  | "gutta_percha"
  | "air";

export type Host = Material | "surroundings";

/** What a volume is, for exports (file names, labels) and annotations (masks, COCO categories). */
export type VolumeRole =
  | "tooth:outer"
  | "tooth:dentin"
  | "tooth:pulp"
  | "restoration:filling"
  | "restoration:crown"
  | "restoration:root_filling"
  | "restoration:implant_fixture"
  | "restoration:abutment"
  | "restoration:pontic"
  | "lesion:enamel"
  | "lesion:dentin";

export interface MaterialVolume {
  /** Closed, manifold, outward-oriented mesh in the tooth frame (tooth-shape.ts), mm. */
  mesh: TriMesh;
  material: Material;
  /** Mass density relative to the sound material (1 by default; a lesion's is 1 − its mineral loss). */
  density?: number;
  /** The material this volume lies in and displaces. */
  host: Host;
  role: VolumeRole;
  /** Tooth position the volume belongs to (an implant's or pontic's position too). */
  fdi: Fdi;
  /** For lesion volumes: the records' lesion id (`${patientId}-L${n}`), the join key of annotations. */
  lesionId?: string;
}
