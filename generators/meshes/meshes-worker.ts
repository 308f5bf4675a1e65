import { serveWorker } from "../../core/worker-pool.js";
import type { MeshesConfig } from "./config.js";
import { encodePatientMeshes, type EncodedFile } from "./encode-patient-meshes.js";

/** Worker thread entry: renders and encodes the patients the main thread hands it. */
serveWorker<MeshesConfig, number, EncodedFile[]>(
  (index, config) => encodePatientMeshes(config, index),
  (files) => files.map((f) => f.bytes.buffer as ArrayBuffer),
);
