// run.mjs - drives the warta web page in headless Chromium.
//
//   WARTA_BIN=build/warta SEEDS=../shared/seeds node tests/browser/run.mjs
//
// Builds a store from the seed pages and samples/, starts `warta serve` on
// an ephemeral port, and walks front page -> event -> article -> entity
// timeline -> search, in Indonesian and English, checking what is shown.
// Screenshots go to tests/browser/artifacts/.  Exit 0 when every check
// passes, 1 otherwise (each failure printed).
import { spawn, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, "../..");
const bin = resolve(process.env.WARTA_BIN || join(root, "build/warta"));
const seeds = resolve(process.env.SEEDS || join(root, "../shared/seeds"));
const artifacts = join(here, "artifacts");
const chromePath = process.env.CHROMIUM || "/usr/bin/chromium";
mkdirSync(artifacts, { recursive: true });

let failures = 0;
function check(cond, what) {
  console.log(`${cond ? "ok  " : "FAIL"} ${what}`);
  if (!cond) failures++;
}

const work = mkdtempSync(join(tmpdir(), "warta-browser-"));
const db = join(work, "store.db");
const seedFiles = readdirSync(seeds).filter((f) => f.endsWith(".txt")).map((f) => join(seeds, f));
// one hostile page: markup in its title and text must show up as text
const hostile = join(work, "hostile.jsonl");
writeFileSync(hostile, JSON.stringify({
  id: "hostile-1", outlet: "Uji Keamanan", lang: "id", published: "2025-03-04T10:00:00+07:00",
  title: "Situs <img src=x onerror=\"window.__pwned=1\"> diretas",
  text: "Polisi menyelidiki situs yang menampilkan <script>window.__pwned=2</script> dan " +
    "<img src=x onerror=\"window.__pwned=3\"> di Jakarta pada Selasa (4/3/2025).\n\n" +
    "Pelaku mengetik '; DROP TABLE articles; -- di kolom pencarian, kata polisi.",
}) + "\n");
const ing = spawnSync(bin, ["ingest", "--quiet", "--db", db, ...seedFiles, join(root, "samples"), hostile], { encoding: "utf8" });
if (ing.status !== 0 && ing.status !== 1) {
  console.error(`ingest failed (${ing.status}): ${ing.stderr}`);
  process.exit(1);
}

const server = spawn(bin, ["serve", "--db", db, "--listen", "127.0.0.1:0"], { stdio: ["ignore", "pipe", "inherit"] });
const base = await new Promise((ok, ko) => {
  let buf = "";
  const t = setTimeout(() => ko(new Error("server did not start")), 10000);
  server.stdout.on("data", (d) => {
    buf += d;
    const m = /listening on (http:\/\/[^/\s]+)\//.exec(buf);
    if (m) { clearTimeout(t); ok(m[1]); }
  });
  server.on("exit", (c) => { clearTimeout(t); ko(new Error(`server exited ${c}`)); });
});

process.on("exit", () => server.kill("SIGTERM"));
// a fresh profile per run (launchPersistentContext takes it as userDataDir)
const ctx = await chromium.launchPersistentContext(join(work, "profile"), {
  executablePath: chromePath,
  headless: true,
  viewport: { width: 1200, height: 900 },
  locale: "id-ID",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});

