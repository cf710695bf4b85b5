// Shared helpers for the browser scenarios: Debian's Chromium driven by playwright-core.
// Each scenario is one script; test_browser.py runs it with BALIE_URL and BALIE_TOKEN set
// (a local stack it started) and fails on a non-zero exit.
import { chromium } from "playwright-core";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { createRequire } from "node:module";

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);

export const BASE = required("BALIE_URL");
export const TOKEN = process.env.BALIE_TOKEN || "";
export const SCREENSHOTS = process.env.BALIE_SCREENSHOTS || join(here, "..", "..", "docs");
export const CHROMIUM = process.env.CHROMIUM || "/usr/bin/chromium";

function required(name) {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set (run these scripts through tests/browser/test_browser.py)`);
  return value;
}

export function check(condition, message) {
  if (!condition) throw new Error("check failed: " + message);
}

// One fresh browser per scenario with a fresh profile directory (--user-data-dir, which
// playwright passes for a persistent context). Pages are tabs: each has its own sessionStorage,
// so each is a separate resident (or staff member).
export async function withBrowser(run) {
  const profile = mkdtempSync(join(tmpdir(), "balie-chromium-"));
  const browser = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    locale: "nl-NL",
    timezoneId: "Europe/Amsterdam",
    // `locale` and --lang do not reach the date inputs' format (17-11-2026, not 11/17/2026):
    // Chromium on Linux takes its UI language from LANGUAGE, and only when Debian's
    // chromium-l10n provides locales/nl.pak; without it the tests still pass, in US format.
    env: { ...process.env, LANGUAGE: "nl" },
    viewport: { width: 1200, height: 800 },
    args: [
      "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync",
      "--lang=nl-NL",
    ],
  });
  try {
    await run(browser);
  } finally {
    await browser.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

// Fails the scenario on any uncaught page error or console error (a broken script must not pass).
export async function newPage(browser, options = {}) {
  const page = await browser.newPage();
  if (options.viewport) await page.setViewportSize(options.viewport);
  if (options.reducedMotion) await page.emulateMedia({ reducedMotion: options.reducedMotion });
  page.errors = [];
  page.on("pageerror", (error) => page.errors.push(String(error)));
  page.on("console", (message) => {
    if (message.type() === "error") page.errors.push(message.text() + (message.location().url ? " (" + message.location().url + ")" : ""));
  });
  page.on("dialog", (dialog) => { page.errors.push("unexpected dialog: " + dialog.message()); dialog.dismiss(); });
  return page;
}

export function noErrors(page, allowed = []) {
  const unexpected = page.errors.filter((text) => !allowed.some((pattern) => pattern.test(text)));
  check(unexpected.length === 0, "page errors: " + unexpected.join(" | "));
}

// axe-core from node_modules (never a CDN); WCAG 2.0/2.1 A and AA rules. Evaluated through the
// DevTools protocol, which the page's CSP does not govern (a <script> tag would be refused).
const AXE_SOURCE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf-8");
export async function axe(page, label) {
  await page.evaluate(AXE_SOURCE);
  const result = await page.evaluate(async () => {
    const found = await window.axe.run(document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
    });
    return found.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")}`);
  });
  check(result.length === 0, `axe violations on ${label}:\n  ` + result.join("\n  "));
  console.log(`axe: no violations on ${label}`);
}

// Locators pierce open shadow roots, so these reach inside the widget.
export const widget = {
  launcher: (page) => page.locator("#balie-widget .launcher"),
  panel: (page) => page.locator("#balie-widget .panel"),
  input: (page) => page.locator("#balie-widget textarea"),
  label: (page) => page.locator("#balie-widget .composer label"),
  messages: (page, role) => page.locator(`#balie-widget .msg${role ? ".msg-" + role : ""}`),
  status: (page) => page.locator("#balie-widget .status"),
};

export async function activeInWidget(page) {
  return page.evaluate(() => {
    const host = document.getElementById("balie-widget");
    if (document.activeElement !== host) return null;
    const inner = host.shadowRoot.activeElement;
    return inner ? { tag: inner.tagName.toLowerCase(), cls: inner.className, text: inner.textContent.trim() } : null;
  });
}

// Presses `key` until the widget's focused element satisfies `wanted` (at most `presses` times);
// returns that element's description, or null when it was never reached.
export async function pressUntil(page, key, wanted, presses = 40) {
  for (let i = 0; i < presses; i++) {
    await page.keyboard.press(key);
    const focus = await activeInWidget(page);
    if (focus && wanted(focus)) return focus;
  }
  return null;
}

export async function signInStaff(page) {
  await page.goto(BASE + "/staff");
  await page.getByLabel("Toegangstoken").fill(TOKEN);
  await page.getByRole("button", { name: "Inloggen" }).click();
  await page.locator("#view-work").waitFor({ state: "visible" });
}

// The API with the staff token (the chat routes ignore it).
export async function api(method, path, body) {
  const response = await fetch(BASE + path, { method, headers: { "content-type": "application/json", authorization: "Bearer " + TOKEN },
    body: body ? JSON.stringify(body) : undefined });
  check(response.ok, `${method} ${path}: ${response.status}`);
  return response.json();
}

// A callback request through the chat API, as the widget makes one out of office hours, after
// `questions` (none: the request for a person is the first message); returns the conversation id.
export async function callbackRequest(phone, ...questions) {
  let id = null;
  for (const message of [...questions, "Ik wil een medewerker spreken", "ja", "Bel mij op " + phone]) {
    const reply = await api("POST", "/v1/chat", { tenant: "voorbeeld", message, ...(id ? { conversationId: id } : {}) });
    id = reply.conversationId;
  }
  return id;
}

export async function say(page, text) {
  const before = await widget.messages(page).count();
  await widget.input(page).fill(text);
  await widget.input(page).press("Enter");
  await page.waitForFunction((count) => {
    const root = document.getElementById("balie-widget").shadowRoot;
    return root.querySelectorAll(".msg").length > count + 1 && root.querySelector(".typing").hidden;
  }, before, { timeout: 15000 }).catch((error) => {
    throw new Error(`no answer to "${text}": ${error.message}; page errors: ${page.errors.join(" | ")}`);
  });
}

export function screenshotPath(name) {
  return join(SCREENSHOTS, name);
}

export async function main(run) {
  try {
    await withBrowser(run);
    console.log("ok");
  } catch (error) {
    console.error(error && error.stack ? error.stack : error);
    process.exit(1);
  }
}
