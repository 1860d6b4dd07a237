// Load a mixplan student page in headless Chromium and report what a reader gets, as JSON on
// standard output; the Rust test (tests/it/page.rs) makes the assertions.
//
// Usage: node check.mjs JOBS.json
// JOBS.json: [{ "page": "/abs/page.html", "zone": "America/New_York", "fragment": false,
//               "shots": "/abs/prefix" (optional) }, ...]; one browser serves them all. A
// fragment is checked without the document-level rules that the LMS page around it owns.
// Prints one report per job, in order. Environment: MIXPLAN_CHROMIUM (default /usr/bin/chromium).
//
// Three views: a desktop reader in the course's zone, a 360-pixel phone reader in Asia/Tokyo, and the
// print stylesheet on an A4 page. Each
// reports axe-core's violations (WCAG 2 A/AA and best practices), the headings, every
// <time datetime>, the local-time notes the inline script added, scripts and styles, and
// whether the page scrolls sideways.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { chromium } from "playwright-core";

const require = createRequire(import.meta.url);
const axePath = require.resolve("axe-core/axe.min.js");
const jobs = JSON.parse(readFileSync(process.argv[2], "utf8"));

const browser = await chromium.launch({
  executablePath: process.env.MIXPLAN_CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox"],
});
const reports = [];
try {
  for (const { page, zone: courseZone, fragment, shots } of jobs) {
  const views = [
    { name: "desktop", viewport: { width: 1280, height: 900 }, timezoneId: courseZone },
    { name: "phone", viewport: { width: 360, height: 780 }, timezoneId: "Asia/Tokyo", isMobile: true },
    // An A4 page at 96 dpi, with the print stylesheet.
    { name: "print", viewport: { width: 794, height: 1123 }, timezoneId: courseZone, media: "print" },
  ];
  const report = {};
  for (const view of views) {
    const context = await browser.newContext({
      viewport: view.viewport,
      timezoneId: view.timezoneId,
      isMobile: view.isMobile || false,
      locale: "en-GB",
      javaScriptEnabled: true,
    });
    const tab = await context.newPage();
    if (view.media) await tab.emulateMedia({ media: view.media });
    const errors = [];
    tab.on("pageerror", (e) => errors.push(String(e)));
    tab.on("console", (m) => m.type() === "error" && errors.push(m.text()));
    await tab.goto("file://" + page);
    // Counted before axe-core is injected as one more script.
    const own = await tab.evaluate(() => ({
      scripts: document.querySelectorAll("script").length,
      styles: document.querySelectorAll("style, link[rel=stylesheet]").length,
    }));
    await tab.addScriptTag({ path: axePath });
    // A fragment is pasted into an LMS page, which owns the document-level structure.
    const disabled = fragment
      ? ["html-has-lang", "document-title", "landmark-one-main", "region", "page-has-heading-one"]
      : [];
    const axe = await tab.evaluate(async (disabled) => {
      const rules = Object.fromEntries(disabled.map((id) => [id, { enabled: false }]));
      const result = await window.axe.run(document, {
        runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] },
        rules,
      });
      return {
        violations: result.violations.map((v) => ({
          id: v.id,
          impact: v.impact,
          help: v.help,
          nodes: v.nodes.slice(0, 3).map((n) => n.html),
        })),
        passes: result.passes.length,
      };
    }, disabled);
    const dom = await tab.evaluate(() => {
      return {
        title: document.title,
        lang: document.documentElement.lang,
        h1: [...document.querySelectorAll("h1")].map((h) => h.textContent),
        headings: [...document.querySelectorAll("h1,h2,h3,h4,h5,h6")].map((h) => h.tagName),
        times: [...document.querySelectorAll("time")].map((t) => ({
          datetime: t.getAttribute("datetime"),
          text: t.textContent,
        })),
        yours: [...document.querySelectorAll(".yours")].map((s) => s.textContent),
        weeks: document.querySelectorAll("section.week").length,
        links: [...document.querySelectorAll("a")].map((a) => a.getAttribute("href")),
        sideways: document.documentElement.scrollWidth > window.innerWidth,
        text: document.body.innerText,
      };
    });
    if (shots) {
      await tab.screenshot({ path: `${shots}-${view.name}.png` });
    }
    report[view.name] = { axe, dom: { ...dom, ...own }, errors };
    await context.close();
  }
  reports.push(report);
  }
} finally {
  await browser.close();
}
process.stdout.write(JSON.stringify(reports));
