import { initTf } from "../../core/tf-backend.js";
import { serveWorker } from "../../core/worker-pool.js";
import { fitComponent, type ComponentFitTask, type ExportedModel } from "./fit-component.js";

interface Init {
  neural: boolean;
}

/** Worker thread entry: fits the component models it is handed (each worker sets up its own tfjs backend). */
serveWorker<Init, ComponentFitTask, ExportedModel>(async (task, init) => {
  if (init.neural) await initTf();
  return fitComponent(task);
});
