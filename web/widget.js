/*
 * Balie chat widget: one file, no dependencies, one tag (README "Widget": data-* settings, the look,
 * the CSP it needs). Strict-CSP safe: adoptedStyleSheets (or <style nonce>), no inline styles, no
 * eval, server text only as textContent. An open shadow root keeps the page's CSS out.
 */
(function () {
  "use strict";

  var script = document.currentScript || document.querySelector("script[data-tenant][src*='widget']");
  var hiddenHere = document.querySelector("meta[name='balie-widget']");
  if (!script || window.__balieWidget || (hiddenHere && hiddenHere.content === "hidden")) return;
  window.__balieWidget = true;

  function data(name) { return script.getAttribute("data-" + name); }
  var tenant = data("tenant");
  var api = (data("api") || new URL(script.src, location.href).origin).replace(/\/+$/, "");
  var topic = /^[a-z0-9][a-z0-9-]{0,62}$/.test(data("topic") || "") ? data("topic") : null;
  var openHere = script.hasAttribute("data-open") && data("open") !== "false";
  var storageKey = "balie:" + tenant;
  var MAX_CHARS = 1000; // the chat API's limit, in code points
  var POLL_FIRST_MS = 1500;
  var POLL_MAX_MS = 20000;
  // Below this the open panel fills the screen and is a modal dialog (phones; 200% zoom on a laptop).
  var SMALL = "(max-width:640px),(max-height:560px)";

  var TEXT = {
    nl: {
      launcher: "Stel uw vraag",
      unread: "Nieuw bericht",
      launcherLabel: "Stel uw vraag aan de digitale assistent",
      announce: "Nieuw bericht in de chat. Open de chat om het te lezen.",
      title: "Digitale assistent",
      close: "Chat sluiten",
      notice: "U chat met een digitale assistent. Dat is een computerprogramma, geen mens. Het kan fouten maken. Deel geen persoonlijke gegevens, zoals uw BSN.",
      log: "Gesprek",
      input: "Typ uw vraag",
      send: "Versturen",
      typing: "De assistent typt een antwoord",
      you: "U",
      bot: "Assistent",
      staff: "Medewerker",
      links: "Meer informatie",
      choices: "Kies een antwoord",
      waiting: "Wacht op een medewerker",
      connected: "Verbonden met een medewerker",
      live: "U bent doorverbonden met een medewerker. Het antwoord komt hier.",
      queued: "Een medewerker neemt contact met u op.",
      queuedAt: "Een medewerker neemt contact met u op: {time}.",
      tooLong: "Uw bericht is te lang: {n} tekens. Het mag maximaal {max} tekens zijn. Maak het korter.",
      invalid: "De assistent kan dit bericht niet lezen. Verander het bericht en probeer het opnieuw.",
      rate: "U stuurt veel berichten kort na elkaar. Wacht een minuut en probeer het dan opnieuw.",
      origin: "De chat werkt niet op deze website. Neem op een andere manier contact op met de gemeente.",
      failed: "Het versturen is niet gelukt. Controleer uw internetverbinding en probeer het opnieuw.",
      expired: "Dit gesprek bestaat niet meer. Stel uw vraag opnieuw.",
      erase: "Gesprek wissen",
      eraseAsk: "Wilt u het hele gesprek wissen? Dat kan niet ongedaan worden.",
      eraseYes: "Ja, wissen",
      eraseNo: "Nee",
      erased: "Het gesprek is gewist.",
      newTab: "(opent in een nieuw tabblad)"
    },
    en: {
      launcher: "Ask a question",
      unread: "New message",
      launcherLabel: "Ask a question to the digital assistant",
      announce: "New message in the chat. Open the chat to read it.",
      title: "Digital assistant",
      close: "Close chat",
      notice: "You are chatting with a digital assistant. It is a computer program, not a person. It can make mistakes. Do not share personal details, such as your BSN.",
      log: "Conversation",
      input: "Type your question",
      send: "Send",
      typing: "The assistant is typing",
      you: "You",
      bot: "Assistant",
      staff: "Staff",
      links: "More information",
      choices: "Choose an answer",
      waiting: "Waiting for a member of staff",
      connected: "Connected to a member of staff",
      live: "You are connected to a member of staff. The answer will appear here.",
      queued: "A member of staff will contact you.",
      queuedAt: "A member of staff will contact you: {time}.",
      tooLong: "Your message is too long: {n} characters. It may have at most {max} characters. Please make it shorter.",
      invalid: "The assistant cannot read this message. Please change it and try again.",
      rate: "You are sending many messages in a short time. Please wait a minute and try again.",
      origin: "The chat does not work on this website. Please contact the municipality another way.",
      failed: "Sending failed. Please check your internet connection and try again.",
      expired: "This conversation no longer exists. Please ask your question again.",
      erase: "Delete conversation",
      eraseAsk: "Delete the whole conversation? This cannot be undone.",
      eraseYes: "Yes, delete",
      eraseNo: "No",
      erased: "The conversation has been deleted.",
      newTab: "(opens in a new tab)"
    }
  };

  function pageLocale() {
    var chosen = data("locale") || document.documentElement.lang || "nl";
    return chosen.toLowerCase().indexOf("en") === 0 ? "en" : "nl";
  }

  // ---- state (survives page navigation within the tab) -------------------------

  function load(key) {
    try { return JSON.parse(sessionStorage.getItem(key) || "null"); } catch (e) { return null; }
  }
  function store(key, value) {
    try { sessionStorage.setItem(key, JSON.stringify(value)); } catch (e) { /* storage off: nothing survives navigation */ }
  }
  var saved = load(storageKey) || {};
  var state = {
    id: saved.id || null,
    open: !!saved.open,
    closed: !!saved.closed, // the resident closed the chat: data-open pages leave it closed
    lang: saved.lang || pageLocale(),
    cursor: "0",
    handover: null,
    busy: false,
    unread: false,
    // Bot texts shown from a POST answer before the poll has seen their seq: the poll skips them once.
    echoes: [],
    pollDelay: POLL_FIRST_MS,
    pollTimer: null
  };

  function persist() { store(storageKey, { id: state.id, open: state.open, closed: state.closed, lang: state.lang }); }

  function t(key) { return (TEXT[state.lang] || TEXT.nl)[key]; }

  // ---- DOM ------------------------------------------------------------------------

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text != null) node.textContent = text;
    return node;
  }

  // --p/--on primary background and text, --a links on white, --f focus, --r radius (applyLook).
  // Transparent borders: forced colours (Windows contrast themes) draw them.
  var CSS = [
    ":host{all:initial}",
    ".root{font:16px/1.5 var(--font);color:#1a1a1a}",
    "[hidden]{display:none!important}",
    ".sr{position:absolute;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0}",
    "button,textarea{font:inherit;letter-spacing:inherit;word-spacing:inherit}",
    "button:focus-visible,textarea:focus-visible,a:focus-visible,.log:focus-visible{outline:3px solid var(--f);outline-offset:2px;box-shadow:0 0 0 5px #fff}",
    ".launcher{position:fixed;right:16px;bottom:16px;z-index:2147483000;display:flex;align-items:center;gap:8px;min-height:48px;padding:10px 18px;border:2px solid var(--on);border-radius:calc(var(--r)*2);background:var(--p);color:var(--on);font-weight:600;cursor:pointer;box-shadow:0 4px 14px rgba(0,0,0,.3)}",
    ".launcher.unread::after{content:'';width:12px;height:12px;border-radius:50%;background:#fff;border:3px solid #b00020}",
    ".launcher svg{width:22px;height:22px;fill:currentColor;flex:none}",
    ".panel{position:fixed;inset:auto 16px 16px auto;z-index:2147483001;flex-direction:column;box-sizing:border-box;width:min(384px,calc(100vw - 16px));height:min(620px,calc(100vh - 32px));max-width:none;max-height:none;margin:0;padding:0;background:#fff;color:inherit;border:1px solid #6b6b6b;border-radius:var(--r);box-shadow:0 8px 28px rgba(0,0,0,.3);overflow:hidden;animation:rise .18s ease-out}",
    ".panel[open]{display:flex}",
    ".panel::backdrop{background:rgba(0,0,0,.4)}",
    // Motion only, never opacity: a background tab must not keep an invisible panel.
    "@keyframes rise{from{transform:translateY(12px)}to{transform:none}}",
    ".head{display:flex;align-items:center;justify-content:space-between;gap:8px;padding:10px 12px 10px 16px;background:var(--p);color:var(--on)}",
    ".head h2{margin:0;font-size:1.05em}",
    ".close{min-width:44px;min-height:44px;border:2px solid transparent;border-radius:calc(var(--r)*.67);background:transparent;color:var(--on);font-size:1.5em;line-height:1;cursor:pointer}",
    ".close:focus-visible{outline-color:var(--on);box-shadow:none;outline-offset:-4px}",
    ".notice{margin:0;padding:8px 16px;background:#f1f3f6;border-bottom:1px solid #d0d4da;font-size:.85em;color:#333}",
    ".status{margin:0;font-size:.9em}",
    ".status.on{padding:8px 16px;background:#fff7d6;border-bottom:1px solid #d9c36a}",
    ".status.connected{background:#e6f4ea;border-bottom-color:#1e6b34}",
    ".status b{display:block}",
    ".log{flex:1;overflow-y:auto;padding:12px 12px 4px;display:flex;flex-direction:column;gap:10px}",
    ".msg{max-width:88%;padding:8px 12px;border:1px solid transparent;border-radius:var(--r);background:#eef1f5;align-self:flex-start;overflow-wrap:anywhere}",
    ".msg p{margin:0;white-space:pre-wrap}",
    ".msg-resident{align-self:flex-end;background:var(--p);color:var(--on)}",
    ".msg-staff{background:#e6f4ea;border-left:4px solid #1e6b34}",
    ".msg-system{background:#fdecea;color:#6b1010}",
    ".who{display:block;font-size:.75em;font-weight:700;color:#444}",
    ".msg-resident .who{color:inherit}",
    ".links{margin:6px 0 0;padding-left:18px}",
    ".links a{color:var(--a);text-decoration:underline}",
    ".choices{display:flex;flex-wrap:wrap;gap:6px;margin-top:8px}",
    ".choices button{min-height:44px;padding:6px 12px;border:2px solid var(--a);border-radius:calc(var(--r)*1.5);background:#fff;color:var(--a);cursor:pointer}",
    ".choices button:disabled{border-color:#8a8a8a;color:#595959;cursor:default}",
    ".typing{display:flex;gap:4px;align-self:flex-start;padding:10px 12px;margin:0 12px 6px;border:1px solid transparent;border-radius:var(--r);background:#eef1f5;width:max-content}",
    // Dots as borders: forced colours keep borders, drop backgrounds.
    ".typing i{width:0;height:0;border:4px solid #555;border-radius:50%;animation:blink 1s infinite}",
    ".typing i:nth-child(3){animation-delay:.2s}.typing i:nth-child(4){animation-delay:.4s}",
    "@keyframes blink{50%{opacity:.25}}",
    ".composer{padding:6px 12px 10px;border-top:1px solid #d0d4da}",
    ".composer label{display:block;font-size:.85em;font-weight:600;margin-bottom:2px}",
    ".row{display:flex;gap:8px;align-items:flex-end}",
    ".composer textarea{flex:1;min-width:0;min-height:44px;max-height:120px;field-sizing:content;padding:10px;border:1px solid #6b6b6b;border-radius:calc(var(--r)*.67);resize:none;box-sizing:border-box;background:#fff;color:inherit}",
    ".composer textarea[aria-invalid=true]{border:2px solid #b00020}",
    ".error{margin:0;color:#b00020;font-size:.9em;font-weight:600}",
    ".error:not(:empty){margin-top:4px}",
    ".send{min-height:44px;padding:0 14px;border:2px solid transparent;border-radius:calc(var(--r)*.67);background:var(--p);color:var(--on);font-weight:600;cursor:pointer}",
    ".send:disabled{opacity:.7;cursor:default}",
    ".foot{display:flex;flex-wrap:wrap;justify-content:flex-end;align-items:center;gap:0 8px;padding:0 12px 8px}",
    ".foot p{margin:0;font-size:.85em}",
    ".erase{min-height:32px;border:2px solid transparent;background:none;color:#444;text-decoration:underline;cursor:pointer;font-size:.85em}",
    "@media " + SMALL + "{.panel{inset:0;width:100%;height:100%;border-radius:0;border:0}.launcher{right:8px;bottom:8px}}",
    "@media (max-height:560px){.head{padding:2px 8px 2px 12px}.notice{padding:4px 12px;font-size:.75em;line-height:1.35}.status.on{padding:4px 12px;font-size:.8em}.composer{padding:4px 12px}.foot{padding:0 12px 2px}.erase{min-height:24px}}",
    "@media (prefers-reduced-motion:reduce){.panel,.typing i{animation:none}.log{scroll-behavior:auto}}"
  ].join("");

  var host = el("div");
  host.id = "balie-widget";
  var shadow = host.attachShadow({ mode: "open" });
  var root = el("div", "root");
  shadow.appendChild(root);

  // Constructable stylesheets pass style-src 'self'; older browsers get <style> with the page's nonce.
  var constructable = "adoptedStyleSheets" in Document.prototype && "replaceSync" in CSSStyleSheet.prototype;
  function sheet(css) {
    if (constructable) {
      var made = new CSSStyleSheet();
      made.replaceSync(css);
      shadow.adoptedStyleSheets = shadow.adoptedStyleSheets.concat([made]);
      return function (text) { made.replaceSync(text); };
    }
    var node = el("style", null, css);
    var nonce = data("nonce") || script.nonce;
    if (nonce) node.setAttribute("nonce", nonce);
    shadow.insertBefore(node, root);
    return function (text) { node.textContent = text; };
  }
  sheet(CSS);
  var setTheme = sheet("");

  var launcher = el("button", "launcher");
  launcher.type = "button";
  launcher.hidden = true; // shown once the look is known: no flash of the default colours
  launcher.setAttribute("aria-expanded", "false");
  launcher.setAttribute("aria-controls", "balie-panel");
  var icon = document.createElementNS("http://www.w3.org/2000/svg", "svg");
  icon.setAttribute("viewBox", "0 0 24 24");
  icon.setAttribute("aria-hidden", "true");
  icon.setAttribute("focusable", "false");
  var iconPath = document.createElementNS("http://www.w3.org/2000/svg", "path");
  iconPath.setAttribute("d", "M4 3h16a2 2 0 0 1 2 2v11a2 2 0 0 1-2 2H9l-5 4v-4a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2z");
  icon.appendChild(iconPath);
  var launcherText = el("span");
  launcher.appendChild(icon);
  launcher.appendChild(launcherText);
  // Outside the panel: says "new message" to screen readers while the panel is closed.
  var announcer = el("div", "sr");
  announcer.setAttribute("role", "status");

  var panel = el("dialog", "panel");
  panel.id = "balie-panel";
  panel.setAttribute("aria-labelledby", "balie-title");
  var head = el("div", "head");
  var title = el("h2");
  title.id = "balie-title";
  var closeButton = el("button", "close", "\u00d7");
  closeButton.type = "button";
  head.appendChild(title);
  head.appendChild(closeButton);
  var notice = el("p", "notice");
  var status = el("p", "status");
  status.setAttribute("role", "status");
  var statusLabel = status.appendChild(el("b"));
  var statusText = status.appendChild(el("span"));
  var log = el("div", "log");
  log.setAttribute("role", "log");
  log.setAttribute("aria-live", "polite");
  log.tabIndex = 0; // scrollable region: reachable by keyboard
  var typing = el("div", "typing");
  typing.hidden = true;
  typing.setAttribute("role", "status");
  var typingText = typing.appendChild(el("span", "sr"));
  for (var i = 0; i < 3; i++) typing.appendChild(el("i")).setAttribute("aria-hidden", "true");
  var form = el("form", "composer");
  form.noValidate = true;
  var inputLabel = form.appendChild(el("label"));
  inputLabel.htmlFor = "balie-input";
  var row = form.appendChild(el("div", "row"));
  var input = row.appendChild(el("textarea"));
  input.id = "balie-input";
  input.rows = 1;
  input.setAttribute("autocomplete", "off");
  input.setAttribute("aria-describedby", "balie-error");
  var sendButton = row.appendChild(el("button", "send"));
  sendButton.type = "submit";
  var errorText = form.appendChild(el("p", "error"));
  errorText.id = "balie-error";
  errorText.setAttribute("role", "alert");
  var foot = el("div", "foot");
  var eraseButton = foot.appendChild(el("button", "erase"));
  // Erasing deletes the resident's data for good: asked once more first (WCAG 3.3.4).
  var eraseAsk = foot.appendChild(el("p"));
  eraseAsk.id = "balie-erase-ask";
  var eraseYes = foot.appendChild(el("button", "erase"));
  var eraseNo = foot.appendChild(el("button", "erase"));
  [eraseButton, eraseYes, eraseNo].forEach(function (button) { button.type = "button"; });
  eraseYes.setAttribute("aria-describedby", eraseAsk.id);
  function asking(ask) {
    eraseButton.hidden = ask;
    eraseAsk.hidden = eraseYes.hidden = eraseNo.hidden = !ask;
  }
  asking(false);
  [head, notice, status, log, typing, form, foot].forEach(function (node) { panel.appendChild(node); });
  root.appendChild(launcher);
  root.appendChild(announcer);
  root.appendChild(panel);

  function applyLanguage() {
    // The accessible name starts with the visible text (WCAG 2.5.3).
    launcherText.textContent = state.unread ? t("unread") : t("launcher");
    launcher.setAttribute("aria-label", state.unread ? t("unread") + ": " + t("launcherLabel") : t("launcherLabel"));
    launcher.classList.toggle("unread", !!state.unread);
    title.textContent = t("title");
    closeButton.setAttribute("aria-label", t("close"));
    notice.textContent = t("notice");
    log.setAttribute("aria-label", t("log"));
    typingText.textContent = t("typing");
    inputLabel.textContent = t("input");
    sendButton.textContent = t("send");
    eraseButton.textContent = t("erase");
    eraseAsk.textContent = t("eraseAsk");
    eraseYes.textContent = t("eraseYes");
    eraseNo.textContent = t("eraseNo");
    panel.lang = state.lang;
    launcher.lang = state.lang;
    announcer.lang = state.lang;
    renderStatus();
  }

  // ---- the look: design tokens, contrast-checked (WCAG AA) -------------------------

  function luminance(hex) {
    var n = parseInt(hex.slice(1), 16);
    return [n >> 16, (n >> 8) & 255, n & 255].map(function (c) {
      c /= 255;
      return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }).reduce(function (sum, c, i) { return sum + c * [0.2126, 0.7152, 0.0722][i]; }, 0);
  }
  function contrast(a, b) {
    var x = luminance(a), y = luminance(b);
    return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
  }
  var paint = document.createElement("canvas").getContext("2d");
  var VALID = {
    // Any opaque CSS colour as #rrggbb (the canvas normalises it; an invalid one leaves the probe).
    color: function (value) {
      paint.fillStyle = "#010203";
      paint.fillStyle = value;
      var hex = paint.fillStyle;
      return /^#[0-9a-f]{6}$/.test(hex) && (hex !== "#010203" || /^#010203$/i.test(value)) ? hex : null;
    },
    font: function (value) { return /^[\w\s,'"-]{1,200}$/.test(value) ? value : null; },
    length: function (value) { return /^(0|\d{1,3}(\.\d+)?(px|r?em))$/.test(value) ? value : null; }
  };
  // [key, token name after --balie- (camelCase in the tenant's look), NL Design System token, kind, default]
  var LOOK = [
    ["p", "primary-background-color", "--utrecht-button-primary-action-background-color", "color", "#1f4e8c"],
    ["on", "primary-color", "--utrecht-button-primary-action-color", "color", "#ffffff"],
    ["a", "link-color", "--utrecht-link-color", "color", null],
    ["f", "focus-outline-color", "--utrecht-focus-outline-color", "color", null],
    ["font", "font-family", "--utrecht-document-font-family", "font", "system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif"],
    ["r", "border-radius", "--utrecht-border-radius-md", "length", "12px"]
  ];
  var legacy = { p: data("color"), on: data("color-text") };

  function applyLook(tenantLook) {
    var page = getComputedStyle(host), look = {};
    LOOK.forEach(function (spec) {
      var camel = spec[1].replace(/-(\w)/g, function (m, c) { return c.toUpperCase(); });
      var choices = [legacy[spec[0]], page.getPropertyValue("--balie-" + spec[1]), (tenantLook || {})[camel],
        page.getPropertyValue(spec[2]), spec[4]];
      for (var k = 0; k < choices.length && !look[spec[0]]; k++) {
        look[spec[0]] = choices[k] ? VALID[spec[3]](String(choices[k]).trim()) : null;
      }
    });
    var white = "#ffffff";
    if (contrast(look.p, look.on) < 4.5) look.on = contrast(look.p, white) >= contrast(look.p, "#000000") ? white : "#000000";
    // Links and outlined buttons sit on white; the focus outline needs 3:1 against it (non-text contrast).
    if (!look.a || contrast(look.a, white) < 4.5) look.a = contrast(look.p, white) >= 4.5 ? look.p : "#1f4e8c";
    if (!look.f || contrast(look.f, white) < 3) look.f = look.a;
    setTheme(":host{--p:" + look.p + ";--on:" + look.on + ";--a:" + look.a + ";--f:" + look.f +
      ";--r:" + look.r + ";--font:" + look.font + "}");
    launcher.hidden = panel.open;
  }

  // The tenant's look, once per tab (sessionStorage); the launcher waits for it at most 1.5 s.
  function loadLook() {
    var lookKey = storageKey + ":look";
    var cached = load(lookKey);
    if (cached) return applyLook(cached);
    var fallback = setTimeout(function () { if (launcher.hidden && !state.open) applyLook(null); }, 1500);
    request("GET", "/v1/widget/" + encodeURIComponent(tenant)).then(function (settings) {
      store(lookKey, settings.look || {});
      return settings.look;
    }, function () { return null; }).then(function (look) {
      clearTimeout(fallback);
      applyLook(look);
    });
  }

  // ---- messages -----------------------------------------------------------------

  function safeUrl(url) {
    try {
      var parsed = new URL(url, location.href);
      return parsed.protocol === "https:" || parsed.protocol === "http:" ? parsed.href : null;
    } catch (e) { return null; }
  }

  function choiceButtons(enabled) {
    return Array.prototype.filter.call(log.querySelectorAll(".choices button"), function (b) { return b.disabled !== enabled; });
  }

  function addMessage(role, message) {
    var box = el("div", "msg msg-" + role);
    var label = { resident: "you", bot: "bot", staff: "staff", system: "bot" }[role] || "bot";
    box.appendChild(el("span", role === "staff" ? "who" : "who sr", t(label) + ":"));
    box.appendChild(el("p", null, message.text || ""));
    var links = (message.links || []).filter(function (link) { return safeUrl(link.url); });
    if (links.length) {
      var list = el("ul", "links");
      list.setAttribute("aria-label", t("links"));
      links.forEach(function (link) {
        var a = el("a", null, link.title || link.url);
        a.href = safeUrl(link.url);
        a.target = "_blank";
        a.rel = "noopener noreferrer";
        a.appendChild(el("span", "sr", " " + t("newTab")));
        list.appendChild(el("li")).appendChild(a);
      });
      box.appendChild(list);
    }
    if ((message.buttons || []).length) {
      var group = el("div", "choices");
      group.setAttribute("role", "group");
      group.setAttribute("aria-label", t("choices"));
      message.buttons.forEach(function (choice) {
        var button = group.appendChild(el("button", null, choice.title));
        button.type = "button";
        button.addEventListener("click", function () {
          input.focus(); // before the buttons are disabled: focus never falls to the page
          send(choice.title, choice.payload);
        });
      });
      box.appendChild(group);
    }
    log.appendChild(box);
    log.scrollTop = log.scrollHeight;
    return box;
  }

  function when(iso) {
    return new Date(iso).toLocaleString(state.lang === "en" ? "en-GB" : "nl-NL", {
      weekday: "long", day: "numeric", month: "long", hour: "2-digit", minute: "2-digit", timeZone: "Europe/Amsterdam"
    });
  }

  // `claimed` and `notice` come from the server, which words availability; older APIs lack them.
  function renderStatus() {
    var h = state.handover, label = "", text = "";
    if (h) {
      var live = h.status === "live";
      if (live && typeof h.claimed === "boolean") label = t(h.claimed ? "connected" : "waiting");
      text = h.notice || (live ? (h.claimed === false ? "" : t("live"))
        : h.expectedContactAt ? t("queuedAt").replace("{time}", when(h.expectedContactAt)) : t("queued"));
    }
    statusLabel.textContent = label;
    statusText.textContent = text;
    status.className = "status" + (h ? " on" : "") + (h && h.claimed ? " connected" : "");
  }

  function setHandover(handover) {
    state.handover = handover || null;
    renderStatus();
    schedulePoll(true);
  }

  function setError(text) {
    errorText.textContent = text || "";
    if (text) input.setAttribute("aria-invalid", "true"); else input.removeAttribute("aria-invalid");
  }

  // ---- HTTP -----------------------------------------------------------------------

  function request(method, path, body) {
    return fetch(api + path, {
      method: method,
      headers: body ? { "content-type": "application/json" } : {},
      body: body ? JSON.stringify(body) : undefined,
      credentials: "omit"
    }).then(function (response) {
      return response.json().catch(function () { return null; }).then(function (data) {
        if (!response.ok) {
          var error = new Error("HTTP " + response.status);
          error.status = response.status;
          throw error;
        }
        return data;
      });
    });
  }

  function randomId() {
    if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
    var bytes = new Uint8Array(16);
    crypto.getRandomValues(bytes);
    return Array.prototype.map.call(bytes, function (b) { return (b + 256).toString(16).slice(1); }).join("");
  }

  // Network errors and 5xx are retried with the same clientMessageId: the server replays what it
  // stored (also the first turn's conversation id), so a turn never happens twice.
  function postTurn(body, attempt) {
    return request("POST", "/v1/chat", body).catch(function (error) {
      var retryable = !error.status || error.status >= 500;
      if (!retryable || attempt >= 3) throw error;
      return new Promise(function (resolve) { setTimeout(resolve, 500 * Math.pow(2, attempt)); })
        .then(function () { return postTurn(body, attempt + 1); });
    });
  }

  function setBusy(busy) {
    state.busy = busy;
    typing.hidden = !busy;
    sendButton.disabled = busy;
    if (busy) log.scrollTop = log.scrollHeight;
  }

  function forget() {
    state.id = null;
    state.cursor = "0";
    state.echoes = [];
    setHandover(null);
    persist();
  }

  function characters(text) { return Array.from(text).length; } // code points, as the API counts

  // What went wrong and what to do about it (WCAG 3.3.1 / 3.3.3).
  function refusal(error, text) {
    if (error.status === 429) return t("rate");
    if (error.status === 403) return t("origin");
    if (error.status === 400 || error.status === 413) return characters(text) > MAX_CHARS ? tooLong(text) : t("invalid");
    return t("failed");
  }
  function tooLong(text) {
    var format = function (n) { return n.toLocaleString(state.lang === "en" ? "en-GB" : "nl-NL"); };
    return t("tooLong").replace("{n}", format(characters(text))).replace("{max}", format(MAX_CHARS));
  }

  function send(text, payload) {
    // What the API refuses and no keyboard types (core/text_input.py), from a paste: controls
    // become spaces, direction overrides and noncharacters go, lone surrogates become U+FFFD.
    text = (text || "").replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, " ")
      .replace(/[\u202a-\u202e\u2066-\u2069]|\p{Noncharacter_Code_Point}/gu, "");
    text = (text.toWellFormed ? text.toWellFormed() : text).trim();
    if (!text || state.busy) return;
    if (characters(text) > MAX_CHARS) {
      input.value = text;
      setError(tooLong(text));
      input.focus();
      return;
    }
    setError("");
    var body = { tenant: tenant, message: text, clientMessageId: randomId(), locale: state.lang };
    if (state.id) body.conversationId = state.id;
    if (payload) body.payload = payload;
    if (topic) body.topic = topic;
    // Answered: the earlier follow-up and feedback buttons are history now (fewer tab stops).
    var answered = choiceButtons(true);
    answered.forEach(function (button) { button.disabled = true; });
    var bubble = addMessage("resident", { text: text });
    if (!payload) input.value = "";
    setBusy(true);
    postTurn(body, 0).then(function (reply) {
      state.id = reply.conversationId;
      if (reply.language && TEXT[reply.language] && reply.language !== state.lang) {
        state.lang = reply.language;
        applyLanguage();
      }
      persist();
      setBusy(false);
      (reply.messages || []).forEach(function (message) {
        state.echoes.push(message.text);
        addMessage("bot", message);
      });
      setHandover(reply.handover);
    }).catch(function (error) {
      setBusy(false);
      if (error.status === 404 && body.conversationId) {
        forget();
        addMessage("system", { text: t("expired") });
        return;
      }
      // Not accepted: the message goes back into the box, with the reason.
      bubble.remove();
      answered.forEach(function (button) { button.disabled = false; });
      if (!payload) input.value = text;
      setError(refusal(error, text));
    });
  }

  // ---- polling: staff replies and handover notices ------------------------------------

  function wantsPolling() {
    return !!(state.id && state.handover && state.handover.status === "live");
  }

  function schedulePoll(reset) {
    clearTimeout(state.pollTimer);
    state.pollTimer = null;
    if (reset) state.pollDelay = POLL_FIRST_MS;
    if (!wantsPolling() || document.hidden) return;
    state.pollTimer = setTimeout(poll, state.pollDelay);
  }

  function showEntries(entries, includeResident) {
    var shown = 0;
    entries.forEach(function (entry) {
      if (entry.role === "resident" && !includeResident) return; // shown when sent
      if (entry.role !== "staff" && state.echoes.length && state.echoes[0] === entry.text) {
        state.echoes.shift();
        return;
      }
      addMessage(entry.role, entry);
      shown++;
    });
    return shown;
  }

  function poll() {
    var id = state.id;
    request("GET", "/v1/chat/" + encodeURIComponent(id) + "/messages?after=" + encodeURIComponent(state.cursor))
      .then(function (page) {
        if (id !== state.id) return;
        var shown = showEntries(page.messages || [], false);
        if (shown && !state.open) {
          state.unread = true;
          applyLanguage();
          // The closed panel's log is not rendered and announces nothing.
          announcer.textContent = t("announce");
        }
        state.cursor = page.cursor;
        state.pollDelay = shown ? POLL_FIRST_MS : Math.min(POLL_MAX_MS, Math.round(state.pollDelay * 1.6));
        state.handover = page.handover || null;
        renderStatus();
        schedulePoll(false);
      })
      .catch(function (error) {
        if (error.status === 404) { forget(); return; }
        state.pollDelay = Math.min(POLL_MAX_MS, state.pollDelay * 2);
        schedulePoll(false);
      });
  }

  document.addEventListener("visibilitychange", function () {
    if (document.hidden) { clearTimeout(state.pollTimer); state.pollTimer = null; } else { schedulePoll(true); }
  });

  function restore() {
    if (!state.id) return;
    request("GET", "/v1/chat/" + encodeURIComponent(state.id) + "/messages").then(function (page) {
      state.echoes = [];
      showEntries(page.messages || [], true);
      state.cursor = page.cursor;
      setHandover(page.handover);
    }).catch(function (error) {
      if (error.status === 404) forget(); // expired or erased: start fresh
    });
  }

  // ---- open / close / erase -------------------------------------------------------------

  var small = matchMedia(SMALL);

  // Full screen = modal (the page behind is inert); a corner panel leaves the page usable.
  // `quiet`: opened on page load; focus stays where the page put it.
  function showPanel(quiet) {
    if (small.matches) {
      panel.showModal();
    } else {
      panel.open = true; // the attribute, unlike show(), moves no focus
    }
    if (!quiet) input.focus();
  }

  function setOpen(open, returnFocus, quiet) {
    if (open === panel.open) return;
    state.open = open;
    if (open) {
      state.closed = false;
      announcer.textContent = "";
      if (state.unread) { state.unread = false; applyLanguage(); }
    } else {
      state.closed = true;
    }
    launcher.hidden = open;
    launcher.setAttribute("aria-expanded", String(open));
    persist();
    if (open) {
      showPanel(quiet);
      log.scrollTop = log.scrollHeight;
    } else {
      panel.close();
      if (returnFocus) launcher.focus();
    }
  }

  // Turned or zoomed while open: the same panel in the other mode.
  small.addEventListener("change", function () {
    if (!panel.open) return;
    var focused = shadow.activeElement;
    panel.close();
    showPanel(true);
    if (focused) focused.focus();
  });

  launcher.addEventListener("click", function () { setOpen(true); });
  closeButton.addEventListener("click", function () { setOpen(false, true); });
  panel.addEventListener("cancel", function (event) { // Escape on a modal dialog
    event.preventDefault();
    setOpen(false, true);
  });
  panel.addEventListener("keydown", function (event) {
    if (event.key === "Escape") {
      event.preventDefault();
      setOpen(false, true);
    } else if (event.key === "Tab" && panel.matches(":modal")) {
      // Modal: Tab wraps around inside the panel.
      var stops = Array.prototype.filter.call(panel.querySelectorAll("button,textarea,a[href],[tabindex='0']"), function (node) {
        return !node.disabled && node.getClientRects().length;
      });
      var edge = stops[event.shiftKey ? 0 : stops.length - 1];
      if (shadow.activeElement === edge) {
        event.preventDefault();
        stops[event.shiftKey ? stops.length - 1 : 0].focus();
      }
    }
  });
  input.addEventListener("keydown", function (event) {
    if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      form.requestSubmit();
    }
  });
  input.addEventListener("input", function () {
    if (errorText.textContent && characters(input.value) <= MAX_CHARS) setError("");
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    send(input.value);
  });
  eraseButton.addEventListener("click", function () {
    asking(true);
    eraseNo.focus();
  });
  eraseNo.addEventListener("click", function () {
    asking(false);
    eraseButton.focus();
  });
  eraseYes.addEventListener("click", function () {
    asking(false);
    var id = state.id;
    log.textContent = "";
    forget();
    addMessage("system", { text: t("erased") });
    if (id) request("DELETE", "/v1/chat/" + encodeURIComponent(id)).catch(function () { /* already gone */ });
    input.focus();
  });

  function mount() {
    document.body.appendChild(host);
    applyLanguage();
    loadLook();
    restore();
    // Reopened after navigation, or by data-open unless the resident closed it; never as a modal.
    var reopen = state.open || (openHere && !state.closed);
    state.open = false;
    if (reopen && !small.matches) setOpen(true, false, true);
  }
  if (document.body) mount(); else document.addEventListener("DOMContentLoaded", mount);
})();
