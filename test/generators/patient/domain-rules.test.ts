import { describe, expect, it } from "vitest";
import { dmftOf } from "../../../generators/patient/dmft.js";
import { PRESETS } from "../../../generators/patient/presets.js";
import { checkDomainRules } from "../../../generators/patient/rules.js";
import { samplePatient } from "../../../generators/patient/sample-patient.js";

const PATIENTS = 10_000;

describe.each(Object.keys(PRESETS))("preset %s", (name) => {
  const preset = PRESETS[name];
  if (!preset) throw new Error(`no preset ${name}`);

  it(`keeps every domain rule on ${PATIENTS.toLocaleString("en")} patients`, () => {
    const failures: string[] = [];
    for (let i = 0; i < PATIENTS; i++) {
      const patient = samplePatient(i, "rules", preset);
      const problems = checkDomainRules(patient);
      if (problems.length > 0) failures.push(`${patient.id}: ${problems.join("; ")}`);
      // DMFT = D + M + F on generated data too.
      const dmft = dmftOf(patient);
      if (dmft.total !== dmft.decayed + dmft.missing + dmft.filled) failures.push(`${patient.id}: DMFT total`);
    }
    expect(failures.slice(0, 5)).toEqual([]);
  });
});
