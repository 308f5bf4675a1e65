import { DataError } from "../../errors.js";
import type { LabelledMesh } from "./labelled-mesh.js";

/** Byte size and reader of each PLY scalar type (both the old and the sized names). */
const SCALARS: Record<string, { size: number; read: (view: DataView, offset: number, little: boolean) => number }> = {
  char: { size: 1, read: (d, o) => d.getInt8(o) },
  int8: { size: 1, read: (d, o) => d.getInt8(o) },
  uchar: { size: 1, read: (d, o) => d.getUint8(o) },
  uint8: { size: 1, read: (d, o) => d.getUint8(o) },
  short: { size: 2, read: (d, o, l) => d.getInt16(o, l) },
  int16: { size: 2, read: (d, o, l) => d.getInt16(o, l) },
  ushort: { size: 2, read: (d, o, l) => d.getUint16(o, l) },
  uint16: { size: 2, read: (d, o, l) => d.getUint16(o, l) },
  int: { size: 4, read: (d, o, l) => d.getInt32(o, l) },
  int32: { size: 4, read: (d, o, l) => d.getInt32(o, l) },
  uint: { size: 4, read: (d, o, l) => d.getUint32(o, l) },
  uint32: { size: 4, read: (d, o, l) => d.getUint32(o, l) },
  float: { size: 4, read: (d, o, l) => d.getFloat32(o, l) },
  float32: { size: 4, read: (d, o, l) => d.getFloat32(o, l) },
  double: { size: 8, read: (d, o, l) => d.getFloat64(o, l) },
  float64: { size: 8, read: (d, o, l) => d.getFloat64(o, l) },
};

interface Property {
  name: string;
  type: string;
  countType?: string;
}

/**
 * Reads a binary PLY (little- or big-endian) into a LabelledMesh: x y z, the `label` and `instance` vertex
 * properties when present (other vertex properties are skipped), and faces (polygons fanned into triangles).
 * Meant for checking our files and reading Teeth3DS-style PLY; ASCII PLY is rejected with a DataError.
 */
export function decodePly(bytes: Uint8Array): LabelledMesh {
  const headText = new TextDecoder("latin1").decode(bytes.subarray(0, Math.min(bytes.length, 64 * 1024)));
  const end = headText.indexOf("end_header");
  if (!headText.startsWith("ply") || end < 0) throw new DataError("not a PLY file: missing ply / end_header");
  const newline = headText.indexOf("\n", end);
  const lines = headText.slice(0, end).split(/\r?\n/);
  let little = true;
  let name = "";
  const elements: { name: string; count: number; properties: Property[] }[] = [];
  for (const line of lines) {
    const words = line.trim().split(/\s+/);
    if (words[0] === "format") {
      if (words[1] === "ascii") throw new DataError("ascii PLY is not supported; write binary_little_endian");
      little = words[1] === "binary_little_endian";
    } else if (words[0] === "comment" && words[1] === "object") name = words.slice(2).join(" ");
    else if (words[0] === "element") elements.push({ name: words[1] ?? "", count: Number(words[2]), properties: [] });
    else if (words[0] === "property") {
      const element = elements[elements.length - 1];
      if (!element) throw new DataError("PLY property before any element");
      if (words[1] === "list") element.properties.push({ name: words[4] ?? "", countType: words[2] ?? "", type: words[3] ?? "" });
      else element.properties.push({ name: words[2] ?? "", type: words[1] ?? "" });
    }
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let o = newline + 1;
  const scalar = (type: string) => {
    const s = SCALARS[type];
    if (!s) throw new DataError(`unknown PLY type ${type}`);
    return s;
  };
  let positions = new Float32Array(0);
  let labels: Int32Array | undefined;
  let instances: Int32Array | undefined;
  const triangles: number[] = [];
  try {
    for (const element of elements) {
      const isVertex = element.name === "vertex";
      const isFace = element.name === "face";
      if (isVertex) {
        positions = new Float32Array(element.count * 3);
        if (element.properties.some((p) => p.name === "label")) labels = new Int32Array(element.count);
        if (element.properties.some((p) => p.name === "instance")) instances = new Int32Array(element.count);
      }
      for (let i = 0; i < element.count; i++) {
        for (const property of element.properties) {
          if (property.countType !== undefined) {
            const count = scalar(property.countType);
            const n = count.read(view, o, little);
            o += count.size;
            const item = scalar(property.type);
            const polygon: number[] = [];
            for (let k = 0; k < n; k++) {
              polygon.push(item.read(view, o, little));
              o += item.size;
            }
            if (isFace && (property.name === "vertex_indices" || property.name === "vertex_index")) {
              for (let k = 1; k + 1 < polygon.length; k++) triangles.push(polygon[0] as number, polygon[k] as number, polygon[k + 1] as number);
            }
          } else {
            const s = scalar(property.type);
            const value = s.read(view, o, little);
            o += s.size;
            if (isVertex) {
              if (property.name === "x") positions[i * 3] = value;
              else if (property.name === "y") positions[i * 3 + 1] = value;
              else if (property.name === "z") positions[i * 3 + 2] = value;
              else if (property.name === "label" && labels) labels[i] = value;
              else if (property.name === "instance" && instances) instances[i] = value;
            }
          }
        }
      }
    }
  } catch (error) {
    if (error instanceof RangeError) throw new DataError(`PLY body is truncated: ${bytes.length} bytes`);
    throw error;
  }
  return {
    name,
    positions,
    indices: Uint32Array.from(triangles),
    ...(labels ? { labels } : {}),
    ...(instances ? { instances } : {}),
  };
}
