// The staff dashboard with the keyboard, for the manual findings:
// finding 6 (2.4.6 / 1.3.1) three open conversations from the same team each have their own
// heading, one level below "Open gesprekken", with names that tell them apart;
// finding 2 (2.4.3) after "Gesprek afsluiten" focus stays in that card, after "Venster sluiten" it
// moves to the next card (else the conversation in its list, else the hint), never to the body.
// The header names an account without a display name by its roles and teams, not its login id.
// Then an urgent handover after crisis help: first in the queue, its crisis said in words on the
// item and in the card (not by colour only). Saves docs/dashboard-crisis.png.
import { BASE, main, newPage, check, signInStaff, axe, noErrors, screenshotPath } from "./lib.mjs";

async function waitingResident(message) {
  const response = await fetch(BASE + "/v1/chat", { method: "POST", headers: { "content-type": "application/json" },
    body: JSON.stringify({ tenant: "voorbeeld", message }) });
  return (await response.json()).conversationId;
}

// The focused element: in which card (its conversation id), and what it is.
async function focused(page) {
  return page.evaluate(() => {
    const node = document.activeElement;
    const card = node.closest("article.conv");
    return { card: card ? card.getAttribute("data-conversation") : null, tag: node.tagName.toLowerCase(),
             text: (node.getAttribute("aria-label") || node.textContent || "").trim().slice(0, 60), id: node.id };
  });
}

