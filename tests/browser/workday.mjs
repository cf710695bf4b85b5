// A contact-centre employee's day on the dashboard, with the keyboard only (Tab, Shift+Tab,
// Enter, Space, arrows: no mouse, no focus() from the test), on the local stack's Monday morning:
// an editor (the same person, roles kcc + editor) first adds a canned reply and reviews a "niet
// nuttig" answer; then three residents wait at once and are triaged side by side: one claimed and
// answered with a suggestion, one passed to another team, one given an internal note and closed
// after the confirmation a waiting chat needs; a conversation the bot is handling is taken over;
// a new resident raises the status line, a sound and a desktop notification, and no sound once
// it is switched off. Queue items show the topic, the first question, the team's name, the
// channel's name and the waiting time; the header shows the display name from the token.
// axe-core on every state. Saves docs/dashboard-workday.png, docs/dashboard-canned.png and
// docs/dashboard-not-helpful.png.
import { BASE, main, newPage, check, axe, noErrors, screenshotPath } from "./lib.mjs";

const NAME = "Sanne de Vries";

async function post(path, body, token) {
  const response = await fetch(BASE + path, { method: "POST",
    headers: { "content-type": "application/json", ...(token ? { authorization: "Bearer " + token } : {}) },
    body: JSON.stringify(body) });
  check(response.ok, `POST ${path}: ${response.status}`);
  return response.json();
}

async function get(path, token) {
  const response = await fetch(BASE + path, { headers: { authorization: "Bearer " + token } });
  check(response.ok, `GET ${path}: ${response.status}`);
  return response.json();
}

// A resident's turns in the web chat; returns the conversation id.
async function resident(...messages) {
  let id = null;
  for (const message of messages) {
    const [text, payload] = Array.isArray(message) ? message : [message, undefined];
    const reply = await post("/v1/chat", { tenant: "voorbeeld", message: text, ...(id ? { conversationId: id } : {}),
                                           ...(payload ? { payload } : {}) });
    id = reply.conversationId;
  }
  return id;
}

// What has the keyboard focus: its card (conversation id), tag, id and accessible text.
async function focused(page) {
  return page.evaluate(() => {
    const node = document.activeElement;
    const card = node.closest("article.conv");
    return { card: card ? card.getAttribute("data-conversation") : null, tag: node.tagName.toLowerCase(), id: node.id,
             conversation: node.getAttribute("data-conversation"),
             text: (node.getAttribute("aria-label") || node.labels?.[0]?.textContent || node.textContent || "").trim() };
  });
}

// Presses Tab (or Shift+Tab) until the focused element matches; fails after `presses`.
async function tabTo(page, wanted, what, { back = false, presses = 300 } = {}) {
  for (let i = 0; i < presses; i++) {
    await page.keyboard.press(back ? "Shift+Tab" : "Tab");
    const focus = await focused(page);
    if (wanted(focus)) return focus;
  }
  throw new Error(`Tab never reached ${what}; focus is on ${JSON.stringify(await focused(page))}`);
}

const inCard = (id, text) => (f) => f.card === id && f.text === text;

