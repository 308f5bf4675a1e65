import { escapeHtml as h, jsonForScript } from "./escape.js";
import { formatInterval, formatSampleSizes, formatValue } from "./format.js";
import type { AudienceVerdict, EvaluationReport, ReportSection } from "./report.js";

/** File name of the Plotly bundle copied beside report.html: the report folder works offline, as one folder. */
export const PLOTLY_FILE = "plotly.min.js";

const STYLE = `
body{font:15px/1.5 system-ui,sans-serif;margin:0;color:#1d2330;background:#f6f7f9}
main{max-width:1100px;margin:0 auto;padding:24px}
h1{font-size:26px;margin:0 0 4px} h2{margin-top:36px;border-bottom:2px solid #dde1e8;padding-bottom:4px}
.meta{color:#5a6375;font-size:13px}
.cards{display:grid;grid-template-columns:1fr 1fr;gap:16px;margin:16px 0}
.card{background:#fff;border-radius:8px;padding:14px 18px;box-shadow:0 1px 3px #0002}
.badge{display:inline-block;padding:2px 10px;border-radius:12px;font-weight:600;font-size:13px;color:#fff}
.good{background:#23855a}.acceptable{background:#b7791f}.poor{background:#c53030}.not-applicable{background:#718096}
table{border-collapse:collapse;width:100%;background:#fff;font-size:14px;margin:8px 0}
th,td{border-bottom:1px solid #e2e6ee;padding:6px 8px;text-align:left;vertical-align:top}
th{background:#eef1f6} td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.figure{background:#fff;border-radius:8px;margin:14px 0;padding:8px;box-shadow:0 1px 3px #0002}
.caption{color:#5a6375;font-size:13px;padding:0 8px 6px}
details summary{cursor:pointer;color:#2b5cad}
`;

function verdictCard(title: string, v: AudienceVerdict): string {
  return `<div class="card"><h3>${h(title)} <span class="badge ${v.verdict}">${h(v.verdict)}</span></h3><p>${h(v.headline)}</p><ul>${v.points
    .map((p) => `<li>${h(p)}</li>`)
    .join("")}</ul></div>`;
}

function sectionHtml(report: EvaluationReport, s: ReportSection): string {
  const rows = s.results
    .map((r) => {
      const floor = r.noiseFloor ? `${formatValue(r.noiseFloor.value)} ${formatInterval(r.noiseFloor.interval)}` : "";
      return `<tr><td>${h(r.title)}<br><code>${h(`${s.id}.${r.key}`)}</code></td><td class="num">${formatValue(r.value)}</td><td class="num">${h(
        formatInterval(r.interval),
      )}</td><td class="num">${h(floor)}</td><td><span class="badge ${r.interpretation.verdict}">${h(r.interpretation.verdict)}</span></td><td>${h(
        r.interpretation.sentence,
      )}<div class="meta">${h(formatSampleSizes(r.n))}</div>${r.warnings.map((w) => `<div class="meta">⚠ ${h(w)}</div>`).join("")}</td></tr>`;
    })
    .join("");
  const figures = report.figures
    .filter((f) => f.section === s.id)
    .map((f) => `<div class="figure"><div class="plot" data-figure="${h(f.id)}"></div><div class="caption">${h(f.caption)}</div></div>`)
    .join("");
  const caveats = s.caveats.length ? `<ul>${s.caveats.map((c) => `<li>${h(c)}</li>`).join("")}</ul>` : "";
  return `<section id="${h(s.id)}"><h2>${h(s.title)} <span class="badge ${s.verdict}">${h(s.verdict)}</span></h2><p>${h(s.summary)}</p>${caveats}
<table><thead><tr><th>metric</th><th>value</th><th>interval</th><th>real-vs-real</th><th>verdict</th><th>meaning</th></tr></thead><tbody>${rows}</tbody></table>${figures}</section>`;
}

/**
 * report.html: offline (Plotly from the file beside it), with every input-derived string escaped and the chart
 * data embedded as inert JSON. A column named `<script>alert(1)</script>` renders as that text.
 */
export function renderHtml(report: EvaluationReport): string {
  const i = report.inputs;
  const inputs = (["train", "holdout", "synthetic"] as const)
    .map((k) => `<tr><td>${k}</td><td>${h(i[k].source)}</td><td class="num">${i[k].rows}</td><td class="num">${i[k].entities ?? "n/a"}</td><td class="num">${i[k].missingCells}</td></tr>`)
    .join("");
  const figures = Object.fromEntries(report.figures.map((f) => [f.id, { title: f.title, traces: f.traces, layout: f.layout }]));
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>dentsynth evaluation report</title><style>${STYLE}</style></head>
<body><main>
<h1>dentsynth evaluation report</h1>
<div class="meta">Generated ${h(report.info.generatedAt)} by ${h(report.info.tool)} ${h(report.info.version)} · seed ${h(report.info.seed)} · report version ${h(
    report.reportVersion,
  )}</div>
<div class="cards">${verdictCard("ML team: fidelity and utility", report.verdicts.mlTeam)}${verdictCard("Privacy reviewer: disclosure risk", report.verdicts.privacyReviewer)}</div>
<h2>Data</h2>
<table><thead><tr><th>data</th><th>source</th><th>rows</th><th>patients</th><th>missing cells</th></tr></thead><tbody>${inputs}</tbody></table>
<p class="meta">Entity column: ${i.entity ? `<code>${h(i.entity)}</code>` : "none"} · target: ${i.target ? `<code>${h(i.target)}</code>` : "none"} · quasi-identifiers: ${h(
    i.quasiIdentifiers.join(", ") || "none",
  )} · sensitive: ${h(i.sensitive.join(", ") || "none")}</p>
<details><summary>Columns (${i.columns.length})</summary><table><tbody>${i.columns.map((c) => `<tr><td>${h(c.name)}</td><td>${h(c.kind)}</td></tr>`).join("")}</tbody></table></details>
<h2>Threat model</h2><p><b>Attacker:</b> ${h(report.threatModel.attacker)}</p><p><b>Goal:</b> ${h(report.threatModel.goal)}</p><ul>${report.threatModel.assumptions
    .map((a) => `<li>${h(a)}</li>`)
    .join("")}</ul>
${report.sections.map((s) => sectionHtml(report, s)).join("\n")}
${report.warnings.length ? `<h2>Warnings</h2><ul>${report.warnings.map((w) => `<li>${h(w)}</li>`).join("")}</ul>` : ""}
</main>
<script type="application/json" id="figures">${jsonForScript(figures)}</script>
<script src="${PLOTLY_FILE}"></script>
<script>
(function () {
  var figures = JSON.parse(document.getElementById("figures").textContent);
  var nodes = document.querySelectorAll("[data-figure]");
  for (var k = 0; k < nodes.length; k++) {
    var f = figures[nodes[k].getAttribute("data-figure")];
    if (!f || typeof Plotly === "undefined") continue;
    var layout = Object.assign({ title: { text: f.title }, margin: { t: 40, r: 20, b: 50, l: 60 }, height: 360 }, f.layout);
    Plotly.newPlot(nodes[k], f.traces, layout, { displaylogo: false, responsive: true });
  }
})();
</script>
</body></html>
`;
}
