// The widget's states beyond a plain answer, each checked with axe and for the manual findings:
// finding 4 (3.3.1 / 3.3.3) a specific text for each refused message, the message kept;
// finding 5 (1.4.12) text spacing at 320 px clips nothing and the input has a visible label;
// finding 7 forced colours keep the typing dots, button borders and message outlines;
// old answer buttons are disabled once answered (fewer tab stops after six turns);
// the handover banner shows "waiting" vs "connected" and the server's notice (contract 3).
import { BASE, main, newPage, check, widget, say, axe, noErrors } from "./lib.mjs";

// Runs `fn(host)` in the page with the widget's host element (its shadowRoot holds the widget).
const inWidget = (page, fn) => page.locator("#balie-widget").evaluate(fn);

async function open(page) {
  await page.goto(BASE + "/");
  await widget.launcher(page).click();
  await widget.input(page).waitFor();
}

async function refusalFor(page, text) {
  const sent = await widget.messages(page, "resident").count();
  await widget.input(page).fill(text);
  await widget.input(page).press("Enter");
  await page.waitForFunction(() => {
    const root = document.getElementById("balie-widget").shadowRoot;
    return root.querySelector(".error").textContent !== "" && root.querySelector(".typing").hidden;
  }, null, { timeout: 15000 });
  const state = await inWidget(page, (host) => {
    const root = host.shadowRoot;
    const input = root.querySelector("textarea");
    const described = root.getElementById(input.getAttribute("aria-describedby"));
    return { error: described.textContent, role: described.getAttribute("role"), invalid: input.getAttribute("aria-invalid"),
             kept: input.value, bubbles: root.querySelectorAll(".msg-resident").length };
  });
  check(state.role === "alert" && state.invalid === "true", "the error is announced and tied to the input: " + JSON.stringify(state));
  check(state.kept === text, "the refused message stays in the input to be changed");
  check(state.bubbles === sent, "a refused message does not appear as sent");
  await widget.input(page).fill("");
  return state.error;
}

