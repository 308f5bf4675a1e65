import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { evaluateRecords } from "../../../evaluation/reports/evaluate-records.js";
import { writeReport } from "../../../evaluation/reports/write-report.js";
import { reportFixture } from "./fixture.js";

/**
 * Renders report.html in headless Debian chromium (playwright-core drives the system browser; it never downloads
 * one). Skips with a message where chromium is absent; .ci/run installs it, so CI always runs this.
 */
const CHROMIUM = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => existsSync(p));
const root = mkdtempSync(join(tmpdir(), "dentsynth-browser-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

if (!CHROMIUM) console.warn("browser test skipped: no chromium at /usr/bin/chromium (apt-get install chromium; .ci/run does)");

describe.skipIf(!CHROMIUM)("report.html in headless chromium", () => {
  it("loads offline with no page errors, draws every chart and shows a hostile column name as text", async () => {
    const fx = reportFixture(60, "browser");
    const hostile = "<img src=x onerror=alert(1)>";
    const rename = (t: typeof fx.train) => ({ ...t, columns: t.columns.map((c) => (c.name === "x49_gender" ? { ...c, name: hostile } : c)) });
    const { buildTable } = await import("../../../evaluation/data/build-table.js");
    const { inferSchema } = await import("../../../evaluation/data/infer-schema.js");
    const schema = inferSchema(rename(fx.train));
    const report = await evaluateRecords(
      { train: buildTable(rename(fx.train), schema), holdout: buildTable(rename(fx.holdout), schema), synthetic: buildTable(rename(fx.independent), schema) },
      { seed: "b", mlp: false, sources: { train: "train.csv", holdout: "holdout.csv", synthetic: "syn.csv" }, command: "test", resamples: 50 },
    );
    const dir = join(root, "report");
    writeReport(report, dir, { overwrite: false });

    const { chromium } = await import("playwright-core");
    const browser = await chromium.launch({ executablePath: CHROMIUM as string, args: ["--no-sandbox", "--disable-gpu"] });
    try {
      const page = await browser.newPage();
      const errors: string[] = [];
      const dialogs: string[] = [];
      page.on("pageerror", (e) => errors.push(e.message));
      page.on("console", (m) => (m.type() === "error" ? errors.push(m.text()) : undefined));
      page.on("dialog", (d) => {
        dialogs.push(d.message());
        void d.dismiss();
      });
      // Offline: any request leaving the folder fails the test.
      await page.route(/^(?!file:)/, (route) => {
        errors.push(`network request: ${route.request().url()}`);
        void route.abort();
      });
      await page.goto(pathToFileURL(join(dir, "report.html")).href);
      // Browser-side code as strings: this project's TypeScript has no DOM library.
      await page.waitForFunction("document.querySelectorAll('[data-figure] .main-svg').length > 0", undefined, { timeout: 30_000 });
      const figures = await page.locator("[data-figure]").count();
      const drawn = await page.evaluate<number>("[...document.querySelectorAll('[data-figure]')].filter((n) => n.querySelector('.main-svg')).length");
      expect(figures).toBe(report.figures.length);
      expect(drawn).toBe(figures);
      expect(await page.locator("text=<img src=x onerror=alert(1)>").count()).toBeGreaterThan(0);
      expect(await page.locator("img[src=x]").count()).toBe(0);
      expect(dialogs).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
