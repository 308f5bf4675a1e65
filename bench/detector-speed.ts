/**
 * Render speed of one 1024×768 radiograph's two hot loops (issue 6): the detector model (exposeSensor) on a
 * realistic synthetic line-integral image, and the chord rasteriser (rasteriseChords) on 32 tooth-sized closed
 * meshes (~394k triangles in all). Prints the median of `--reps` timed runs after a few warm-up runs; the target is
 * "no more than PNG encoding", about 100-150 ms per image, with the detector under 80 ms.
 *
 * Wall-clock medians are noisy on a shared machine; the CPU-time median (process.cpuUsage, which excludes time spent
 * waiting for a core) is printed beside them.
 *
 * Usage: npx tsx bench/detector-speed.ts [--reps 20] [--stages]
 *   --stages also times each detector stage on its own (expected counts, noise, PSF, readout, log, mask, window).
 */
import { Rng } from "../core/rng.js";
import { latLongMesh } from "../generators/meshes/geometry/lat-long-mesh.js";
import type { TriMesh } from "../generators/meshes/geometry/tri-mesh.js";
import { mat4FromBasis, type Mat4 } from "../generators/meshes/arch/mat4.js";
import { sampleDetectorSettings } from "../generators/radiographs/detector/detector-settings.js";
import { expectedCounts } from "../generators/radiographs/detector/expected-counts.js";
import { exposeSensor } from "../generators/radiographs/detector/expose-sensor.js";
import { gaussianBlur } from "../generators/radiographs/detector/gaussian-blur.js";
import { logTransform } from "../generators/radiographs/detector/log-transform.js";
import { addQuantumNoise } from "../generators/radiographs/detector/quantum-noise.js";
import { readOut } from "../generators/radiographs/detector/readout.js";
import { unsharpMask } from "../generators/radiographs/detector/unsharp-mask.js";
import { windowTo12Bit } from "../generators/radiographs/detector/window.js";
import { projectionMaps } from "../generators/radiographs/projection/parallel-view.js";
import { rasteriseChords } from "../generators/radiographs/projection/rasterise-chords.js";

const args = process.argv.slice(2);
const flag = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? (args[i + 1] as string) : fallback;
};
const REPS = Number(flag("reps", "20"));
const WARMUP = 3;
const [W, H] = [1024, 768];
const PIXEL_MM = 0.035;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : 0.5 * (s[m - 1]! + s[m]!);
}

function time(label: string, run: (rep: number) => unknown): number {
  for (let i = 0; i < WARMUP; i++) run(-1 - i);
  const ms: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < REPS; i++) {
    const c = process.cpuUsage();
    const t = performance.now();
    run(i);
    ms.push(performance.now() - t);
    const d = process.cpuUsage(c);
    cpu.push((d.user + d.system) / 1000);
  }
  const med = median(ms);
  const f = (x: number) => x.toFixed(1).padStart(7);
  console.log(`${label.padEnd(28)} median ${f(med)} ms   min ${f(Math.min(...ms))}   max ${f(Math.max(...ms))}   CPU-time median ${f(median(cpu))} ms`);
  return med;
}

/**
 * A bitewing-like line-integral image: soft tissue with a smooth gradient, air along the top edge, eight teeth as
 * crowns (enamel cap over dentin) on tapered roots with a pulp, bone between the roots, and one amalgam filling.
 */
function syntheticLineIntegral(): Float32Array {
  const L = new Float32Array(W * H);
  const rng = new Rng("bench-line-integral");
  const teeth = Array.from({ length: 8 }, (_, k) => ({
    cx: 70 + k * 125 + rng.uniform(-10, 10),
    cy: 384 + rng.uniform(-30, 30),
    rx: rng.uniform(45, 60),
    ry: rng.uniform(70, 90),
  }));
  for (let y = 0; y < H; y++) {
    for (let x = 0; x < W; x++) {
      let l = y < 40 ? 0.02 : 0.6 + 0.3 * Math.sin(x / 170) * Math.cos(y / 210); // air strip | soft tissue
      if (y > 520) l += 0.8 + 0.1 * Math.sin(x / 9 + y / 13); // trabecular bone
      for (const t of teeth) {
        const dx = (x - t.cx) / t.rx;
        const dy = (y - t.cy) / t.ry;
        const r2 = dx * dx + dy * dy;
        if (r2 < 1) {
          const chord = Math.sqrt(1 - r2);
          l += 2.2 * chord; // dentin
          if (dy < -0.3) l += 1.4 * chord; // enamel cap
          if (r2 < 0.08) l -= 1.2 * chord; // pulp
        }
        const rootDx = Math.abs(x - t.cx) / (0.45 * t.rx * (1 - (y - t.cy - t.ry) / 260));
        if (y > t.cy + 0.6 * t.ry && y < t.cy + t.ry + 220 && rootDx < 1) l += 1.6 * Math.sqrt(1 - rootDx * rootDx);
      }
      L[y * W + x] = l;
    }
  }
  // An amalgam filling in the third crown (metal: detector saturates).
  const t = teeth[2]!;
  for (let y = Math.round(t.cy - 0.8 * t.ry); y < t.cy - 0.4 * t.ry; y++) for (let x = Math.round(t.cx - 20); x < t.cx + 20; x++) L[y * W + x] = 40;
  return L;
}

