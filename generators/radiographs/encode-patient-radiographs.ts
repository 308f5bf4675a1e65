/**
 * Renders and encodes one patient's radiographs: the unit a worker runs. Pure in (config, index): running it on
 * the main thread or in any worker gives the same bytes.
 *
 * Files per image (stem = `<patient>_<view>`, e.g. P000001_bw_right):
 *   images/<stem>.png        12-bit radiograph in a 16-bit PNG, scaled to full range with an sBIT chunk of 12
 *                            (value >> 4 gives the detector's 12-bit value, as in the DICOM pixel data)
 *   masks/<stem>_class.png   per-pixel class (COCO category id; 0 background), 8-bit
 *   masks/<stem>_instance.png per-pixel instance (the image's annotation number, 1-based), 16-bit
 *   labels/<stem>.txt        YOLO boxes; labels_seg/<stem>.txt YOLO polygons
 *   png8/<stem>.png          (--png8) windowed 8-bit copy; dicom/<stem>.dcm (--dicom)
 *   previews/<stem>.png      (--preview) RGB picture with the annotations drawn over the image
 * Dataset-level files (annotations/coco.json, data.yaml, images.csv) come from the patients' data afterwards.
 */
import type { PatientOutput, EncodedFile } from "../../core/per-patient-run.js";
import { Rng } from "../../core/rng.js";
import { buildCocoDataset, renderLabelMasks, yoloBoxLabels, yoloSegmentLabels, type ImageAnnotation } from "../../core/sinks/annotations/index.js";
import { encodeIntraoralDicom } from "../../core/sinks/dicom/index.js";
import { encodeClassMaskPng, encodeGray16Png, encodeGray8Png, encodeInstanceMaskPng, windowTo8Bit } from "../../core/sinks/image/index.js";
import { meshStream } from "../meshes/render-dentition.js";
import { PRESETS } from "../patient/presets.js";
import { PATIENT_GENERATOR, samplePatient } from "../patient/sample-patient.js";
import type { VirtualPatient } from "../patient/types.js";
import type { RadiographsConfig } from "./config.js";
import type { PatientCoco } from "./dataset-files.js";
import { exposeSensor, sampleDetectorSettings } from "./detector/index.js";
import { planViews, type PlannedView } from "./plan-views.js";
import { annotateProjection } from "./render/annotate.js";
import { renderOverlayPng } from "./render/overlay.js";
import { projectScene } from "./render/project-scene.js";
import { aimOf } from "./scene/aim.js";
import { buildScene } from "./scene/build-scene.js";
import type { Scene } from "./scene/scene.js";
import { drawView, type DrawnView } from "./scene/view-geometry.js";

/** Modality name under which a patient's stream is forked for radiographs (one fork per modality). */
export const RADIOGRAPH_MODALITY = "radiographs";

/** Soft tissue (cheek, lip) crossed before the teeth, mm [U: buccal soft tissue 8-15 mm thick at the molars]. */
const SOFT_TISSUE: readonly [number, number] = [8, 15];

/** One image's acquisition, for images.csv. */
export interface Acquisition {
  fileName: string;
  patientId: string;
  view: string;
  sensor: string;
  kvp: number;
  mA: number;
  seconds: number;
  verticalDeg: number;
  horizontalDeg: number;
  magnification: number;
  pixelSizeMm: number;
}

export interface PatientRadiographs extends PatientCoco {
  acquisitions: Acquisition[];
}

/** A rendered image: 12-bit pixels, its annotation, and how it was taken. */
export interface Shot {
  stem: string;
  pixels: Uint16Array;
  annotation: ImageAnnotation;
  acquisition: Acquisition;
  /** Rendering time split, ms (for the benchmark): projection + detector, annotation. */
  timing: { render: number; annotate: number };
}

export function radiographStream(masterSeed: string, index: number): Rng {
  return Rng.forRecord(masterSeed, PATIENT_GENERATOR, index).fork(RADIOGRAPH_MODALITY);
}

