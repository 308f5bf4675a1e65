/**
 * Builds a patient's radiographic scene: both jaws placed in occlusion from the teeth's dimensions, each tooth's
 * material volumes made only when a view needs them, and each jaw's alveolar bone following the arch with its
 * crest set by the charted attachment loss.
 *
 * Consistency across modalities: every position is rendered by the same function as `generate meshes`
 * (renderPosition, from the patient's stream forked under "meshes", then "tooth-<FDI>"), so the tooth in a
 * radiograph is the tooth in the mesh files, with the same restorations and lesions.
 */
import type { Rng } from "../../../core/rng.js";
import { placeDentition, type DentitionPlacement, type HeadJaw } from "../../meshes/arch/place-dentition.js";
import { applyMat4, invertRigid } from "../../meshes/arch/mat4.js";
import type { MaterialVolume } from "../../meshes/materials.js";
import { renderPosition } from "../../meshes/render-dentition.js";
import { samplePatientToothScale, sampleToothDimensions, type ToothDimensions } from "../../meshes/tooth/sample-tooth-dimensions.js";
import { WHEELER } from "../../meshes/tooth/wheeler-table.js";
import type { Arch, ToothState, VirtualPatient } from "../../patient/types.js";
import { isImaged } from "../plan-views.js";
import { RIDGE_LOSS, SUPRACRESTAL_ATTACHMENT, type BoneNode } from "./alveolar-bone.js";
import type { Scene, SceneTooth } from "./scene.js";
import { trabecularTexture } from "./trabecular-texture.js";

/**
 * Attachment loss a healthy site charts, mm: probing reaches through the sulcus (0.69 mm) and most of the
 * junctional epithelium (0.97 mm) before it stops (Gargiulo, Wentz & Orban 1961) [T], and the charts round up;
 * the patient model's healthy sites read 2-3 mm. Loss beyond this moves the crest apically.
 */
export const HEALTHY_ATTACHMENT_LOSS = 2;
/** Share of composite fillings of the old radiolucent kind [U: radiolucent composites are mostly pre-1990s materials]. */
const RADIOLUCENT_COMPOSITE_SHARE = 0.15;
/** Buccolingual width of the alveolar process beyond the root's cervical width, mm [A: a plate of about 1 mm each side]. */
const PROCESS_MARGIN = 2;

export interface BuildSceneOptions {
  /** Mesh density multiplier of the teeth (as `generate meshes`). */
  resolution: number;
}

/** Tooth-frame crest depth below the CEJ from the chart's attachment loss at the proximal sites. */
export function crestDepthOf(state: ToothState): { mesial: number; distal: number } {
  const cal = state.perio?.attachmentLoss;
  const depth = (a: number | undefined, b: number | undefined) =>
    SUPRACRESTAL_ATTACHMENT + Math.max(0, ((a ?? HEALTHY_ATTACHMENT_LOSS) + (b ?? HEALTHY_ATTACHMENT_LOSS)) / 2 - HEALTHY_ATTACHMENT_LOSS);
  // Sites MB, B, DB, ML, L, DL (types.ts): mesial = MB and ML, distal = DB and DL.
  return { mesial: depth(cal?.[0], cal?.[3]), distal: depth(cal?.[2], cal?.[5]) };
}

export function buildScene(patient: VirtualPatient, meshRng: Rng, options: BuildSceneOptions): Scene {
  const patientScale = samplePatientToothScale(meshRng.fork("patient-scale"));
  const states = patient.teeth.filter(isImaged);
  const dims = new Map<number, ToothDimensions>(
    states.map((t) => [t.fdi, sampleToothDimensions(WHEELER[t.arch][t.type], patientScale, meshRng.fork(`tooth-${t.fdi}`).fork("dimensions"))]),
  );
  const placement: DentitionPlacement = placeDentition(
    states.map((t) => ({ fdi: t.fdi, dimensions: dims.get(t.fdi)! })),
    meshRng.fork("dentition"),
    { patientScale },
  );
  const teeth: SceneTooth[] = placement.teeth.map((head) => {
    const state = states.find((t) => t.fdi === head.fdi)!;
    const d = dims.get(head.fdi)!;
    let cached: readonly MaterialVolume[] | null = null;
    return {
      fdi: head.fdi,
      jaw: head.jaw,
      state,
      centre: head.centre,
      buccal: head.buccal,
      axis: [head.toHead[8] as number, head.toHead[9] as number, head.toHead[10] as number],
      toHead: head.toHead,
      fromHead: invertRigid(head.toHead),
      crestDepth: crestDepthOf(state),
      radiolucentComposite: meshRng.fork(`tooth-${head.fdi}`).fork("composite-kind").bernoulli(RADIOLUCENT_COMPOSITE_SHARE),
      halfWidth: d.mdCrown / 2,
      crownLength: d.crownLength,
      rootLength: Math.max(...d.rootLengths),
      volumes: () => (cached ??= renderPosition(patient, state, meshRng, { resolution: options.resolution, patientScale })?.volumes ?? []),
    };
  });
  const bone = { upper: boneNodes(placement.upper, teeth), lower: boneNodes(placement.lower, teeth) };
  const textureRng = meshRng.fork("bone-texture");
  return {
    patientId: patient.id,
    teeth,
    bone,
    texture: { upper: trabecularTexture(textureRng.fork("upper")), lower: trabecularTexture(textureRng.fork("lower")) },
  };
}

