// dcmjs 0.51 ships no TypeScript types. These cover the calls the DICOM sink and its tests make; datasets are
// dcmjs's "naturalized" form (keyword -> value), typed loosely because their shape is the DICOM dictionary's.
declare module "dcmjs" {
  type NaturalDataset = Record<string, unknown>;
  interface DicomDictInstance {
    meta: Record<string, unknown>;
    dict: Record<string, unknown>;
    write(options?: { allowInvalidVRLength?: boolean }): ArrayBuffer;
  }
  const dcmjs: {
    data: {
      DicomDict: new (meta: Record<string, unknown>) => DicomDictInstance;
      DicomMessage: { readFile(buffer: ArrayBuffer, options?: Record<string, unknown>): DicomDictInstance };
      DicomMetaDictionary: {
        naturalizeDataset(dataset: Record<string, unknown>): NaturalDataset;
        denaturalizeDataset(dataset: NaturalDataset): Record<string, unknown>;
      };
    };
    log: { getLevel(): number; setLevel(level: number | "trace" | "debug" | "info" | "warn" | "error" | "silent"): void };
  };
  export default dcmjs;
}
