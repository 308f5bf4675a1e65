import { transferOf } from "../../core/per-patient-run.js";
import { serveWorker } from "../../core/worker-pool.js";
import type { RadiographsConfig } from "./config.js";
import { encodePatientRadiographs } from "./encode-patient-radiographs.js";

/** Worker thread entry: renders and encodes the patients the main thread hands it. */
serveWorker<RadiographsConfig, number, Awaited<ReturnType<typeof encodePatientRadiographs>>>((index, config) => encodePatientRadiographs(config, index), transferOf);
