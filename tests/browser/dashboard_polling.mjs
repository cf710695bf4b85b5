// Session 23 (staff23): the dashboard's refresh, on the page's fake clock (playwright's page.clock), counted
// request by request. Every 4 s it asks once for each list it shows: the waiting and live handovers, the bot's
// conversations, the open callback requests with their count in the same answer (count=true; was a second,
// full read of every open request for the count alone), and the requests taken; folded, the open requests
// are only counted (a page of one). Hidden (another tab in front), it asks nothing until it is shown again, then at once;
// with desktop notifications on, only the waiting list while hidden (session 24, staff24); a
// failing API is asked again after 8 s, then 16 s (doubling, at most 60 s), and every 4 s once it answers.
import { main, newPage, check, signInStaff, noErrors, api, callbackRequest, BASE } from "./lib.mjs";

const INTERVAL = 4000;

await main(async (browser) => {
  const conversation = await callbackRequest("06 23456789");
  const stored = async () => (await api("GET", "/v1/staff/tickets?status=open")).tickets.some((item) => item.conversationId === conversation);
  for (let wait = 0; wait < 50 && !(await stored()); wait++) await new Promise((resolve) => setTimeout(resolve, 200));
  check(await stored(), "the callback request is stored");

  await browser.grantPermissions(["notifications"], { origin: BASE });
  const staff = await newPage(browser);
  await staff.clock.install();
  // Every request to the staff API, and how many have not been answered yet.
  const asked = [];
  let pending = 0;
  staff.on("request", (request) => {
    if (!new URL(request.url()).pathname.startsWith("/v1/staff/")) return;
    asked.push(request.method() + " " + request.url().replace(/^https?:\/\/[^/]+/, ""));
    pending++;
  });
  const answered = (request) => { if (new URL(request.url()).pathname.startsWith("/v1/staff/")) pending--; };
  staff.on("requestfinished", answered);
  staff.on("requestfailed", answered);
  // Waits (in real time) until nothing is asked or in flight for 400 ms; returns what was asked since `from`.
  async function settled(from) {
    let quiet = 0, seen = asked.length;
    for (let wait = 0; wait < 200 && quiet < 8; wait++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      quiet = pending === 0 && asked.length === seen ? quiet + 1 : 0;
      seen = asked.length;
    }
    check(quiet >= 8, "the dashboard settles: " + asked.slice(from).join(", "));
    return asked.slice(from);
  }
  // The requests of `intervals` refresh intervals, one at a time on the fake clock.
  async function during(intervals, every = INTERVAL) {
    const from = asked.length, rounds = [];
    for (let n = 0; n < intervals; n++) {
      const start = asked.length;
      await staff.clock.runFor(every);
      rounds.push(await settled(start));
    }
    check(asked.length - from === rounds.flat().length, "nothing asked between the rounds");
    return rounds;
  }
  const kinds = (round) => round.map((line) => line.replace(/[?&](team|limit|cursor)=[^&]*/g, "")).sort();
  const ROUND = ["GET /v1/staff/conversations?status=bot", "GET /v1/staff/handovers?status=live",
                 "GET /v1/staff/handovers?status=waiting", "GET /v1/staff/tickets?status=claimed&order=urgent",
                 "GET /v1/staff/tickets?status=open&order=urgent&count=true"].sort();

  await signInStaff(staff);
  await settled(0);
  await staff.clock.pauseAt(Date.now() + 60 * 60 * 1000); // time moves only when the test says so
  await settled(0);
  const open = await api("GET", "/v1/staff/tickets?status=open&limit=1&count=true");
  check(await staff.locator("#tickets-count").innerText() === String(open.count.total),
        "the card's count is the API's: " + (await staff.locator("#tickets-count").innerText()) + " vs " + open.count.total);
  check(open.count.total >= 1, "a request is open: " + JSON.stringify(open.count));

  // Unfolded list: one request per list each interval, the open requests' page and count in one.
  const rounds = await during(3);
  for (const round of rounds) {
    check(JSON.stringify(kinds(round)) === JSON.stringify(ROUND), "one request per list shown: " + round.join(", "));
  }
  // Folded: the open requests are counted only (a page of one), the requests taken not asked for.
  await staff.locator("#open-tickets > summary").click();
  await settled(0);
  for (const round of await during(2)) {
    check(JSON.stringify(kinds(round)) === JSON.stringify([
      "GET /v1/staff/conversations?status=bot", "GET /v1/staff/handovers?status=live",
      "GET /v1/staff/handovers?status=waiting", "GET /v1/staff/tickets?status=open&order=urgent&count=true"].sort()),
    "folded, the open requests are only counted: " + round.join(", "));
  }
  await staff.locator("#open-tickets > summary").click();
  await settled(0);

  // Hidden: nothing is asked, however long; shown again: asked at once, then every interval.
  const visibility = (state) => staff.evaluate((value) => {
    Object.defineProperty(document, "visibilityState", { configurable: true, get: () => value });
    Object.defineProperty(document, "hidden", { configurable: true, get: () => value === "hidden" });
    document.dispatchEvent(new Event("visibilitychange"));
  }, state);
  await visibility("hidden");
  const hidden = await during(5);
  check(hidden.flat().length === 0, "nothing asked while hidden: " + hidden.flat().join(", "));
  const shownAt = asked.length;
  await visibility("visible");
  const resumed = await settled(shownAt);
  check(JSON.stringify(kinds(resumed)) === JSON.stringify(ROUND), "asked at once when shown again: " + resumed.join(", "));
  check((await during(2)).every((round) => round.length === ROUND.length), "and every interval after that");

  // Desktop notifications on (session 24, staff24): hidden, it asks every interval for the waiting list only, what a
  // notification needs (it asked for every list); shown again, for every list at once, then every interval.
  await staff.locator("#alert-notify").check();
  await staff.locator("#work-status", { hasText: "melding" }).waitFor();
  await settled(0);
  await visibility("hidden");
  const notifying = await during(4);
  check(notifying.every((round) => JSON.stringify(kinds(round)) === JSON.stringify(["GET /v1/staff/handovers?status=waiting"])),
        "hidden with notifications on, only the waiting list: " + notifying.map((round) => round.join(" + ")).join(" / "));
  const visibleAt = asked.length;
  await visibility("visible");
  const everything = await settled(visibleAt);
  check(JSON.stringify(kinds(everything)) === JSON.stringify(ROUND), "every list at once when shown again: " + everything.join(", "));
  for (const round of await during(2)) {
    check(JSON.stringify(kinds(round)) === JSON.stringify(ROUND), "every list each interval while shown: " + round.join(", "));
  }
  await staff.locator("#alert-notify").uncheck();

  // A failing API: asked again after 8 s, then 16 s, not every 4 s; every 4 s again once it answers.
  await staff.route("**/v1/staff/handovers?status=waiting*", (route) => route.fulfill({
    status: 503, contentType: "application/json",
    body: JSON.stringify({ error: { code: "unavailable", message: "De dienst is even niet bereikbaar." } }) }));
  const failing = await during(1);
  check((await staff.locator("#work-status").innerText()).includes("even niet bereikbaar"), "the failure is said");
  failing.push(...await during(7));  // 32 s in all: the failures at 4, 12 (4 + 8) and 28 (12 + 16) s
  check(JSON.stringify(failing.map((round) => round.length ? 1 : 0)) === JSON.stringify([1, 0, 1, 0, 0, 0, 1, 0]),
        "backs off while the API fails: " + failing.map((round) => round.length).join(", "));
  await staff.unroute("**/v1/staff/handovers?status=waiting*");
  const recovering = await during(9);  // the next try 32 s after the last failure (at 60 s), then every 4 s
  const tries = recovering.map((round) => round.length ? 1 : 0);
  check(JSON.stringify(tries) === JSON.stringify([0, 0, 0, 0, 0, 0, 1, 1, 1]), "every interval again once it answers: " + tries.join(", "));

  for (const item of (await api("GET", "/v1/staff/tickets?status=open")).tickets.filter((found) => found.conversationId === conversation)) {
    await api("POST", `/v1/staff/tickets/${item.id}/done`, { outcome: "Gebeld, geholpen" });
  }
  noErrors(staff, [/status of 503/]);
});
