import * as tf from "@tensorflow/tfjs";
import "@tensorflow/tfjs-backend-wasm";

/**
 * TensorFlow.js backend selection, done once per thread. `@tensorflow/tfjs-node` (native TensorFlow) is an
 * optional dependency: its install downloads a binary, which fails offline and npm then skips it. So it is loaded
 * through a guarded dynamic import and used when it loads; otherwise the WebAssembly backend (SIMD, no threads in
 * Node: parallel work uses worker_threads) runs everything. The backend name goes into manifests and reports.
 */
export type TfBackendName = "tensorflow" | "wasm" | "cpu";

let ready: Promise<TfBackendName> | undefined;

/** The optional native package, named in a variable so the compiler does not require it to be installed. */
const OPTIONAL_NATIVE = "@tensorflow/tfjs-node";

export function initTf(options: { prefer?: TfBackendName } = {}): Promise<TfBackendName> {
  ready ??= (async (): Promise<TfBackendName> => {
    if (options.prefer !== "wasm" && options.prefer !== "cpu" && !process.env.DENTSYNTH_NO_TFJS_NODE) {
      try {
        await import(OPTIONAL_NATIVE);
      } catch {
        // Absent (the optional install was skipped) or present without its native binding: fall back to wasm.
      }
      if (tf.findBackend("tensorflow") && (await tf.setBackend("tensorflow"))) return "tensorflow";
    }
    if (options.prefer !== "cpu" && (await tf.setBackend("wasm"))) {
      patchConv2dFilterGradientForWasm();
      return "wasm";
    }
    await tf.setBackend("cpu");
    return "cpu";
  })();
  return ready;
}

/**
 * The wasm backend has no Conv2DBackpropFilter kernel, so training a CNN fails there. For stride 1, dilation 1,
 * NHWC and 'valid'/'same' padding the filter gradient is itself a convolution: dW = conv2d(x^T, dy^T), with x
 * transposed to put the batch in the channel slot (the team's dependency notes, snippet A, checked
 * against the cpu backend to 5e-4 on values ~1.5e3). Other cases keep the stock gradient.
 */
function patchConv2dFilterGradientForWasm(): void {
  const stock = tf.getGradient("Conv2D");
  if (!stock) return;
  tf.registerGradient({
    kernelName: "Conv2D",
    inputsToSave: ["x", "filter"],
    gradFunc: (dy, saved, attrs) => {
      const grads = stock.gradFunc(dy, saved, attrs);
      const [x, filter] = saved as [tf.Tensor4D, tf.Tensor4D];
      const a = attrs as unknown as { strides: number | number[]; dilations?: number | number[]; pad: unknown; dataFormat: string };
      const ones = (v: number | number[] | undefined) => ([] as number[]).concat(v ?? 1).every((s) => s === 1);
      const applies = tf.getBackend() === "wasm" && ones(a.strides) && ones(a.dilations) && a.dataFormat === "NHWC" && (a.pad === "valid" || a.pad === "same");
      if (!applies) return grads;
      return {
        x: grads.x as () => tf.Tensor,
        filter: () =>
          tf.tidy(() => {
            const [kh, kw] = filter.shape;
            let padded: tf.Tensor4D = x;
            if (a.pad === "same") {
              const ph = kh - 1;
              const pw = kw - 1;
              padded = tf.pad(x, [[0, 0], [ph >> 1, ph - (ph >> 1)], [pw >> 1, pw - (pw >> 1)], [0, 0]]);
            }
            const r = tf.conv2d(tf.transpose(padded, [3, 1, 2, 0]) as tf.Tensor4D, tf.transpose(dy as tf.Tensor4D, [1, 2, 0, 3]) as tf.Tensor4D, 1, "valid");
            return tf.transpose(r, [1, 2, 0, 3]);
          }),
      };
    },
  });
}

export { tf };