await main(async (browser) => {
  const staffToken = (await post("/dev/token", { tenant: "voorbeeld", teams: "*", roles: ["kcc", "editor"], name: NAME })).token;
  const me = await get("/v1/staff/me", staffToken);
  check(me.name === NAME && me.tenantName, "the profile has the token's display name: " + JSON.stringify(me));
  const teamNames = Object.fromEntries(me.allTeams.map((team) => [team.id, team.name]));

  // A "niet nuttig" answer for the editors' queue.
  await resident("Wat kost een rijbewijs?", ["Nee", "feedback:no"]);

  await browser.grantPermissions(["notifications"], { origin: BASE });
  const page = await newPage(browser, { viewport: { width: 1360, height: 900 } });
  // Record what the dashboard asks of the browser's real Notification and Web Audio APIs.
  await page.addInitScript(() => {
    window.shown = [];
    window.tones = 0;
    const Real = window.Notification;
    if (Real) {
      window.Notification = class extends Real {
        constructor(title, options) { super(title, options); window.shown.push(title + " | " + (options && options.body)); }
      };
    }
    const start = OscillatorNode.prototype.start;
    OscillatorNode.prototype.start = function (...args) { window.tones += 1; return start.apply(this, args); };
  });

  // Sign in with the keyboard: type the token, Enter.
  await page.goto(BASE + "/staff");
  await tabTo(page, (f) => f.id === "token", "the token field");
  await page.keyboard.type(staffToken);
  await page.keyboard.press("Enter");
  await page.locator("#view-work").waitFor({ state: "visible" });
  const who = await page.locator("#who").innerText();
  check(who.includes(NAME) && who.includes(me.tenantName), "the header shows the display name and the municipality: " + who);
  const filter = await page.locator("#team-filter option").allInnerTexts();
  check(filter.includes(teamNames.kcc) && !filter.includes("kcc"), "the team filter shows team names: " + filter.join(", "));

  // ---- the editor's part: a canned reply, then the "niet nuttig" queue ----
  await tabTo(page, (f) => f.text === "Standaardantwoorden", "the canned replies link");
  await page.keyboard.press("Enter");
  await page.locator("#view-canned").waitFor({ state: "visible" });
  await page.locator("#canned-topics input").first().waitFor();
  await tabTo(page, (f) => f.id === "canned-title", "the title field");
  await page.keyboard.type("Paspoort: afspraak maken");
  await page.keyboard.press("Tab");
  await page.keyboard.type("U kunt online een afspraak maken voor uw paspoort. Neem uw oude paspoort en een pasfoto mee.");
  const passport = await tabTo(page, (f) => f.tag === "input" && /paspoort/i.test(f.text), "a passport topic");
  await page.keyboard.press("Space");
  await tabTo(page, (f) => f.text === "Opslaan", "Opslaan");
  await page.keyboard.press("Enter");
  await page.locator("#canned-list h3", { hasText: "Paspoort: afspraak maken" }).waitFor();
  check((await page.locator("#canned-list li", { hasText: passport.text }).count()) === 1, "the reply names its topic");
  const stored = (await get("/v1/staff/canned-replies", staffToken)).replies;
  check(stored.length === 1 && stored[0].intents.length === 1, "one canned reply with one topic: " + JSON.stringify(stored));
  await axe(page, "dashboard canned replies");
  await page.screenshot({ path: screenshotPath("dashboard-canned.png"), fullPage: true, animations: "disabled" });

  await tabTo(page, (f) => f.text === "Niet nuttig", "the not-helpful link", { back: true });
  await page.keyboard.press("Enter");
  const entry = page.locator("#nothelpful-list li", { hasText: "Wat kost een rijbewijs?" });
  await entry.waitFor();
  const shownEntry = await entry.innerText();
  check(shownEntry.includes("Antwoord van de assistent") && /rijbewijs/i.test(shownEntry.split("Antwoord van de assistent")[1])
        && !shownEntry.includes("computerprogramma"), "the entry shows the question and the answer itself: " + shownEntry);
  await axe(page, "dashboard not-helpful queue");
  await page.screenshot({ path: screenshotPath("dashboard-not-helpful.png"), fullPage: true, animations: "disabled" });
  await tabTo(page, (f) => /^Wat is er gedaan/.test(f.text), "the review note");
  await page.keyboard.type("Prijs van het rijbewijs aangevuld");
  await tabTo(page, (f) => f.text === "Markeer als bekeken", "Markeer als bekeken");
  await page.keyboard.press("Enter");
  await entry.waitFor({ state: "detached" });
  check((await focused(page)).id === "nothelpful-title", "after marking, focus is on the queue's heading");

  // ---- three residents wait at once, one more talks with the bot ----
  const passportChat = await resident("Hoeveel kost een paspoort?", "Ik wil een medewerker spreken");
  const wasteChat = await resident("Wanneer wordt het grofvuil opgehaald?", "medewerker");
  const parkingChat = await resident("Ik heb een vraag over mijn parkeervergunning", "Ik wil een medewerker spreken");
  const botChat = await resident("Wanneer is het gemeentehuis open?");
  await tabTo(page, (f) => f.text === "Gesprekken", "the Gesprekken link", { back: true });
  await page.keyboard.press("Enter");
  const waitingItem = (id) => page.locator(`#waiting button[data-conversation="${id}"]`);
  for (const id of [passportChat, wasteChat, parkingChat]) await waitingItem(id).waitFor();
  await page.locator(`#bot button[data-conversation="${botChat}"]`).waitFor();
  const label = await waitingItem(passportChat).innerText();
  check(/paspoort/i.test(label.split("\n")[0]) && label.includes("Hoeveel kost een paspoort?"),
    "the queue item says the topic and the first question, not 'medewerker': " + label);
  check(label.includes("Website") && /wacht/.test(label), "the item says the channel by name and the waiting time: " + label);
  const teamOf = (await get("/v1/staff/handovers?status=waiting", staffToken)).handovers.find((item) => item.conversationId === passportChat).team;
  check(label.includes(teamNames[teamOf]), `the item names the team (${teamNames[teamOf]}), not its id: ` + label);
  const botLabel = await page.locator(`#bot button[data-conversation="${botChat}"]`).innerText();
  check(/1 bericht/.test(botLabel) && botLabel.includes("Website"), "the bot's conversation shows its turns and channel: " + botLabel);
  await axe(page, "dashboard queues with topics, first questions and waiting times");

  // Open the three with the keyboard: each card opens with focus on its heading.
  for (const [index, id] of [passportChat, wasteChat, parkingChat].entries()) {
    // The first from the navigation (forward), the others back from the card just opened.
    await tabTo(page, (f) => f.conversation === id && !f.card, "the waiting item " + id, { back: index > 0 });
    await page.keyboard.press("Enter");
    await page.locator(`article[data-conversation="${id}"] .entry`).first().waitFor();
    const at = await focused(page);
    check(at.card === id && at.tag === "h3", "an opened card has the focus on its heading: " + JSON.stringify(at));
  }
  check((await page.locator("article.conv").count()) === 3, "three conversations open at once");

  // 1. Passport: claim, take the canned reply, send.
  const passportCard = page.locator(`article[data-conversation="${passportChat}"]`);
  await tabTo(page, inCard(passportChat, "Overnemen"), "Overnemen in the passport card", { back: true });
  await page.keyboard.press("Enter");
  await passportCard.locator(".badge", { hasText: "Live" }).waitFor();
  check((await focused(page)).id.endsWith("-reply"), "after claiming, focus is in the reply box");
  const canned = passportCard.locator(".suggestions li", { hasText: "Standaardantwoord" });
  await canned.waitFor();
  check((await passportCard.locator(".suggestions li").count()) >= 2, "knowledge-base answers and the canned reply");
  await tabTo(page, inCard(passportChat, "Gebruik: Paspoort: afspraak maken"), "the canned reply's Gebruik", { back: true });
  await page.keyboard.press("Enter");
  check((await passportCard.getByLabel("Uw antwoord").inputValue()).startsWith("U kunt online een afspraak maken"), "the canned text is in the reply box");
  await tabTo(page, inCard(passportChat, "Versturen"), "Versturen");
  await page.keyboard.press("Enter");
  await passportCard.locator(".entry.staff", { hasText: "U kunt online een afspraak maken" }).waitFor();
  const claimedLabel = await page.locator(`#live button[data-conversation="${passportChat}"]`).innerText();
  check(claimedLabel.includes(NAME), "the live list says who has the conversation, by name: " + claimedLabel);

  // 2. Waste: pass it to another team with a note for them.
  const wasteCard = page.locator(`article[data-conversation="${wasteChat}"]`);
  const wasteTeam = (await get(`/v1/staff/conversations/${wasteChat}`, staffToken)).handover.team;
  await tabTo(page, (f) => f.card === wasteChat && f.text === "Naar team", "the transfer's team list");
  const target = await page.evaluate(() => document.activeElement.selectedOptions[0].value);
  check(target !== wasteTeam, "the conversation's own team is not offered");
  await tabTo(page, (f) => f.card === wasteChat && /^Toelichting/.test(f.text), "the transfer note");
  await page.keyboard.type("Vraagt naar grofvuil ophalen in de wijk Noord");
  await tabTo(page, inCard(wasteChat, "Doorverbinden"), "Doorverbinden");
  await page.keyboard.press("Enter");
  await page.locator("#work-status", { hasText: "doorverbonden naar " + teamNames[target] }).waitFor();
  const moved = (await get(`/v1/staff/conversations/${wasteChat}`, staffToken)).handover;
  check(moved.team === target && moved.status === "waiting" && moved.transferredFrom === wasteTeam, "transferred: " + JSON.stringify(moved));
  await wasteCard.locator("dd", { hasText: teamNames[wasteTeam] }).waitFor(); // "Doorverbonden van"

  // 3. Parking: an internal note, then close: a waiting chat asks for confirmation first.
  const parkingCard = page.locator(`article[data-conversation="${parkingChat}"]`);
  await tabTo(page, (f) => f.card === parkingChat && /^Nieuwe notitie/.test(f.text), "the note box");
  await page.keyboard.type("Inwoner belt later zelf terug over de vergunning.");
  await tabTo(page, inCard(parkingChat, "Notitie opslaan"), "Notitie opslaan");
  await page.keyboard.press("Enter");
  await parkingCard.locator(".notes li", { hasText: "belt later zelf terug" }).waitFor();
  check((await parkingCard.locator(".notes .meta").first().innerText()).includes(NAME), "the note says who wrote it");
  await tabTo(page, inCard(parkingChat, "Gesprek afsluiten"), "Gesprek afsluiten", { back: true });
  await page.keyboard.press("Enter");
  await parkingCard.locator(".confirm").waitFor({ state: "visible" });
  check((await focused(page)).text === "Nee, terug", "the confirmation puts focus on the safe choice");
  await axe(page, "dashboard with three conversations and a confirmation to close");
  await page.evaluate(() => { window.scrollTo(0, 0); });
  await page.screenshot({ path: screenshotPath("dashboard-workday.png"), fullPage: true, animations: "disabled" });
  await page.keyboard.press("Enter"); // "Nee, terug": nothing is closed
  await parkingCard.locator(".confirm").waitFor({ state: "hidden" });
  check((await focused(page)).text === "Gesprek afsluiten", "back on Gesprek afsluiten");
  check((await get(`/v1/staff/conversations/${parkingChat}`, staffToken)).handover.status === "waiting", "still waiting");
  await page.keyboard.press("Enter");
  await tabTo(page, inCard(parkingChat, "Ja, afsluiten"), "Ja, afsluiten", { back: true });
  await page.keyboard.press("Enter");
  await page.locator("#work-status", { hasText: "afgesloten" }).waitFor();
  check((await get(`/v1/staff/conversations/${parkingChat}`, staffToken)).handover.status === "closed", "closed after confirming");
  const notes = (await get(`/v1/staff/conversations/${parkingChat}`, staffToken)).notes;
  check(notes.length === 1 && notes[0].authorName === NAME, "the note is stored with its author: " + JSON.stringify(notes));

  // The bot's conversation: open it from its list and take it over.
  await tabTo(page, (f) => f.conversation === botChat && !f.card, "the bot's conversation", { back: true });
  await page.keyboard.press("Enter");
  const botCard = page.locator(`article[data-conversation="${botChat}"]`);
  await botCard.locator(".badge", { hasText: "Met de assistent" }).waitFor();
  await tabTo(page, inCard(botChat, "Overnemen van de assistent"), "Overnemen van de assistent");
  await page.keyboard.press("Enter");
  await botCard.locator(".badge", { hasText: "Live" }).waitFor();
  const taken = (await get(`/v1/staff/conversations/${botChat}`, staffToken)).handover;
  check(taken.status === "live" && taken.claimedByName === NAME, "taken over from the bot: " + JSON.stringify(taken));
  await axe(page, "dashboard with a conversation taken over from the bot");

  // Alerts: desktop notifications on (the browser allows them), the sound on by default.
  await tabTo(page, (f) => f.id === "alert-notify", "the notification switch", { back: true });
  await page.keyboard.press("Space");
  await page.locator("#work-status", { hasText: "melding" }).waitFor();
  check(await page.locator("#alert-sound").isChecked(), "the sound is on by default");
  const tonesBefore = await page.evaluate(() => window.tones);
  const newcomer = await resident("Ik wil mijn adres wijzigen", "Ik wil een medewerker spreken");
  await page.locator("#work-status", { hasText: "Er wacht een inwoner" }).waitFor({ timeout: 15000 });
  await waitingItem(newcomer).waitFor();
  const shown = await page.evaluate(() => window.shown);
  check(shown.length === 1 && shown[0].startsWith("Een inwoner wacht op een medewerker"), "one desktop notification: " + JSON.stringify(shown));
  check((await page.evaluate(() => window.tones)) > tonesBefore, "an audible cue");
  // The sound off: the next resident gets a notification but no tone.
  await tabTo(page, (f) => f.id === "alert-sound", "the sound switch", { back: true });
  await page.keyboard.press("Space");
  check(!(await page.locator("#alert-sound").isChecked()), "sound switched off");
  const tonesOff = await page.evaluate(() => window.tones);
  const another = await resident("Ik wil een medewerker spreken");
  await waitingItem(another).waitFor({ timeout: 15000 });
  await page.waitForFunction(() => window.shown.length === 2);
  check((await page.evaluate(() => window.tones)) === tonesOff, "no tone once the sound is off");
  check(await page.evaluate(() => localStorage.getItem("balie-staff:sound")) === "off", "the choice is remembered");
  noErrors(page);
});
