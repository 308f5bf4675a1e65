import { DataError } from "../errors.js";
import { DEFAULT_MESH_COLOR, labelColor, type Rgb } from "../sinks/mesh/colors.js";
import { asScene, boundsOf, checkMesh, type MeshInput } from "../sinks/mesh/labelled-mesh.js";
import { frameBox, type Vec3 } from "./camera.js";

export interface PreviewOptions {
  /** Image width in pixels (default 256). */
  width?: number;
  /** Image height in pixels (default: width). */
  height?: number;
  /** From the scene centre towards the camera (default [0, 0, 1]: looking down -z). */
  direction?: Vec3;
  /** Roughly up in the image (default [0, 1, 0]). */
  up?: Vec3;
  /** Default "perspective". */
  projection?: "perspective" | "orthographic";
  /** Field of view of the narrower image side for perspective, degrees (default 30). */
  fovDegrees?: number;
  /** Fraction of the image left empty on each side (default 0.05). */
  padding?: number;
  /** "mesh" (default): per-mesh colour from `colors`; "label": per-face colour of its FDI label (labelColor). */
  colorBy?: "mesh" | "label";
  /** sRGB colour per material name (a mesh's `material`, else its `name`). */
  colors?: Readonly<Record<string, Rgb>>;
  /** Colour of meshes not in `colors` (default DEFAULT_MESH_COLOR). */
  defaultColor?: Rgb;
  /** Background colour (default white); with `alpha` the background is transparent instead. */
  background?: Rgb;
  /** RGBA with a transparent background and coverage as alpha (default false: RGB on `background`). */
  alpha?: boolean;
  /** Towards the light, world space (default: from the camera, a little above and to the left). */
  light?: Vec3;
  /** Ambient share of the shading in [0, 1] (default 0.3); the rest is Lambert diffuse. */
  ambient?: number;
  /** Samples per pixel along each axis (default 2: 4 samples per pixel, box-filtered). */
  supersample?: number;
}

/** 8-bit interleaved pixels, rows top to bottom. */
export interface RasterImage {
  width: number;
  height: number;
  channels: 3 | 4;
  data: Uint8Array;
}

/**
 * Renders a scene on the CPU, no GPU or DOM: a camera framing the scene's bounding box from `direction`
 * (see frameBox), triangles filled by edge functions on a supersampled grid with a z-buffer, flat per-face
 * shading `colour × (ambient + (1 − ambient) · max(0, n·l))` with the normal turned towards the camera (two-sided,
 * so open scan surfaces shade from both sides), then a box filter down to the output size.
 * Shading works on sRGB values directly (a preview, not a photometric render).
 * Pure and deterministic: the same input and options give the same pixels. Cost O(triangles + covered samples).
 */
