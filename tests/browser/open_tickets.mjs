// Out of office hours (Saturday evening), session 21 (staff21): the open callback requests are listed
// ("Openstaande verzoeken": the dashboard showed only a count and "Volgend verzoek"), an urgent one first
// with the word "Dringend", each with what staff choose by (topic, team, channel, waiting since, the
// promised moment; never the contact, shown once a request is taken) and "Oppakken" for that one request
// (the claim route). Taken, it leaves the list for "In behandeling" ("Opgepakt door u"); "Alleen dringend"
// asks the API for urgent ones only; a new request appears with the dashboard's own refresh, focus kept.
// Keyboard only. Saves docs/dashboard-open-tickets.png.
import { main, newPage, check, signInStaff, axe, noErrors, screenshotPath, api, callbackRequest } from "./lib.mjs";

async function tickets(query) { return (await api("GET", "/v1/staff/tickets?" + query)).tickets; }

// Waits (10 s at most) for the intake: `read` again until `done` holds for what it returns.
async function until(read, done, what) {
  for (let wait = 0; wait < 50; wait++) {
    const found = await read();
    if (done(found)) return found;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error("never happened: " + what);
}

async function focusedTicket(page) { return page.evaluate(() => document.activeElement.dataset.ticket || null); }

await main(async (browser) => {
  const conversations = [];
  for (const [phone, question] of [["06 11111111", "Hoe vraag ik bijstand aan?"], ["06 22222222", "Wat kost een paspoort?"],
                                   ["06 33333333", "Hoe meld ik grofvuil aan?"]]) {
    conversations.push(await callbackRequest(phone, question));
  }
  const ours = (list) => list.filter((item) => conversations.includes(item.conversationId));
  const queued = await until(async () => ours(await tickets("status=open")), (found) => found.length === 3, "three tickets stored");
  // The last of them (oldest first) becomes urgent: listed first, it shows the urgent order, not the time.
  const urgent = queued[2];
  await api("POST", "/v1/chat", { tenant: "voorbeeld", message: "het is wel dringend", conversationId: urgent.conversationId });
  await until(() => tickets("status=open&urgent=true"), (found) => found.some((item) => item.id === urgent.id), "the ticket marked urgent");

  const staff = await newPage(browser);
  await signInStaff(staff);
  const openList = staff.locator("#open-list");
  const listed = () => openList.locator("li[data-ticket]").evaluateAll((items) => items.map((item) => item.dataset.ticket));
  await openList.locator(`li[data-ticket="${urgent.id}"]`).waitFor();
  await until(listed, (ids) => queued.every((item) => ids.includes(item.id)), "all three listed");
  check((await listed())[0] === urgent.id, "the urgent request first: " + (await listed()).join(", "));
  const first = openList.locator("li[data-ticket]").first();
  check(await first.locator(".flag", { hasText: "Dringend" }).isVisible(), "the urgent request says so in words");
  check(await openList.locator(`li[data-ticket="${queued[0].id}"] .flag`).count() === 0, "a calm request has no label");
  const row = await first.innerText();
  check(/wacht sinds za 28 nov/.test(row) && /beloofd ma 30 nov/.test(row) && row.includes("Website") &&
        row.includes(urgent.topicTitle || "Onbekend onderwerp"), "topic, channel, waiting since, promised moment: " + row);
  const card = await staff.locator("#open-tickets").innerText();
  check(!/\+31|06 ?\d{8}/.test(card), "no contact in the list: " + card);
  await axe(staff, "dashboard with the open callback requests");

  // A specific request, with the keyboard: Tab from the filter to its button, Enter.
  const chosen = queued[1];
  await staff.locator("#open-urgent-only").focus();
  for (let presses = 0; presses < 20 && (await focusedTicket(staff)) !== chosen.id; presses++) await staff.keyboard.press("Tab");
  check(await focusedTicket(staff) === chosen.id, "the request's button is reached with Tab");
  await staff.keyboard.press("Enter");
  const ticket = staff.locator("#ticket .ticket");
  await ticket.waitFor();
  check(await staff.evaluate(() => document.activeElement.tagName === "H3" && !!document.activeElement.closest("#ticket")),
        "focus on the request taken");
  const claimed = (await tickets("status=claimed")).filter((item) => item.id === chosen.id);
  check(claimed.length === 1, "the API has that request claimed");
  check((await ticket.innerText()).includes(claimed[0].contact), "the ticket shown is that one, with its contact");
  check((await tickets("status=open")).some((item) => item.id === urgent.id), "the urgent one is still open");
  await openList.locator(`li[data-ticket="${chosen.id}"]`).waitFor({ state: "detached" });
  const held = staff.locator(`#held-list li[data-ticket="${chosen.id}"]`);
  await held.waitFor();
  check((await held.innerText()).includes("Opgepakt door u"), "it is in behandeling, by whom");
  check(await held.getByRole("button", { name: /^Verder werken/ }).isVisible(), "one's own request can be worked on again");

  // "Alleen dringend": the API's urgent=true.
  await staff.locator("#open-urgent-only").focus();
  await staff.keyboard.press("Space");
  await staff.locator("#open-status", { hasText: "Alleen dringende" }).waitFor();
  const pressing = (await tickets("status=open&order=urgent&urgent=true")).map((item) => item.id);
  await until(listed, (ids) => JSON.stringify(ids) === JSON.stringify(pressing), "only the urgent requests listed");
  check(pressing.includes(urgent.id) && !pressing.includes(queued[0].id), "the filter keeps the urgent one only");
  await axe(staff, "dashboard with only the urgent open requests");
  await staff.keyboard.press("Space");
  await until(listed, (ids) => ids.includes(queued[0].id), "the filter off lists every request again");

  // A new request appears with the dashboard's refresh (every 4 s), without reloading; focus stays on the
  // request a keyboard user was on while the list is redrawn.
  await openList.locator(`button[data-ticket="${urgent.id}"]`).focus();
  const later = await callbackRequest("06 44444444", "Ik wil mijn paspoort verlengen");
  const fresh = await until(async () => (await tickets("status=open")).filter((item) => item.conversationId === later),
                            (found) => found.length === 1, "the new ticket stored");
  await openList.locator(`li[data-ticket="${fresh[0].id}"]`).waitFor({ timeout: 10000 });
  check(await focusedTicket(staff) === urgent.id, "focus kept on the same request after the list was redrawn");
  await staff.locator("section[aria-labelledby='tickets-title']").screenshot({ path: screenshotPath("dashboard-open-tickets.png"), animations: "disabled" });

  // The stack is shared with the other scenarios: these requests are done.
  for (const item of [...queued, fresh[0]]) {
    if (item.id !== chosen.id) await api("POST", `/v1/staff/tickets/${item.id}/claim`);
    await api("POST", `/v1/staff/tickets/${item.id}/done`, { outcome: "Gebeld, geholpen" });
  }
  noErrors(staff);
});
