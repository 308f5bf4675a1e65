import { Rng } from "../../core/rng.js";
import { TOOL_NAME, TOOL_VERSION } from "../../core/version.js";
import { alignTables } from "../../evaluation/data/align-tables.js";
import { inferEntityColumn } from "../data/infer-entity-column.js";
import type { LoadedTable } from "../data/load-table.js";
import { dentalRules } from "../metrics/diagnostics/dental-rules.js";
import { boundaryAdherence } from "../metrics/fidelity/boundary-adherence.js";
import { categoryAdherence } from "../metrics/fidelity/category-adherence.js";
import { contingencySimilarity } from "../metrics/fidelity/contingency-similarity.js";
import { correlationSimilarity } from "../metrics/fidelity/correlation-similarity.js";
import { detection } from "../metrics/fidelity/detection.js";
import { ksComplement } from "../metrics/fidelity/ks-complement.js";
import { precisionRecallDensityCoverage } from "../metrics/fidelity/precision-recall-density-coverage.js";
import { tvComplement } from "../metrics/fidelity/tv-complement.js";
import { withNoiseFloor, type EvaluationTables } from "../metrics/noise-floor.js";
import { anonymeterInference } from "../metrics/privacy/anonymeter-inference.js";
import { anonymeterLinkability } from "../metrics/privacy/anonymeter-linkability.js";
import { anonymeterSinglingOut } from "../metrics/privacy/anonymeter-singling-out.js";
import { dcrBaseline } from "../metrics/privacy/dcr-baseline.js";
import { dcrOverfitting } from "../metrics/privacy/dcr.js";
import { exactCopyRate } from "../metrics/privacy/exact-copy-rate.js";
import { kAnonymity } from "../metrics/privacy/k-anonymity.js";
import { lDiversity } from "../metrics/privacy/l-diversity.js";
import { miaEnsemble } from "../metrics/privacy/mia-ensemble.js";
import type { GenerateFn } from "../metrics/privacy/mia-shadow.js";
import { nearestNeighbourDistanceRatio } from "../metrics/privacy/nndr.js";
import { PrivacyWorkspace } from "../metrics/privacy/shared/workspace.js";
import { tCloseness } from "../metrics/privacy/t-closeness.js";
import { augmentationGain } from "../metrics/utility/augmentation-gain.js";
import { tstrUtility } from "../metrics/utility/tstr.js";
import type { MetricContext, MetricResult, Table, Verdict } from "../types.js";
import { mlpClassifier, mlpRegressor } from "../../models/mlp.js";
import { buildFigures } from "./figures.js";
import { formatValue } from "./format.js";
import { REPORT_VERSION, type AudienceVerdict, type EvaluationReport, type InputSummary, type ReportResult, type ReportSection } from "./report.js";

export interface EvaluateRecordsOptions {
  seed: string;
  /** Entity (patient) column; undefined infers it, null declares rows independent. */
  entity?: string | null;
  target?: string | null;
  quasiIdentifiers?: readonly string[];
  sensitive?: readonly string[];
  /** Confidence level of every interval; default 0.95. */
  ciLevel?: number;
  /** Bootstrap resamples; default 200. */
  resamples?: number;
  /** Also run the tfjs MLP detector and MLP utility models (slower); default true. */
  mlp?: boolean;
  /** A generator for the shadow-model membership attack (only learned generators have one). */
  generate?: GenerateFn;
  /** Where each table came from, for the report (file names, never contents). */
  sources: { train: string; holdout: string; synthetic: string };
  command: string;
  /** Progress: called before each step with its name. */
  onStep?: (step: string, index: number, total: number) => void;
}

