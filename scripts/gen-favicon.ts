/**
 * Writes app/favicon.ico from public/clef.svg (the logo): 16, 32 and 48 px PNGs drawn by Chromium, in one ICO file.
 * Next serves app/favicon.ico at /favicon.ico and links it from every page. Run: npx tsx scripts/gen-favicon.ts
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { chromium } from "@playwright/test";

const ROOT = join(__dirname, "..");
const SIZES = [16, 32, 48];

/** ICO with PNG images (supported since Windows Vista and by every browser): a directory, then the PNGs. */
function ico(images: { size: number; png: Buffer }[]): Buffer {
  const header = Buffer.alloc(6 + 16 * images.length);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(images.length, 4);
  let offset = header.length;
  images.forEach(({ size, png }, i) => {
    const entry = 6 + 16 * i;
    header.writeUInt8(size % 256, entry);
    header.writeUInt8(size % 256, entry + 1);
    header.writeUInt16LE(1, entry + 4);
    header.writeUInt16LE(32, entry + 6);
    header.writeUInt32LE(png.length, entry + 8);
    header.writeUInt32LE(offset, entry + 12);
    offset += png.length;
  });
  return Buffer.concat([header, ...images.map((i) => i.png)]);
}

async function main() {
  const svg = readFileSync(join(ROOT, "public", "clef.svg"), "utf8");
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: ["--no-sandbox"] });
  const page = await browser.newPage();
  const images = [];
  for (const size of SIZES) {
    await page.setViewportSize({ width: size, height: size });
    const src = `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}`;
    await page.setContent(`<body style="margin:0"><img src="${src}" width="${size}" height="${size}" style="display:block"></body>`);
    images.push({ size, png: await page.screenshot({ omitBackground: true }) });
  }
  await browser.close();
  writeFileSync(join(ROOT, "app", "favicon.ico"), ico(images));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
