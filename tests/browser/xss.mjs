// Markup from a resident or a member of staff is shown as text and runs nothing, in the
// widget and in the dashboard (the transcript, and the queue's label of the first question). The resident also
// swears at the bot (session 25): the widget gets the calm boundary, the dashboard's card says so in text.
import { BASE, main, newPage, check, widget, signInStaff, say, noErrors } from "./lib.mjs";

const RESIDENT = `Stomme robot, ik wil een medewerker spreken <img src=x onerror="window.__pwned='img'"><script>window.__pwned='script'</script>`;
const STAFF = `Hallo <b>vet</b> <img src=y onerror="window.__pwned='staff'"> <a href="javascript:window.__pwned='link'">klik</a>`;

await main(async (browser) => {
  const resident = await newPage(browser);
  await resident.goto(BASE + "/");
  await widget.launcher(resident).click();
  await say(resident, RESIDENT);
  await widget.status(resident).filter({ hasText: "medewerker" }).waitFor();
  const shown = await widget.messages(resident, "resident").last().locator("p").innerText();
  check(shown === RESIDENT, "the widget shows the resident's markup literally");
  check((await widget.messages(resident, "bot").allInnerTexts()).some((text) => text.includes("niet te schelden")),
    "the widget's reply sets the boundary");
  const conversationId = await resident.evaluate(() => JSON.parse(sessionStorage.getItem("balie:voorbeeld")).id);

  const staff = await newPage(browser);
  await signInStaff(staff);
  const queued = staff.locator(`#waiting button[data-conversation="${conversationId}"]`);
  await queued.waitFor();
  check((await queued.locator(".quote").innerText()).includes("<img"), "the queue shows the resident's markup as text");
  check((await queued.locator("img, script").count()) === 0, "no element made from markup in the queue");
  check((await queued.locator(".meta").innerText()).includes("schold"), "the queue says the resident swore");
  await queued.click();
  const card = staff.locator(`article[data-conversation="${conversationId}"]`);
  await card.locator(".entry.resident p", { hasText: "<script>" }).waitFor();
  check((await card.locator(".entry img, .entry script, .entry b").count()) === 0, "no element made from markup in the dashboard");
  await card.locator("dd", { hasText: "schold in 1 bericht" }).waitFor();
  await card.getByRole("button", { name: "Overnemen" }).click();
  await card.getByLabel("Uw antwoord").fill(STAFF);
  await card.getByRole("button", { name: "Versturen" }).click();
  await card.locator(".entry.staff p", { hasText: "<b>vet</b>" }).waitFor();

  const reply = widget.messages(resident, "staff").last();
  await reply.waitFor({ timeout: 20000 });
  check((await reply.locator("p").innerText()) === STAFF, "the widget shows the staff markup literally");
  check((await resident.locator("#balie-widget .msg img, #balie-widget .msg b, #balie-widget .msg p a").count()) === 0,
    "no element made from markup in the widget");

  await resident.waitForTimeout(300); // an onerror handler would have fired by now
  for (const page of [resident, staff]) {
    check(await page.evaluate(() => window.__pwned === undefined), "no injected script ran");
    noErrors(page, [/Failed to load resource/]);
  }
});