const THREAT_MODEL: EvaluationReport["threatModel"] = {
  attacker:
    "Someone who holds the released synthetic table and some real records: full records of candidate patients (for membership inference), or a few attributes of a target patient such as age, sex and tooth (for singling out, linkability and attribute inference). They do not hold the generator or its training data.",
  goal: "Learn something about real patients from the synthetic release: whether a given patient was in the training data (membership), to isolate or re-link a patient's record, or to infer a sensitive attribute from the others.",
  assumptions: [
    "Membership belongs to the patient: all of a patient's rows are in training or none are, and attack scores are aggregated per patient.",
    "The holdout is a sample of the same population that the generator never saw; it stands in for the patients an attacker cannot tell apart from members. If train and holdout share patients the risk estimates are too low.",
    "Each attack's success is compared with a control (holdout) or baseline attack: only the excess over what the population statistics alone reveal counts as risk.",
    "Attacks are black-box on the released table; a stronger adversary with the generator (shadow modelling) is run only when a learned generator is supplied.",
    "An average-case score near chance does not certify privacy for every patient: outliers are the most exposed (Meeus et al. 2023). Differential privacy is the only worst-case guarantee.",
  ],
};

function asReportResult(result: MetricResult, key: string, title: string): ReportResult {
  return { ...result, key, title };
}

function worst(verdicts: readonly Verdict[]): Verdict {
  const order: Verdict[] = ["poor", "acceptable", "good"];
  for (const v of order) if (verdicts.includes(v)) return v;
  return "not-applicable";
}

function section(
  id: ReportSection["id"],
  title: string,
  audience: ReportSection["audience"],
  results: ReportResult[],
  summary: (verdict: Verdict) => string,
  verdictFrom: readonly ReportResult[] = results,
  caveats: string[] = [],
): ReportSection {
  const scored = results.filter((r) => r.interpretation.verdict !== "not-applicable" && Number.isFinite(r.normalized));
  const verdict = worst(verdictFrom.map((r) => r.interpretation.verdict));
  return {
    id,
    title,
    audience,
    summary: summary(verdict),
    verdict,
    score: scored.length ? scored.reduce((a, r) => a + r.normalized, 0) / scored.length : null,
    results,
    caveats,
  };
}

function missingCells(t: Table): number {
  let n = 0;
  for (const c of t.columns) for (const v of c.values) if (v === null || (typeof v === "number" && Number.isNaN(v))) n++;
  return n;
}

function summaryOf(t: LoadedTable, source: string, entity: string | null): InputSummary {
  const col = entity ? t.table.columns.find((c) => c.name === entity) : undefined;
  return {
    source,
    rows: t.table.nRows,
    entities: col ? new Set(col.values as ArrayLike<unknown> as unknown[]).size : null,
    missingCells: missingCells(t.table),
  };
}

/**
 * Subsampling caps (whole patients, seeded and recorded in each result's details). Detection AUC intervals at
 * 10,000 rows per table are already narrow (about ±0.01 on the Creighton table); the MLP's SGD costs far more per
 * row than logistic regression's Newton steps, so it sees fewer rows and epochs.
 */
const DETECTION_ROWS = 10_000;
const MLP_DETECTION_ROWS = 6_000;
const MLP_SETTINGS = { epochs: 10, batchSize: 512 } as const;
/** Utility models train on whole-patient subsamples of at most this many rows per training table. */
const UTILITY_ROWS = 30_000;
const MLP_UTILITY_ROWS = 15_000;

/** Columns named like the Creighton export, used as defaults when the user names none. */
const CREIGHTON_DEFAULTS = {
  quasiIdentifiers: ["x48_baseline_age", "x49_gender", "x50_diabetes", "x51_tobacco_ever", "tooth"],
  sensitive: ["x21_decayed_tooth", "x16_endo"],
  target: "x15_crown",
};
const RECORDS_DEFAULTS = {
  quasiIdentifiers: ["age", "sex", "diabetes", "tobacco_ever", "fdi"],
  sensitive: ["restoration", "lesion_count"],
  target: "restoration",
};

