// Renders every model in processes/ to an SVG picture under docs/pictures/, with bpmn-js and dmn-js (npm) in
// Debian's chromium: a process (.bpmn) as bpmn-js draws it, a decision (.dmn) as dmn-js's decision table.
// Each picture names its model and the SHA-256 of the model's bytes in its first comment, so that
// ModelPicturesTest can tell a stale picture. Rendering the same model twice gives the same file.
//
//   node tools/render-pictures.mjs
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const MODELS = 'processes';
const PICTURES = join('docs', 'pictures');
// the text of the models is Japanese: IPA Gothic (Debian's fonts-ipafont-gothic), else the reader's sans-serif
const FONT = 'IPAGothic, "IPAゴシック", sans-serif';
const DMN_CSS = ['dmn-js-shared.css', 'dmn-js-decision-table.css']
  .map(css => join(ROOT, 'node_modules', 'dmn-js', 'dist', 'assets', css));

async function main() {
  const files = (await readdir(join(ROOT, MODELS))).filter(f => /\.(bpmn|dmn)$/.test(f)).sort();
  await mkdir(join(ROOT, PICTURES), { recursive: true });
  const browser = await puppeteer.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--font-render-hinting=none'],
    headless: true
  });
  try {
    for (const file of files) {
      const bytes = await readFile(join(ROOT, MODELS, file));
      const svg = file.endsWith('.bpmn') ? await renderProcess(browser, bytes) : await renderDecision(browser, bytes);
      const target = join(PICTURES, file.replace(/\.(bpmn|dmn)$/, '.svg'));
      await writeFile(join(ROOT, target), withOrigin(svg, `${MODELS}/${file}`, bytes));
      console.log(`${target} ← ${MODELS}/${file}`);
    }
  } finally {
    await browser.close();
  }
}

/** The picture with the model's path and SHA-256 in a comment right after the XML declaration. */
function withOrigin(svg, modelPath, bytes) {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const body = svg.replace(/^<\?xml[^>]*\?>\s*/, '');
  return `<?xml version="1.0" encoding="utf-8"?>\n<!-- model: ${modelPath} sha256: ${sha256} -->\n${body.trimEnd()}\n`;
}

/** A fresh page holding one bundle (and its style sheets), with a canvas of the given width. */
async function pageWith(browser, bundle, styleSheets, width) {
  const page = await browser.newPage();
  await page.setViewport({ width, height: 1000 });
  await page.setContent(`<!DOCTYPE html><html><head><meta charset="utf-8"></head>
    <body style="margin:0"><div id="canvas" style="width:${width}px;height:1000px"></div></body></html>`);
  await page.addScriptTag({ path: join(ROOT, 'node_modules', bundle) });
  for (const css of styleSheets) {
    await page.addStyleTag({ path: css });
  }
  return page;
}

async function renderProcess(browser, bytes) {
  const page = await pageWith(browser, 'bpmn-js/dist/bpmn-viewer.production.min.js', [], 1600);
  try {
    const svg = await page.evaluate(async (xml, font) => {
      const viewer = new window.BpmnJS({
        container: '#canvas',
        textRenderer: { defaultStyle: { fontFamily: font }, externalStyle: { fontFamily: font } }
      });
      const { warnings } = await viewer.importXML(xml);
      if (warnings.length) {
        throw new Error(warnings.map(w => w.message).join('\n'));
      }
      return (await viewer.saveSVG()).svg;
    }, bytes.toString('utf8'), FONT);
    return stableMarkerIds(svg);
  } finally {
    await page.close();
  }
}

/**
 * bpmn-js gives every arrow-head marker a random id (marker-3x2k…); numbering them in the order they are drawn keeps
 * the file the same from run to run.
 */
function stableMarkerIds(svg) {
  const ids = [...new Set([...svg.matchAll(/id="(marker-[a-z0-9]+)"/g)].map(m => m[1]))];
  const numbers = new Map(ids.map((id, i) => [id, `marker-${i + 1}`]));
  return svg.replace(/\bmarker-[a-z0-9]+\b/g, id => numbers.get(id) ?? id);
}

/**
 * A decision as dmn-js's decision table: dmn-js draws the table in HTML, so the picture is that HTML inside an SVG
 * foreignObject, with dmn-js's own style sheets, sized to the table as chromium laid it out. The DRD of these models
 * is a single box; the table holds the decision itself (inputs, rules, outputs).
 */
async function renderDecision(browser, bytes) {
  const page = await pageWith(browser, 'dmn-js/dist/dmn-viewer.production.min.js', DMN_CSS, 1800);
  try {
    const styles = (await Promise.all(DMN_CSS.map(css => readFile(css, 'utf8')))).join('\n')
      + `\n.dmn-decision-table-container { --decision-table-font-family: ${FONT}; }\n`;
    await page.addStyleTag({ content: styles });
    const { width, height, html } = await page.evaluate(async xml => {
      const viewer = new window.DmnJS({ container: '#canvas' });
      const { warnings } = await viewer.importXML(xml);
      if (warnings.length) {
        throw new Error(warnings.map(w => w.message).join('\n'));
      }
      const table = viewer.getViews().find(view => view.type === 'decisionTable');
      await viewer.open(table);
      const parent = document.querySelector('#canvas .dmn-js-parent');
      // a picture has no use for the button that switches to the DRD
      parent.querySelectorAll('.view-drd').forEach(button => button.remove());
      const container = parent.querySelector('.dmn-decision-table-container');
      Object.assign(container.style, { width: 'max-content', height: 'auto', maxHeight: 'none', overflow: 'visible' });
      parent.style.height = 'auto';
      const box = container.getBoundingClientRect();
      return {
        width: Math.ceil(box.width),
        height: Math.ceil(box.height),
        html: new XMLSerializer().serializeToString(parent)
      };
    }, bytes.toString('utf8'));
    return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">
<style><![CDATA[
${styles.replaceAll(']]>', ']]]]><![CDATA[>')}
]]></style>
<foreignObject x="0" y="0" width="${width}" height="${height}">
${html}
</foreignObject>
</svg>`;
  } finally {
    await page.close();
  }
}

await main();