try {
  const page = ctx.pages()[0] || await ctx.newPage();
  const pageErrors = [];
  page.on("pageerror", (e) => pageErrors.push(String(e)));
  page.on("console", (m) => { if (m.type() === "error") pageErrors.push(m.text()); });
  const ready = async (hash) => {
    await page.waitForFunction((h) => document.body.dataset.ready === h, hash.replace(/^#/, ""), { timeout: 10000 });
  };
  const shot = (name) => page.screenshot({ path: join(artifacts, name), fullPage: true });

  // ---- front page (Indonesian by default)
  await page.goto(base + "/#/");
  await ready("#/");
  const stories = await page.locator(".story").allInnerTexts();
  check(stories.length >= 10, `front page lists stories (${stories.length})`);
  const seedStories = await page.$$eval(".story", (ns) => ns.map((n) => n.innerText));
  const s2026 = seedStories.find((t) => /4 Februari 2026/.test(t));
  const s2025 = seedStories.find((t) => /21 Januari 2025/.test(t));
  check(!!s2026, "front page shows the 2026-02-04 event (4 Februari 2026)");
  check(!!s2025, "front page shows the 2025-01-21 event (21 Januari 2025)");
  check(s2026 && /kumparan\.com/.test(s2026) && /QNews/.test(s2026), "2026 event lists kumparan.com and QNews");
  check(s2025 && /NTVNews/.test(s2025) && /KOMPAS\.TV/.test(s2025), "2025 event lists NTVNews and KOMPAS.TV");
  check(s2026 && /Panggilan video/i.test(s2026), "event type shown in Indonesian");
  check(s2026 && /Vladimir Putin/.test(s2026) && /Xi Jinping/.test(s2026), "participants shown");
  check(seedStories.some((t) => /\d+ (jam|hari|bulan|tahun|menit) lalu/.test(t)), "outlet ages shown (\"... lalu\")");
  const order = seedStories.indexOf(s2026) < seedStories.indexOf(s2025);
  check(order, "newest event first");
  await shot("01-front-id.png");

  // ---- event page: the 2025-01-21 event
  const ev2025 = await page.$$eval(".story", (ns) => {
    const n = ns.find((x) => /21 Januari 2025/.test(x.innerText));
    return n && n.dataset.event;
  });
  await page.click(`.story[data-event="${ev2025}"] h3 a`);
  await ready(`#/event/${ev2025}`);
  const evText = await page.locator("main").innerText();
  check(/21 Januari 2025/.test(evText), "event page shows its date");
  check(/90 menit/.test(await page.locator("#duration").innerText()), "event duration 90 minutes");
  check(/NTVNews/.test(evText) && /KOMPAS\.TV/.test(evText), "event page lists both outlets' articles");
  check(await page.locator("#facts tr").count() > 2, "facts table with support counts");
  check(/media/.test(await page.locator("#facts").innerText()), "support shown as number of outlets");
  check(await page.locator("#quotes .quote").count() > 0, "quotes by speaker");
  check(await page.locator("#sources li").count() > 0, "sources credited");
  await page.waitForFunction(() => document.querySelectorAll("#related li a").length > 0, null, { timeout: 5000 }).catch(() => {});
  const related = await page.locator("#related").innerText();
  check(/4 Februari 2026/.test(related), "Lanjut baca links the other video call of the story");
  await shot("02-event-2025-id.png");

  // ---- the 2026 event: 85 minutes
  const ev2026 = await page.$eval("#related a", (a) => a.getAttribute("href"));
  await page.goto(base + "/" + ev2026);
  await ready(ev2026);
  check(/85 menit/.test(await page.locator("#duration").innerText()), "2026 event duration 85 minutes");
  await shot("03-event-2026-id.png");

  // ---- article page
  const artHref = await page.$eval("#articles li a", (a) => a.getAttribute("href"));
  await page.click("#articles li a");
  await ready(artHref);
  const body = await page.locator("#body").innerText();
  check(body.length > 500, `article body shown (${body.length} chars)`);
  check(await page.locator("#body mark.ent").count() > 0, "entity mentions marked in the body");
  check(await page.locator("#entities a").count() > 0, "article entities listed");
  await shot("04-article-id.png");

  // ---- entity timeline (Vladimir Putin)
  await page.goto(base + "/#/entity/Q7747");
  await ready("#/entity/Q7747");
  check(/Vladimir Putin/.test(await page.locator("#entity-name").innerText()), "entity page names Vladimir Putin");
  const tl = await page.locator("#timeline").innerText();
  check(/21 Januari 2025/.test(tl) && /4 Februari 2026/.test(tl), "timeline has both video calls");
  check(tl.indexOf("21 Januari 2025") < tl.indexOf("4 Februari 2026"), "timeline in date order");
  await shot("05-entity-timeline-id.png");

  // ---- search: Indonesian morphology
  await page.fill("#q", "pertemuan");
  await page.press("#q", "Enter");
  await ready("#/search?q=pertemuan");
  const res = await page.locator("#search-articles").innerText();
  check(/[Bb]ertemu/.test(res), "search \"pertemuan\" finds \"bertemu\"");
  check(await page.locator("#search-articles mark").count() > 0, "snippets mark matches");
  await shot("06-search-id.png");

  // ---- English, remembered
  await page.click('[data-lang="en"]');
  await page.goto(base + "/#/");
  await ready("#/");
  const en = await page.locator("main").innerText();
  check(/Latest events/.test(en) && /21 January 2025/.test(en), "English interface after the switch");
  check(/\d+ (hours?|days?|months?|years?|minutes?) ago/.test(en), "ages in English");
  check(await page.evaluate(() => localStorage.getItem("warta.lang")) === "en", "language remembered");
  await shot("07-front-en.png");
  await page.goto(base + `/#/event/${ev2025}`);
  await ready(`#/event/${ev2025}`);
  check(/90 minutes/.test(await page.locator("#duration").innerText()), "duration in English");
  await shot("08-event-en.png");

  // ---- filters
  await page.goto(base + "/#/?type=video_call");
  await ready("#/?type=video_call");
  check(await page.locator(".story").count() === 2, "type filter keeps the two video calls");

  // ---- escaping: an article text with markup is shown as text
  await page.goto(base + "/#/search?q=diretas");
  await ready("#/search?q=diretas");
  check(/<img src=x onerror=/.test(await page.locator("#search-articles").innerText()), "hostile title shown as text in search");
  await page.goto(base + "/#/article/hostile-1");
  await ready("#/article/hostile-1");
  check(/<script>window.__pwned=2<\/script>/.test(await page.locator("#body").innerText()), "hostile body shown as text");
  check(await page.locator("#body img, #body script, h1 img").count() === 0, "no element made from article text");
  await shot("09-hostile-article.png");
  check(await page.evaluate(() => window.__pwned === undefined), "no script injection");

  check(pageErrors.length === 0, `no page errors${pageErrors.length ? ": " + pageErrors.join("; ") : ""}`);
} catch (e) {
  console.log("FAIL " + (e.stack || e));
  failures++;
} finally {
  await ctx.close();
  server.kill("SIGTERM");
  rmSync(work, { recursive: true, force: true });
}

console.log(failures ? `${failures} browser check(s) failed` : "browser: all checks passed");
console.log(`screenshots: ${artifacts}`);
process.exit(failures ? 1 : 0);
