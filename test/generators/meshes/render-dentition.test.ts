import { describe, expect, it } from "vitest";
import { PRESETS } from "../../../generators/patient/presets.js";
import { samplePatient } from "../../../generators/patient/sample-patient.js";
import type { VirtualPatient } from "../../../generators/patient/types.js";
import { meshStream, renderDentition, renderPosition, type DentitionMeshes } from "../../../generators/meshes/render-dentition.js";
import { checkEdgeManifold } from "../../../generators/meshes/geometry/index.js";
import { renderTooth, samplePatientToothScale } from "../../../generators/meshes/tooth/index.js";
import { meshesConfigSchema } from "../../../generators/meshes/config.js";
import { encodePatientMeshes } from "../../../generators/meshes/encode-patient-meshes.js";
import { expectDisjoint, expectInHost } from "./lesions/volume-checks.js";

const preset = PRESETS["us-adult"]!;

describe("renderDentition", () => {
  // Older patients are likelier to have missing teeth; find one with at least one missing tooth.
  const index = Array.from({ length: 60 }, (_, i) => i).find((i) => samplePatient(i, "7", preset).teeth.some((t) => t.presence === "missing"))!;
  const patient = samplePatient(index, "7", preset);

  it("renders exactly the chart's present natural teeth, each closed and manifold", () => {
    const meshes = renderDentition(patient, meshStream("7", index), { resolution: 0.4 });
    const expected = patient.teeth.filter((t) => t.presence === "present" && t.restoration !== "implant" && t.restoration !== "pontic").map((t) => t.fdi);
    expect(meshes.teeth.map((t) => t.fdi)).toEqual(expected);
    expect(expected.length).toBeLessThan(32);
    for (const t of meshes.teeth) expect(checkEdgeManifold(t.outer).watertight).toBe(true);
  });

  it("is the same bytes for the same patient, and a tooth does not depend on the others", () => {
    const a = renderDentition(patient, meshStream("7", index), { resolution: 0.4 });
    const b = renderDentition(patient, meshStream("7", index), { resolution: 0.4 });
    expect(Buffer.from(a.teeth[0]!.outer.positions.buffer).equals(Buffer.from(b.teeth[0]!.outer.positions.buffer))).toBe(true);
    const fewer = { ...patient, teeth: patient.teeth.map((t, i) => (i === 0 ? { ...t, presence: "missing" as const } : t)) };
    const c = renderDentition(fewer, meshStream("7", index), { resolution: 0.4 });
    const last = a.teeth.at(-1)!;
    const same = c.teeth.find((t) => t.fdi === last.fdi)!;
    expect(Buffer.from(same.outer.positions.buffer).equals(Buffer.from(last.outer.positions.buffer))).toBe(true);
  });
});

/** Patients with lesions, fillings, crowns, root fillings, pontics and implants among them. */
function chartedPatients(): { preset: string; seed: string; index: number; patient: VirtualPatient }[] {
  const found: { preset: string; seed: string; index: number; patient: VirtualPatient }[] = [];
  const want = { lesion: false, cavitated: false, filled: false, crowned: false, rct: false, pontic: false, implant: false };
  for (const [name, seed] of [["clinic", "7"], ["us-adult", "3"], ["clinic", "11"]] as const) {
    for (let index = 0; index < 80 && found.length < 4; index++) {
      const patient = samplePatient(index, seed, PRESETS[name]!);
      const has = {
        lesion: patient.teeth.some((t) => t.lesions.length > 0),
        cavitated: patient.teeth.some((t) => t.lesions.some((l) => l.cavitated && l.depth[0] === "D")),
        filled: patient.teeth.some((t) => t.restoration === "filled"),
        crowned: patient.teeth.some((t) => t.restoration === "crowned"),
        rct: patient.teeth.some((t) => t.rootCanalTreated),
        pontic: patient.teeth.some((t) => t.restoration === "pontic"),
        implant: patient.teeth.some((t) => t.restoration === "implant"),
      };
      const adds = (Object.keys(want) as (keyof typeof want)[]).some((k) => has[k] && !want[k]);
      if (!adds) continue;
      for (const k of Object.keys(want) as (keyof typeof want)[]) want[k] ||= has[k];
      found.push({ preset: name, seed, index, patient });
    }
  }
  if (!Object.values(want).every(Boolean)) throw new Error(`no patient with ${JSON.stringify(want)}`);
  return found;
}

