import { escapeMarkdown as md } from "./escape.js";
import { formatInterval, formatSampleSizes, formatValue } from "./format.js";
import type { AudienceVerdict, EvaluationReport } from "./report.js";

const VERDICT_WORD = { good: "GOOD", acceptable: "ACCEPTABLE", poor: "POOR", "not-applicable": "NOT APPLICABLE" } as const;

function audience(title: string, v: AudienceVerdict): string[] {
  return [`### ${title}: ${VERDICT_WORD[v.verdict]}`, "", md(v.headline), "", ...v.points.map((p) => `- ${md(p)}`), ""];
}

/**
 * summary.md: a verdict per audience first (ML team: fidelity and utility; privacy reviewer: risk), the threat
 * model in plain words, then every score with its interval, noise floor, sample sizes and meaning.
 */
export function renderMarkdown(report: EvaluationReport): string {
  const i = report.inputs;
  const out: string[] = [
    "# dentsynth evaluation summary",
    "",
    `Generated ${report.info.generatedAt} by ${report.info.tool} ${report.info.version} (seed ${md(report.info.seed)}, report version ${report.reportVersion}).`,
    "",
    "| data | source | rows | patients | missing cells |",
    "|---|---|---|---|---|",
    ...(["train", "holdout", "synthetic"] as const).map(
      (k) => `| ${k} | ${md(i[k].source)} | ${i[k].rows} | ${i[k].entities ?? "n/a"} | ${i[k].missingCells} |`,
    ),
    "",
    `Entity (patient) column: ${i.entity ? `\`${md(i.entity)}\`` : "none: rows treated as independent"}. Target: ${i.target ? `\`${md(i.target)}\`` : "none"}. ` +
      `Quasi-identifiers: ${i.quasiIdentifiers.map(md).join(", ") || "none"}. Sensitive: ${i.sensitive.map(md).join(", ") || "none"}.`,
    "",
    "## Verdicts",
    "",
    ...audience("For the ML team (fidelity and utility)", report.verdicts.mlTeam),
    ...audience("For the privacy reviewer (disclosure risk)", report.verdicts.privacyReviewer),
    "## Threat model",
    "",
    `**Attacker:** ${md(report.threatModel.attacker)}`,
    "",
    `**Goal:** ${md(report.threatModel.goal)}`,
    "",
    ...report.threatModel.assumptions.map((a) => `- ${md(a)}`),
    "",
  ];
  for (const s of report.sections) {
    out.push(`## ${md(s.title)}: ${VERDICT_WORD[s.verdict]}${s.score === null ? "" : ` (score ${formatValue(s.score)})`}`, "", md(s.summary), "");
    out.push("| metric | value | interval | real-vs-real noise floor | verdict | sample sizes |", "|---|---|---|---|---|---|");
    for (const r of s.results) {
      const floor = r.noiseFloor ? `${formatValue(r.noiseFloor.value)} ${formatInterval(r.noiseFloor.interval)}` : "";
      out.push(
        `| ${md(r.title)} (\`${s.id}.${md(r.key)}\`) | ${formatValue(r.value)} | ${formatInterval(r.interval)} | ${floor} | ${r.interpretation.verdict} | ${formatSampleSizes(r.n)} |`,
      );
    }
    out.push("", "What the numbers mean:", "");
    for (const r of s.results) out.push(`- **${md(r.title)}**: ${md(r.interpretation.sentence)}`);
    const notes = [...s.caveats, ...s.results.flatMap((r) => r.warnings.map((w) => `${r.title}: ${w}`))];
    if (notes.length > 0) out.push("", "Caveats:", "", ...notes.map((c) => `- ${md(c)}`));
    out.push("");
  }
  if (report.warnings.length > 0) out.push("## Warnings", "", ...report.warnings.map((w) => `- ${md(w)}`), "");
  out.push("Full details, charts and per-column tables: report.html and report.json in the same folder.", "");
  return out.join("\n");
}
