// A conversation in the widget with the keyboard only: Tab to the launcher, Enter opens the
// panel with focus in the input, Enter sends, Shift+Tab reaches a choice button, Enter picks
// it, Escape closes and focus returns to the launcher.
import { BASE, main, newPage, check, widget, activeInWidget, pressUntil, axe, noErrors } from "./lib.mjs";

await main(async (browser) => {
  const page = await newPage(browser);
  await page.goto(BASE + "/");
  await widget.launcher(page).waitFor();

  check(await pressUntil(page, "Tab", (focus) => focus.cls === "launcher"), "Tab reaches the launcher");
  await page.keyboard.press("Enter");
  await widget.panel(page).waitFor({ state: "visible" });
  check((await activeInWidget(page)).tag === "textarea", "focus is in the input after opening");
  check(!(await widget.launcher(page).isVisible()), "the launcher is gone (not focusable behind the panel) while open");

  await page.keyboard.type("paspoort verlengen");
  await page.keyboard.press("Enter");
  const choice = page.locator("#balie-widget .choices button", { hasText: "Wat kost het?" });
  await choice.waitFor();
  check((await activeInWidget(page)).tag === "textarea", "focus stays in the input after sending");

  check(await pressUntil(page, "Shift+Tab", (focus) => focus.tag === "button" && focus.text === "Wat kost het?"),
    "Shift+Tab reaches the 'Wat kost het?' button");
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

  // A lost answer is retried with the same clientMessageId: the server replays its reply and the
  // turn is stored once. The first delivery reaches the server; only its answer is dropped.
  const ids = [];
  await page.route("**/v1/chat", async (route) => {
    ids.push(JSON.parse(route.request().postData()).clientMessageId);
    if (ids.length === 1) {
      await route.fetch();
      await route.abort("connectionreset");
    } else {
      await route.continue();
    }
  });
  const botsBefore = await widget.messages(page, "bot").count();
  await widget.input(page).fill("Wat moet ik meenemen?");
  await widget.input(page).press("Enter");
  await page.waitForFunction((count) => {
    const root = document.getElementById("balie-widget").shadowRoot;
    return root.querySelector(".typing").hidden && root.querySelectorAll(".msg-bot").length > count;
  }, botsBefore);
  check((await page.locator("#balie-widget .msg-system").count()) === 0, "no error shown for a retried turn");
  await page.unroute("**/v1/chat");
  check(ids.length === 2 && ids[0] === ids[1], "retried once with the same clientMessageId: " + JSON.stringify(ids));
  const id = await page.evaluate(() => JSON.parse(sessionStorage.getItem("balie:voorbeeld")).id);
  const transcript = await (await fetch(`${BASE}/v1/chat/${id}/messages`)).json();
  check(transcript.messages.filter((m) => m.role === "resident" && m.text === "Wat moet ik meenemen?").length === 1,
    "the retried turn is stored once");
  // "Gesprek wissen" with the keyboard: the conversation is erased on the server too.
  check(await pressUntil(page, "Tab", (focus) => focus.text === "Gesprek wissen"), "Tab reaches 'Gesprek wissen'");
  // Asked once more (WCAG 3.3.4); "Nee" is the safe default and keeps everything.
  await page.keyboard.press("Enter");
  check((await activeInWidget(page)).text === "Nee", "erasing asks first, focus on 'Nee'");
  await axe(page, "widget asking to confirm erasing");
  await page.keyboard.press("Enter");
  check((await activeInWidget(page)).text === "Gesprek wissen", "'Nee' puts focus back on 'Gesprek wissen'");
  check((await fetch(`${BASE}/v1/chat/${id}/messages`)).status === 200, "and erases nothing");
  await page.keyboard.press("Enter");
  await page.keyboard.press("Shift+Tab");
  check((await activeInWidget(page)).text === "Ja, wissen", "Shift+Tab reaches 'Ja, wissen'");
  await page.keyboard.press("Enter");
  await page.locator("#balie-widget .msg-system", { hasText: "Het gesprek is gewist." }).waitFor();
  check((await activeInWidget(page)).tag === "textarea", "after erasing, focus is in the input");
  let status = 200;
  for (let i = 0; i < 20 && status !== 404; i++) {
    status = (await fetch(`${BASE}/v1/chat/${id}/messages`)).status;
    if (status !== 404) await page.waitForTimeout(100);
  }
  check(status === 404, "the erased conversation is gone on the server");
  await axe(page, "widget after erasing the conversation");
  noErrors(page, [/ERR_CONNECTION_RESET/]);
});
