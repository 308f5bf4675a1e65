import { encodeGlb, encodeObj, encodePly, encodeStl, type LabelledMesh } from "../../core/sinks/mesh/index.js";
import { renderPreviewPng } from "../../core/preview/index.js";
import { PRESETS } from "../patient/presets.js";
import { samplePatient } from "../patient/sample-patient.js";
import type { Arch } from "../patient/types.js";
import { generateArchScan, scannedTeethOf } from "./arch/generate-arch-scan.js";
import { transformMesh, type Mat4 } from "./arch/mat4.js";
import { placeTeeth } from "./arch/place-teeth.js";
import { teeth3dsJson } from "./arch/teeth3ds.js";
import type { MeshesConfig, MeshFormatName } from "./config.js";
import { meshStream, renderDentition, type RenderedPosition } from "./render-dentition.js";

/** One output file of a patient: path relative to the output folder, bytes, and what it holds. */
export interface EncodedFile {
  path: string;
  role: string;
  format: string;
  bytes: Uint8Array;
}

const JAWS: Arch[] = ["upper", "lower"];
const LAYERS = ["outer", "dentin", "pulp"] as const;

/**
 * Renders and encodes patient `index`'s meshes. Pure in (config, index): the unit a worker runs, and running it
 * on the main thread gives the same bytes. Files are named by patient id and jaw, e.g. `P000001_upper.ply`.
 */
export async function encodePatientMeshes(config: MeshesConfig, index: number): Promise<EncodedFile[]> {
  const preset = PRESETS[config.preset];
  if (!preset) throw new RangeError(`unknown preset ${config.preset}`);
  const patient = samplePatient(index, config.seed, preset);
  const rng = meshStream(config.seed, index);
  const dentition = renderDentition(patient, rng, { resolution: config.resolution });
  const byFdi = new Map(dentition.teeth.map((t) => [t.fdi, t]));
  const positions = new Map(dentition.positions.map((p) => [p.fdi, p]));
  const files: EncodedFile[] = [];
  for (const jaw of JAWS) {
    const fdis = scannedTeethOf(patient, jaw).filter((f) => byFdi.has(f));
    if (fdis.length === 0) continue; // an edentulous jaw has nothing to scan or place
    const stem = `${patient.id}_${jaw}`;
    if (config.kind === "arch") {
      // The scan shows the teeth as rendered, uncarved (a filled or crowned tooth has its natural outer form);
      // implant crowns and pontics are not added to the scan yet.
      const crowns = fdis.map((fdi) => ({ fdi, crown: positions.get(fdi)!.crown }));
      const { scan } = generateArchScan(jaw, crowns, rng.fork(`arch-${jaw}`));
      const mesh: LabelledMesh = { name: stem, positions: scan.mesh.positions, indices: scan.mesh.indices, labels: scan.labels, instances: scan.instances };
      files.push(...(await encodeAll(config.formats, [mesh], stem, "scan", `# ${jaw}`)));
      if (config.previews) files.push(preview([mesh], stem));
      const json = JSON.stringify(teeth3dsJson(scan, { idPatient: patient.id, jaw }));
      files.push({ path: `${stem}.json`, role: "labels:teeth3ds", format: "json", bytes: new TextEncoder().encode(json) });
    } else {
      // Implants and pontics take their place in the arch too; a jaw without them places exactly the natural teeth
      // as before. The same placement stream as the scan, so a patient's teeth sit where their scan shows them.
      const placed = scannedTeethOf(patient, jaw, { prosthetic: true }).filter((f) => positions.has(f));
      const crowns = placed.map((fdi) => ({ fdi, crown: positions.get(fdi)!.crown }));
      const placement = placeTeeth(jaw, crowns, rng.fork(`arch-${jaw}`).fork("placement"));
      const transforms = new Map(placement.teeth.map((t) => [t.fdi, t.transform]));
      for (const layer of LAYERS) {
        const meshes: LabelledMesh[] = placement.teeth.flatMap((at) => {
          const tooth = byFdi.get(at.fdi);
          if (!tooth) return [];
          const moved = transformMesh(tooth[layer], at.transform);
          const vertices = moved.positions.length / 3;
          return [{ name: `${at.fdi}_${layer}`, positions: moved.positions, indices: moved.indices, labels: new Int32Array(vertices).fill(at.fdi) }];
        });
        files.push(...(await encodeAll(config.formats, meshes, `${stem}_${layer}`, `teeth:${layer}`, `# ${jaw}`)));
        if (config.previews && layer === "outer") files.push(preview(meshes, `${stem}_${layer}`));
      }
      for (const family of VOLUME_FAMILIES) {
        const meshes = volumeMeshes(placed.map((fdi) => positions.get(fdi)!), transforms, family);
        if (meshes.length === 0) continue; // skip a file the jaw has nothing for
        files.push(...(await encodeAll(config.formats, meshes, `${stem}_${family}`, `teeth:${family}`, `# ${jaw}`)));
      }
    }
  }
  return files;
}

