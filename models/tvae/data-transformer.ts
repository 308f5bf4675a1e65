import type { Rng } from "../../core/rng.js";
import type { EncodedTable, ModelColumn } from "../model-schema.js";
import { fitModes, modeLogPosterior, type GaussianModes } from "./mode-normaliser.js";

/**
 * The TVAE's view of a row: one flat vector. Continuous columns give a scalar α in [−1, 1] (the "alpha block",
 * first) and a one-hot of their mode; discrete columns a one-hot of their category (Xu et al. 2019, mode-specific normalisation).
 * A column with missing values gets one more slot in its one-hot (the missing indicator): mode "missing" for a
 * continuous column (α is then 0), category "missing" for a discrete one.
 *
 * One-hot groups are laid out sorted by size, so groups of equal size sit side by side and the loss takes the
 * softmax of each run with a single reshape to [rows, groups, size] (no per-column slicing).
 */

/** How a continuous column is scaled: by its Gaussian-mixture modes, or linearly from [min, max] to [−1, 1]. */
export type Scaler = ({ kind: "modes" } & GaussianModes) | { kind: "minmax"; min: number; max: number };

export type ColumnCodec =
  | { type: "continuous"; scaler: Scaler; alpha: number; group: number | null; missingSlot: boolean }
  | { type: "discrete"; categories: number; group: number | null; missingSlot: boolean }
  /** No value was ever observed: always missing. */
  | { type: "empty" };

export interface OneHotGroup {
  offset: number;
  size: number;
}

/** A run of `count` one-hot groups of the same `size` starting at `offset`. */
export interface GroupRun {
  offset: number;
  size: number;
  count: number;
}

export interface Layout {
  width: number;
  /** Number of α slots; they occupy [0, nAlpha). */
  nAlpha: number;
  codecs: ColumnCodec[];
  groups: OneHotGroup[];
  runs: GroupRun[];
}

export interface LayoutOptions {
  /** "modes": mode-specific normalisation (Gaussian mixture per column); "minmax": the column's [min, max]. */
  scaling: "modes" | "minmax";
  maxModes: number;
  weightThreshold: number;
}

/** Fits the codecs of `columns` on the encoded training values. */
export function buildLayout(columns: readonly ModelColumn[], data: EncodedTable, rng: Rng, options: LayoutOptions): Layout {
  let nAlpha = 0;
  const sizes: { column: number; size: number }[] = [];
  const codecs: ColumnCodec[] = columns.map((column, j): ColumnCodec => {
    const values = data.values[j] as Float64Array;
    let observed = 0;
    for (const v of values) if (!Number.isNaN(v)) observed++;
    const missingSlot = observed < values.length;
    if (observed === 0) return { type: "empty" };
    if (column.type === "discrete") {
      const size = column.categories.length + (missingSlot ? 1 : 0);
      if (size >= 2) sizes.push({ column: j, size });
      return { type: "discrete", categories: column.categories.length, group: null, missingSlot };
    }
    const scaler: Scaler =
      options.scaling === "modes"
        ? { kind: "modes", ...fitModes(values, rng.fork(`modes/${column.name}`), { maxModes: options.maxModes, weightThreshold: options.weightThreshold }) }
        : { kind: "minmax", min: column.min, max: column.max };
    const size = (scaler.kind === "modes" ? scaler.means.length : 1) + (missingSlot ? 1 : 0);
    if (size >= 2) sizes.push({ column: j, size });
    return { type: "continuous", scaler, alpha: nAlpha++, group: null, missingSlot };
  });
  // Groups sorted by size (stable), so equal sizes are contiguous.
  sizes.sort((a, b) => a.size - b.size || a.column - b.column);
  const groups: OneHotGroup[] = [];
  const runs: GroupRun[] = [];
  let offset = nAlpha;
  for (const { column, size } of sizes) {
    const codec = codecs[column] as ColumnCodec & { group: number | null };
    codec.group = groups.length;
    groups.push({ offset, size });
    const last = runs[runs.length - 1];
    if (last && last.size === size) last.count++;
    else runs.push({ offset, size, count: 1 });
    offset += size;
  }
  return { width: offset, nAlpha, codecs, groups, runs };
}

function modeCount(scaler: Scaler): number {
  return scaler.kind === "modes" ? scaler.means.length : 1;
}

/**
 * Encodes rows into a flat [nRows × width] matrix. With an Rng, a continuous value's mode is drawn from its
 * posterior (the paper's training encoding); without, the most probable mode is used (for contexts, which must
 * encode the same way at fit and at sampling).
 */