/** Contacts closer than this along the arch are one interdental septum, mm [A]. */
const CONTACT_MERGE = 1.5;
/** Extension of the bone past the last tooth of each side, mm (retromolar region) [A]. */
const DISTAL_EXTENSION = 15;

/**
 * Nodes of a jaw's bone along its arch: at each tooth's mesial and distal contact, with the crest at that side's
 * depth below the CEJ; in a space, the neighbours' crest lowered by RIDGE_LOSS; beyond the last teeth, the last
 * crest carried on.
 */
function boneNodes(jaw: HeadJaw, teeth: readonly SceneTooth[]): BoneNode[] | null {
  const poses = jaw.layout.teeth;
  if (poses.length === 0) return null;
  const raw: { s: number; crestZ: number; width: number }[] = [];
  const point = { 0: 0, 1: 0, 2: 0 } as { [i: number]: number };
  for (const pose of poses) {
    const tooth = teeth.find((t) => t.fdi === pose.fdi);
    if (!tooth) continue;
    const width = (WHEELER[tooth.jaw][tooth.state.type].blCervix ?? 8) + PROCESS_MARGIN;
    for (const [s, x, depth] of [
      [pose.arcMesial, tooth.halfWidth, tooth.crestDepth.mesial],
      [pose.arcDistal, -tooth.halfWidth, tooth.crestDepth.distal],
    ] as const) {
      applyMat4(tooth.toHead, x, 0, -depth, point);
      raw.push({ s, crestZ: point[2] as number, width });
    }
  }
  raw.sort((a, b) => a.s - b.s);
  // Crest away from the occlusal plane: up for the upper jaw, down for the lower.
  const away = jaw.jaw === "upper" ? 1 : -1;
  const withSpaces = [...raw];
  for (const space of jaw.layout.spaces) {
    const mid = (space.arcMesial + space.arcDistal) / 2;
    const below = raw.filter((r) => r.s <= mid).at(-1);
    const above = raw.find((r) => r.s >= mid);
    const ref = [below, above].filter((r): r is (typeof raw)[number] => r !== undefined);
    if (ref.length === 0) continue;
    const crest = ref.reduce((s, r) => s + r.crestZ, 0) / ref.length + away * RIDGE_LOSS;
    const width = ref.reduce((s, r) => s + r.width, 0) / ref.length;
    withSpaces.push({ s: mid, crestZ: crest, width });
  }
  withSpaces.sort((a, b) => a.s - b.s);
  // Neighbours share a contact: their two crest heights there become one interdental crest (their mean), so
  // the crest runs on without a step from one tooth to the next.
  const merged: typeof withSpaces = [];
  for (const n of withSpaces) {
    const last = merged.at(-1);
    if (last && n.s - last.s < CONTACT_MERGE) {
      merged[merged.length - 1] = { s: (last.s + n.s) / 2, crestZ: (last.crestZ + n.crestZ) / 2, width: (last.width + n.width) / 2 };
    } else merged.push(n);
  }
  withSpaces.length = 0;
  withSpaces.push(...merged);
  const first = withSpaces[0]!;
  const last = withSpaces.at(-1)!;
  withSpaces.unshift({ ...first, s: first.s - DISTAL_EXTENSION });
  withSpaces.push({ ...last, s: last.s + DISTAL_EXTENSION });
  return withSpaces.map((n) => {
    const p = jaw.pointAt(n.s).point;
    return { x: p[0], y: p[1], crestZ: n.crestZ, width: n.width };
  });
}