function luminance(rgb) {
  const [r, g, b] = rgb.match(/\d+/g).slice(0, 3).map((c) => {
    c = Number(c) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
function contrast(a, b) {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
}

await main(async (browser) => {
  // ---- finding 4: a specific error per refused input ------------------------------------------
  const refused = await newPage(browser);
  await open(refused);
  const posts = [];
  refused.on("request", (request) => { if (request.method() === "POST") posts.push(request.url()); });
  const tooLong = await refusalFor(refused, "a".repeat(1001));
  check(/te lang: 1\.001 tekens/.test(tooLong) && /maximaal 1\.000/.test(tooLong), "too long, with the numbers: " + tooLong);
  check(posts.length === 0, "a message over 1,000 characters is not sent at all");
  await axe(refused, "widget with a refused message");
  // Characters are counted as the API counts them (code points): 1,000 emoji are allowed.
  await widget.input(refused).fill("a".repeat(1001));
  await widget.input(refused).press("Enter");
  await widget.input(refused).fill("\u{1F600}".repeat(1000));
  check(await inWidget(refused, (host) => host.shadowRoot.querySelector(".error").textContent === "" &&
    !host.shadowRoot.querySelector("textarea").hasAttribute("aria-invalid")), "shortened: the error goes away while typing");
  // What a paste may bring along and the API refuses (controls, direction overrides, a lone
  // surrogate) is cleaned before sending, not turned into an error the resident cannot see.
  await say(refused, "paspoort\u0007 \u202everlengen\u202c \ud800");
  check(!(await refused.locator("#balie-widget .error").textContent()), "a paste's invisible characters are cleaned, not refused");
  const answers = { 400: { error: { code: "invalid_input", message: "The message contains control characters." } },
                    403: { error: { code: "origin_not_allowed", message: "This web page may not use the chat of this municipality." } },
                    429: { error: { code: "rate_limited", message: "Too many messages." } } };
  const errors = { tooLong };
  for (const status of [400, 403, 429]) {
    await refused.route("**/v1/chat", (route) => route.fulfill({ status, contentType: "application/json", body: JSON.stringify(answers[status]) }));
    errors[status] = await refusalFor(refused, "paspoort");
    await refused.unroute("**/v1/chat");
  }
  await refused.route("**/v1/chat", (route) => route.abort("connectionrefused"));
  errors.network = await refusalFor(refused, "paspoort"); // after three retries with the same clientMessageId
  await refused.unroute("**/v1/chat");
  check(/niet lezen/.test(errors[400]) && /niet op deze website/.test(errors[403]) && /wacht een minuut/i.test(errors[429]) &&
    /internetverbinding/.test(errors.network), "each refusal says what happened: " + JSON.stringify(errors));
  check(new Set(Object.values(errors)).size === 5, "five different texts for five different refusals");
  noErrors(refused, [/status of 4\d\d/, /ERR_CONNECTION_REFUSED/, /ERR_FAILED/]);

  // ---- old buttons disabled once answered: tab stops after six turns --------------------------
  const talk = await newPage(browser);
  await open(talk);
  const turns = ["paspoort verlengen", "Wat kost het?", "rijbewijs verlengen", "Hoe lang duurt het?", "parkeervergunning aanvragen", "Ja"];
  for (const [n, step] of turns.entries()) {
    if (n % 2 === 0) { await say(talk, step); continue; }
    const choice = talk.locator("#balie-widget .choices button:enabled", { hasText: step }).last();
    const bots = await widget.messages(talk, "bot").count();
    await choice.click();
    await talk.waitForFunction((count) => document.getElementById("balie-widget").shadowRoot.querySelectorAll(".msg-bot").length > count, bots);
  }
  const stops = await inWidget(talk, (host) => {
    const root = host.shadowRoot;
    const groups = [...root.querySelectorAll(".choices")];
    const last = groups[groups.length - 1];
    const enabled = [...root.querySelectorAll(".choices button:enabled")];
    const focusable = [...root.querySelectorAll(".panel button, .panel a[href], .panel textarea, .panel [tabindex='0']")]
      .filter((node) => !node.disabled && node.getClientRects().length);
    return { enabledOutsideLast: enabled.filter((button) => !last.contains(button)).length,
             disabled: root.querySelectorAll(".choices button:disabled").length, count: focusable.length,
             links: root.querySelectorAll(".links a").length, lastButtons: last.querySelectorAll("button:enabled").length };
  });
  console.log("tab stops in the panel after six turns: " + JSON.stringify(stops));
  check(stops.enabledOutsideLast === 0 && stops.disabled > 0, "only the newest answer's buttons can still be pressed");
  check(stops.count === stops.links + stops.lastButtons + 5, "tab stops: close, log, links, newest buttons, input, send, erase");
  await axe(talk, "widget after six turns, old buttons disabled");
  noErrors(talk);

  // ---- finding 5: text spacing (WCAG 1.4.12) at 320 px -----------------------------------------
  const spaced = await newPage(browser, { viewport: { width: 320, height: 640 } });
  await spaced.goto(BASE + "/");
  // The WCAG text-spacing bookmarklet's rules, in the page and in the widget's shadow root.
  await spaced.evaluate(() => {
    const rules = "*{line-height:1.5!important;letter-spacing:.12em!important;word-spacing:.16em!important}p{margin-bottom:2em!important}";
    for (const target of [document, document.getElementById("balie-widget").shadowRoot]) {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(rules);
      target.adoptedStyleSheets = [...target.adoptedStyleSheets, sheet];
    }
  });
  await widget.launcher(spaced).click();
  await say(spaced, "Ik wil een medewerker spreken");
  const clipped = await inWidget(spaced, (host) => {
    const root = host.shadowRoot;
    const panel = root.querySelector(".panel").getBoundingClientRect();
    const log = root.querySelector(".log");
    const problems = [];
    for (const node of root.querySelectorAll(".panel h2, .panel label, .panel button, .panel p, .panel b, .panel span:not(.sr), .panel a")) {
      if (!node.getClientRects().length || !node.textContent.trim()) continue;
      const box = node.getBoundingClientRect();
      const inLog = log.contains(node);
      const name = node.tagName + " " + node.textContent.trim().slice(0, 24);
      if (node.scrollWidth > node.clientWidth + 1 && getComputedStyle(node).overflowX !== "visible") problems.push("cut: " + name);
      if (box.left < panel.left - 1 || box.right > panel.right + 1) problems.push("sideways out: " + name);
      if (!inLog && (box.top < panel.top - 1 || box.bottom > panel.bottom + 1)) problems.push("out of the panel: " + name);
    }
    const input = root.querySelector("textarea");
    return { problems, placeholder: input.placeholder, label: root.querySelector("label[for=balie-input]").textContent,
             wide: root.querySelector(".panel").scrollWidth > root.querySelector(".panel").clientWidth };
  });
  check(clipped.problems.length === 0 && !clipped.wide, "text spacing at 320 px cuts nothing: " + clipped.problems.join(", "));
  check(clipped.placeholder === "" && clipped.label === "Typ uw vraag", "a visible label, no placeholder standing in for one");
  await axe(spaced, "widget at 320 px with WCAG text spacing");
  noErrors(spaced);

  // ---- finding 7: forced colours (Windows contrast themes) --------------------------------------
  const forced = await newPage(browser);
  await forced.emulateMedia({ forcedColors: "active" });
  await open(forced);
  await say(forced, "paspoort verlengen");
  let release;
  await forced.route("**/v1/chat", async (route) => { await new Promise((resolve) => { release = resolve; }); await route.continue(); });
  await widget.input(forced).fill("wat kost het?");
  await widget.input(forced).press("Enter");
  await forced.locator("#balie-widget .typing").waitFor();
  const seen = await inWidget(forced, (host) => {
    const root = host.shadowRoot;
    const style = (node) => getComputedStyle(node);
    const canvas = style(root.querySelector(".panel")).backgroundColor;
    const edge = (selector) => { const s = style(root.querySelector(selector)); return [s.borderTopWidth, s.borderTopColor]; };
    return { canvas, dot: style(root.querySelector(".typing i")).borderTopColor, dotWidth: style(root.querySelector(".typing i")).borderTopWidth,
             send: edge(".send"), close: edge(".close"), bot: edge(".msg-bot"), resident: edge(".msg-resident") };
  });
  release();
  await forced.waitForFunction(() => document.getElementById("balie-widget").shadowRoot.querySelector(".typing").hidden);
  await forced.unroute("**/v1/chat");
  check(seen.dotWidth === "4px" && contrast(seen.dot, seen.canvas) >= 3, "the typing dots stay visible: " + JSON.stringify(seen));
  for (const part of ["send", "close", "bot", "resident"]) {
    check(parseFloat(seen[part][0]) >= 1 && contrast(seen[part][1], seen.canvas) >= 3, `${part} keeps a visible border: ${seen[part]}`);
  }
  await axe(forced, "widget in forced colours");
  noErrors(forced);

  // ---- the handover banner: waiting vs connected and the server's notice (contract 3) -----------
  const banner = await newPage(browser);
  const id = "voorbeeld.00000000000000000000000000000000";
  const handovers = [
    { status: "live", team: "kcc", expectedContactAt: null, claimed: false, notice: "Er wacht 1 persoon voor u. Een medewerker helpt u zo." },
    { status: "live", team: "kcc", expectedContactAt: null, claimed: true, notice: "Sanne van het Klantcontactcentrum helpt u nu." },
    { status: "live", team: "kcc", expectedContactAt: null }, // an API without the fields
  ];
  let polls = 0;
  await banner.route("**/v1/chat**", (route) => {
    const body = route.request().method() === "POST"
      ? { conversationId: id, intent: "medewerker", confidence: 1, language: "nl", handover: handovers[0],
          messages: [{ text: "Ik zoek een medewerker voor u.", links: [], buttons: [] }] }
      : { conversationId: id, cursor: String(++polls), messages: [], handover: handovers[Math.min(polls, 2)] };
    return route.fulfill({ contentType: "application/json", body: JSON.stringify(body) });
  });
  await open(banner);
  await say(banner, "Ik wil een medewerker spreken");
  const status = widget.status(banner);
  check((await status.innerText()).replace(/\s+/g, " ") === "Wacht op een medewerker " + handovers[0].notice,
    "waiting: the state and the server's notice: " + await status.innerText());
  await axe(banner, "widget waiting for a member of staff");
  await status.filter({ hasText: "Verbonden met een medewerker" }).waitFor({ timeout: 10000 });
  check((await status.innerText()).includes(handovers[1].notice), "connected: the state and the notice");
  await axe(banner, "widget connected to a member of staff");
  await status.filter({ hasText: "U bent doorverbonden met een medewerker" }).waitFor({ timeout: 10000 });
  check(!(await status.innerText()).includes("Verbonden"), "without the fields: today's text, no state label");
  noErrors(banner);
});
