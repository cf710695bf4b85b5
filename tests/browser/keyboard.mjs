// A conversation in the widget with the keyboard only: Tab to the launcher, Enter opens the
// panel with focus in the input, Enter sends, Shift+Tab reaches a choice button, Enter picks
// it, Escape closes and focus returns to the launcher.
import { BASE, main, newPage, check, widget, activeInWidget, noErrors } from "./lib.mjs";

await main(async (browser) => {
  const page = await newPage(browser);
  await page.goto(BASE + "/");
  await widget.launcher(page).waitFor();

  let focus = null;
  for (let i = 0; i < 30 && !(focus && focus.cls === "launcher"); i++) {
    await page.keyboard.press("Tab");
    focus = await activeInWidget(page);
  }
  check(focus && focus.cls === "launcher", "Tab reaches the launcher");
  await page.keyboard.press("Enter");
  await widget.panel(page).waitFor({ state: "visible" });
  check((await activeInWidget(page)).tag === "textarea", "focus is in the input after opening");
  check(!(await widget.launcher(page).isVisible()), "the launcher is gone (not focusable behind the panel) while open");

  await page.keyboard.type("paspoort verlengen");
  await page.keyboard.press("Enter");
  const choice = page.locator("#balie-widget .choices button", { hasText: "Wat kost het?" });
  await choice.waitFor();
  check((await activeInWidget(page)).tag === "textarea", "focus stays in the input after sending");

  let reached = false;
  for (let i = 0; i < 20 && !reached; i++) {
    await page.keyboard.press("Shift+Tab");
    const now = await activeInWidget(page);
    reached = !!now && now.tag === "button" && now.text === "Wat kost het?";
  }
  check(reached, "Shift+Tab reaches the 'Wat kost het?' button");
  const bots = await widget.messages(page, "bot").count();
  await page.keyboard.press("Enter");
  await page.waitForFunction((count) => document.getElementById("balie-widget").shadowRoot
    .querySelectorAll(".msg-bot").length > count, bots);
  const last = await widget.messages(page, "resident").last().innerText();
  check(last.includes("Wat kost het?"), "the chosen button is sent as the resident's message");
  check(await choice.isDisabled(), "a used choice is disabled");

  // New messages are announced: they go into a polite live region.
  const live = await page.locator("#balie-widget .log").evaluate((log) => [log.getAttribute("role"), log.getAttribute("aria-live")]);
  check(live[0] === "log" && live[1] === "polite", "messages are in a polite live log");

  await page.keyboard.press("Escape");
  await widget.panel(page).waitFor({ state: "hidden" });
  const back = await activeInWidget(page);
  check(back && back.cls === "launcher", "Escape closes the panel and focus returns to the launcher");
  check((await widget.launcher(page).getAttribute("aria-expanded")) === "false", "launcher says it is collapsed");

  // The conversation survives navigation (sessionStorage) and is redrawn from the server.
  await page.keyboard.press("Enter");
  await page.goto(BASE + "/?pagina=2");
  await widget.panel(page).waitFor({ state: "visible" });
  await page.locator("#balie-widget .msg-resident", { hasText: "paspoort verlengen" }).waitFor();
  noErrors(page);
});
