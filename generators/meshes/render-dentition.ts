import { Rng } from "../../core/rng.js";
import { PATIENT_GENERATOR } from "../patient/sample-patient.js";
import type { Fdi, ToothState, VirtualPatient } from "../patient/types.js";
import type { TriMesh } from "./geometry/tri-mesh.js";
import { buildToothLesions } from "./lesions/build-tooth-lesions.js";
import { ToothSites } from "./lesions/surface-sites.js";
import type { MaterialVolume } from "./materials.js";
import { buildImplant } from "./restorations/build-implant.js";
import { buildPontic } from "./restorations/build-pontic.js";
import { buildToothRestorations } from "./restorations/build-tooth-restorations.js";
import { renderTooth, samplePatientToothScale, type RenderToothOptions, type ToothMeshes } from "./tooth/index.js";

/** Modality name under which a patient's stream is forked for meshes (architecture: one fork per modality). */
export const MESH_MODALITY = "meshes";

/** What stands at a rendered position. */
export type PositionKind = "natural" | "implant" | "pontic";

/** One rendered tooth position: its natural layers (none for an implant or a pontic) and all its volumes. */
export interface RenderedPosition {
  fdi: Fdi;
  kind: PositionKind;
  /** The natural tooth's layers, with carved cavities; null at implant and pontic positions. */
  tooth: ToothMeshes | null;
  /**
   * The crown surface to place in an arch: the natural tooth's outer surface as rendered, before any cavity was
   * carved (so a lesion never moves the neighbours), or the implant crown or pontic.
   */
  crown: TriMesh;
  /**
   * Every volume of the position, in this order: tooth:outer (host surroundings), tooth:dentin (host enamel),
   * tooth:pulp (host dentin) for a natural tooth; then its restorations (fillings, crown, root filling; or an
   * implant's fixture, abutment and crown, or a pontic); then its lesions (enamel then dentin part, chart order).
   */
  volumes: MaterialVolume[];
}

export interface DentitionMeshes {
  patientId: string;
  /** The patient's size factor shared by all their teeth. */
  patientScale: number;
  /** One layered tooth per present natural tooth, in the chart's order (the same objects as in `positions`). */
  teeth: ToothMeshes[];
  /** Every rendered position in the chart's order: present natural teeth, implants and pontics. */
  positions: RenderedPosition[];
}

/**
 * The stream a patient's meshes draw from: the patient's own stream (seed, "patient", index) forked under
 * "meshes", so asking for meshes never changes the records and patient i is the same in every modality.
 */
export function meshStream(masterSeed: string, index: number): Rng {
  return Rng.forRecord(masterSeed, PATIENT_GENERATOR, index).fork(MESH_MODALITY);
}

/**
 * Renders a patient's chart as meshes: every `present` natural tooth with its restorations and lesions, every
 * implant and pontic position; nothing at missing or unerupted positions. Each position draws from
 * `rng.fork("tooth-<FDI>")` (its shape) and that stream's "lesions" and "restorations" forks, so a position does
 * not depend on which other teeth the patient has, and a tooth with neither restorations nor lesions is the same
 * bytes as before they were rendered.
 */
export function renderDentition(patient: VirtualPatient, rng: Rng, options: Omit<RenderToothOptions, "patientScale"> = {}): DentitionMeshes {
  const patientScale = samplePatientToothScale(rng.fork("patient-scale"));
  const positions: RenderedPosition[] = [];
  for (const state of patient.teeth) {
    const position = renderPosition(patient, state, rng, { ...options, patientScale });
    if (position) positions.push(position);
  }
  const teeth = positions.flatMap((p) => (p.tooth ? [p.tooth] : []));
  return { patientId: patient.id, patientScale, teeth, positions };
}

/**
 * Renders one position of a patient's chart, exactly as renderDentition does (so another modality, e.g. the
 * radiograph scene, can render only the teeth it images and get the same volumes): null at missing (without
 * implant or pontic) and unerupted positions. `rng` is the patient's mesh stream (meshStream), not yet forked
 * per tooth; pass the patient's scale (samplePatientToothScale(rng.fork("patient-scale"))) in `options`.
 */
export function renderPosition(patient: VirtualPatient, state: ToothState, rng: Rng, options: RenderToothOptions = {}): RenderedPosition | null {
  const toothRng = rng.fork(`tooth-${state.fdi}`);
  if (state.restoration === "implant" || state.restoration === "pontic") {
    if (state.presence !== "missing") return null;
    // The replacement copies the position's natural crown, rendered smooth so its profiles stay planar.
    const shape = renderTooth(state.fdi, toothRng, { ...options, noise: false });
    const build = state.restoration === "implant" ? buildImplant : buildPontic;
    const volumes = build(shape, patient.labCases, toothRng.fork("restorations"));
    const crown = (volumes.find((v) => v.role === "restoration:crown" || v.role === "restoration:pontic") as MaterialVolume).mesh;
    return { fdi: state.fdi, kind: state.restoration, tooth: null, crown, volumes };
  }
  if (state.presence !== "present") return null;
  return renderNatural(state, patient, toothRng, options);
}

function renderNatural(state: ToothState, patient: VirtualPatient, toothRng: Rng, options: RenderToothOptions): RenderedPosition {
  const natural = renderTooth(state.fdi, toothRng, options);
  const restored = state.restoration === "filled" || state.restoration === "crowned" || state.rootCanalTreated;
  if (!restored && state.lesions.length === 0) return { fdi: state.fdi, kind: "natural", tooth: natural, crown: natural.outer, volumes: layerVolumes(natural) };
  // Sites come from the uncarved tooth: lesions and restorations then agree on where every outline lies.
  const sites = new ToothSites(natural);
  const { tooth, volumes: lesions } = buildToothLesions(natural, state, toothRng.fork("lesions"), sites);
  const restorations = buildToothRestorations(tooth, state, patient.labCases, toothRng.fork("restorations"), sites);
  return { fdi: state.fdi, kind: "natural", tooth, crown: natural.outer, volumes: [...layerVolumes(tooth), ...restorations, ...lesions] };
}

/** The natural layers as volumes: enamel in the mouth, dentin in the enamel, pulp in the dentin. */
function layerVolumes(tooth: ToothMeshes): MaterialVolume[] {
  return [
    { mesh: tooth.outer, material: "enamel", host: "surroundings", role: "tooth:outer", fdi: tooth.fdi },
    { mesh: tooth.dentin, material: "dentin", host: "enamel", role: "tooth:dentin", fdi: tooth.fdi },
    { mesh: tooth.pulp, material: "pulp", host: "dentin", role: "tooth:pulp", fdi: tooth.fdi },
  ];
}
