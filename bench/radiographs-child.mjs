// One measured radiograph run in a fresh process. Mode "run": generateRadiographs with `workers` workers; prints
// JSON with seconds and images. Mode "split": single-threaded, per image, the time of the scene (placement and
// tooth meshes, shared by a patient's images), the rendering (projection + detector), the annotation and the
// encoding (16-bit PNG, masks, YOLO labels); prints JSON with the sums.
import { rmSync } from "node:fs";
import { generateRadiographs } from "../dist/generators/radiographs/generate-radiographs.js";
import { radiographsConfigSchema } from "../dist/generators/radiographs/config.js";
import { encodeShot, prepareRadiographs, shootView } from "../dist/generators/radiographs/encode-patient-radiographs.js";

const [mode, patients, workers, out] = process.argv.slice(2);
const input = { patients: Number(patients), workers: Number(workers), seed: "bench", size: "1024x768", views: ["bitewing", "periapical"], periapicals: 2 };
if (mode === "run") {
  const t0 = performance.now();
  const manifest = await generateRadiographs(input, out);
  const seconds = (performance.now() - t0) / 1000;
  rmSync(out, { recursive: true, force: true });
  process.stdout.write(JSON.stringify({ seconds, images: manifest.counts.images, maxRssMb: process.resourceUsage().maxRSS / 1024 }) + "\n");
} else {
  const config = radiographsConfigSchema.parse({ ...input, workers: 1 });
  const sum = { scene: 0, render: 0, annotate: 0, encode: 0, images: 0 };
  for (let i = 0; i < config.patients; i++) {
    let t = performance.now();
    const { patient, scene, views, rng } = prepareRadiographs(config, i);
    // Build every tooth's meshes up front so "scene" holds all mesh work and "render" none of it.
    for (const tooth of scene.teeth) tooth.volumes();
    sum.scene += performance.now() - t;
    views.forEach((view, k) => {
      const shot = shootView(patient, scene, view, config, rng.fork(`view-${view.name}`));
      if (!shot) return;
      sum.render += shot.timing.render;
      sum.annotate += shot.timing.annotate;
      t = performance.now();
      encodeShot(shot, patient, config, k + 1);
      sum.encode += performance.now() - t;
      sum.images++;
    });
  }
  process.stdout.write(JSON.stringify(sum) + "\n");
}
process.exit(0);
