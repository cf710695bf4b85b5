// Out of office hours (the test sets BALIE_NOW to a Saturday evening): a resident asks for a
// person, agrees to be called back and leaves a phone number; the widget says when they will
// hear from the municipality. A member of staff takes the ticket in the dashboard, sees the
// contact, the redacted summary and what the resident added later, and marks it done with an outcome and a note. With a dozen
// more done, "Afgehandelde verzoeken" shows the newest ten, and "Meer laden" the rest below them
// (GET /v1/staff/tickets?status=done pages), focus on the first one added. Saves
// docs/dashboard-done-tickets.png.
import { BASE, main, newPage, check, widget, signInStaff, say, axe, noErrors, screenshotPath, api, callbackRequest } from "./lib.mjs";

await main(async (browser) => {
  const resident = await newPage(browser);
  await resident.goto(BASE + "/");
  await widget.launcher(resident).click();
  await say(resident, "Ik wil een medewerker spreken");
  check(/maandag 30 november/.test(await widget.messages(resident, "bot").last().innerText()), "the bot names Monday's time");
  await say(resident, "ja");
  await say(resident, "Bel mij op 06 12345678");
  const status = widget.status(resident);
  await status.filter({ hasText: /contact met u op/ }).waitFor(); // the server words it (handover.notice)
  const text = await status.innerText();
  check(/maandag 30 november/.test(text) && /8[.:]30/.test(text), "the status shows when they will hear back: " + text);
  // Session 19 (trust17): written after the callback was queued, it goes on the same ticket (was dropped).
  await say(resident, "het is wel dringend, mail me ook op jan@example.nl");
  check(/bij uw vraag gezet/.test(await widget.messages(resident, "bot").last().innerText()), "the bot says it was added");
  await axe(resident, "widget with a callback request out of office hours");

  const staff = await newPage(browser);
  await signInStaff(staff);
  await staff.locator("#tickets-count", { hasText: "1" }).waitFor();  // the intake has stored it
  // Session 20 (trust18): "het is wel dringend" marks the ticket urgent in the staff's list (was in its text only).
  check((await staff.locator("#tickets-urgent").innerText()) === "1 dringend", "the list counts the urgent request");
  await staff.getByRole("button", { name: "Volgend verzoek" }).click();
  const ticket = staff.locator("#ticket .ticket");
  await ticket.waitFor();
  const shown = await ticket.innerText();
  check(shown.includes("+31612345678") && shown.includes("telefoon"), "the ticket shows the callback number");
  check(await ticket.locator(".flag", { hasText: "Dringend volgens de inwoner" }).isVisible(), "the ticket says it is urgent");
  const added = await ticket.locator("ul.additions").innerText();
  check(added.includes("dringend") && added.includes("jan@example.nl") && added.includes("e-mail"),
        "the ticket shows what the resident added later: " + added);
  // Session 18 (staff19): the summary one part a line, never the request for a person as information
  // given; the outcomes fit a phone call and none is chosen beforehand ("Gebeld" was recorded for
  // e-mail and WhatsApp requests nobody called).
  const summary = await ticket.locator("dd.summary").innerText();
  check(summary.split("\n").length >= 2 && !summary.includes("Vraagt om een medewerker"), "the summary by lines: " + summary);
  const choices = await ticket.getByLabel("Uitkomst").locator("option").allInnerTexts();
  check(await ticket.getByLabel("Uitkomst").inputValue() === "" && choices[1] === "Gebeld, geholpen" &&
        !choices.includes("Gemaild, geholpen"), "no outcome chosen beforehand, the phone's first: " + choices.join(" | "));
  await ticket.getByRole("button", { name: "Klaar" }).click();
  await staff.locator("#work-status", { hasText: "Kies eerst de uitkomst" }).waitFor();
  check(await staff.evaluate(() => document.activeElement.id) === "ticket-outcome", "'Klaar' without an outcome: said in Dutch, focus on the choice");
  await axe(staff, "dashboard with a ticket");
  await ticket.getByRole("button", { name: "Gesprek bekijken" }).click();
  await staff.locator("article.conv .badge", { hasText: "Terugbelverzoek" }).waitFor();
  await ticket.getByLabel("Uitkomst").selectOption("Niet bereikt");
  await ticket.getByLabel("Notitie (alleen voor medewerkers)").fill("Voicemail ingesproken");
  await ticket.getByRole("button", { name: "Klaar" }).click();
  await staff.locator("#work-status", { hasText: "afgehandeld" }).waitFor();
  await staff.locator("#tickets-count", { hasText: "0" }).waitFor();
  await staff.getByRole("button", { name: "Volgend verzoek" }).click();
  await staff.locator("#work-status", { hasText: "geen terugbelverzoeken" }).waitFor();

  // Eleven more requests, done through the API: twelve done in all, more than one page.
  for (let n = 0; n < 11; n++) await callbackRequest("06 123456" + String(10 + n));
  let open = [];
  for (let wait = 0; wait < 50 && open.length < 11; wait++) {
    open = (await api("GET", "/v1/staff/tickets?status=open")).tickets;
    if (open.length < 11) await new Promise((resolve) => setTimeout(resolve, 200));
  }
  check(open.length === 11, "eleven more tickets stored: " + open.length);
  for (const item of open) {
    await api("POST", `/v1/staff/tickets/${item.id}/claim`);
    await api("POST", `/v1/staff/tickets/${item.id}/done`, { outcome: "Gebeld, geholpen" });
  }
  const newest = [];
  for (let query = "status=done&order=newest&limit=5"; query;) {
    const page = await api("GET", "/v1/staff/tickets?" + query);
    newest.push(...page.tickets.map((item) => item.id));
    query = page.next ? "status=done&order=newest&limit=5&cursor=" + encodeURIComponent(page.next) : null;
  }
  check(newest.length === 12 && new Set(newest).size === 12, "the API pages every done ticket once: " + newest.length);
  const shownIds = () => staff.locator("#done-list li[data-ticket]").evaluateAll((items) => items.map((item) => item.dataset.ticket));
  await staff.locator("#done-tickets summary").focus();
  await staff.keyboard.press("Enter");
  await staff.locator("#done-status", { hasText: "10 verzoeken getoond" }).waitFor();
  check(JSON.stringify(await shownIds()) === JSON.stringify(newest.slice(0, 10)), "the newest ten, newest first");
  await staff.getByRole("button", { name: "Meer laden" }).focus();
  await staff.keyboard.press("Enter");
  await staff.locator("#done-status", { hasText: "12 verzoeken getoond" }).waitFor();
  check(JSON.stringify(await shownIds()) === JSON.stringify(newest), "the next page below the first, in order");
  check(await staff.evaluate(() => document.activeElement.dataset.ticket) === newest[10], "focus on the first request added");
  check(await staff.locator("#done-more").isHidden(), "no 'Meer laden' once every request is shown");
  const entry = await staff.locator("#done-list li", { hasText: "Voicemail ingesproken" }).innerText();
  check(entry.includes("Niet bereikt") && entry.includes("afgehandeld") && entry.includes("door u"),
    "the request staff did themselves: outcome, note, when, 'door u': " + entry);
  await axe(staff, "dashboard with done tickets, more loaded");
  await staff.locator("#done-tickets").screenshot({ path: screenshotPath("dashboard-done-tickets.png"), animations: "disabled" });
  noErrors(resident);
  noErrors(staff);
});