describe("renderDentition follows the chart", () => {
  const patients = chartedPatients();
  const rendered = new Map<string, DentitionMeshes>();
  const renderOf = (seed: string, index: number, patient: VirtualPatient) => {
    const key = `${seed}/${index}`;
    if (!rendered.has(key)) rendered.set(key, renderDentition(patient, meshStream(seed, index)));
    return rendered.get(key)!;
  };

  for (const { seed, index, patient } of patients) {
    it(`${patient.id} (seed ${seed}): one lesion set per record lesion, restorations exactly where charted`, () => {
      const d = renderOf(seed, index, patient);
      const byFdi = new Map(d.positions.map((p) => [p.fdi, p]));
      for (const state of patient.teeth) {
        const position = byFdi.get(state.fdi);
        const natural = state.presence === "present";
        const prosthetic = state.presence === "missing" && (state.restoration === "implant" || state.restoration === "pontic");
        if (!natural && !prosthetic) {
          expect(position, `${state.fdi} ${state.presence}: nothing rendered`).toBeUndefined();
          continue;
        }
        const volumes = position!.volumes;
        const roles = volumes.map((v) => v.role);
        for (const v of volumes) expect(v.fdi).toBe(state.fdi);
        if (prosthetic) {
          expect(position!.tooth).toBeNull();
          expect(roles).toEqual(state.restoration === "implant" ? ["restoration:implant_fixture", "restoration:abutment", "restoration:crown"] : ["restoration:pontic"]);
          continue;
        }
        expect(roles.slice(0, 3)).toEqual(["tooth:outer", "tooth:dentin", "tooth:pulp"]);
        expect(volumes.slice(0, 3).map((v) => v.host)).toEqual(["surroundings", "enamel", "dentin"]);
        expect(roles.includes("restoration:filling"), `${state.fdi} fillings`).toBe(state.restoration === "filled");
        expect(roles.includes("restoration:crown"), `${state.fdi} crown`).toBe(state.restoration === "crowned");
        expect(roles.filter((r) => r === "restoration:root_filling").length, `${state.fdi} root filling`).toBe(state.rootCanalTreated ? 1 : 0);
        const lesionVolumes = volumes.filter((v) => v.role.startsWith("lesion:"));
        const expected = state.lesions.flatMap((l) => (l.depth[0] === "D" ? [[l.id, "lesion:enamel"], [l.id, "lesion:dentin"]] : [[l.id, "lesion:enamel"]]));
        expect(lesionVolumes.map((v) => [v.lesionId, v.role])).toEqual(expected);
      }
      // Same seed, same bytes: every volume of every position.
      const again = renderDentition(patient, meshStream(seed, index));
      again.positions.forEach((p, i) =>
        p.volumes.forEach((v, j) => expect(Buffer.from(v.mesh.positions.buffer).equals(Buffer.from(d.positions[i]!.volumes[j]!.mesh.positions.buffer))).toBe(true)),
      );
    });
  }

  it("every tooth-borne volume is valid and in its host; volumes sharing a host do not overlap", () => {
    const { seed, index, patient } = patients[0]!;
    const d = renderOf(seed, index, patient);
    for (const position of d.positions) {
      if (!position.tooth) continue;
      const extra = position.volumes.slice(3);
      for (const v of extra) expectInHost(v, position.tooth, `${position.fdi} ${v.role} ${v.lesionId ?? ""}`);
      for (let i = 0; i < extra.length; i++) {
        for (let j = i + 1; j < extra.length; j++) {
          if (extra[i]!.host === extra[j]!.host) expectDisjoint(extra[i]!.mesh, extra[j]!.mesh, `${position.fdi} ${extra[i]!.role}/${extra[j]!.role}`);
        }
      }
    }
  });

  it("leaves a tooth with no restoration and no lesion as renderTooth draws it, and renderPosition matches", () => {
    const { seed, index, patient } = patients[0]!;
    const d = renderOf(seed, index, patient);
    const rng = meshStream(seed, index);
    const patientScale = samplePatientToothScale(rng.fork("patient-scale"));
    const plain = patient.teeth.find((t) => t.presence === "present" && t.restoration === "none" && !t.rootCanalTreated && t.lesions.length === 0)!;
    const alone = renderTooth(plain.fdi, rng.fork(`tooth-${plain.fdi}`), { patientScale });
    const inDentition = d.teeth.find((t) => t.fdi === plain.fdi)!;
    for (const layer of ["outer", "dentin", "pulp"] as const) expect(Buffer.from(inDentition[layer].positions.buffer).equals(Buffer.from(alone[layer].positions.buffer))).toBe(true);
    const busy = patient.teeth.find((t) => t.lesions.length > 0)!;
    const position = renderPosition(patient, busy, rng, { patientScale })!;
    const fromDentition = d.positions.find((p) => p.fdi === busy.fdi)!;
    expect(position.volumes.map((v) => v.role)).toEqual(fromDentition.volumes.map((v) => v.role));
    position.volumes.forEach((v, i) => expect(Buffer.from(v.mesh.positions.buffer).equals(Buffer.from(fromDentition.volumes[i]!.mesh.positions.buffer))).toBe(true));
  });

  it("writes restoration and lesion files per jaw, labelled by FDI and lesion number", async () => {
    const { preset: name, seed, index, patient } = patients[0]!;
    const files = await encodePatientMeshes(meshesConfigSchema.parse({ patients: index + 1, seed, preset: name, kind: "teeth", formats: ["ply"] }), index);
    for (const jaw of ["upper", "lower"] as const) {
      const teeth = patient.teeth.filter((t) => t.arch === jaw);
      const stem = `${patient.id}_${jaw}`;
      const hasRestoration = teeth.some((t) => t.restoration !== "none" || t.rootCanalTreated);
      const hasLesion = teeth.some((t) => t.lesions.length > 0);
      expect(files.some((f) => f.path === `${stem}_restorations.ply`), `${stem} restorations`).toBe(hasRestoration);
      expect(files.some((f) => f.path === `${stem}_lesions.ply`), `${stem} lesions`).toBe(hasLesion);
      const lesions = files.find((f) => f.path === `${stem}_lesions.ply`);
      if (lesions) {
        const header = new TextDecoder().decode(lesions.bytes.slice(0, 600));
        expect(header).toContain("instance");
        expect(header).toContain("label");
      }
    }
  });
});
