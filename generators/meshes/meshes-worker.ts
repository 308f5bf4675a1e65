import { transferOf, type PatientOutput } from "../../core/per-patient-run.js";
import { serveWorker } from "../../core/worker-pool.js";
import type { MeshesConfig } from "./config.js";
import { encodePatientMeshes } from "./encode-patient-meshes.js";

/** Worker thread entry: renders and encodes the patients the main thread hands it. */
serveWorker<MeshesConfig, number, PatientOutput>(async (index, config) => ({ files: await encodePatientMeshes(config, index) }), transferOf);
