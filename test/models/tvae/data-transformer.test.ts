import { describe, expect, it } from "vitest";
import { Rng } from "../../../core/rng.js";
import { describeColumns, encodeTable } from "../../../models/model-schema.js";
import { buildLayout, decodeRows, encodeRows } from "../../../models/tvae/data-transformer.js";
import { mixedTable } from "../fixtures.js";

const table = mixedTable(300);
const columns = describeColumns(table);
const data = encodeTable(table, columns);

/** Decoder outputs that say "exactly this row": atanh of each α, and a confident logit on each one-hot slot. */
function asLogits(encoded: Float32Array, nAlpha: number, width: number): Float32Array {
  return Float32Array.from(encoded, (v, k) => (k % width < nAlpha ? Math.atanh(Math.max(-0.999999, Math.min(0.999999, v))) : v * 40));
}

describe("TVAE data layout", () => {
  for (const scaling of ["modes", "minmax"] as const) {
    it(`${scaling}: rows encode and decode back (argmax, no sigma noise)`, () => {
      const layout = buildLayout(columns, data, new Rng("layout"), { scaling, maxModes: 10, weightThreshold: 0.005 });
      const encoded = encodeRows(layout, data.values, data.nRows, new Rng("encode"));
      expect(encoded.length).toBe(data.nRows * layout.width);
      const decoded = decodeRows(layout, asLogits(encoded, layout.nAlpha, layout.width), data.nRows, null, new Rng("d"), "argmax");
      columns.forEach((column, j) => {
        const real = data.values[j] as Float64Array;
        const back = decoded[j] as Float64Array;
        for (let i = 0; i < data.nRows; i++) {
          const r = real[i] as number;
          if (Number.isNaN(r)) expect(back[i]).toBeNaN();
          else if (column.type === "discrete") expect(back[i]).toBe(r);
          else expect(Math.abs((back[i] as number) - r)).toBeLessThan(1e-3 * Math.max(1, Math.abs(r)));
        }
      });
    });
  }

  it("lays out the α slots first, then one-hot groups sorted by size in contiguous runs", () => {
    const layout = buildLayout(columns, data, new Rng("layout"), { scaling: "modes", maxModes: 10, weightThreshold: 0.005 });
    expect(layout.nAlpha).toBe(2); // age, pocket
    let offset = layout.nAlpha;
    for (const run of layout.runs) {
      expect(run.offset).toBe(offset);
      offset += run.size * run.count;
    }
    expect(offset).toBe(layout.width);
    expect(layout.runs.map((r) => r.size)).toEqual([...layout.runs.map((r) => r.size)].sort((a, b) => a - b));
    // pocket has missing values: its group has one slot more than its modes.
    const pocket = layout.codecs[3];
    expect(pocket?.type === "continuous" && pocket.missingSlot).toBe(true);
    if (pocket?.type === "continuous" && pocket.scaler.kind === "modes" && pocket.group !== null) {
      expect(layout.groups[pocket.group]?.size).toBe(pocket.scaler.means.length + 1);
    }
  });

  it("every encoded row is one-hot in each group, and α stays in [-1, 1]", () => {
    const layout = buildLayout(columns, data, new Rng("layout"), { scaling: "modes", maxModes: 10, weightThreshold: 0.005 });
    const encoded = encodeRows(layout, data.values, data.nRows, new Rng("encode"));
    for (let i = 0; i < data.nRows; i++) {
      for (let a = 0; a < layout.nAlpha; a++) expect(Math.abs(encoded[i * layout.width + a] as number)).toBeLessThanOrEqual(1);
      for (const g of layout.groups) {
        let sum = 0;
        for (let s = 0; s < g.size; s++) sum += encoded[i * layout.width + g.offset + s] as number;
        expect(sum).toBe(1);
      }
    }
  });
});
