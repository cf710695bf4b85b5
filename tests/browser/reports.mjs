// The reports page on the real GET /v1/staff/reports, with traffic made here (answers, a
// fallback, a handover) on top of what earlier scenarios left: charts are inline SVG with a text
// alternative, numbers match the API, axe finds nothing; an unanswered question's link opens the
// editor with that question ready to become an example question. Saves docs/reports.png.
import { BASE, TOKEN, main, newPage, check, signInStaff, axe, noErrors, screenshotPath } from "./lib.mjs";

const FROM = "2026-11-17";
const TO = "2026-11-30"; // the stack's BALIE_NOW day

// A few more residents' questions, so the screenshot shows several topics and an unanswered one.
const QUESTIONS = ["Wanneer wordt het oud papier opgehaald?", "Ik ga verhuizen naar Voorbeeld", "parkeervergunning aanvragen",
  "Hoeveel kost een paspoort?", "Mag ik een kippenhok in mijn tuin zetten?", "Ik wil een medewerker spreken",
  "Mag mijn kat mee in de bibliotheek?"];

await main(async (browser) => {
  for (const message of QUESTIONS) {
    const response = await fetch(BASE + "/v1/chat", { method: "POST", headers: { "content-type": "application/json" },
      body: JSON.stringify({ tenant: "voorbeeld", message }) });
    check(response.ok, "POST /v1/chat " + response.status);
  }
  const api = await (await fetch(`${BASE}/v1/staff/reports?from=${FROM}&to=${TO}`,
    { headers: { authorization: "Bearer " + TOKEN } })).json();
  check(api.totals.conversations > 0 && api.totals.handovers > 0, "the report counts the traffic: " + JSON.stringify(api.totals));

  const staff = await newPage(browser, { viewport: { width: 1280, height: 860 } });
  await signInStaff(staff);
  await staff.getByRole("link", { name: "Rapportage" }).click();
  await staff.getByLabel("Van", { exact: true }).fill(FROM);
  await staff.getByLabel("Tot en met", { exact: true }).fill(TO);
  await staff.getByRole("button", { name: "Toon" }).click();
  await staff.locator("#report .chart").first().waitFor();
  check((await staff.locator("#report .chart").count()) === 6, "six report sections");
  check((await staff.locator("#report .chart", { hasText: "Gesprekken per kanaal" }).locator("tbody tr").first().textContent())
    .startsWith("Website"), "the channels by name");
  check((await staff.locator("#report svg[role=img]").count()) === 3, "three inline SVG charts");
  const percent = Math.round(api.totals.containmentRate * 100) + "%";
  check((await staff.locator("#report svg title").first().textContent()).startsWith(percent), "share chart shows " + percent);
  const days = staff.locator("#report .chart", { hasText: "Overdrachten per dag" });
  check((await days.locator("tbody tr").count()) === 14, "one column per day of the range, days without traffic as 0");
  const topIntent = api.topIntents[0].intent;
  const topTitle = api.intents.find((row) => row.intent === topIntent).title;
  check((await staff.locator("#report .chart", { hasText: "Meest gestelde" }).locator("tbody tr").first().textContent())
    .includes(topTitle), `top topic listed first, by its title (${topTitle})`);
  const headers = await staff.evaluate(() => [...document.querySelectorAll("#report th")].map((th) => th.textContent.trim()));
  check(headers.length >= 6 && headers.every(Boolean), "every table header cell has a name: " + JSON.stringify(headers));
  await axe(staff, "dashboard reports");

  const [download] = await Promise.all([
    staff.waitForEvent("download"),
    staff.getByRole("button", { name: "Download als CSV" }).click(),
  ]);
  check(download.suggestedFilename().endsWith(".csv"), "CSV download");

  await staff.evaluate(() => { document.activeElement.blur(); window.scrollTo(0, 0); });
  await staff.screenshot({ path: screenshotPath("reports.png"), fullPage: true, animations: "disabled" });

  // From an unanswered question to a new example question in two clicks: the link, then
  // "Toevoegen aan concept" (the topic choice has the focus; the draft is left alone here, as
  // editor.mjs counts its changes; adopting is tested on the API, test_kb_editor_e2e.py).
  const unanswered = staff.locator("#report .chart", { hasText: "Onbeantwoorde vragen" });
  const link = unanswered.locator("a.to-editor").first();
  const question = (await link.getAttribute("aria-label")).replace("Maak er een voorbeeldvraag van: ", "");
  check(question && (await unanswered.locator("li").first().innerText()).startsWith(question), "the link names its question");
  await link.focus();
  await staff.keyboard.press("Enter");
  await staff.waitForURL(/\/staff\/editor\.html$/); // the question left the address once read
  const asked = staff.locator("#unanswered li.asked");
  await asked.waitFor();
  check((await asked.locator("strong").innerText()) === question || (await asked.innerText()).includes(question),
    "the editor shows the report's question: " + await asked.innerText());
  const chosen = await staff.evaluate(() => ({ id: document.activeElement.id, inAsked: !!document.activeElement.closest("li.asked") }));
  check(chosen.inAsked && /^group-/.test(chosen.id), "focus on the question's topic choice: " + JSON.stringify(chosen));
  await staff.locator("#status", { hasText: "Toevoegen aan concept" }).waitFor();
  await staff.keyboard.press("Tab");
  check(await staff.evaluate(() => document.activeElement.textContent) === "Toevoegen aan concept", "the next Tab is the button");
  await axe(staff, "editor opened from the report with an unanswered question");
  noErrors(staff);
});
