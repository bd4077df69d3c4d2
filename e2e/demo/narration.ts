import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "@playwright/test";

export const OUTPUT_DIR = join(process.cwd(), "demo-output");

type Step = { title: string; text: string; file: string };

const esc = (s: string) => s.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]!);

/** Collects the walkthrough's steps: a screenshot each, and the sentence that narrates it. */
export class Narration {
  private steps: Step[] = [];

  constructor(private readonly page: Page) {
    mkdirSync(OUTPUT_DIR, { recursive: true });
  }

  async shot(title: string, text: string): Promise<void> {
    const file = `${String(this.steps.length + 1).padStart(2, "0")}-${title
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "")}.png`;
    await this.page.waitForLoadState("networkidle").catch(() => undefined);
    // Finished, not mid-fade: a menu opened for the shot would otherwise be caught half transparent.
    await this.page.screenshot({ path: join(OUTPUT_DIR, file), fullPage: false, animations: "disabled" });
    this.steps.push({ title, text, file });
  }

  write(): string {
    const body = this.steps
      .map(
        (s, i) =>
          `<section><h2>${i + 1}. ${esc(s.title)}</h2><p>${esc(s.text)}</p><img src="${s.file}" alt="${esc(s.title)}" width="1200"></section>`,
      )
      .join("\n");
    const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Clef walkthrough</title>
<style>body{font-family:system-ui,sans-serif;max-width:1240px;margin:32px auto;padding:0 20px;color:#16191f}
section{margin:0 0 48px}img{border:1px solid #d1d5db;border-radius:8px;max-width:100%}h2{margin-bottom:4px}</style></head>
<body><h1>Clef: the walkthrough (IAM, Organizations, Switch role)</h1><p>Recorded by <code>npm run demo</code> in Chromium on a fresh local account (local-aws).</p>
${body}</body></html>\n`;
    const file = join(OUTPUT_DIR, "index.html");
    writeFileSync(file, html);
    return file;
  }
}
