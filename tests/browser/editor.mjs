// The knowledge-base editor (web/staff/editor.html) with the keyboard only: sign in as an
// editor, find an intent, change the gemeente's answer, save it in the draft (checks shown
// next to the fields), ask the preview chat, publish, and see the version in the history with
// its rollback button, and the unanswered questions grouped; the gemeente's own answer to a follow-up
// question and of a detail (session 20), a detail's own link (session 22: added, put back to the shared ones with
// "Terug naar de gedeelde link", added again), through the preview and publishing to a resident; a follow-up the shared
// topic does not answer, chosen and given the gemeente's own answer (session 23). A KCC-only account is
// told it has no access. axe on every state.
import { BASE, main, newPage, check, axe, noErrors, screenshotPath } from "./lib.mjs";

async function devToken(roles) {
  const response = await fetch(BASE + "/dev/token", {
    method: "POST", headers: { "content-type": "application/json" },
    body: JSON.stringify({ tenant: "voorbeeld", teams: "*", roles }),
  });
  return (await response.json()).token;
}

async function tabTo(page, wanted, presses = 80) {
  for (let i = 0; i < presses; i++) {
    await page.keyboard.press("Tab");
    if (await page.evaluate(wanted)) return true;
  }
  return false;
}

await main(async (browser) => {
  // Staff without the editor role: a clear message, no editor.
  const kcc = await newPage(browser);
  await kcc.goto(BASE + "/staff/editor.html");
  await kcc.getByLabel("Toegangstoken").fill(await devToken(["kcc"]));
  await kcc.keyboard.press("Enter");
  await kcc.getByText("Daarvoor is de rol redacteur nodig").waitFor();
  check(await kcc.locator("#editor").isHidden(), "the editor stays hidden for KCC-only staff");
  await axe(kcc, "editor refused without the editor role");
  noErrors(kcc, [/403/]);

  const page = await newPage(browser, { viewport: { width: 1400, height: 1000 } });
  await page.goto(BASE + "/staff/editor.html");
  await axe(page, "editor sign-in");
  check(await tabTo(page, () => document.activeElement.id === "token"), "Tab reaches the token field");
  await page.keyboard.type(await devToken(["editor"]));
  await page.keyboard.press("Enter");
  await page.locator("#intents button").first().waitFor();
  await axe(page, "editor with the list of topics");

  // Find the passport topic with the keyboard and open it.
  check(await tabTo(page, () => document.activeElement.id === "filter"), "Tab reaches the search field");
  await page.keyboard.type("paspoort");
  check(await tabTo(page, () => document.activeElement.closest && !!document.activeElement.closest("#intents")),
        "Tab reaches the filtered list");
  const name = await page.evaluate(() => document.activeElement.querySelector(".name").textContent);
  check(/paspoort/i.test(name), "the first topic in the list is about the passport: " + name);
  await page.keyboard.press("Enter");
  await page.locator("#intent-form").waitFor({ state: "visible" });
  check(await page.evaluate(() => document.activeElement.id === "form-title"), "focus moves to the topic's heading");
  // The topic's follow-up and detail answers are shown apart from its answer (session 18, staff19), each with a field
  // of the gemeente's own (session 20, editor20).
  const followups = await page.locator("#followups").innerText();
  check(/Vervolgvragen/.test(followups) && /Vervolgvraag .Wat kost het\?/.test(followups), "the follow-ups: " + followups.slice(0, 200));
  check(/Kwijt of gestolen in het buitenland/.test(await page.locator("#details").innerText()), "the details are listed");
  check(/bedragen/.test(await page.locator("#followups details[data-key=kosten] .note").textContent()),
        "the cost question says that the gemeente's fees answer it");

  // Change the Dutch answer and save with the keyboard.
  check(await tabTo(page, () => document.activeElement.id === "answer-nl"), "Tab reaches the Dutch answer");
  await page.keyboard.press("Control+A");
  await page.keyboard.type("In Voorbeeld vraagt u een paspoort aan in het stadhuis. Maak eerst online een afspraak.");
  check(await tabTo(page, () => document.activeElement.type === "submit" && document.activeElement.closest("#intent-form")),
        "Tab reaches 'Opslaan in concept'");
  await page.keyboard.press("Enter");
  await page.getByText("Opgeslagen in het concept").waitFor();
  check(await page.locator("#difference").isVisible(), "the difference with the shared answer is shown");
  check((await page.locator("#difference-nl ins").count()) > 0, "words of the gemeente are marked");
  await page.locator("#draft-summary", { hasText: "1 wijziging" }).waitFor(); // the draft counts the change
  await axe(page, "editor with a changed answer and its difference");

  // A link that is not https: an error next to the field, in Dutch (residents are sent to https pages only).
  await page.locator("#add-link").focus();
  await page.keyboard.press("Enter");
  await page.keyboard.type("Stadhuis");
  await page.keyboard.press("Tab");
  await page.keyboard.type("Town hall");
  await page.keyboard.press("Tab");
  await page.keyboard.press("Control+A");
  await page.keyboard.type("http://www.voorbeeld.example/stadhuis");
  await page.locator("#intent-form button[type=submit]").focus();
  await page.keyboard.press("Enter");
  const unsafe = page.locator("#findings li.error", { hasText: "niet beveiligd" });
  await unsafe.waitFor();
  await page.getByText("Er is 1 fout om op te lossen").waitFor();
  await axe(page, "editor with an error next to a field");

  // The finding leads to the field; with an https address the error is gone.
  await unsafe.getByRole("button", { name: "Ga naar het veld" }).focus();
  await page.keyboard.press("Enter");
  const focused = await page.evaluate(() => [document.activeElement.id, document.activeElement.getAttribute("aria-invalid")]);
  check(/^link-\d+-url$/.test(focused[0]) && focused[1] === "true", "the finding's button focuses the link's invalid address field");
  await page.keyboard.press("Control+A");
  await page.keyboard.type("https://www.voorbeeld.example/stadhuis");
  await page.locator("#intent-form button[type=submit]").focus();
  await page.keyboard.press("Enter");
  await unsafe.waitFor({ state: "detached" });

  // Session 20 (editor20): the gemeente's own answer to "Hoe lang duurt het?" and to a passport lost abroad, with the
  // keyboard (each is a disclosure, closed while it is the shared text); "Terug naar de gedeelde tekst" puts a changed
  // field back.
  const OWN_DURATION = "In Voorbeeld ligt uw paspoort na vijf werkdagen klaar in het stadhuis.";
  const OWN_ABROAD = "Paspoort kwijt in het buitenland? Bel eerst het Voorbeeld-reisloket op 14 0999.";
  async function write(text) { await page.keyboard.press("Control+A"); await page.keyboard.type(text); }
  async function open(summary) { // Enter on the question opens it; the next Tab stop is its Dutch text
    await page.locator(summary).focus();
    await page.keyboard.press("Enter");
    await page.keyboard.press("Tab");
  }
  check(await page.locator("#followup-duur-nl").isHidden(), "a follow-up with the shared text is closed");
  await open("#followup-duur-title");
  check(await page.evaluate(() => document.activeElement.id === "followup-duur-nl"), "Enter opens the follow-up, Tab reaches its text");
  await write(OWN_DURATION);
  await page.keyboard.press("Tab");
  check(await page.evaluate(() => document.activeElement.id === "followup-duur-en"), "Tab goes from Dutch to English");
  await write("In Voorbeeld your passport is ready at the town hall after five working days.");
  await open("#followup-kind-title");
  const sharedChild = await page.locator("#followup-kind-nl").inputValue();
  await write("Dit gaat weer weg.");
  check(await tabTo(page, () => /Terug naar de gedeelde tekst/.test(document.activeElement.textContent)
                              && document.activeElement.closest("details").dataset.key === "kind", 4),
        "Tab reaches the follow-up's 'Terug naar de gedeelde tekst'");
  await page.keyboard.press("Enter");
  check(await page.locator("#followup-kind-nl").inputValue() === sharedChild, "the shared text is back in the field");
  await open("#detail-kwijt_buitenland-title");
  await write(OWN_ABROAD);
  await page.keyboard.press("Tab");
  await write("Passport lost abroad? First call the Voorbeeld travel desk on 14 0999.");
  // Session 22 (staff22): the detail's own link, with the keyboard, below its shared links.
  const OWN_LINK = "https://www.voorbeeld.nl/reisloket";
  const detailLinks = page.locator("#detail-kwijt_buitenland-links li");
  const sharedLinks = await detailLinks.count();
  check(sharedLinks === 2, "the detail's shared links are in its fields: " + sharedLinks);
  const inAbroad = (text) => `/${text}/.test(document.activeElement.textContent) && document.activeElement.closest("details").dataset.key === "kwijt_buitenland"`;
  async function addLink() {
    check(await tabTo(page, inAbroad("Link toevoegen"), 20), "Tab reaches the detail's 'Link toevoegen'");
    await page.keyboard.press("Enter");
    check(await page.evaluate(() => document.activeElement.id === "detail-kwijt_buitenland-link-3-nl"), "focus in the new link's title");
    await page.keyboard.type("Voorbeeld-reisloket");
    await page.keyboard.press("Tab");
    await page.keyboard.type("Voorbeeld travel desk");
    await page.keyboard.press("Tab");
    await write(OWN_LINK);
  }
  await addLink();
  check(await tabTo(page, inAbroad("Terug naar de gedeelde link"), 6), "Tab reaches 'Terug naar de gedeelde link'");
  await page.keyboard.press("Enter");
  check(await detailLinks.count() === sharedLinks, "the shared links are back in the fields");
  await page.keyboard.press("Shift+Tab");  // "Link toevoegen"
  await page.keyboard.press("Shift+Tab");  // the last shared link's "weghalen": addLink tabs on from there
  await addLink();
  // The detail's own answer to "Kan het online?" (after a passport lost abroad), among its follow-ups below it.
  check(await tabTo(page, () => document.activeElement.id === "detail-kwijt_buitenland-followup-online-nl", 30),
        "Tab reaches the detail's follow-up");
  await write("Online kan het niet, maar het Voorbeeld-reisloket helpt u ook per videobellen.");
  await page.keyboard.press("Tab");
  await write("Not online, but the Voorbeeld travel desk also helps you by video call.");
  await page.locator("#intent-form button[type=submit]").focus();
  await page.keyboard.press("Enter");
  await page.locator("#details summary", { hasText: "eigen tekst van uw gemeente" }).waitFor();
  check(await page.locator("#followups details[data-key=duur][open] summary", { hasText: "eigen tekst van uw gemeente" }).count() === 1,
        "the follow-up is the gemeente's own after saving, shown open");
  check(await page.locator("#followups details[data-key=kind]:not([open])", { hasNotText: "eigen tekst" }).count() === 1,
        "the follow-up put back is the shared one, closed");
  await axe(page, "editor with own follow-up and detail answers");
  check(await page.locator("#details details[data-key=kwijt_buitenland][open] summary", { hasText: "eigen links van uw gemeente" }).count() === 1,
        "the detail says its links are the gemeente's own");
  check(await page.locator("#detail-kwijt_buitenland-link-3-url").inputValue() === OWN_LINK, "the own link saved in the draft");
  await axe(page, "editor with a detail's own link");

  // The preview answers with the draft.
  await page.locator("#preview-input").focus();
  await page.keyboard.type("ik wil mijn paspoort verlengen");
  await page.keyboard.press("Enter");
  await page.locator("#preview-log .entry.bot", { hasText: "in het stadhuis" }).waitFor({ timeout: 20000 });
  // The follow-up and the detail answered with the draft's texts (editor20).
  for (const [question, answer] of [["hoe lang duurt het?", "vijf werkdagen"], ["ik ben mijn paspoort kwijtgeraakt in het buitenland", "Voorbeeld-reisloket"],
                                    ["kan dat ook online?", "videobellen"]]) {
    await page.locator("#preview-input").focus();
    await page.keyboard.type(question);
    await page.keyboard.press("Enter");
    await page.locator("#preview-log .entry.bot", { hasText: answer }).waitFor({ timeout: 20000 });
  }
  await axe(page, "editor with the preview conversation");
  await page.screenshot({ path: screenshotPath("editor.png"), fullPage: false });

  // Residents still get the live answer until the draft is published.
  const live = await (await fetch(BASE + "/v1/chat", { method: "POST", headers: { "content-type": "application/json" },
    body: JSON.stringify({ tenant: "voorbeeld", message: "ik wil mijn paspoort verlengen" }) })).json();
  check(!JSON.stringify(live.messages).includes("in het stadhuis"), "residents do not see the draft");

  await page.locator("#publish").focus();
  await page.keyboard.press("Enter");
  await page.getByText(/Versie \d+ wordt gebouwd/).waitFor();
  const published = page.locator("#versions tbody tr").first();
  await page.locator("#versions tbody tr", { hasText: "Paspoort" }).first().waitFor();
  const first = await published.innerText();
  check(/Paspoort.* \(antwoord, links, vervolgvraag .hoe lang duurt het., detail kwijt buitenland, vervolgvraag .online. bij detail kwijt buitenland, links bij detail kwijt buitenland\)/.test(first),
        "the newest version says what changed: " + first);
  check(first.includes("Redacteur") && !/dev-/.test(first), "by whom, readably, for a token without a name: " + first);
  await page.locator("#versions tbody tr", { hasText: "Paspoort" }).filter({ hasText: "live" }).waitFor({ timeout: 60000 });
  // Residents get the published follow-up and detail answers (editor20).
  async function chat(message, conversationId) {
    return (await fetch(BASE + "/v1/chat", { method: "POST", headers: { "content-type": "application/json" },
      body: JSON.stringify({ tenant: "voorbeeld", message, ...(conversationId ? { conversationId } : {}) }) })).json();
  }
  let residentText = "";
  for (let attempt = 0; attempt < 60 && !residentText.includes("vijf werkdagen"); attempt++) {
    const first = await chat("ik wil mijn paspoort verlengen");
    residentText = JSON.stringify((await chat("hoe lang duurt het?", first.conversationId)).messages);
    if (!residentText.includes("vijf werkdagen")) await new Promise((done) => setTimeout(done, 1000));
  }
  check(residentText.includes("vijf werkdagen"), "a resident gets the published follow-up answer: " + residentText.slice(0, 200));
  const abroad = await chat("ik ben mijn paspoort kwijtgeraakt in het buitenland");
  check(JSON.stringify(abroad.messages).includes("Voorbeeld-reisloket"), "a resident gets the published detail answer");
  check(JSON.stringify(abroad.messages).includes(OWN_LINK), "and the detail's own link: " + JSON.stringify(abroad.messages).slice(0, 300));
  check(JSON.stringify((await chat("kan dat ook online?", abroad.conversationId)).messages).includes("videobellen"),
        "and the published answer to a follow-up after that detail");
  check((await page.locator("#versions button", { hasText: "Terugzetten naar versie" }).count()) > 0,
        "earlier versions can be restored");
  await axe(page, "editor with the version history");

  // Unanswered questions are grouped with a place to put them; adding one to the draft (which
  // makes the build function train a matcher) is tested on the API (test_kb_editor_e2e.py).
  for (const question of ["mag mijn hond mee in het zwembad", "mag de hond mee naar het zwembad"]) {
    await fetch(BASE + "/v1/chat", { method: "POST", headers: { "content-type": "application/json" },
      body: JSON.stringify({ tenant: "voorbeeld", message: question }) });
  }
  await page.reload();
  const group = page.locator("#unanswered li", { hasText: "zwembad" });
  await group.waitFor();
  check((await group.innerText()).includes("2x"), "the two wordings are one group: " + await group.innerText());
  check((await group.getByLabel("Voeg toe aan").count()) === 1, "the group has a labelled choice of topic");
  check((await group.getByRole("button", { name: "Toevoegen aan concept" }).count()) === 1, "and one button");
  await axe(page, "editor with unanswered questions");

  // Session 23 (staff23): a follow-up the shared topic does not answer, chosen from the kinds the API takes (it could
  // only be sent to the API before). The passport answers all six, so there is nothing to add; the parking permit
  // has no "Hoe lang van tevoren?", and the gemeente gives its own, with the keyboard, saved and previewed.
  await page.locator("#filter").focus();
  await page.keyboard.press("Control+A");
  await page.keyboard.type("paspoort");
  await page.locator("#intents button", { hasText: /paspoort/i }).first().click();
  await page.locator("#followup-duur-title").waitFor();
  check(await page.locator("#followup-add").isHidden(), "a topic that answers every follow-up offers none to add");
  await page.locator("#filter").focus();
  await page.keyboard.press("Control+A");
  await page.keyboard.type("parkeervergunning");
  check(await tabTo(page, () => document.activeElement.closest && !!document.activeElement.closest("#intents")
                                && /parkeervergunning/i.test(document.activeElement.textContent)), "Tab reaches the parking permit");
  await page.keyboard.press("Enter");
  const kinds = page.locator("#followup-add-kind option");
  await kinds.first().waitFor({ state: "attached" });
  const offered = await kinds.evaluateAll((options) => options.map((option) => option.value));
  check(JSON.stringify(offered) === JSON.stringify(["kind", "termijn"]), "the kinds it does not answer are offered: " + offered);
  check(await tabTo(page, () => document.activeElement.id === "followup-add-kind", 120), "Tab reaches the choice of follow-up");
  await page.keyboard.press("End");  // the last kind: "Hoe lang van tevoren, of wanneer uiterlijk?"
  check(await page.locator("#followup-add-kind").inputValue() === "termijn", "the arrow keys choose the kind");
  await page.keyboard.press("Tab");
  await page.keyboard.press("Enter");  // "Vervolgvraag toevoegen"
  check(await page.evaluate(() => document.activeElement.id === "followup-termijn-nl"), "focus in the new follow-up's Dutch text");
  check(JSON.stringify(await kinds.evaluateAll((options) => options.map((option) => option.value))) === JSON.stringify(["kind"]),
        "the kind added is no longer offered");
  const OWN_NOTICE = "Vraag uw parkeervergunning in Voorbeeld uiterlijk twee weken voor u verhuist aan.";
  await page.keyboard.type(OWN_NOTICE);
  await page.keyboard.press("Tab");
  await page.keyboard.type("Apply for your parking permit in Voorbeeld at least two weeks before you move.");
  await page.locator("#intent-form button[type=submit]").focus();
  await page.keyboard.press("Enter");
  await page.locator("#followups details[data-key=termijn][open] summary", { hasText: "eigen tekst van uw gemeente" }).waitFor();
  check(await page.locator("#followup-termijn-nl").inputValue() === OWN_NOTICE, "the own follow-up answer saved in the draft");
  const saved = await (await fetch(BASE + "/v1/staff/kb/intents/parkeervergunning", {
    headers: { authorization: "Bearer " + await page.evaluate(() => sessionStorage.getItem("balie-staff:token")) } })).json();
  check(saved.draft.followups.termijn && saved.draft.followups.termijn.nl === OWN_NOTICE, "the API has it as followups.termijn");
  await axe(page, "editor with a follow-up added to a topic");
  await page.locator("#preview-reset").click();
  for (const [question, answer] of [["ik wil een parkeervergunning aanvragen", "parkeervergunning"],
                                    ["hoe lang van tevoren moet ik die aanvragen?", "twee weken voor u verhuist"]]) {
    await page.locator("#preview-input").focus();
    await page.keyboard.type(question);
    await page.keyboard.press("Enter");
    await page.locator("#preview-log .entry.bot", { hasText: answer }).waitFor({ timeout: 20000 });
  }
  noErrors(page);
});
