/** Renders assets/icon.svg to the PNG sizes browsers want (public/icon/<size>.png). Run after editing the SVG. */
import { readFileSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { requireChromium } from './chromium';

const svg = readFileSync('assets/icon.svg', 'utf8');
const browser = await chromium.launch({ executablePath: requireChromium() });
const page = await browser.newPage();
for (const size of [16, 32, 48, 96, 128]) {
  await page.setViewportSize({ width: size, height: size });
  await page.setContent(
    `<style>html,body{margin:0;background:transparent}svg{display:block;width:${size}px;height:${size}px}</style>${svg}`,
  );
  await page.screenshot({ path: `public/icon/${size}.png`, omitBackground: true });
}
await browser.close();
