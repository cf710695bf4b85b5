// Out of office hours (Saturday evening), session 21 (staff21): the open callback requests are listed
// ("Openstaande verzoeken": the dashboard showed only a count and "Volgend verzoek"), an urgent one first
// with the word "Dringend", each with what staff choose by (topic, team, channel, waiting since, the
// promised moment; never the contact, shown once a request is taken) and "Oppakken" for that one request
// (the claim route). Taken, it leaves the list for "In behandeling" ("Opgepakt door u"); "Alleen dringend"
// asks the API for urgent ones only; a new request appears with the dashboard's own refresh, focus kept.
// Session 22 (staff22): a colleague's request says who by name ("Opgepakt door <naam>", kept with the
// claim); "Volgend verzoek" gives a request one holds back first and says so (the button's description,
// and a message); a long queue shows 20 at a time, "Meer tonen" adds the next page in the same order with
// focus on its first request. Keyboard only. Saves docs/dashboard-open-tickets.png.
import { main, newPage, check, signInStaff, axe, noErrors, screenshotPath, api, callbackRequest, BASE } from "./lib.mjs";

async function tickets(query) { return (await api("GET", "/v1/staff/tickets?" + query)).tickets; }

// The API as another member of staff (a dev token with a display name).
const COLLEAGUE = "Sanne Bakker";
async function asColleague(method, path) {
  const issued = await (await fetch(BASE + "/dev/token", { method: "POST", headers: { "content-type": "application/json" },
    body: JSON.stringify({ tenant: "voorbeeld", teams: "*", name: COLLEAGUE }) })).json();
  const response = await fetch(BASE + path, { method, headers: { authorization: "Bearer " + issued.token } });
  check(response.ok, `${method} ${path} as a colleague: ${response.status}`);
  return response.json();
}

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
  check((await ticket.innerText()).includes("Opgepakt door u"), "the request taken says by whom");
  check(await held.getByRole("button", { name: /^Verder werken/ }).isVisible(), "one's own request can be worked on again");

  // "Volgend verzoek" while holding that one: it comes back, not the urgent one, and the dashboard says why.
  const next = staff.locator("#ticket-next");
  const rule = await next.evaluate((button) => document.getElementById(button.getAttribute("aria-describedby")).textContent);
  check(/al een verzoek opgepakt\? Dan krijgt u dat eerst terug/.test(rule), "the button's description says the rule: " + rule);
  await next.focus();
  await staff.keyboard.press("Enter");
  await staff.locator("#work-status", { hasText: "U had dit verzoek al opgepakt" }).waitFor();
  check((await ticket.innerText()).includes(claimed[0].contact), "the held request is shown again");
  check((await tickets("status=open")).some((item) => item.id === urgent.id), "the urgent one is still open after Volgend verzoek");

  // A colleague takes the oldest calm one: the list names them.
  await asColleague("POST", `/v1/staff/tickets/${queued[0].id}/claim`);
  const theirs = staff.locator(`#held-list li[data-ticket="${queued[0].id}"]`);
  await theirs.waitFor({ timeout: 10000 });
  check((await theirs.innerText()).includes("Opgepakt door " + COLLEAGUE), "a colleague's request by name: " + (await theirs.innerText()));
  check(await theirs.getByRole("button").count() === 0, "a colleague's request is only shown");
  await api("POST", `/v1/staff/tickets/${queued[0].id}/release`);  // back in the queue (a coordinator of every team)
  await openList.locator(`li[data-ticket="${queued[0].id}"]`).waitFor({ timeout: 10000 });

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

  // A weekend's queue: 20 shown, "Meer tonen" for the next page in the same urgent-first order.
  const more = staff.locator("#open-more");
  check(!(await more.isVisible()), "no Meer tonen while every request fits");
  const weekend = [];
  for (let n = 0; n < 19; n++) weekend.push(await callbackRequest("06 5" + String(n).padStart(7, "0")));
  const open = await until(() => tickets("status=open&order=urgent"), (found) => weekend.every((id) => found.some((item) => item.conversationId === id)),
                           "the weekend's tickets stored");
  check(open.length > 20, "more than a page open: " + open.length);
  await more.waitFor({ timeout: 10000 });
  check((await listed()).length === 20, "the first 20 listed: " + (await listed()).length);
  // Compared with the API's first page read again until the two agree (10 s at most): a refresh drawn from a read
  // made before the last of the weekend's requests was stored may still be on screen for one poll.
  const firstPage = async () => (await tickets("status=open&order=urgent&limit=20")).map((item) => item.id);
  const agreed = await until(async () => [await listed(), await firstPage()], ([shown, page]) => JSON.stringify(shown) === JSON.stringify(page),
                             "the first page shown as the API gives it");
  check(JSON.stringify(agreed[0]) === JSON.stringify(open.slice(0, 20).map((item) => item.id)),
        "the first page in the API's order: " + agreed[0].join(", ") + " / " + open.slice(0, 20).map((item) => item.id).join(", "));
  check((await staff.locator("#open-status").innerText()).includes("er zijn er meer"), "the status says more follow");
  await axe(staff, "dashboard with a page of open requests and Meer tonen");
  await staff.locator("#open-urgent-only").focus();
  for (let presses = 0; presses < 60 && !(await more.evaluate((button) => button === document.activeElement)); presses++) {
    await staff.keyboard.press("Tab");
  }
  check(await more.evaluate((button) => button === document.activeElement), "Meer tonen is reached with Tab");
  await staff.keyboard.press("Enter");
  await until(listed, (ids) => ids.length === open.length, "the next page listed below the first");
  check(JSON.stringify(await listed()) === JSON.stringify(open.map((item) => item.id)), "both pages in the API's order, none twice");
  check(await focusedTicket(staff) === open[20].id, "focus on the first request of the new page");
  check(!(await more.isVisible()), "no Meer tonen after the last page");
  // The refresh asks for as many as are shown: a newer calm request waits behind "Meer tonen"; focus stays.
  const later2 = await callbackRequest("06 66666666");
  await until(async () => (await tickets("status=open")).some((item) => item.conversationId === later2), (found) => found, "one more stored");
  await more.waitFor({ timeout: 10000 });
  check((await listed()).length === open.length, "the rows shown stay: " + (await listed()).length);
  check(await focusedTicket(staff) === open[20].id, "focus kept through the refresh");

  // The stack is shared with the other scenarios: these requests are done.
  for (const item of await tickets("status=open")) {
    await api("POST", `/v1/staff/tickets/${item.id}/done`, { outcome: "Gebeld, geholpen" });
  }
  await api("POST", `/v1/staff/tickets/${chosen.id}/done`, { outcome: "Gebeld, geholpen" });
  noErrors(staff);
});
