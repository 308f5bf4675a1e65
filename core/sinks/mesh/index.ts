export { asScene, boundsOf, checkMesh, mergeScene, type IntLabels, type LabelledMesh, type MeshInput, type MeshScene } from "./labelled-mesh.js";
export { DEFAULT_MESH_COLOR, GINGIVA_COLOR, labelColor, type Rgb } from "./colors.js";
export { encodeStl, type StlOptions } from "./stl.js";
export { encodePly, type PlyOptions } from "./ply.js";
export { decodePly } from "./decode-ply.js";
export { encodeObj, type ObjOptions } from "./obj.js";
export { encodeGlb, type GlbOptions } from "./glb.js";
export { encodeTeeth3dsJson, teeth3dsLabels, type Teeth3dsLabels, type Teeth3dsOptions } from "./teeth3ds-json.js";
