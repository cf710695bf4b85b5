// Finding 1 (WCAG 2.4.3 / 2.4.7 / 2.4.11): at 320 px, and at 200% zoom on a 1280 x 800 laptop
// (a 640 x 400 CSS px viewport), the open panel covers the page, so it is a modal dialog: Tab and
// Shift+Tab stay inside it, no page link can take focus behind it, every focused control is in
// view and not covered, and Escape returns focus to the launcher. A whole conversation is held
// with the keyboard only at both sizes. On a wide screen the corner panel is not modal.
import { BASE, main, newPage, check, widget, activeInWidget, pressUntil, axe, noErrors, screenshotPath } from "./lib.mjs";

// Where focus is now: inside the widget's panel, elsewhere in the widget, or on the page; and
// whether the focused control is visible, inside the viewport and on top at its centre.
async function focusNow(page) {
  return page.evaluate(() => {
    const host = document.getElementById("balie-widget");
    const inner = document.activeElement === host ? host.shadowRoot.activeElement : null;
    const node = inner || document.activeElement;
    const box = node.getBoundingClientRect();
    const line = node.getClientRects()[0] || box; // a link that wraps: the centre of its first line
    const x = line.left + line.width / 2, y = line.top + line.height / 2;
    const top = inner ? host.shadowRoot.elementFromPoint(x, y) : document.elementFromPoint(x, y);
    return {
      where: inner ? (inner.closest(".panel") ? "panel" : "widget") : node === document.body ? "body" : "page",
      name: (node.getAttribute("aria-label") || node.textContent || node.tagName).trim().slice(0, 40),
      inView: box.width > 0 && box.top >= 0 && box.left >= 0 && box.bottom <= innerHeight + 1 && box.right <= innerWidth + 1,
      onTop: !!top && (top === node || node.contains(top)),
    };
  });
}

async function tabAround(page, key, presses) {
  const seen = [];
  for (let i = 0; i < presses; i++) {
    await page.keyboard.press(key);
    const focus = await focusNow(page);
    check(focus.where === "panel", `${key} #${i + 1} stays in the dialog, got ${JSON.stringify(focus)}`);
    check(focus.inView && focus.onTop, `${key} #${i + 1}: "${focus.name}" is in view and not covered: ${JSON.stringify(focus)}`);
    seen.push(focus.name);
  }
  return seen;
}

async function keyboardConversation(page, label, screenshot = null) {
  await page.goto(BASE + "/");
  await widget.launcher(page).waitFor();
  check(await pressUntil(page, "Tab", (focus) => focus.cls === "launcher"), `${label}: Tab reaches the launcher`);
  await page.keyboard.press("Enter");
  await widget.panel(page).waitFor({ state: "visible" });
  check(await widget.panel(page).evaluate((node) => node.matches(":modal")), `${label}: the full-screen panel is a modal dialog`);
  check((await activeInWidget(page)).tag === "textarea", `${label}: focus starts in the input`);
  // Layout box (offset*), not the rendered one: the opening animation moves it for a moment.
  const box = await widget.panel(page).evaluate((node) => [node.offsetLeft, node.offsetTop, node.offsetWidth, node.offsetHeight]);
  const viewport = page.viewportSize();
  check(box.join() === [0, 0, viewport.width, viewport.height].join(), `${label}: it fills the screen: ${box}`);

  await page.keyboard.type("paspoort verlengen");
  await page.keyboard.press("Enter");
  const choice = page.locator("#balie-widget .choices button", { hasText: "Wat kost het?" });
  await choice.waitFor();
  // The page's links are inert behind the dialog: script cannot focus them either.
  check(await page.evaluate(() => { const link = document.querySelector("nav a"); link.focus(); return document.activeElement !== link; }),
    `${label}: page links cannot take focus behind the dialog`);
  const forward = await tabAround(page, "Tab", 14);
  check(forward.includes("Chat sluiten") && forward.includes("Gesprek wissen"), `${label}: Tab wraps through all controls: ${forward}`);
  await tabAround(page, "Shift+Tab", 14);

  check(await pressUntil(page, "Shift+Tab", (focus) => focus.text === "Wat kost het?"),
    `${label}: Shift+Tab reaches the 'Wat kost het?' button`);
  const bots = await widget.messages(page, "bot").count();
  await page.keyboard.press("Enter");
  await page.waitForFunction((count) => document.getElementById("balie-widget").shadowRoot.querySelectorAll(".msg-bot").length > count, bots);
  check((await activeInWidget(page)).tag === "textarea", `${label}: after a choice, focus is back in the input`);
  await axe(page, `widget as a modal dialog, ${label}`);
  if (screenshot) await page.screenshot({ path: screenshotPath(screenshot), animations: "disabled" });

  await page.keyboard.press("Escape");
  await widget.panel(page).waitFor({ state: "hidden" });
  check((await activeInWidget(page)).cls === "launcher", `${label}: Escape closes and focus returns to the launcher`);
  check(await page.evaluate(() => { const link = document.querySelector("nav a"); link.focus(); return document.activeElement === link; }),
    `${label}: the page is usable again after closing`);
}

await main(async (browser) => {
  const phone = await newPage(browser, { viewport: { width: 320, height: 640 } });
  await keyboardConversation(phone, "320 px", "widget-320.png");
  const zoomed = await newPage(browser, { viewport: { width: 640, height: 400 } });
  await keyboardConversation(zoomed, "200% zoom");

  // A wide screen: the corner panel leaves the page usable (not modal), and turning it small
  // (zooming in) while open makes the same panel modal, focus kept.
  const desk = await newPage(browser, { viewport: { width: 1280, height: 800 } });
  await desk.goto(BASE + "/");
  await widget.launcher(desk).click();
  await widget.input(desk).waitFor();
  check(!(await widget.panel(desk).evaluate((node) => node.matches(":modal"))), "the corner panel is not modal");
  check(await desk.evaluate(() => { const link = document.querySelector("nav a"); link.focus(); return document.activeElement === link; }),
    "beside the corner panel the page stays usable");
  await widget.input(desk).focus();
  await desk.setViewportSize({ width: 640, height: 400 });
  await desk.waitForFunction(() => document.getElementById("balie-widget").shadowRoot.querySelector(".panel").matches(":modal"));
  check((await activeInWidget(desk)).tag === "textarea", "zoomed in while open: modal now, focus kept in the input");
  for (const page of [phone, zoomed, desk]) noErrors(page);
});
