/**
 * The alveolar process of one jaw, analytic: a band of bone that follows the arch, from the alveolar crest
 * toward the basal bone, as wide buccolingually as the roots it holds plus its cortical plates. A ray's path
 * through it comes from where the ray crosses the arch's mid-surface (the vertical surface through the teeth's
 * long axes): the bone's buccolingual width there, divided by the cosine between the ray and the arch normal.
 *
 * Why analytic rather than a mesh: the radiograph only needs path lengths, the ray crosses the near side of the
 * arch once before reaching the sensor (the sensor sits lingual to the teeth, so the far side is behind it),
 * and a crest that follows each tooth's attachment level is simpler to state as a function of arc position
 * than to model as a surface.
 *
 * Crest height: 1.07 mm apical to the base of the attachment, the supracrestal connective-tissue attachment of
 * Gargiulo, Wentz & Orban (J Periodontol 1961) [T]; the attachment sits at the CEJ in health and moves apically
 * by the charted clinical attachment loss. Edentulous spaces resorb: the ridge there sits lower [U: RIDGE_LOSS].
 */
import type { Arch } from "../../patient/types.js";

/** Supracrestal connective-tissue attachment, mm (Gargiulo et al. 1961) [T]. */
export const SUPRACRESTAL_ATTACHMENT = 1.07;
/** Extra crest loss in an edentulous space, mm [U: alveolar ridge resorption after extraction, 1-2 mm vertical in the first year]. */
export const RIDGE_LOSS = 1.5;
/** Widening of the alveolar process per mm below the crest, on each side [A]. */
const FLARE_PER_MM = 0.12;
/** Widest the process gets, mm [A: mandibular body about 10-14 mm buccolingually at the molars]. */
const MAX_WIDTH = 14;
/** Crestal cortical cap, mm: the radiopaque line along the crest [U]. */
export const CREST_CORTEX = 0.35;

/** A sample of the jaw's bone along the arch, in the head frame (mm). Consecutive nodes follow the arch. */
export interface BoneNode {
  x: number;
  y: number;
  /** Height of the crest (z); the bone lies above it in the upper jaw, below it in the lower. */
  crestZ: number;
  /** Buccolingual width of the process at the crest, mm. */
  width: number;
}

export interface BoneSample {
  /** Arc position of the crossing along the node polyline, mm. */
  s: number;
  /** Depth of the crossing into the bone below (lower) / above (upper) the crest, mm; ≤ 0 outside the bone. */
  depth: number;
  /** Path length of the ray through the whole process, mm (0 outside the bone). */
  path: number;
  /** The path the ray would have at this crossing if it were in the bone (width at max(depth, 0) × obliquity);
   * NaN where the ray misses the arch. Smooth across the crest, so a coarse grid of it interpolates well. */
  reach: number;
  /** 1 / |cos| of the ray against the arch normal (how much longer than the width every path is). */
  obliquity: number;
  /**
   * Which affine piece of the model the crossing lies on: samples with the same piece (≥ 0) share the arch
   * segment, the side of the crest and the side of the width cap, so s, depth, reach and obliquity are affine in
   * the sensor point between them (exactly interpolable). −1 where the ray misses the arch or crosses it at a
   * segment's clamped end.
   */
  piece: number;
}

/**
 * One jaw's alveolar bone for a fixed beam direction. Construct once per image; `sample` is called per pixel
 * with the sensor point of the pixel's ray.
 */
export class AlveolarBone {
  readonly jaw: Arch;
  private readonly nodes: readonly BoneNode[];
  private readonly arc: Float64Array;
  private readonly dx: number;
  private readonly dy: number;
  private readonly dz: number;
  private readonly dxyLength: number;
  /** The table: for q = offset across the beam, the crossing's along-beam coordinate w and its segment. */
  private readonly qMin: number;
  private readonly qStep: number;
  private readonly tableW: Float64Array;
  private readonly tableSeg: Int32Array;
  private readonly qs: Float64Array;
  private readonly ws: Float64Array;
  /** Unit horizontal beam direction, and 1/|cos| of the beam against each segment's normal. */
  private readonly ux: number;
  private readonly uy: number;
  private readonly segmentObliquity: Float64Array;
  /** +1 when depth grows with z (upper jaw: bone above the crest), −1 otherwise. */
  private readonly up: number;

