/**
 * What a radiograph is shot of: one patient's teeth placed in the head frame (both jaws in occlusion), each with
 * its material volumes, and the alveolar bone of each jaw. Built once per patient; every view projects it.
 *
 * Head frame: see generators/meshes/arch/place-dentition.ts (RAS-like, +z superior, occlusal plane near z = 0).
 * Tooth frame: tooth-shape.ts (+z toward the crown, z = 0 at the facial CEJ, +x mesial, +y buccal).
 */
import type { Mat4 } from "../../meshes/arch/mat4.js";
import type { MaterialVolume } from "../../meshes/materials.js";
import type { Arch, Fdi, ToothState } from "../../patient/types.js";
import type { BoneNode } from "./alveolar-bone.js";
import type { TrabecularTexture } from "./trabecular-texture.js";

export interface SceneTooth {
  fdi: Fdi;
  jaw: Arch;
  state: ToothState;
  /** Crown centre, unit outward (buccal) horizontal arch normal and unit long axis toward the crown, head frame. */
  centre: [number, number, number];
  buccal: [number, number, number];
  axis: [number, number, number];
  /** Tooth frame → head frame, and back. */
  toHead: Mat4;
  fromHead: Mat4;
  /** Depth of the alveolar crest below the CEJ on the mesial and distal sides, mm (tooth frame, positive). */
  crestDepth: { mesial: number; distal: number };
  /** Half the mesiodistal width at the contacts, mm: where the proximal surfaces are. */
  halfWidth: number;
  /** Crown length and the longest root, mm (tooth frame extents above and below the CEJ). */
  crownLength: number;
  rootLength: number;
  /** Its composite fillings are an old radiolucent kind (they mimic caries under a restoration). */
  radiolucentComposite: boolean;
  /** The tooth's material volumes in its own frame; built on first use (meshes cost more than placement). */
  volumes(): readonly MaterialVolume[];
}

export interface Scene {
  patientId: string;
  teeth: SceneTooth[];
  /** Each jaw's bone along its arch (null for a jaw with too few teeth or spaces to follow). */
  bone: Record<Arch, BoneNode[] | null>;
  texture: Record<Arch, TrabecularTexture>;
}