/** Renders one planned view of a patient's scene (no encoding). */
export function shootView(patient: VirtualPatient, scene: Scene, view: PlannedView, config: Pick<RadiographsConfig, "size" | "edgeEnhancement">, rng: Rng): Shot | null {
  const t0 = performance.now();
  const aim = aimOf(scene, view);
  if (!aim) return null;
  const drawn: DrawnView = drawView(view.view, aim, config.size, aim.anterior, rng.fork("geometry"));
  const { frame } = drawn;
  const softTissue = rng.fork("soft-tissue").uniform(SOFT_TISSUE[0], SOFT_TISSUE[1]);
  const projection = projectScene(scene, frame, { softTissue });
  const settings = sampleDetectorSettings(rng.fork("detector"), { pixelSizeMm: frame.pixelSize * drawn.geometry.magnification, edgeEnhancement: config.edgeEnhancement });
  const pixels = exposeSensor(projection.lineIntegral, frame.width, frame.height, settings, rng.fork("sensor"));
  const t1 = performance.now();
  const stem = `${patient.id}_${view.name}`;
  const fileName = `${stem}.png`;
  // Images carry the detector's pixel pitch (what DICOM's Imager Pixel Spacing states); sizes at the object are
  // that divided by the magnification, recorded per image in images.csv.
  const detectorPixel = frame.pixelSize * drawn.geometry.magnification;
  const annotation: ImageAnnotation = {
    image: { fileName, width: frame.width, height: frame.height, pixelSizeMm: detectorPixel, view: view.view, patientId: patient.id },
    objects: annotateProjection(projection, { edgeEnhancement: config.edgeEnhancement }),
  };
  const t2 = performance.now();
  return {
    stem,
    pixels,
    annotation,
    acquisition: {
      fileName,
      patientId: patient.id,
      view: view.name,
      sensor: drawn.geometry.sensor,
      kvp: settings.exposure.kVp,
      mA: settings.exposure.mA,
      seconds: settings.exposure.seconds,
      verticalDeg: drawn.geometry.verticalDeg,
      horizontalDeg: drawn.geometry.horizontalDeg,
      magnification: drawn.geometry.magnification,
      pixelSizeMm: detectorPixel,
    },
    timing: { render: t1 - t0, annotate: t2 - t1 },
  };
}

/** The patient, its scene and planned views: what every image of the patient is shot from. */
export function prepareRadiographs(config: RadiographsConfig, index: number): { patient: VirtualPatient; scene: Scene; views: PlannedView[]; rng: Rng } {
  const preset = PRESETS[config.preset];
  if (!preset) throw new RangeError(`unknown preset ${config.preset}`);
  const patient = samplePatient(index, config.seed, preset);
  const rng = radiographStream(config.seed, index);
  const scene = buildScene(patient, meshStream(config.seed, index), { resolution: config.resolution });
  const views = planViews(patient, config.views, config.periapicals, rng.fork("plan"));
  return { patient, scene, views, rng };
}

export async function encodePatientRadiographs(config: RadiographsConfig, index: number): Promise<PatientOutput<PatientRadiographs>> {
  const { patient, scene, views, rng } = prepareRadiographs(config, index);
  const files: EncodedFile[] = [];
  const annotations: ImageAnnotation[] = [];
  const acquisitions: Acquisition[] = [];
  views.forEach((view, k) => {
    const shot = shootView(patient, scene, view, config, rng.fork(`view-${view.name}`));
    if (!shot) return;
    files.push(...encodeShot(shot, patient, config, k + 1));
    annotations.push(shot.annotation);
    acquisitions.push(shot.acquisition);
  });
  const coco = buildCocoDataset(annotations, { seed: config.seed });
  return { files, data: { patientIndex: index, coco, acquisitions } };
}

/** The files of one image. */
export function encodeShot(shot: Shot, patient: VirtualPatient, config: Pick<RadiographsConfig, "seed" | "png8" | "dicom" | "previews">, instanceNumber: number): EncodedFile[] {
  const { width, height, pixelSizeMm } = shot.annotation.image;
  const image = { width, height, data: shot.pixels };
  const text = new TextEncoder();
  const out: EncodedFile[] = [
    { path: `images/${shot.stem}.png`, role: "radiograph", format: "png", bytes: encodeGray16Png(image, { bitsStored: 12, scale: "full-range", pixelSizeMm }) },
  ];
  const masks = renderLabelMasks(shot.annotation);
  out.push({ path: `masks/${shot.stem}_class.png`, role: "mask:class", format: "png", bytes: encodeClassMaskPng(masks.classMask) });
  out.push({ path: `masks/${shot.stem}_instance.png`, role: "mask:instance", format: "png", bytes: encodeInstanceMaskPng(masks.instanceMask) });
  out.push({ path: `labels/${shot.stem}.txt`, role: "labels:yolo", format: "txt", bytes: text.encode(yoloBoxLabels(shot.annotation)) });
  out.push({ path: `labels_seg/${shot.stem}.txt`, role: "labels:yolo-seg", format: "txt", bytes: text.encode(yoloSegmentLabels(shot.annotation)) });
  if (config.png8) out.push({ path: `png8/${shot.stem}.png`, role: "radiograph:8bit", format: "png", bytes: encodeGray8Png(windowTo8Bit(image, {}), { pixelSizeMm }) });
  if (config.previews) out.push({ path: `previews/${shot.stem}.png`, role: "preview", format: "png", bytes: renderOverlayPng(shot.pixels, shot.annotation) });
  if (config.dicom) {
    const teeth = shot.annotation.objects.filter((o) => o.kind === "tooth").map((o) => o.fdi);
    out.push({
      path: `dicom/${shot.stem}.dcm`,
      role: "radiograph:dicom",
      format: "dicom",
      bytes: encodeIntraoralDicom({
        image,
        seed: config.seed,
        patientId: patient.id,
        imageKey: shot.stem,
        pixelSizeMm,
        view: shot.annotation.image.view,
        teeth,
        patientSex: patient.demographics.sex === "female" ? "F" : "M",
        patientAgeYears: patient.demographics.age,
        instanceNumber,
      }),
    });
  }
  return out;
}
