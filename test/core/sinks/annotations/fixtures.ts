import type { ImageAnnotation } from "../../../../core/sinks/annotations/annotation-model.js";
import { maskFromPredicate, type MaskTile } from "../../../../core/sinks/annotations/mask-tile.js";

/** A tile drawn as text rows: "#" inside, anything else outside. */
export function tileFromRows(x0: number, y0: number, rows: readonly string[]): MaskTile {
  const h = rows.length;
  const w = Math.max(0, ...rows.map((r) => r.length));
  const data = new Uint8Array(w * h);
  rows.forEach((row, j) => {
    for (let i = 0; i < row.length; i++) data[j * w + i] = row[i] === "#" ? 1 : 0;
  });
  return { x0, y0, w, h, data };
}

/** A disc of radius r centred on pixel (cx, cy), in a tile with a one-pixel empty margin. */
export function disc(cx: number, cy: number, r: number): MaskTile {
  const span = Math.ceil(r) + 1;
  return maskFromPredicate(cx - span, cy - span, 2 * span + 1, 2 * span + 1, (x, y) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r);
}

/** Even-odd point-in-polygon test at pixel centres: the mask a polygon list stands for (holes not subtracted). */
export function rasterizePolygons(polygons: readonly number[][], width: number, height: number): Uint8Array {
  const out = new Uint8Array(width * height);
  for (const polygon of polygons) {
    const n = polygon.length / 2;
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        const px = x + 0.5;
        const py = y + 0.5;
        let inside = false;
        for (let k = 0, m = n - 1; k < n; m = k++) {
          const xk = polygon[2 * k]!;
          const yk = polygon[2 * k + 1]!;
          const xm = polygon[2 * m]!;
          const ym = polygon[2 * m + 1]!;
          if (yk > py !== ym > py && px < ((xm - xk) * (py - yk)) / (ym - yk) + xk) inside = !inside;
        }
        if (inside) out[y * width + x] = 1;
      }
    }
  }
  return out;
}

/** The tile painted into a width x height image (0/1). */
export function paint(tile: MaskTile, width: number, height: number): Uint8Array {
  const out = new Uint8Array(width * height);
  for (let j = 0; j < tile.h; j++) for (let i = 0; i < tile.w; i++) if (tile.data[j * tile.w + i]) out[(tile.y0 + j) * width + tile.x0 + i] = 1;
  return out;
}

/** A small bitewing-like annotation: two teeth, a lesion, a filling and a look-alike on a 40x30 image. */
export function sampleImage(fileName = "P000001_BW_R.png", patientId = "P000001"): ImageAnnotation {
  return {
    image: { fileName, width: 40, height: 30, pixelSizeMm: 0.02, view: "bitewing", patientId },
    objects: [
      { kind: "tooth", fdi: 16, mask: maskFromPredicate(2, 2, 16, 24, () => true) },
      { kind: "tooth", fdi: 48, mask: maskFromPredicate(22, 2, 16, 24, () => true), attributes: { impacted: true } },
      {
        kind: "lesion",
        fdi: 16,
        mask: tileFromRows(15, 10, ["###", "##", "#"]),
        attributes: { lesionId: "P000001-L1", depth: "D2", iccms: "RB4", surface: "D", cavitated: false, recurrent: false },
      },
      { kind: "restoration", fdi: 48, mask: maskFromPredicate(26, 2, 6, 4, () => true), attributes: { material: "amalgam", role: "filling" } },
      { kind: "lookalike", fdi: 16, mask: tileFromRows(2, 20, ["##", "##"]), attributes: { type: "cervical_burnout" } },
    ],
  };
}
