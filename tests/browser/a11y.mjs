// axe-core (WCAG 2.1 A/AA) on the demo page with the widget open and on every dashboard page;
// the widget at 320 CSS px (= 1280 px at 400% zoom, stricter than 200%) and with reduced motion.
// The reports page is checked in reports.mjs, after the other scenarios made some traffic.
import { BASE, main, newPage, check, widget, signInStaff, say, axe, noErrors, screenshotPath } from "./lib.mjs";

await main(async (browser) => {
  const resident = await newPage(browser);
  await resident.goto(BASE + "/");
  await axe(resident, "demo page, widget closed");
  await widget.launcher(resident).click();
  await say(resident, "paspoort verlengen");
  await axe(resident, "demo page, widget open with links and buttons");

  const narrow = await newPage(browser, { viewport: { width: 320, height: 640 }, reducedMotion: "reduce" });
  await narrow.goto(BASE + "/");
  await widget.launcher(narrow).click();
  await say(narrow, "How do I renew my passport?");
  // The conversation's language sets the widget's own texts too.
  check((await widget.label(narrow).textContent()) === "Type your question", "English conversation, English UI");
  const fit = await narrow.evaluate(() => {
    const panel = document.getElementById("balie-widget").shadowRoot.querySelector(".panel");
    const box = panel.getBoundingClientRect();
    return { left: box.left, right: box.right, scroll: document.documentElement.scrollWidth,
             animation: getComputedStyle(panel).animationName };
  });
  check(fit.left >= 0 && fit.right <= 320 && fit.scroll <= 320, "the open widget fits 320 CSS px: " + JSON.stringify(fit));
  check(fit.animation === "none", "prefers-reduced-motion turns the panel animation off");
  await axe(narrow, "demo page at 320 px, widget open");

  // 200% zoom on a 1280 x 800 screen = a 640 x 400 CSS px viewport: the messages keep room.
  await narrow.setViewportSize({ width: 640, height: 400 });
  const zoomed = await narrow.evaluate(() => {
    const root = document.getElementById("balie-widget").shadowRoot;
    const panel = root.querySelector(".panel").getBoundingClientRect();
    return { top: panel.top, bottom: panel.bottom, log: root.querySelector(".log").getBoundingClientRect().height };
  });
  check(zoomed.top >= 0 && zoomed.bottom <= 400 && zoomed.log >= 120, "usable at 200% zoom: " + JSON.stringify(zoomed));

  // A tenant colour with too little contrast for its text: the widget picks readable text itself.
  const yellow = await newPage(browser);
  await yellow.route(BASE + "/kleurtest.html", (route) => route.fulfill({ contentType: "text/html", body:
    `<!doctype html><html lang="en"><head><title>Colour test</title></head><body><main><h1>Colour test</h1></main>
     <script src="/widget.js" data-tenant="voorbeeld" data-color="#ffd500" data-color-text="#ffffff" async></script></body></html>` }));
  await yellow.goto(BASE + "/kleurtest.html");
  await widget.launcher(yellow).click();
  const colours = await widget.launcher(yellow).evaluate((button) => getComputedStyle(button).color);
  check(colours === "rgb(0, 0, 0)", "black text on a yellow launcher, not the configured white: " + colours);
  check((await widget.label(yellow).textContent()) === "Type your question", "page lang en: English UI");
  await axe(yellow, "widget with a light tenant colour");

  // The accessibility statement, linked from the demo site's footer (docs/toegankelijkheid.md).
  await resident.getByRole("link", { name: "Toegankelijkheid van de chat" }).click();
  await resident.getByRole("heading", { level: 1, name: "Toegankelijkheid van de chat en het dashboard" }).waitFor();
  check((await resident.locator("table").count()) >= 4, "the statement's tables are rendered");
  await axe(resident, "accessibility statement page");

  // A waiting conversation so the dashboard has something to show.
  const created = await (await fetch(BASE + "/v1/chat", {
    method: "POST", headers: { "content-type": "application/json" },
    body: JSON.stringify({ tenant: "voorbeeld", message: "Ik wil een medewerker spreken" }),
  })).json();

  const staff = await newPage(browser, { viewport: { width: 1280, height: 860 } });
  await staff.goto(BASE + "/staff");
  await axe(staff, "dashboard sign-in");
  check(!(await staff.locator("nav").isVisible()), "no dashboard navigation before sign-in");
  await staff.getByLabel("Toegangstoken").fill("not-a-token");
  await staff.getByRole("button", { name: "Inloggen" }).click();
  await staff.locator("#signin-error", { hasText: "niet geldig" }).waitFor();
  await axe(staff, "dashboard sign-in with an error");
  await signInStaff(staff);
  // Keyboard focus on a waiting resident survives the list's refresh, also when a new one arrives.
  const item = staff.locator(`#waiting button[data-conversation="${created.conversationId}"]`);
  await item.focus();
  const before = Number(await staff.locator("#waiting-count").textContent());
  await fetch(BASE + "/v1/chat", { method: "POST", headers: { "content-type": "application/json" },
    body: JSON.stringify({ tenant: "voorbeeld", message: "Ik wil een medewerker spreken" }) });
  await staff.waitForFunction((n) => Number(document.getElementById("waiting-count").textContent) > n, before);
  check(await item.evaluate((button) => button === document.activeElement), "focus stays on the same resident after a refresh");
  await staff.locator("#work-status", { hasText: "wacht een inwoner" }).waitFor();
  await item.press("Enter");
  await staff.locator(`article[data-conversation="${created.conversationId}"] .entry`).first().waitFor();
  await staff.getByRole("button", { name: "Volgend verzoek" }).click();
  await staff.locator("#work-status", { hasText: "geen terugbelverzoeken" }).waitFor();
  await axe(staff, "dashboard conversations with a conversation open");

  for (const page of [resident, narrow, yellow, staff]) noErrors(page, [/status of 401/]);
});