/** Files of volumes besides the natural layers, one per role family. */
const VOLUME_FAMILIES = ["restorations", "lesions"] as const;

/**
 * The volumes of one role family, placed like their tooth: per-vertex label = FDI, and for lesions instance =
 * the lesion's number in the records (`${patientId}-L${n}` → n), the join key to the radiograph annotations.
 */
function volumeMeshes(positions: readonly RenderedPosition[], transforms: Map<number, Mat4>, family: (typeof VOLUME_FAMILIES)[number]): LabelledMesh[] {
  const prefix = family === "restorations" ? "restoration:" : "lesion:";
  const out: LabelledMesh[] = [];
  for (const position of positions) {
    const transform = transforms.get(position.fdi);
    if (!transform) continue;
    for (const volume of position.volumes) {
      if (!volume.role.startsWith(prefix)) continue;
      const moved = transformMesh(volume.mesh, transform);
      const vertices = moved.positions.length / 3;
      const mesh: LabelledMesh = {
        name: `${volume.fdi}_${volume.role.slice(prefix.length)}_${volume.material}`,
        positions: moved.positions,
        indices: moved.indices,
        labels: new Int32Array(vertices).fill(volume.fdi),
        material: volume.material,
      };
      if (volume.lesionId !== undefined) mesh.instances = new Int32Array(vertices).fill(lesionNumber(volume.lesionId));
      out.push(mesh);
    }
  }
  return out;
}

/** `${patientId}-L${n}` → n. */
function lesionNumber(id: string): number {
  const n = Number(id.slice(id.lastIndexOf("-L") + 2));
  if (!Number.isInteger(n)) throw new RangeError(`invalid lesion id: ${id}`);
  return n;
}

async function encodeAll(formats: readonly MeshFormatName[], meshes: LabelledMesh[], stem: string, role: string, firstLine: string): Promise<EncodedFile[]> {
  const out: EncodedFile[] = [];
  for (const format of formats) {
    if (format === "stl") out.push({ path: `${stem}.stl`, role, format, bytes: encodeStl(meshes, { header: `dentsynth ${stem} binary STL, units mm` }) });
    else if (format === "obj") out.push({ path: `${stem}.obj`, role, format, bytes: new TextEncoder().encode(encodeObj(meshes, { firstLine })) });
    else if (format === "glb") out.push({ path: `${stem}.glb`, role, format, bytes: await encodeGlb(meshes, { sceneName: stem }) });
    else out.push({ path: `${stem}.ply`, role, format, bytes: encodePly(meshes, { name: stem }) });
  }
  return out;
}

/** A 320 px PNG thumbnail, coloured by FDI label, seen from the occlusal side (+z in each jaw's frame). */
function preview(meshes: LabelledMesh[], stem: string): EncodedFile {
  const bytes = renderPreviewPng(meshes, { width: 320, height: 240, direction: [0, -0.6, 1], up: [0, 1, 0], colorBy: "label" });
  return { path: `${stem}.png`, role: "preview", format: "png", bytes };
}
