import type { Scene } from "./scene.js";

/**
 * The scene with every lesion volume removed: the counterfactual of "caries as physics". Carved cavities stay
 * (the tooth keeps its shape), only the demineralised volumes go, so the same view rendered from both scenes
 * (same geometry, exposure and noise: the view's random streams are forked by label) differs exactly by what the
 * lesions take away. Used by the caries tests and the realism script.
 */
export function withoutLesions(scene: Scene): Scene {
  return {
    ...scene,
    teeth: scene.teeth.map((t) => ({ ...t, volumes: () => t.volumes().filter((v) => !v.role.startsWith("lesion:")) })),
  };
}
