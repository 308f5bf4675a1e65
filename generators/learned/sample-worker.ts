import { serveWorker } from "../../core/worker-pool.js";
import type { TABLE_FORMATS } from "../../core/sinks/index.js";
import { loadForSampling, type LoadedSampler } from "./load-for-sampling.js";
import { sampleBlock, type EncodedBlock, type SampleBlockTask } from "./sample-block.js";

interface Init {
  modelDir: string;
  seed: string;
  format: keyof typeof TABLE_FORMATS;
}

let loaded: Promise<LoadedSampler> | undefined;

/** Worker thread entry: loads the model once, then samples the blocks it is handed. */
serveWorker<Init, SampleBlockTask, EncodedBlock>(async (task, init) => {
  loaded ??= loadForSampling(init.modelDir);
  const sampler = await loaded;
  return sampleBlock(sampler.model, init.seed, init.format, sampler.spec, task);
});