export function encodeRows(layout: Layout, values: readonly Float64Array[], nRows: number, rng: Rng | null): Float32Array {
  const out = new Float32Array(nRows * layout.width);
  const maxModes = Math.max(1, ...layout.codecs.map((c) => (c.type === "continuous" ? modeCount(c.scaler) : 1)));
  const logPost = new Float64Array(maxModes);
  layout.codecs.forEach((codec, j) => {
    if (codec.type === "empty") return;
    const column = values[j] as Float64Array;
    const group = codec.group === null ? null : (layout.groups[codec.group] as OneHotGroup);
    if (codec.type === "discrete") {
      for (let i = 0; i < nRows; i++) {
        const v = column[i] as number;
        if (!group) continue;
        const slot = Number.isNaN(v) ? (codec.missingSlot ? codec.categories : -1) : v;
        if (slot >= 0) out[i * layout.width + group.offset + slot] = 1;
      }
      return;
    }
    const scaler = codec.scaler;
    const k = modeCount(scaler);
    for (let i = 0; i < nRows; i++) {
      const v = column[i] as number;
      const row = i * layout.width;
      if (Number.isNaN(v)) {
        if (group && codec.missingSlot) out[row + group.offset + k] = 1;
        continue;
      }
      let mode = 0;
      let alpha: number;
      if (scaler.kind === "minmax") {
        const span = scaler.max - scaler.min;
        alpha = span > 0 ? (2 * (v - scaler.min)) / span - 1 : 0;
      } else {
        if (k > 1) {
          modeLogPosterior(scaler, v, logPost);
          mode = rng ? drawFromLogits(logPost, k, rng) : argmax(logPost, k);
        }
        alpha = (v - (scaler.means[mode] as number)) / (4 * (scaler.sds[mode] as number));
      }
      out[row + codec.alpha] = Math.max(-1, Math.min(1, alpha));
      if (group) out[row + group.offset + mode] = 1;
    }
  });
  return out;
}

/**
 * Turns decoder outputs ([nRows × width], raw: before tanh and softmax) into model values: α = tanh(output) plus
 * N(0, σ_j²) noise with the learned per-column σ (the paper's p(α | z)), clipped to [−1, 1]; modes and
 * categories drawn from the softmax of their logits ("sample") or their argmax.
 */
export function decodeRows(
  layout: Layout,
  raw: Float32Array,
  nRows: number,
  sigmas: Float32Array | null,
  rng: Rng,
  discrete: "sample" | "argmax",
): Float64Array[] {
  const maxSize = Math.max(1, ...layout.groups.map((g) => g.size));
  const logits = new Float64Array(maxSize);
  const columns = layout.codecs.map(() => new Float64Array(nRows));
  for (let i = 0; i < nRows; i++) {
    const row = i * layout.width;
    layout.codecs.forEach((codec, j) => {
      const out = columns[j] as Float64Array;
      if (codec.type === "empty") {
        out[i] = Number.NaN;
        return;
      }
      let slot = 0;
      if (codec.group !== null) {
        const group = layout.groups[codec.group] as OneHotGroup;
        for (let s = 0; s < group.size; s++) logits[s] = raw[row + group.offset + s] as number;
        slot = discrete === "sample" ? drawFromLogits(logits, group.size, rng) : argmax(logits, group.size);
      }
      if (codec.type === "discrete") {
        out[i] = codec.missingSlot && slot === codec.categories ? Number.NaN : slot;
        return;
      }
      let alpha = Math.tanh(raw[row + codec.alpha] as number);
      if (sigmas) alpha = rng.normal(alpha, sigmas[codec.alpha] as number);
      alpha = Math.max(-1, Math.min(1, alpha));
      const scaler = codec.scaler;
      if (codec.missingSlot && slot === modeCount(scaler)) out[i] = Number.NaN;
      else if (scaler.kind === "minmax") out[i] = scaler.min + ((alpha + 1) / 2) * (scaler.max - scaler.min);
      else out[i] = 4 * (scaler.sds[slot] as number) * alpha + (scaler.means[slot] as number);
    });
  }
  return columns;
}

function argmax(values: Float64Array, n: number): number {
  let best = 0;
  for (let s = 1; s < n; s++) if ((values[s] as number) > (values[best] as number)) best = s;
  return best;
}

/** Index drawn with probability softmax(values[0..n)). */
function drawFromLogits(values: Float64Array, n: number, rng: Rng): number {
  let max = -Infinity;
  for (let s = 0; s < n; s++) if ((values[s] as number) > max) max = values[s] as number;
  let total = 0;
  for (let s = 0; s < n; s++) total += Math.exp((values[s] as number) - max);
  let r = rng.next() * total;
  for (let s = 0; s < n; s++) {
    r -= Math.exp((values[s] as number) - max);
    if (r < 0) return s;
  }
  return n - 1;
}