await main(async (browser) => {
  const ids = [];
  for (let i = 0; i < 3; i++) ids.push(await waitingResident("Ik wil een medewerker spreken"));
  const staff = await newPage(browser, { viewport: { width: 1280, height: 900 } });
  await signInStaff(staff);
  // The default dev token has no display name: the header says what the account is, not its login id.
  const who = await staff.locator("#who").innerText();
  check(who.startsWith("Medewerker, redacteur en beheerder \u00b7 alle teams") && !/dev-/.test(who), "a readable name: " + who);
  for (const id of ids) {
    const item = staff.locator(`#waiting button[data-conversation="${id}"]`);
    await item.focus();
    await staff.keyboard.press("Enter");
    await staff.locator(`article[data-conversation="${id}"] .entry`).first().waitFor();
  }

  // Finding 6: one heading per card, level 3 under the level-2 "Open gesprekken", distinct names.
  const headings = await staff.evaluate(() => [...document.querySelectorAll("article.conv")].map((card) => {
    const title = document.getElementById(card.getAttribute("aria-labelledby"));
    return { level: title.tagName, text: title.textContent, inCard: card.contains(title),
             parent: card.closest("section").querySelector("h2").textContent,
             sub: [...card.querySelectorAll("h1, h2, h3, h4")].map((h) => h.tagName) };
  }));
  check(headings.length === 3 && headings.every((h) => h.level === "H3" && h.inCard && h.parent === "Open gesprekken"),
    "each card is headed by an h3 under 'Open gesprekken': " + JSON.stringify(headings));
  check(headings.every((h) => h.sub.join() === "H3,H4,H4,H4"), "inside a card: its h3, then h4s for suggestions, transfer and notes");
  check(new Set(headings.map((h) => h.text)).size === 3, "three cards, three different names: " + headings.map((h) => h.text).join(" | "));
  check(headings.every((h) => h.text.includes("Website") && h.text.includes("Klantcontactcentrum")), "names say channel and team (by name)");
  await axe(staff, "dashboard with three conversations open");

  // Finding 2a: "Gesprek afsluiten" with the keyboard; focus stays in the card, Tab goes on inside it.
  const first = staff.locator(`article[data-conversation="${ids[0]}"]`);
  await first.getByRole("button", { name: "Overnemen" }).focus();
  await staff.keyboard.press("Enter");
  await first.locator(".badge", { hasText: "Live" }).waitFor();
  check((await focused(staff)).card === ids[0], "after 'Overnemen' focus is in the card");
  await first.getByRole("button", { name: "Gesprek afsluiten" }).focus();
  await staff.keyboard.press("Enter");
  await staff.locator("#work-status", { hasText: "afgesloten" }).waitFor();
  const afterClose = await focused(staff);
  check(afterClose.card === ids[0] && afterClose.tag === "h3", "after 'Gesprek afsluiten' focus is on the card's heading: " + JSON.stringify(afterClose));
  await staff.keyboard.press("Tab");
  const next = await focused(staff);
  check(next.card === ids[0] && next.text === "Venster sluiten", "the next Tab stays in that card: " + JSON.stringify(next));
  await axe(staff, "dashboard with a closed handover");

  // Finding 2b: "Venster sluiten" moves focus to the next card's heading ...
  await staff.keyboard.press("Enter");
  const moved = await focused(staff);
  check(moved.card === ids[1] && moved.tag === "h3", "closing a card puts focus on the next card: " + JSON.stringify(moved));
  // ... the last card's to the one before it ...
  await staff.locator(`article[data-conversation="${ids[2]}"]`).getByRole("button", { name: "Venster sluiten" }).focus();
  await staff.keyboard.press("Enter");
  check((await focused(staff)).card === ids[1], "closing the last card puts focus on the one before");
  // ... the only card's to its conversation in the waiting list, and with no list entry to the hint.
  await staff.locator(`article[data-conversation="${ids[1]}"]`).getByRole("button", { name: "Venster sluiten" }).focus();
  await staff.keyboard.press("Enter");
  const listed = await staff.evaluate(() => document.activeElement.getAttribute("data-conversation"));
  check(listed === ids[1], "closing the only card puts focus on that conversation in its list");
  await staff.keyboard.press("Enter");
  await staff.locator(`article[data-conversation="${ids[1]}"] .entry`).first().waitFor();
  await staff.evaluate((id) => document.querySelector(`#waiting button[data-conversation="${id}"]`).remove(), ids[1]);
  await staff.locator(`article[data-conversation="${ids[1]}"]`).getByRole("button", { name: "Venster sluiten" }).click();
  check((await focused(staff)).id === "open-empty", "nothing left: focus on the hint, which says what to do");

  // A resident in crisis takes the urgent person offered with the help: first in the queue, and
  // the crisis is said in words on the item, in the card's heading and in its facts.
  const crisis = await waitingResident("ik wil niet meer leven");
  const urgent = await (await fetch(BASE + "/v1/chat", { method: "POST", headers: { "content-type": "application/json" },
    body: JSON.stringify({ tenant: "voorbeeld", conversationId: crisis, message: "Ja, een medewerker", payload: "handover:urgent" }) })).json();
  check(urgent.handover && urgent.handover.status === "live", "the urgent person is on the way: " + JSON.stringify(urgent.handover));
  const item = staff.locator(`#waiting button[data-conversation="${crisis}"]`);
  await item.waitFor();
  check(await staff.locator("#waiting li").first().locator(`[data-conversation="${crisis}"]`).count() === 1, "the urgent one is first");
  const itemText = await item.innerText();
  check(itemText.split("\n")[0] === "Crisis: su\u00efcide", "the item starts with the crisis, in words: " + itemText);
  await item.focus();
  await staff.keyboard.press("Enter");
  const card = staff.locator(`article[data-conversation="${crisis}"]`);
  await card.locator(".entry").first().waitFor();
  const heading = await card.locator("h3").innerText();
  check(heading.startsWith("Crisis: su\u00efcide"), "the card's heading says the crisis: " + heading);
  check(await card.locator("dd", { hasText: "Crisis: su\u00efcide (na crisishulp van de assistent)" }).count() === 1, "and its facts");
  check(await card.locator("dd", { hasText: "na crisishulp meteen een medewerker" }).count() === 1, "the reason in words");
  await axe(staff, "dashboard with an urgent crisis handover");
  await staff.evaluate(() => { document.activeElement.blur(); window.scrollTo(0, 0); });
  await staff.screenshot({ path: screenshotPath("dashboard-crisis.png"), animations: "disabled" });
  noErrors(staff);
});
