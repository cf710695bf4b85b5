// End to end in office hours (the stack runs with BALIE_NOW on a weekday morning): a resident
// asks for a person in the widget, a member of staff sees it in the dashboard next to a second
// resident's request, claims it, answers with a knowledge-base suggestion, and the answer
// appears in the widget by polling; closing hands the resident back to the bot.
// Finding 3 (4.1.3): with the panel closed, the staff reply is announced by a live region.
// The banner follows the API's handover: its `notice` and "waiting"/"connected" from `claimed`
// when the API sends them (contract 3), else the widget's own line.
// Saves docs/widget.png and docs/staff.png.
import { BASE, main, newPage, check, widget, activeInWidget, signInStaff, say, axe, noErrors, screenshotPath } from "./lib.mjs";

async function bannerFollows(page, handover) {
  const text = (await widget.status(page).innerText()).replace(/\s+/g, " ");
  if (handover.notice) check(text.includes(handover.notice), `the banner shows the server's notice: ${text}`);
  else check(text.includes("doorverbonden"), `the banner says the resident is put through: ${text}`);
  if (typeof handover.claimed === "boolean") {
    check(text.startsWith(handover.claimed ? "Verbonden met een medewerker" : "Wacht op een medewerker"), `waiting vs connected: ${text}`);
  }
}

async function sendDuringHandover(page, text) {
  await widget.input(page).fill(text);
  await widget.input(page).press("Enter");
  await page.locator("#balie-widget .msg-resident", { hasText: text }).waitFor();
  await page.waitForFunction(() => document.getElementById("balie-widget").shadowRoot.querySelector(".typing").hidden);
}

async function askForPerson(page, question) {
  await page.goto(BASE + "/");
  await widget.launcher(page).click();
  const answered = page.waitForResponse((response) => response.url().endsWith("/v1/chat") && response.request().method() === "POST");
  await say(page, "Ik wil een medewerker spreken");
  const handover = (await (await answered).json()).handover;
  check(handover && handover.status === "live", "a live handover in office hours");
  await bannerFollows(page, handover);
  await sendDuringHandover(page, question);
  return page.evaluate(() => JSON.parse(sessionStorage.getItem("balie:voorbeeld")).id);
}