  /**
   * @param direction unit beam direction (source → sensor) in the head frame
   * @param sensorW the along-beam coordinate (x·d̂xy) beyond which crossings are behind the sensor
   * @param qRange the range of across-beam offsets the image's rays take
   */
  constructor(jaw: Arch, nodes: readonly BoneNode[], direction: readonly [number, number, number], sensorW: number, qRange: [number, number], resolution = 2048) {
    if (nodes.length < 2) throw new RangeError("alveolar bone needs at least two nodes");
    this.jaw = jaw;
    this.nodes = nodes;
    this.arc = new Float64Array(nodes.length);
    for (let k = 1; k < nodes.length; k++) {
      const a = nodes[k - 1]!;
      const b = nodes[k]!;
      this.arc[k] = (this.arc[k - 1] as number) + Math.hypot(b.x - a.x, b.y - a.y);
    }
    [this.dx, this.dy, this.dz] = direction;
    this.dxyLength = Math.hypot(this.dx, this.dy);
    if (this.dxyLength < 0.2) throw new RangeError("beam too steep for the arch-crossing bone model");
    const ux = (this.ux = this.dx / this.dxyLength);
    const uy = (this.uy = this.dy / this.dxyLength);
    this.up = jaw === "upper" ? 1 : -1;
    this.segmentObliquity = new Float64Array(nodes.length);
    for (let k = 0; k + 1 < nodes.length; k++) {
      // Arch normal against the beam: the segment's tangent and the beam's horizontal part.
      const tx = nodes[k + 1]!.x - nodes[k]!.x;
      const ty = nodes[k + 1]!.y - nodes[k]!.y;
      const tl = Math.hypot(tx, ty) || 1;
      const cos = Math.abs((-ty / tl) * ux + (tx / tl) * uy) * this.dxyLength;
      this.segmentObliquity[k] = 1 / Math.max(0.3, cos);
    }
    // Across-beam axis n = (−uy, ux): q = p·n; along-beam w = p·u.
    this.qMin = qRange[0] - 1;
    const qMax = qRange[1] + 1;
    this.qStep = (qMax - this.qMin) / (resolution - 1);
    this.tableW = new Float64Array(resolution).fill(Number.NaN);
    this.tableSeg = new Int32Array(resolution).fill(-1);
    const qs = (this.qs = Float64Array.from(nodes, (n) => -n.x * uy + n.y * ux));
    const ws = (this.ws = Float64Array.from(nodes, (n) => n.x * ux + n.y * uy));
    for (let k = 0; k + 1 < nodes.length; k++) {
      const q0 = qs[k] as number;
      const q1 = qs[k + 1] as number;
      if (q0 === q1) continue;
      const lo = Math.max(0, Math.ceil((Math.min(q0, q1) - this.qMin) / this.qStep));
      const hi = Math.min(resolution - 1, Math.floor((Math.max(q0, q1) - this.qMin) / this.qStep));
      for (let r = lo; r <= hi; r++) {
        const q = this.qMin + r * this.qStep;
        const f = (q - q0) / (q1 - q0);
        const w = (ws[k] as number) + f * ((ws[k + 1] as number) - (ws[k] as number));
        // Keep the crossing nearest the sensor on the source side: the near side of the arch.
        if (w < sensorW && !(w <= (this.tableW[r] as number))) {
          this.tableW[r] = w;
          this.tableSeg[r] = k;
        }
      }
    }
  }

  /** Samples the ray that reaches the sensor at (px, py, pz). Writes into `out` to avoid allocation. */
  sample(px: number, py: number, pz: number, out: BoneSample): BoneSample {
    out.path = 0;
    out.depth = 0;
    out.reach = Number.NaN;
    out.piece = -1;
    const ux = this.ux;
    const uy = this.uy;
    const q = -px * uy + py * ux;
    const r = Math.round((q - this.qMin) / this.qStep);
    const seg = r >= 0 && r < this.tableSeg.length ? (this.tableSeg[r] as number) : -1;
    if (seg < 0) return out;
    // The table picks the segment; the crossing itself is computed exactly for this ray's q.
    const q0 = this.qs[seg] as number;
    const raw = (q - q0) / ((this.qs[seg + 1] as number) - q0);
    const f = Math.min(1, Math.max(0, raw));
    const w = (this.ws[seg] as number) + f * ((this.ws[seg + 1] as number) - (this.ws[seg] as number));
    const a = this.nodes[seg]!;
    const b = this.nodes[seg + 1]!;
    const wp = px * ux + py * uy;
    const t = (w - wp) / this.dxyLength; // ≤ 0: back along the ray toward the source
    const z = pz + t * this.dz;
    const crest = a.crestZ + f * (b.crestZ - a.crestZ);
    const depth = this.up * (z - crest);
    out.s = (this.arc[seg] as number) + f * ((this.arc[seg + 1] as number) - (this.arc[seg] as number));
    out.depth = depth;
    out.obliquity = this.segmentObliquity[seg] as number;
    const open = a.width + f * (b.width - a.width) + 2 * FLARE_PER_MM * Math.max(0, depth);
    const width = Math.min(MAX_WIDTH, open);
    out.reach = width * out.obliquity;
    if (depth > 0) out.path = out.reach;
    if (raw === f) out.piece = 4 * seg + (depth > 0 ? 1 : 0) + (open > MAX_WIDTH ? 2 : 0);
    return out;
  }
}