function defaultsFor(columns: readonly string[]) {
  for (const d of [CREIGHTON_DEFAULTS, RECORDS_DEFAULTS]) {
    if (d.quasiIdentifiers.every((c) => columns.includes(c))) return d;
  }
  return null;
}

/**
 * Evaluates a synthetic table against real training and holdout tables: fidelity (with a real-vs-real noise
 * floor beside every score), privacy (distance, membership-inference ensemble, Anonymeter-style residual risks,
 * k-anonymity family), utility (train-synthetic-test-real vs train-real-test-real) and dental diagnostics.
 * Returns the report; rendering and files are the caller's.
 */
export async function evaluateRecords(
  loaded: { train: LoadedTable; holdout: LoadedTable; synthetic: LoadedTable },
  options: EvaluateRecordsOptions,
): Promise<EvaluationReport> {
  const started = Date.now();
  const warnings: string[] = [];
  const entityChoice = inferEntityColumn(loaded.train.table, options.entity);
  const entity = entityChoice.column;
  if (options.entity === undefined && entity) warnings.push(`Patient (entity) column inferred: ${entity} (${entityChoice.reason}); pass --entity to choose another.`);
  if (!entity) warnings.push(`No patient column (${entityChoice.reason}): rows are treated as independent patients.`);
  const aligned = alignTables(loaded.train.table, loaded.holdout.table, loaded.synthetic.table, { entity });
  warnings.push(...aligned.warnings, ...aligned.mismatches.map((m) => `${m.path}: ${m.message}`));
  const { train, holdout, synthetic } = aligned;
  const columns = aligned.columns;
  const defaults = defaultsFor(columns);
  const quasiIdentifiers = (options.quasiIdentifiers ?? defaults?.quasiIdentifiers ?? []).filter((c) => columns.includes(c));
  const sensitive = (options.sensitive ?? defaults?.sensitive ?? []).filter((c) => columns.includes(c));
  const target = options.target === null ? null : (options.target ?? defaults?.target ?? null);
  if (target && !columns.includes(target)) warnings.push(`Target column ${target} is not in all three tables; utility was skipped.`);
  const root = new Rng(`${options.seed}/evaluate`);
  const ctxFor = (name: string): MetricContext => ({ rng: root.fork(name), ciLevel: options.ciLevel ?? 0.95, resamples: options.resamples ?? 200 });
  const tables: EvaluationTables = { train, holdout, synthetic, entity };
  const mlp = options.mlp ?? true;

  const steps: [string, () => Promise<void>][] = [];
  const fidelity: ReportResult[] = [];
  const diagnostics: ReportResult[] = [];
  const privacy: ReportResult[] = [];
  const utility: ReportResult[] = [];
  let miaHeadline: ReportResult | undefined;
  const attackResults: MetricResult[] = [];

  steps.push(["column shapes", async () => {
    fidelity.push(asReportResult(await withNoiseFloor(ksComplement, tables, ctxFor("ks")), "ks", "Column shapes, numeric (KSComplement)"));
    fidelity.push(asReportResult(await withNoiseFloor(tvComplement, tables, ctxFor("tv")), "tv", "Column shapes, categorical (TVComplement)"));
  }]);
  steps.push(["pair trends", async () => {
    fidelity.push(asReportResult(await withNoiseFloor((i, c) => correlationSimilarity(i, c), tables, ctxFor("correlation")), "correlation", "Pair trends, numeric (correlation similarity)"));
    fidelity.push(asReportResult(await withNoiseFloor((i, c) => contingencySimilarity(i, c), tables, ctxFor("contingency")), "contingency", "Pair trends, categorical and mixed (contingency similarity)"));
  }]);
  steps.push(["detection (logistic regression)", async () => {
    fidelity.push(asReportResult(await withNoiseFloor((i, c) => detection(i, c, { maxRowsPerTable: DETECTION_ROWS }), tables, ctxFor("detection")), "detection", "Detection AUC, logistic regression (folds grouped by patient)"));
  }]);
  if (mlp) {
    steps.push(["detection (MLP)", async () => {
      fidelity.push(
        asReportResult(await withNoiseFloor((i, c) => detection(i, c, { classifier: mlpClassifier(MLP_SETTINGS), maxRowsPerTable: MLP_DETECTION_ROWS }), tables, ctxFor("detection-mlp")), "detection_mlp", "Detection AUC, MLP (folds grouped by patient)"),
      );
    }]);
  }
  steps.push(["precision / recall / density / coverage", async () => {
    fidelity.push(asReportResult(await withNoiseFloor((i, c) => precisionRecallDensityCoverage(i, c), tables, ctxFor("prdc")), "prdc", "Sample-level precision, recall, density, coverage"));
  }]);
  steps.push(["diagnostics", async () => {
    diagnostics.push(asReportResult(await withNoiseFloor(boundaryAdherence, tables, ctxFor("boundary")), "boundary", "Boundary adherence"));
    diagnostics.push(asReportResult(await withNoiseFloor(categoryAdherence, tables, ctxFor("category")), "category", "Category adherence"));
    diagnostics.push(asReportResult(dentalRules({ real: train, synthetic }, ctxFor("dental-rules")), "dental_rules", "Dental rules (tooth numbers, status, DMFT arithmetic)"));
  }]);

  let ws: PrivacyWorkspace | undefined;
  const workspace = () => (ws ??= new PrivacyWorkspace({ train, holdout, synthetic, entityColumn: entity }, ctxFor("privacy")));
  steps.push(["distance to closest record", async () => {
    privacy.push(asReportResult(await dcrOverfitting(workspace(), ctxFor("dcr")), "dcr", "DCR: share closer to train than holdout"));
    privacy.push(asReportResult(await dcrBaseline(workspace(), ctxFor("dcr-baseline")), "dcr_baseline", "DCR baseline protection"));
    privacy.push(asReportResult(await exactCopyRate(workspace(), ctxFor("exact")), "exact_copies", "Exact copies of training rows"));
    privacy.push(asReportResult(await nearestNeighbourDistanceRatio(workspace(), ctxFor("nndr")), "nndr", "Nearest-neighbour distance ratio"));
  }]);
  steps.push(["membership inference", async () => {
    const ensemble = await miaEnsemble(workspace(), ctxFor("mia"), options.generate ? { generate: options.generate } : {});
    const { attackResults: perAttack, ...headline } = ensemble;
    const d = headline.details as { maxTprAtFpr?: { fpr: number; tpr: number }[] } | undefined;
    const extra: Record<string, number> = { auc: headline.value };
    for (const t of d?.maxTprAtFpr ?? []) extra[`tpr_at_fpr_${t.fpr}`] = t.tpr;
    miaHeadline = asReportResult({ ...headline, details: { ...(headline.details as object), ...extra } }, "mia", "Membership inference: highest AUC over attacks");
    privacy.push(miaHeadline);
    for (const a of perAttack) {
      attackResults.push(a);
      privacy.push(asReportResult(a, a.metric.replace(/-/g, "_"), `Attack: ${a.metric}`));
    }
  }]);
  steps.push(["anonymeter attacks", async () => {
    const qi = quasiIdentifiers.length >= 2 ? quasiIdentifiers : undefined;
    privacy.push(asReportResult(await anonymeterSinglingOut(workspace(), ctxFor("singling-out"), {}), "singling_out", "Singling-out risk (Anonymeter protocol)"));
    if (qi) {
      const half = Math.ceil(qi.length / 2);
      privacy.push(
        asReportResult(await anonymeterLinkability(workspace(), ctxFor("linkability"), { auxCols: [qi.slice(0, half), qi.slice(half)] }), "linkability", "Linkability risk (Anonymeter protocol)"),
      );
    } else {
      privacy.push(asReportResult(await anonymeterLinkability(workspace(), ctxFor("linkability"), {}), "linkability", "Linkability risk (Anonymeter protocol)"));
    }
    privacy.push(
      asReportResult(
        await anonymeterInference(workspace(), ctxFor("inference"), sensitive.length ? { secrets: sensitive, ...(qi ? { auxCols: qi } : {}) } : {}),
        "inference",
        "Attribute-inference risk (Anonymeter protocol)",
      ),
    );
  }]);
  if (quasiIdentifiers.length > 0) {
    steps.push(["k-anonymity, l-diversity, t-closeness", async () => {
      privacy.push(asReportResult(await kAnonymity(workspace(), ctxFor("k-anonymity"), { quasiIdentifiers }), "k_anonymity", "k-anonymity of the release on the quasi-identifiers"));
      if (sensitive.length > 0) {
        privacy.push(asReportResult(await lDiversity(workspace(), ctxFor("l-diversity"), { quasiIdentifiers, sensitive }), "l_diversity", "l-diversity of the sensitive columns"));
        privacy.push(asReportResult(await tCloseness(workspace(), ctxFor("t-closeness"), { quasiIdentifiers, sensitive }), "t_closeness", "t-closeness of the sensitive columns"));
      }
    }]);
  }
  if (target && columns.includes(target)) {
    const input = { train, holdout, synthetic, target, entity };
    steps.push(["utility (logistic / ridge)", async () => {
      utility.push(asReportResult(await tstrUtility(input, ctxFor("tstr"), { maxRowsPerTable: UTILITY_ROWS }), "tstr", `Train on synthetic, test on real: ${target} (logistic/ridge)`));
      utility.push(asReportResult(await augmentationGain(input, ctxFor("augmentation"), { maxRowsPerTable: UTILITY_ROWS }), "augmentation", `Augmentation: real + synthetic vs real alone (${target})`));
    }]);
    if (mlp) {
      steps.push(["utility (MLP)", async () => {
        utility.push(
          asReportResult(await tstrUtility(input, ctxFor("tstr-mlp"), { classifier: mlpClassifier(MLP_SETTINGS), regressor: mlpRegressor(MLP_SETTINGS), maxRowsPerTable: MLP_UTILITY_ROWS }), "tstr_mlp", `Train on synthetic, test on real: ${target} (MLP)`),
        );
      }]);
    }
  }

  const timings: { step: string; seconds: number }[] = [];
  for (let i = 0; i < steps.length; i++) {
    const [name, run] = steps[i] as [string, () => Promise<void>];
    options.onStep?.(name, i, steps.length);
    const t0 = Date.now();
    await run();
    timings.push({ step: name, seconds: (Date.now() - t0) / 1000 });
  }

  const fidelitySection = section("fidelity", "Fidelity: does it look like the real data?", ["ml-team", "researcher"], fidelity, (v) =>
    v === "good"
      ? "Column distributions, pairwise trends and a classifier test are close to what a second real sample scores."
      : v === "acceptable"
        ? "Most properties are close to a second real sample, with some gaps listed below."
        : "At least one fidelity check is far from what a second real sample scores; see the poor rows below.",
  );
  const privacySection = section(
    "privacy",
    "Privacy: what does the release reveal about real patients?",
    ["privacy-reviewer"],
    privacy,
    (v) =>
      v === "good"
        ? "No attack does meaningfully better than its control or than guessing: the release does not single out, re-link or reveal membership of training patients beyond what the population statistics reveal."
        : v === "acceptable"
          ? "Attacks gain a small edge over their controls; review the rows marked acceptable before release."
          : "At least one attack clearly succeeds against training patients; do not release without mitigation (fewer epochs, differential privacy, coarser quasi-identifiers).",
    privacy.filter((r) => r.key === "mia" || r.key === "exact_copies" || r.key === "dcr" || r.key === "singling_out" || r.key === "linkability" || r.key === "inference"),
  );
  const utilitySection = section("utility", "Utility: does a model trained on it work on real data?", ["ml-team"], utility, (v) =>
    utility.length === 0
      ? "No target column: utility was not measured (pass --target)."
      : v === "good"
        ? "Models trained on synthetic data perform close to models trained on real data, on real holdout patients."
        : v === "acceptable"
          ? "Models trained on synthetic data keep most of the real-data performance."
          : "Models trained on synthetic data lose much of the real-data performance.",
  );
  const diagnosticsSection = section("diagnostics", "Diagnostics: is every row valid?", ["qa", "ml-team"], diagnostics, (v) =>
    v === "good" ? "Values stay in the real ranges and categories, and dental rules hold." : "Some rows break ranges, categories or dental rules; see the details.",
  );
  const sections = [fidelitySection, privacySection, utilitySection, diagnosticsSection].filter((s) => s.results.length > 0 || s.id === "utility");

  const byKey = (s: ReportSection, key: string) => s.results.find((r) => r.key === key);
  const det = byKey(fidelitySection, "detection");
  const ks = byKey(fidelitySection, "ks");
  const tstr = byKey(utilitySection, "tstr");
  const mlTeam: AudienceVerdict = {
    verdict: worst([fidelitySection.verdict, utilitySection.results.length ? utilitySection.verdict : "good", diagnosticsSection.verdict]),
    headline: `Fidelity ${fidelitySection.verdict}, utility ${utility.length ? utilitySection.verdict : "not measured"}, diagnostics ${diagnosticsSection.verdict}.`,
    points: [
      ...(ks ? [`Numeric column shapes ${formatValue(ks.value)} (a second real sample scores ${formatValue(ks.noiseFloor?.value)}; 1 = identical).`] : []),
      ...(det ? [`A classifier tells synthetic from real patients with AUC ${formatValue(det.value)} (real vs real ${formatValue(det.noiseFloor?.value)}; 0.5 = indistinguishable).`] : []),
      ...(tstr ? [tstr.interpretation.sentence] : []),
    ],
  };
  const exact = byKey(privacySection, "exact_copies");
  const privacyReviewer: AudienceVerdict = {
    verdict: privacySection.verdict,
    headline: miaHeadline
      ? `Highest membership-inference AUC over ${attackResults.length} attacks: ${formatValue(miaHeadline.value)} [${formatValue(miaHeadline.interval?.lower)}, ${formatValue(miaHeadline.interval?.upper)}] (0.5 = guessing).`
      : "Membership inference was not run.",
    points: [
      ...(miaHeadline ? [miaHeadline.interpretation.sentence] : []),
      ...(exact ? [exact.interpretation.sentence] : []),
      ...privacy.filter((r) => ["singling_out", "linkability", "inference"].includes(r.key)).map((r) => `${r.title}: ${r.interpretation.sentence}`),
    ],
  };

  const figures = buildFigures({ train, holdout, synthetic, columns, attackResults, dcr: byKey(privacySection, "dcr") });
  return {
    reportVersion: REPORT_VERSION,
    kind: "tabular-evaluation",
    info: {
      tool: TOOL_NAME,
      version: TOOL_VERSION,
      generatedAt: new Date().toISOString(),
      seed: options.seed,
      durationMs: Date.now() - started,
      command: options.command,
      steps: timings,
    },
    inputs: {
      train: summaryOf(loaded.train, options.sources.train, entity),
      holdout: summaryOf(loaded.holdout, options.sources.holdout, entity),
      synthetic: summaryOf(loaded.synthetic, options.sources.synthetic, entity),
      entity,
      target: target && columns.includes(target) ? target : null,
      quasiIdentifiers,
      sensitive,
      columns: train.columns.map((c) => ({ name: c.name, kind: c.kind })),
    },
    threatModel: THREAT_MODEL,
    verdicts: { mlTeam, privacyReviewer },
    sections,
    figures,
    warnings,
  };
}