await main(async (browser) => {
  const anna = await newPage(browser, { viewport: { width: 1000, height: 720 } });
  const annaId = await askForPerson(anna, "Mijn paspoort is verlopen. Wat moet ik doen?");
  const bram = await newPage(browser);
  const bramId = await askForPerson(bram, "Wanneer halen jullie het grofvuil op?");
  check(annaId !== bramId, "two separate conversations");

  // Polling stops while the tab is hidden and starts again when it is shown.
  const polls = [];
  anna.on("request", (request) => { if (request.url().includes("/messages?after=")) polls.push(request.url()); });
  const setHidden = (hidden) => anna.evaluate((value) => {
    Object.defineProperty(document, "hidden", { configurable: true, get: () => value });
    document.dispatchEvent(new Event("visibilitychange"));
  }, hidden);
  await setHidden(true);
  polls.length = 0;
  await anna.waitForTimeout(3500);
  check(polls.length === 0, `no polling while the tab is hidden (${polls.length} requests)`);
  await setHidden(false);
  await anna.waitForRequest((request) => request.url().includes("/messages?after="), { timeout: 5000 });

  const staff = await newPage(browser, { viewport: { width: 1280, height: 860 } });
  await signInStaff(staff);
  for (const id of [annaId, bramId]) {
    await staff.locator(`#waiting button[data-conversation="${id}"]`).click();
  }
  const card = staff.locator(`article[data-conversation="${annaId}"]`);
  const other = staff.locator(`article[data-conversation="${bramId}"]`);
  await other.locator(".entry.resident", { hasText: "grofvuil" }).waitFor();
  check((await staff.locator("article.conv").count()) === 2, "two conversations open at once");

  await card.getByRole("button", { name: "Overnemen" }).click();
  await card.locator(".badge", { hasText: "Live" }).waitFor();
  await staff.locator(`#live button[data-conversation="${annaId}"]`).waitFor();
  const use = card.locator(".suggestions button").first();
  await use.waitFor();
  const suggestion = await card.locator(".suggestions strong").first().innerText();
  check(/paspoort/i.test(suggestion), `the first suggestion is about the passport (got "${suggestion}")`);
  await use.click();
  const drafted = await card.getByLabel("Uw antwoord").inputValue();
  check(drafted.length > 40, "one click puts the suggested answer in the reply box");
  await card.getByLabel("Uw antwoord").fill("Goedemorgen, u spreekt met Sanne van de gemeente. " + drafted.split(". ")[0] + ".");
  await widget.input(anna).press("Escape"); // Anna closed the chat while she waits
  await card.getByRole("button", { name: "Versturen" }).click();
  await card.locator(".entry.staff", { hasText: "Sanne" }).waitFor();
  await axe(staff, "dashboard with a claimed conversation and a reply");

  // The reply arrives by polling; the closed widget's launcher says there is a new message, and a
  // live region outside the closed panel (which is not rendered, so its log says nothing) tells
  // screen reader users without moving their focus.
  await widget.launcher(anna).filter({ hasText: "Nieuw bericht" }).waitFor({ timeout: 20000 });
  check((await widget.launcher(anna).getAttribute("aria-label")).startsWith("Nieuw bericht"), "the launcher's name says so too");
  await anna.getByRole("status").filter({ hasText: "Nieuw bericht in de chat" }).waitFor();
  check((await activeInWidget(anna)).cls.split(" ").includes("launcher"), "focus stays on the launcher (Escape put it there)");
  await axe(anna, "widget closed with a new message from staff");
  await widget.launcher(anna).click();
  const reply = widget.messages(anna, "staff").filter({ hasText: "Sanne van de gemeente" });
  await reply.waitFor();
  check((await widget.launcher(anna).getAttribute("aria-label")).startsWith("Stel uw vraag"), "opening clears the notice");
  check((await anna.getByRole("status").filter({ hasText: "Nieuw bericht in de chat" }).count()) === 0, "and the announcement");
  const polled = await (await fetch(`${BASE}/v1/chat/${annaId}/messages`)).json();
  await bannerFollows(anna, polled.handover);
  await axe(anna, "widget with a reply from staff");
  check(await anna.locator("#balie-widget .msg", { hasText: "U praat nu met een medewerker" }).count() === 1,
    "the claim notice reaches the widget once");
  // The poll starts from the beginning of the conversation; what the POST answers already showed is not repeated.
  for (const text of ["Ik ben de digitale assistent", "Ik zoek een medewerker"]) {
    check(await anna.locator("#balie-widget .msg", { hasText: text }).count() === 1, `"${text}" is shown once`);
  }
  await staff.evaluate(() => { document.activeElement.blur(); window.scrollTo(0, 0); });
  await staff.bringToFront();
  await staff.screenshot({ path: screenshotPath("staff.png"), fullPage: true, animations: "disabled" });
  await anna.bringToFront();
  await anna.screenshot({ path: screenshotPath("widget.png"), animations: "disabled" });

  await card.getByRole("button", { name: "Gesprek afsluiten" }).click();
  await anna.locator("#balie-widget .msg", { hasText: "afgesloten" }).waitFor({ timeout: 20000 });
  await anna.waitForFunction(() => document.getElementById("balie-widget").shadowRoot.querySelector(".status").textContent === "");
  await say(anna, "paspoort verlengen");
  check(/paspoort/i.test(await widget.messages(anna, "bot").last().innerText() +
    await widget.messages(anna, "bot").nth(-2).innerText()), "after closing, the bot answers again");
  for (const page of [anna, bram, staff]) noErrors(page);
});
