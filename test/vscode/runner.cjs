// test/vscode/runner.cjs -- drives a running VS Code server (server-main.js) with Debian's Chromium through
// playwright-core: opens the web workbench with a test payload (extensionDevelopmentPath +
// extensionTestsPath), so the remote Node extension host loads the extension in development mode and runs
// the mocha suite. The workbench calls window.codeAutomationExit(code) when the host finishes; that code
// is our exit code. Started by test/vscode/run.sh, which owns the server process group.
//
// Env: VSCODE_BASE (http://127.0.0.1:PORT), EXT_DEV (abs dir), EXT_TESTS (abs path of index.cjs, no need
// for the extension), WS (abs workspace folder), TEST_TIMEOUT_MS (default 300000), CHROMIUM (default
// /usr/bin/chromium), EHCP_VSCODE_TEST_REPORT (file the suite appends its report to), STATE (scratch dir),
// ALL_CONSOLE=1 to print every browser console line (debugging).
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { chromium } = require('playwright-core');

const BASE = process.env.VSCODE_BASE;
const EXT = process.env.EXT_DEV;
const TESTS = process.env.EXT_TESTS;
const WS = process.env.WS;
const TIMEOUT = Number(process.env.TEST_TIMEOUT_MS || 300000);
const REPORT = process.env.EHCP_VSCODE_TEST_REPORT;
const STATE = process.env.STATE || fs.mkdtempSync('/tmp/ehcp-vscode-');
const MARK = '[ehcp-test]';
// Console errors that are expected offline / in the web workbench and say nothing about the extension.
const NOISE = /Failed to load resource|ERR_NAME_NOT_RESOLVED|open-vsx|marketplace|vsda|Canceled|bad HTTP response code|mobile\.events\.data|web worker extension host|sandbox attribute/;

function log(s) {
  process.stdout.write(`${s}\n`);
}

(async () => {
  const t0 = Date.now();
  const authority = new URL(BASE).host;
  const payload = [
    ['extensionDevelopmentPath', `vscode-remote://${authority}${EXT}`],
    ['extensionTestsPath', `vscode-remote://${authority}${TESTS}`],
  ];
  const url = `${BASE}/?folder=${encodeURIComponent(WS)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  // Keep Chromium's profile and crash reports out of $HOME.
  const home = path.join(STATE, 'chromium-home');
  fs.mkdirSync(home, { recursive: true });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    env: { ...process.env, HOME: home, XDG_CONFIG_HOME: path.join(home, '.config'), XDG_CACHE_HOME: path.join(home, '.cache') },
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
  let finished = false;
  let summarySeen = false;
  try {
    const page = await browser.newPage();
    let done;
    const exited = new Promise((r) => (done = r));
    await page.exposeFunction('codeAutomationExit', (code) => done(code));
    page.on('console', (m) => {
      const t = m.text().replace(/%c/g, '').replace(/(color|font-weight): [^;]*;?\s*/g, '');
      if (t.includes(MARK)) {
        // The suite also writes its lines to the report file, which is what we print (below); the
        // extension host's console is not always forwarded to the page, so the file is authoritative.
        if (process.env.ALL_CONSOLE) log(`[page:${m.type()}] ${t.slice(0, 600)}`);
      } else if (process.env.ALL_CONSOLE) {
        log(`[page:${m.type()}] ${t.slice(0, 600)}`);
      } else if (m.type() === 'error' && /Error|rejected|Cannot find|failed/i.test(t) && !NOISE.test(t)) {
        log(`[page error] ${t.slice(0, 800)}`);
      }
    });
    page.on('pageerror', (e) => process.env.ALL_CONSOLE && log(`[pageerror] ${e.message}`));
    log(`opening workbench ${BASE} (workspace ${WS})`);
    // Stream the suite's report file (appended to by the suite inside the extension host) as it grows.
    let printed = 0;
    const pump = () => {
      if (!REPORT || !fs.existsSync(REPORT)) return;
      const text = fs.readFileSync(REPORT, 'utf8');
      const end = text.lastIndexOf('\n') + 1;
      if (end <= printed) return;
      for (const line of text.slice(printed, end).split('\n').slice(0, -1)) {
        log(line);
        if (/^\d+ passed, \d+ failed/.test(line)) summarySeen = true;
      }
      printed = end;
    };
    const pumpTimer = setInterval(pump, 200);
    await page.goto(url);
    const code = await Promise.race([exited, new Promise((r) => setTimeout(() => r('timeout'), TIMEOUT))]);
    finished = true;
    if (code === 'timeout') {
      log(`TIMEOUT: the extension host did not finish within ${TIMEOUT} ms`);
      try {
        await page.screenshot({ path: path.join(STATE, 'timeout.png') });
        log(`screenshot: ${path.join(STATE, 'timeout.png')}`);
      } catch { /* ignore */ }
    }
    clearInterval(pumpTimer);
    pump();
    if (!summarySeen && code !== 0) log('0 passed, 1 failed (the suite did not report; see above)');
    log(`extension host exit code ${code} after ${Date.now() - t0} ms`);
    await browser.close();
    process.exit(code === 0 ? 0 : 1);
  } catch (e) {
    if (!finished) log(`runner error: ${e && e.stack ? e.stack : e}`);
    await browser.close().catch(() => undefined);
    process.exit(2);
  }
})().catch((e) => {
  log(`runner error: ${e && e.stack ? e.stack : e}`);
  process.exit(2);
});
