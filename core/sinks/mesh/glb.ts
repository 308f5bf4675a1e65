import { BufferAttribute, BufferGeometry, Color, Mesh, MeshStandardMaterial, Scene, SRGBColorSpace } from "three";
import { GLTFExporter } from "three/examples/jsm/exporters/GLTFExporter.js";
import { DEFAULT_MESH_COLOR, type Rgb } from "./colors.js";
import { asScene, checkMesh, type MeshInput } from "./labelled-mesh.js";

export interface GlbOptions {
  /** Base colour per material name (a mesh's `material`, else its `name`); others get `defaultColor`. */
  colors?: Readonly<Record<string, Rgb>>;
  /** Default DEFAULT_MESH_COLOR. */
  defaultColor?: Rgb;
  /**
   * Write per-vertex labels and instances as the application-specific attributes `_LABEL` and `_INSTANCE`
   * (glTF 2.0 §3.7.2.1 allows attributes starting with "_") as FLOAT, exact for integers below 2^24. Not
   * UNSIGNED_SHORT: a 2-byte attribute needs a 4-byte stride, which loaders then read as interleaved. Default true. three's GLTFLoader reads them back as the geometry attributes `_label` and `_instance`.
   */
  labels?: boolean;
  /** Name of the glTF scene (default "dentsynth"). */
  sceneName?: string;
}

/**
 * Binary glTF 2.0 (.glb) through three's GLTFExporter: one node and mesh per input mesh (named after it), one
 * named PBR material per distinct material name (metallic 0, roughness 0.6), and per vertex POSITION, NORMAL
 * (smooth, from `computeVertexNormals`) and the index list. Meshes without triangles are skipped.
 *
 * GLTFExporter needs `FileReader`, which Node lacks; a minimal shim is installed on first use, only when
 * `globalThis.FileReader` is undefined (dependencies.md snippet B). The output depends only on the input and
 * three's version (the JSON chunk names `THREE.GLTFExporter r<REVISION>`; no uuids or dates are written).
 * Async because the exporter is. Cost O(vertices + triangles).
 */
export async function encodeGlb(input: MeshInput, options: GlbOptions = {}): Promise<Uint8Array> {
  installFileReaderShim();
  const scene = new Scene();
  scene.name = options.sceneName ?? "dentsynth";
  const materials = new Map<string, MeshStandardMaterial>();
  const disposables: { dispose(): void }[] = [];
  for (const m of asScene(input)) {
    checkMesh(m);
    if (m.indices.length === 0) continue;
    const geometry = new BufferGeometry();
    geometry.setAttribute("position", new BufferAttribute(m.positions, 3));
    geometry.setIndex(new BufferAttribute(m.indices, 1));
    geometry.computeVertexNormals();
    if (options.labels !== false) {
      // Int32 is not a glTF component type.
      if (m.labels) geometry.setAttribute("_label", new BufferAttribute(Float32Array.from(m.labels), 1));
      if (m.instances) geometry.setAttribute("_instance", new BufferAttribute(Float32Array.from(m.instances), 1));
    }
    const materialName = m.material ?? m.name;
    let material = materials.get(materialName);
    if (!material) {
      const [r, g, b] = options.colors?.[materialName] ?? options.defaultColor ?? DEFAULT_MESH_COLOR;
      material = new MeshStandardMaterial({ name: materialName, color: new Color().setRGB(r, g, b, SRGBColorSpace), metalness: 0, roughness: 0.6 });
      materials.set(materialName, material);
      disposables.push(material);
    }
    const mesh = new Mesh(geometry, material);
    mesh.name = m.name;
    scene.add(mesh);
    disposables.push(geometry);
  }
  try {
    const result = await new GLTFExporter().parseAsync(scene, { binary: true });
    if (!(result instanceof ArrayBuffer)) throw new TypeError("GLTFExporter did not return binary glTF");
    return new Uint8Array(result);
  } finally {
    for (const d of disposables) d.dispose();
  }
}

/** Just enough of FileReader for GLTFExporter: readAsArrayBuffer / readAsDataURL with onload / onloadend. */
class BlobReader {
  result: ArrayBuffer | string | null = null;
  error: unknown = null;
  onload: ((event: { target: BlobReader }) => void) | null = null;
  onloadend: ((event: { target: BlobReader }) => void) | null = null;
  onerror: ((event: { target: BlobReader }) => void) | null = null;

  readAsArrayBuffer(blob: Blob): void {
    this.read(blob, (buffer) => buffer);
  }

  readAsDataURL(blob: Blob): void {
    this.read(blob, (buffer) => `data:${blob.type || "application/octet-stream"};base64,${Buffer.from(buffer).toString("base64")}`);
  }

  private read(blob: Blob, convert: (buffer: ArrayBuffer) => ArrayBuffer | string): void {
    blob.arrayBuffer().then(
      (buffer) => {
        this.result = convert(buffer);
        this.onload?.({ target: this });
        this.onloadend?.({ target: this });
      },
      (error: unknown) => {
        this.error = error;
        this.onerror?.({ target: this });
        this.onloadend?.({ target: this });
      },
    );
  }
}

function installFileReaderShim(): void {
  const g = globalThis as { FileReader?: unknown };
  if (g.FileReader === undefined) g.FileReader = BlobReader;
}
