import { copyFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { StagedOutputDir } from "../../core/output-dir.js";
import { PLOTLY_FILE, renderHtml } from "./render-html.js";
import { renderJson } from "./render-json.js";
import { renderMarkdown } from "./render-markdown.js";
import type { EvaluationReport } from "./report.js";

const require = createRequire(import.meta.url);

/**
 * Writes report.json, report.html (with plotly.min.js beside it, so the folder works offline) and summary.md,
 * atomically: into a staging folder renamed into place when all files are written.
 */
export function writeReport(report: EvaluationReport, outDir: string, options: { overwrite: boolean; optionName?: string }): string[] {
  const out = StagedOutputDir.open(outDir, { overwrite: options.overwrite, optionName: options.optionName ?? "out" });
  try {
    writeFileSync(out.file("report.json"), renderJson(report));
    writeFileSync(out.file("report.html"), renderHtml(report));
    writeFileSync(out.file("summary.md"), renderMarkdown(report));
    copyFileSync(require.resolve("plotly.js-dist-min"), out.file(PLOTLY_FILE));
    out.commit();
  } catch (error) {
    out.abort();
    throw error;
  }
  return ["report.json", "report.html", "summary.md", PLOTLY_FILE];
}
