/*
 * Balie chat widget. One file, no dependencies, embedded by one tag:
 *   <script src="https://.../widget.js" data-tenant="voorbeeld" data-api="https://..." async></script>
 * Optional: data-color / data-color-text (tenant colours), data-locale ("nl" | "en"; default: the page's lang).
 * It lives in an open shadow root so the page's CSS cannot break it (and tools like axe can still read it).
 * Everything from the server is inserted with textContent, never as HTML.
 */
(function () {
  "use strict";

  var script = document.currentScript || document.querySelector("script[data-tenant][src*='widget']");
  if (!script || window.__balieWidget) return;
  window.__balieWidget = true;

  var tenant = script.getAttribute("data-tenant");
  var api = (script.getAttribute("data-api") || new URL(script.src, location.href).origin).replace(/\/+$/, "");
  var storageKey = "balie:" + tenant;
  var POLL_FIRST_MS = 1500;
  var POLL_MAX_MS = 20000;

  var TEXT = {
    nl: {
      launcher: "Stel uw vraag",
      unread: "Nieuw bericht",
      launcherLabel: "Stel uw vraag aan de digitale assistent",
      title: "Digitale assistent",
      close: "Chat sluiten",
      notice: "U chat met een digitale assistent. Dat is een computerprogramma, geen mens. Het kan fouten maken. Deel geen persoonlijke gegevens, zoals uw BSN.",
      log: "Gesprek",
      input: "Uw vraag",
      placeholder: "Typ uw vraag",
      send: "Versturen",
      typing: "De assistent typt een antwoord",
      you: "U",
      bot: "Assistent",
      staff: "Medewerker",
      links: "Meer informatie",
      choices: "Kies een antwoord",
      live: "U bent doorverbonden met een medewerker. Het antwoord komt hier.",
      queued: "Een medewerker neemt contact met u op.",
      queuedAt: "Een medewerker neemt contact met u op: {time}.",
      failed: "Het versturen is niet gelukt. Probeer het nog eens.",
      expired: "Dit gesprek bestaat niet meer. Stel uw vraag opnieuw.",
      erase: "Gesprek wissen",
      erased: "Het gesprek is gewist.",
      newTab: "(opent in een nieuw tabblad)"
    },
    en: {
      launcher: "Ask a question",
      unread: "New message",
      launcherLabel: "Ask a question to the digital assistant",
      title: "Digital assistant",
      close: "Close chat",
      notice: "You are chatting with a digital assistant. It is a computer program, not a person. It can make mistakes. Do not share personal details, such as your BSN.",
      log: "Conversation",
      input: "Your question",
      placeholder: "Type your question",
      send: "Send",
      typing: "The assistant is typing",
      you: "You",
      bot: "Assistant",
      staff: "Staff",
      links: "More information",
      choices: "Choose an answer",
      live: "You are connected to a member of staff. The answer will appear here.",
      queued: "A member of staff will contact you.",
      queuedAt: "A member of staff will contact you: {time}.",
      failed: "Sending failed. Please try again.",
      expired: "This conversation no longer exists. Please ask your question again.",
      erase: "Delete conversation",
      erased: "The conversation has been deleted.",
      newTab: "(opens in a new tab)"
    }
  };

  function pageLocale() {
    var chosen = script.getAttribute("data-locale") || document.documentElement.lang || "nl";
    return chosen.toLowerCase().indexOf("en") === 0 ? "en" : "nl";
  }

  // ---- state (survives page navigation within the tab) -------------------------

  var saved = {};
  try { saved = JSON.parse(sessionStorage.getItem(storageKey) || "{}") || {}; } catch (e) { saved = {}; }
  var state = {
    id: saved.id || null,
    open: !!saved.open,
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

  function persist() {
    try {
      sessionStorage.setItem(storageKey, JSON.stringify({ id: state.id, open: state.open, lang: state.lang }));
    } catch (e) { /* storage off: the conversation just does not survive navigation */ }
  }

  function t(key) { return (TEXT[state.lang] || TEXT.nl)[key]; }

  // ---- colours: keep text readable (WCAG AA 4.5:1) whatever the tenant picked ---

  function luminance(hex) {
    var m = /^#?([0-9a-f]{6})$/i.exec(hex || "");
    if (!m) return null;
    var n = parseInt(m[1], 16);
    return [n >> 16, (n >> 8) & 255, n & 255].map(function (c) {
      c /= 255;
      return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }).reduce(function (sum, c, i) { return sum + c * [0.2126, 0.7152, 0.0722][i]; }, 0);
  }
  function contrast(a, b) {
    var x = luminance(a), y = luminance(b);
    return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
  }
  var primary = luminance(script.getAttribute("data-color")) !== null ? script.getAttribute("data-color") : "#1f4e8c";
  var onPrimary = script.getAttribute("data-color-text") || "#ffffff";
  if (luminance(onPrimary) === null || contrast(primary, onPrimary) < 4.5) {
    onPrimary = contrast(primary, "#ffffff") >= contrast(primary, "#000000") ? "#ffffff" : "#000000";
  }
  // Links and outlines sit on white: fall back to a dark blue when the tenant colour is too light there.
  var accent = contrast(primary, "#ffffff") >= 4.5 ? primary : "#1f4e8c";

  // ---- DOM ------------------------------------------------------------------------

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text != null) node.textContent = text;
    return node;
  }

  var CSS = [
    ":host{all:initial}",
    ".root{--p:" + primary + ";--on:" + onPrimary + ";--a:" + accent + ";font:16px/1.5 system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif;color:#1a1a1a}",
    "[hidden]{display:none!important}",
    ".sr{position:absolute;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0}",
    "button,textarea{font:inherit}",
    "button:focus-visible,textarea:focus-visible,a:focus-visible,.log:focus-visible{outline:3px solid var(--a);outline-offset:2px;box-shadow:0 0 0 5px #fff}",
    ".launcher{position:fixed;right:16px;bottom:16px;z-index:2147483000;display:flex;align-items:center;gap:8px;min-height:48px;padding:10px 18px;border:2px solid var(--on);border-radius:24px;background:var(--p);color:var(--on);font-weight:600;cursor:pointer;box-shadow:0 4px 14px rgba(0,0,0,.3)}",
    ".launcher.unread::after{content:'';width:12px;height:12px;border-radius:50%;background:#fff;border:3px solid #b00020}",
    ".launcher svg{width:22px;height:22px;fill:currentColor;flex:none}",
    ".panel{position:fixed;right:16px;bottom:16px;z-index:2147483001;display:flex;flex-direction:column;width:min(384px,calc(100vw - 16px));height:min(620px,calc(100vh - 32px));background:#fff;border:1px solid #6b6b6b;border-radius:12px;box-shadow:0 8px 28px rgba(0,0,0,.3);overflow:hidden;animation:rise .18s ease-out}",
    // Motion only, never opacity: a tab that is not painting (in the background) must not keep an invisible panel.
    "@keyframes rise{from{transform:translateY(12px)}to{transform:none}}",
    ".head{display:flex;align-items:center;justify-content:space-between;gap:8px;padding:10px 12px 10px 16px;background:var(--p);color:var(--on)}",
    ".head h2{margin:0;font-size:1.05em}",
    ".close{min-width:44px;min-height:44px;border:0;border-radius:8px;background:transparent;color:var(--on);font-size:1.5em;line-height:1;cursor:pointer}",
    ".close:focus-visible{outline-color:var(--on);box-shadow:none;outline-offset:-4px}",
    ".notice{margin:0;padding:8px 16px;background:#f1f3f6;border-bottom:1px solid #d0d4da;font-size:.85em;color:#333}",
    ".status{margin:0;padding:8px 16px;background:#fff7d6;border-bottom:1px solid #d9c36a;font-size:.9em}",
    ".status:empty{display:none}",
    ".log{flex:1;overflow-y:auto;padding:12px 12px 4px;display:flex;flex-direction:column;gap:10px}",
    ".msg{max-width:88%;padding:8px 12px;border-radius:12px;background:#eef1f5;align-self:flex-start;overflow-wrap:anywhere}",
    ".msg p{margin:0;white-space:pre-wrap}",
    ".msg-resident{align-self:flex-end;background:var(--p);color:var(--on)}",
    ".msg-staff{background:#e6f4ea;border-left:4px solid #1e6b34}",
    ".msg-system{background:#fdecea;color:#6b1010}",
    ".who{display:block;font-size:.75em;font-weight:700;color:#444}",
    ".msg-resident .who{color:inherit}",
    ".links{margin:6px 0 0;padding-left:18px}",
    ".links a{color:var(--a);text-decoration:underline}",
    ".choices{display:flex;flex-wrap:wrap;gap:6px;margin-top:8px}",
    ".choices button{min-height:44px;padding:6px 12px;border:2px solid var(--a);border-radius:18px;background:#fff;color:var(--a);cursor:pointer}",
    ".choices button:disabled{border-color:#8a8a8a;color:#595959;cursor:default}",
    ".typing{display:flex;gap:4px;align-self:flex-start;padding:10px 12px;margin:0 12px 6px;border-radius:12px;background:#eef1f5;width:max-content}",
    ".typing i{width:8px;height:8px;border-radius:50%;background:#555;animation:blink 1s infinite}",
    ".typing i:nth-child(2){animation-delay:.2s}.typing i:nth-child(3){animation-delay:.4s}",
    "@keyframes blink{50%{opacity:.25}}",
    ".composer{display:flex;gap:8px;align-items:flex-end;padding:10px 12px;border-top:1px solid #d0d4da}",
    ".composer textarea{flex:1;min-height:44px;max-height:120px;padding:10px;border:1px solid #6b6b6b;border-radius:8px;resize:none;box-sizing:border-box}",
    ".send{min-height:44px;padding:0 14px;border:0;border-radius:8px;background:var(--p);color:var(--on);font-weight:600;cursor:pointer}",
    ".send:disabled{opacity:.7;cursor:default}",
    ".foot{display:flex;justify-content:flex-end;padding:0 12px 8px}",
    ".erase{min-height:32px;border:0;background:none;color:#444;text-decoration:underline;cursor:pointer;font-size:.85em}",
    "@media (max-width:420px){.panel{right:0;bottom:0;width:100vw;height:100%;border-radius:0;border:0}.launcher{right:8px;bottom:8px}}",
    // Short viewports (200% zoom on a laptop): smaller chrome so the messages keep room.
    "@media (max-height:560px){.head{padding:2px 8px 2px 12px}.notice{padding:4px 12px;font-size:.75em;line-height:1.35}.status{padding:4px 12px;font-size:.8em}.composer{padding:6px 12px}.foot{padding:0 12px 2px}.erase{min-height:24px}}",
    "@media (prefers-reduced-motion:reduce){.panel,.typing i{animation:none}.log{scroll-behavior:auto}}"
  ].join("");

  var host = el("div");
  host.id = "balie-widget";
  var shadow = host.attachShadow({ mode: "open" });
  var style = el("style");
  style.textContent = CSS;
  var root = el("div", "root");
  shadow.appendChild(style);
  shadow.appendChild(root);

  var launcher = el("button", "launcher");
  launcher.type = "button";
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

  var panel = el("section", "panel");
  panel.id = "balie-panel";
  panel.hidden = true;
  panel.setAttribute("role", "dialog");
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
  var log = el("div", "log");
  log.setAttribute("role", "log");
  log.setAttribute("aria-live", "polite");
  log.tabIndex = 0; // scrollable region: reachable by keyboard
  var typing = el("div", "typing");
  typing.hidden = true;
  typing.setAttribute("role", "status");
  var typingText = el("span", "sr");
  typing.appendChild(typingText);
  for (var i = 0; i < 3; i++) typing.appendChild(el("i")).setAttribute("aria-hidden", "true");
  var form = el("form", "composer");
  var inputLabel = el("label", "sr");
  inputLabel.htmlFor = "balie-input";
  var input = el("textarea");
  input.id = "balie-input";
  input.rows = 1;
  input.maxLength = 1000;
  input.setAttribute("autocomplete", "off");
  var sendButton = el("button", "send");
  sendButton.type = "submit";
  form.appendChild(inputLabel);
  form.appendChild(input);
  form.appendChild(sendButton);
  var foot = el("div", "foot");
  var eraseButton = el("button", "erase");
  eraseButton.type = "button";
  foot.appendChild(eraseButton);
  [head, notice, status, log, typing, form, foot].forEach(function (node) { panel.appendChild(node); });
  root.appendChild(launcher);
  root.appendChild(panel);

  function applyLanguage() {
    // While closed, a staff reply or notice turns the launcher into "Nieuw bericht" (the accessible
    // name starts with the visible text, WCAG 2.5.3).
    launcherText.textContent = state.unread ? t("unread") : t("launcher");
    launcher.setAttribute("aria-label", state.unread ? t("unread") + ": " + t("launcherLabel") : t("launcherLabel"));
    launcher.classList.toggle("unread", !!state.unread);
    title.textContent = t("title");
    closeButton.setAttribute("aria-label", t("close"));
    notice.textContent = t("notice");
    log.setAttribute("aria-label", t("log"));
    typingText.textContent = t("typing");
    inputLabel.textContent = t("input");
    input.placeholder = t("placeholder");
    sendButton.textContent = t("send");
    eraseButton.textContent = t("erase");
    panel.lang = state.lang;
    launcher.lang = state.lang;
    renderStatus();
  }

  // ---- messages -----------------------------------------------------------------

  function safeUrl(url) {
    try {
      var parsed = new URL(url, location.href);
      return parsed.protocol === "https:" || parsed.protocol === "http:" ? parsed.href : null;
    } catch (e) { return null; }
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
        var button = el("button", null, choice.title);
        button.type = "button";
        button.addEventListener("click", function () {
          if (state.busy) return;
          Array.prototype.forEach.call(group.querySelectorAll("button"), function (b) { b.disabled = true; });
          send(choice.title, choice.payload);
          input.focus();
        });
        group.appendChild(button);
      });
      box.appendChild(group);
    }
    log.appendChild(box);
    log.scrollTop = log.scrollHeight;
  }

  function renderStatus() {
    var h = state.handover;
    if (!h) { status.textContent = ""; return; }
    if (h.status === "live") { status.textContent = t("live"); return; }
    if (h.expectedContactAt) {
      var when = new Date(h.expectedContactAt).toLocaleString(state.lang === "en" ? "en-GB" : "nl-NL", {
        weekday: "long", day: "numeric", month: "long", hour: "2-digit", minute: "2-digit", timeZone: "Europe/Amsterdam"
      });
      status.textContent = t("queuedAt").replace("{time}", when);
    } else {
      status.textContent = t("queued");
    }
  }

  function setHandover(handover) {
    state.handover = handover || null;
    renderStatus();
    schedulePoll(true);
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

  // Network errors and 5xx are retried with the same clientMessageId: the server answers a repeat
  // from what it stored, so the resident never gets a turn twice. On a first turn the server
  // derives the conversation id from an id of 16+ characters, so that retry is safe too.
  function postTurn(body, attempt) {
    return request("POST", "/v1/chat", body).catch(function (error) {
      var retryable = !error.status || error.status >= 500 || error.status === 429;
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

  function send(text, payload) {
    text = (text || "").trim();
    if (!text || state.busy) return;
    var body = { tenant: tenant, message: text, clientMessageId: randomId(), locale: state.lang };
    if (state.id) body.conversationId = state.id;
    if (payload) body.payload = payload;
    addMessage("resident", { text: text });
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
      } else {
        addMessage("system", { text: t("failed") });
        if (!payload) input.value = text;
      }
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
        if (shown && !state.open) { state.unread = true; applyLanguage(); }
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
    }).catch(function () {
      forget(); // expired or erased: start fresh
    });
  }

  // ---- open / close / erase -------------------------------------------------------------

  // `quiet`: reopened after a page load; moving focus then would surprise keyboard and screen reader users.
  function setOpen(open, returnFocus, quiet) {
    state.open = open;
    if (open && state.unread) { state.unread = false; applyLanguage(); }
    panel.hidden = !open;
    launcher.hidden = open;
    launcher.setAttribute("aria-expanded", String(open));
    persist();
    if (open) {
      if (!quiet) input.focus();
      log.scrollTop = log.scrollHeight;
    } else if (returnFocus) {
      launcher.focus();
    }
  }

  launcher.addEventListener("click", function () { setOpen(true); });
  closeButton.addEventListener("click", function () { setOpen(false, true); });
  panel.addEventListener("keydown", function (event) {
    if (event.key === "Escape") {
      event.preventDefault();
      setOpen(false, true);
    }
  });
  input.addEventListener("keydown", function (event) {
    if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      form.requestSubmit ? form.requestSubmit() : form.dispatchEvent(new Event("submit", { cancelable: true }));
    }
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var text = input.value;
    if (!text.trim() || state.busy) return;
    input.value = "";
    send(text);
  });
  eraseButton.addEventListener("click", function () {
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
    restore();
    if (state.open) setOpen(true, false, true);
  }
  if (document.body) mount(); else document.addEventListener("DOMContentLoaded", mount);
})();