/** An ellipsoid with semi-axes a, b, c as a closed lat-long mesh of 2·meridians·rings triangles. */
function ellipsoid(a: number, b: number, c: number, meridians: number, rings: number): TriMesh {
  const positions = new Float32Array(3 * (2 + meridians * rings));
  const put = (i: number, theta: number, phi: number) => {
    positions[3 * i] = a * Math.sin(theta) * Math.cos(phi);
    positions[3 * i + 1] = b * Math.sin(theta) * Math.sin(phi);
    positions[3 * i + 2] = c * Math.cos(theta);
  };
  put(0, 0, 0);
  for (let r = 0; r < rings; r++) for (let m = 0; m < meridians; m++) put(1 + r * meridians + m, (Math.PI * (r + 1)) / (rings + 1), (2 * Math.PI * m) / meridians);
  put(1 + meridians * rings, Math.PI, 0);
  return latLongMesh(meridians, rings, positions);
}

/** Random rotation (from a unit quaternion) then translation t. */
function rigid(rng: Rng, t: readonly number[]): Mat4 {
  const q = [rng.normal(), rng.normal(), rng.normal(), rng.normal()];
  const l = Math.hypot(...q);
  const [w, x, y, z] = q.map((c) => c / l) as [number, number, number, number];
  return mat4FromBasis(
    [1 - 2 * (y * y + z * z), 2 * (x * y + w * z), 2 * (x * z - w * y)],
    [2 * (x * y - w * z), 1 - 2 * (x * x + z * z), 2 * (y * z + w * x)],
    [2 * (x * z + w * y), 2 * (y * z - w * x), 1 - 2 * (x * x + y * y)],
    t,
  );
}

function main(): void {
  console.log(`detector-speed: ${W}x${H}, ${REPS} timed runs after ${WARMUP} warm-up runs, medians (Node ${process.version})`);
  const L = syntheticLineIntegral();
  const settings = sampleDetectorSettings(new Rng("bench-settings"), { pixelSizeMm: PIXEL_MM });
  console.log(
    `settings: N0 ${settings.photonsPerPixel.toFixed(0)}, PSF σ ${settings.psfSigmaPx.toFixed(2)} px, read noise ${settings.readNoise.toFixed(1)}, ` +
      `unsharp σ ${settings.edgeEnhancement?.sigmaPx.toFixed(2)} px × ${settings.edgeEnhancement?.amount.toFixed(2)}`,
  );
  const detector = time("exposeSensor", (rep) => exposeSensor(L, W, H, settings, new Rng(`bench-image-${rep}`)));
  const plain = time("exposeSensor (no sharpen)", (rep) => exposeSensor(L, W, H, { ...settings, edgeEnhancement: null }, new Rng(`bench-image-${rep}`)));

  if (args.includes("--stages")) {
    const counts = expectedCounts(L, W, H, settings.photonsPerPixel, settings.heel);
    const noisy = addQuantumNoise(Float32Array.from(counts), new Rng("n"));
    const blurred = gaussianBlur(noisy, W, H, settings.psfSigmaPx);
    const raw = readOut(blurred, settings, new Rng("r"));
    const log = logTransform(raw, settings, settings.photonsPerPixel);
    time("  expectedCounts", () => expectedCounts(L, W, H, settings.photonsPerPixel, settings.heel));
    time("  addQuantumNoise", (rep) => addQuantumNoise(Float32Array.from(counts), new Rng(`n${rep}`)));
    time("  gaussianBlur (PSF)", () => gaussianBlur(noisy, W, H, settings.psfSigmaPx));
    time("  readOut", (rep) => readOut(blurred, settings, new Rng(`r${rep}`)));
    time("  logTransform", () => logTransform(raw, settings, settings.photonsPerPixel));
    if (settings.edgeEnhancement) time("  unsharpMask", () => unsharpMask(log, W, H, settings.edgeEnhancement!));
    time("  windowTo12Bit", () => windowTo12Bit(log, settings.window.low, settings.window.high));
  }

  // 32 tooth-sized ellipsoids, 12,288 triangles each, scattered over the 35.8 × 26.9 mm field with random tilts.
  const view = projectionMaps({ origin: [0, 0, 0], u: [1, 0, 0], v: [0, 1, 0], pixelSize: PIXEL_MM, width: W, height: H });
  const rng = new Rng("bench-meshes");
  const volumes = Array.from({ length: 32 }, () => ({
    mesh: ellipsoid(rng.uniform(2, 4), rng.uniform(4, 10), rng.uniform(3, 5), 128, 48),
    transform: rigid(rng, [rng.uniform(3, 33), rng.uniform(3, 24), rng.uniform(-5, 5)]),
  }));
  const triangles = volumes.reduce((s, v) => s + v.mesh.indices.length / 3, 0);
  let covered = 0;
  for (const v of volumes) covered += rasteriseChords(v.mesh, view, v.transform).data.length;
  console.log(`rasteriser: ${volumes.length} meshes, ${triangles.toLocaleString("en-US")} triangles, ${covered.toLocaleString("en-US")} tile pixels`);
  const raster = time("rasteriseChords (32 meshes)", () => {
    for (const v of volumes) rasteriseChords(v.mesh, view, v.transform);
  });
  console.log(`summary: detector ${detector.toFixed(1)} ms (${plain.toFixed(1)} without sharpening), rasteriser ${raster.toFixed(1)} ms`);
}

main();