export function rasterizeScene(input: MeshInput, options: PreviewOptions = {}): RasterImage {
  const width = options.width ?? 256;
  const height = options.height ?? width;
  const ss = options.supersample ?? 2;
  for (const [name, value] of [["width", width], ["height", height], ["supersample", ss]] as const) {
    if (!Number.isInteger(value) || value < 1 || value > 8192) throw new DataError(`invalid ${name}: ${value}`);
  }
  const ambient = options.ambient ?? 0.3;
  if (!(ambient >= 0 && ambient <= 1)) throw new DataError(`invalid ambient: ${ambient}`);
  const channels = options.alpha ? 4 : 3;
  const background = options.background ?? [1, 1, 1];
  const meshes = asScene(input);
  meshes.forEach(checkMesh);

  const W = width * ss;
  const H = height * ss;
  const depth = new Float64Array(W * H).fill(-Infinity);
  const colour = new Float32Array(W * H * 3);
  const bounds = boundsOf(meshes);
  if (bounds) {
    const camera = frameBox(bounds.min, bounds.max, {
      width: W,
      height: H,
      direction: options.direction ?? [0, 0, 1],
      up: options.up ?? [0, 1, 0],
      projection: options.projection ?? "perspective",
      fovDegrees: options.fovDegrees ?? 30,
      padding: options.padding ?? 0.05,
    });
    const light = unit(
      options.light ?? [
        camera.toCamera[0] + 0.4 * camera.up[0] - 0.3 * camera.right[0],
        camera.toCamera[1] + 0.4 * camera.up[1] - 0.3 * camera.right[1],
        camera.toCamera[2] + 0.4 * camera.up[2] - 0.3 * camera.right[2],
      ],
    );
    const a = new Float64Array(3);
    const b = new Float64Array(3);
    const c = new Float64Array(3);
    for (const mesh of meshes) {
      const p = mesh.positions;
      const idx = mesh.indices;
      const meshColour = options.colors?.[mesh.material ?? mesh.name] ?? options.defaultColor ?? DEFAULT_MESH_COLOR;
      for (let t = 0; t < idx.length; t += 3) {
        const ia = idx[t] as number;
        const ib = idx[t + 1] as number;
        const ic = idx[t + 2] as number;
        const ax = p[ia * 3] as number, ay = p[ia * 3 + 1] as number, az = p[ia * 3 + 2] as number;
        const bx = p[ib * 3] as number, by = p[ib * 3 + 1] as number, bz = p[ib * 3 + 2] as number;
        const cx = p[ic * 3] as number, cy = p[ic * 3 + 1] as number, cz = p[ic * 3 + 2] as number;
        // Face normal (world), turned towards the camera.
        let nx = (by - ay) * (cz - az) - (bz - az) * (cy - ay);
        let ny = (bz - az) * (cx - ax) - (bx - ax) * (cz - az);
        let nz = (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
        const nl = Math.hypot(nx, ny, nz);
        if (nl === 0) continue; // degenerate: covers no area
        nx /= nl;
        ny /= nl;
        nz /= nl;
        const view = camera.eye
          ? [camera.eye[0] - (ax + bx + cx) / 3, camera.eye[1] - (ay + by + cy) / 3, camera.eye[2] - (az + bz + cz) / 3]
          : camera.toCamera;
        if (nx * view[0]! + ny * view[1]! + nz * view[2]! < 0) {
          nx = -nx;
          ny = -ny;
          nz = -nz;
        }
        const shade = ambient + (1 - ambient) * Math.max(0, nx * light[0] + ny * light[1] + nz * light[2]);
        let rgb = meshColour;
        if (options.colorBy === "label" && mesh.labels) {
          const la = mesh.labels[ia] as number;
          const lb = mesh.labels[ib] as number;
          const lc = mesh.labels[ic] as number;
          rgb = labelColor(lb === lc ? lb : la); // majority of the three (a when all differ)
        }
        camera.project(ax, ay, az, a);
        camera.project(bx, by, bz, b);
        camera.project(cx, cy, cz, c);
        fillTriangle(a, b, c, W, H, depth, colour, rgb[0] * shade * 255, rgb[1] * shade * 255, rgb[2] * shade * 255);
      }
    }
  }
  return resolve(depth, colour, width, height, ss, channels, background);
}

/**
 * Fills the samples whose centres (i + 0.5, j + 0.5) lie inside triangle abc (edges inclusive, either winding)
 * and are nearer than the z-buffer. The depth key (a[2] …) is interpolated with barycentric weights.
 */
function fillTriangle(
  a: Float64Array,
  b: Float64Array,
  c: Float64Array,
  W: number,
  H: number,
  depth: Float64Array,
  colour: Float32Array,
  r: number,
  g: number,
  bl: number,
): void {
  const ax = a[0]!, ay = a[1]!, bx = b[0]!, by = b[1]!, cx = c[0]!, cy = c[1]!;
  const area = (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
  if (area === 0 || !Number.isFinite(area)) return;
  const inv = 1 / area;
  const x0 = Math.max(0, Math.floor(Math.min(ax, bx, cx) - 0.5));
  const x1 = Math.min(W - 1, Math.ceil(Math.max(ax, bx, cx) - 0.5));
  const y0 = Math.max(0, Math.floor(Math.min(ay, by, cy) - 0.5));
  const y1 = Math.min(H - 1, Math.ceil(Math.max(ay, by, cy) - 0.5));
  const za = a[2]!, zb = b[2]!, zc = c[2]!;
  for (let j = y0; j <= y1; j++) {
    const py = j + 0.5;
    for (let i = x0; i <= x1; i++) {
      const px = i + 0.5;
      // Barycentric weights, normalised by the signed area so both windings give positive weights inside.
      const wa = ((bx - px) * (cy - py) - (by - py) * (cx - px)) * inv;
      const wb = ((cx - px) * (ay - py) - (cy - py) * (ax - px)) * inv;
      const wc = 1 - wa - wb;
      if (wa < 0 || wb < 0 || wc < 0) continue;
      const key = wa * za + wb * zb + wc * zc;
      const s = j * W + i;
      if (key <= depth[s]!) continue;
      depth[s] = key;
      colour[s * 3] = r;
      colour[s * 3 + 1] = g;
      colour[s * 3 + 2] = bl;
    }
  }
}

/** Box filter of ss × ss samples per pixel: covered samples average their colour; coverage is the alpha. */
function resolve(depth: Float64Array, colour: Float32Array, width: number, height: number, ss: number, channels: 3 | 4, background: Rgb): RasterImage {
  const W = width * ss;
  const n = ss * ss;
  const data = new Uint8Array(width * height * channels);
  const bg = [background[0] * 255, background[1] * 255, background[2] * 255];
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let covered = 0;
      let r = 0;
      let g = 0;
      let b = 0;
      for (let dy = 0; dy < ss; dy++) {
        for (let dx = 0; dx < ss; dx++) {
          const s = (y * ss + dy) * W + x * ss + dx;
          if (depth[s] === -Infinity) continue;
          covered++;
          r += colour[s * 3]!;
          g += colour[s * 3 + 1]!;
          b += colour[s * 3 + 2]!;
        }
      }
      const o = (y * width + x) * channels;
      if (channels === 4) {
        data[o + 3] = Math.round((covered / n) * 255);
        if (covered > 0) {
          data[o] = clampByte(r / covered);
          data[o + 1] = clampByte(g / covered);
          data[o + 2] = clampByte(b / covered);
        }
      } else {
        const empty = n - covered;
        data[o] = clampByte((r + empty * bg[0]!) / n);
        data[o + 1] = clampByte((g + empty * bg[1]!) / n);
        data[o + 2] = clampByte((b + empty * bg[2]!) / n);
      }
    }
  }
  return { width, height, channels, data };
}

function clampByte(v: number): number {
  return v <= 0 ? 0 : v >= 255 ? 255 : Math.round(v);
}

function unit(v: Vec3): Vec3 {
  const l = Math.hypot(v[0], v[1], v[2]);
  if (!(l > 0)) throw new DataError(`invalid light: ${JSON.stringify(v)}`);
  return [v[0] / l, v[1] / l, v[2] / l];
}
