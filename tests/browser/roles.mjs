// The dashboard shows an account only what its roles allow (session 18, staff19's outside round):
// an editor- or admin-only account saw the callback requests' card with a count of 0 while requests
// waited, and "Volgend verzoek" and "Afgehandelde verzoeken" answered 403 (the ticket routes need
// the role kcc: a ticket holds the resident's phone number); a kcc-only account had "Kennisbank" in
// its menu, a page that only refuses it. Now each account sees its own parts and the dashboard asks
// the API nothing its roles do not allow, in the work view and the reports.
import { BASE, main, newPage, check, axe, noErrors } from "./lib.mjs";

async function post(path, body) {
  const response = await fetch(BASE + path, { method: "POST", headers: { "content-type": "application/json" },
    body: JSON.stringify(body) });
  check(response.ok, `POST ${path}: ${response.status}`);
  return response.json();
}

// Signs in with a token of these roles and records every answer of the staff API that is not 2xx.
async function signedIn(browser, roles) {
  const token = (await post("/dev/token", { tenant: "voorbeeld", teams: "*", roles })).token;
  const page = await newPage(browser);
  page.refused = [];
  page.on("response", (response) => {
    if (response.url().includes("/v1/staff/") && response.status() >= 400) {
      page.refused.push(response.status() + " " + response.url().replace(BASE, ""));
    }
  });
  await page.goto(BASE + "/staff");
  await page.getByLabel("Toegangstoken").fill(token);
  await page.getByRole("button", { name: "Inloggen" }).click();
  await page.locator("#view-work").waitFor({ state: "visible" });
  await page.locator("#bot li").first().waitFor(); // the lists have loaded
  return page;
}

async function visible(page, selector) { return page.locator(selector).isVisible(); }

await main(async (browser) => {
  // A request for a person that the dashboard lists as waiting; the tickets' card is what differs.
  await post("/v1/chat", { tenant: "voorbeeld", message: "Ik wil een medewerker spreken" });

  for (const roles of [["editor"], ["admin"], ["editor", "admin"]]) {
    const page = await signedIn(browser, roles);
    const who = roles.join("+");
    check(!(await visible(page, "#tickets-title")), who + ": no callback requests' card without the role kcc");
    check(!(await visible(page, "#ticket-next")) && !(await visible(page, "#done-tickets")),
      who + ": no 'Volgend verzoek' and no done requests");
    check(await visible(page, "#waiting-title") && await visible(page, "#bot-title"),
      who + ": the conversations (redacted) stay visible to every member of staff");
    check(await visible(page, 'nav a[href="/staff/editor.html"]') === roles.includes("editor"),
      who + ": 'Kennisbank' in the menu only for editors");
    if (roles.length === 1 && roles[0] === "editor") await axe(page, "dashboard for an editor-only account");
    await page.getByRole("link", { name: "Rapportage" }).click();
    await page.locator("#report h2").first().waitFor();
    await page.getByRole("link", { name: "Gesprekken" }).click();
    await page.locator("#view-work").waitFor({ state: "visible" });
    await page.waitForTimeout(300);
    check(page.refused.length === 0, who + ": the dashboard asked nothing its roles do not allow: " + page.refused.join(", "));
    noErrors(page);
  }

  const kcc = await signedIn(browser, ["kcc"]);
  check(await visible(kcc, "#tickets-title") && await visible(kcc, "#ticket-next"), "kcc: the callback requests' card");
  check(!(await visible(kcc, 'nav a[href="/staff/editor.html"]')), "kcc: no 'Kennisbank', a page that would only refuse it");
  check(!(await visible(kcc, 'nav a[href="#standaardantwoorden"]')), "kcc: no editors' pages");
  await kcc.locator("#done-tickets summary").click();
  await kcc.locator("#done-list li").first().waitFor();
  check(kcc.refused.length === 0, "kcc: nothing refused: " + kcc.refused.join(", "));
  noErrors(kcc);
});
