// Out of office hours (the test sets BALIE_NOW to a Saturday evening): a resident asks for a
// person, agrees to be called back and leaves a phone number; the widget says when they will
// hear from the municipality. A member of staff takes the ticket in the dashboard, sees the
// contact and the redacted summary, and marks it done with an outcome and a note.
import { BASE, main, newPage, check, widget, signInStaff, say, axe, noErrors } from "./lib.mjs";

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
  await axe(resident, "widget with a callback request out of office hours");

  const staff = await newPage(browser);
  await signInStaff(staff);
  await staff.locator("#tickets-count", { hasText: "1" }).waitFor();  // the intake has stored it
  await staff.getByRole("button", { name: "Volgend verzoek" }).click();
  const ticket = staff.locator("#ticket .ticket");
  await ticket.waitFor();
  const shown = await ticket.innerText();
  check(shown.includes("+31612345678") && shown.includes("telefoon"), "the ticket shows the callback number");
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
  noErrors(resident);
  noErrors(staff);
});
