/*
 * Balie staff dashboard: no framework, nothing fetched from outside this site and the API.
 * Views (by URL hash): sign-in, #gesprekken (waiting and live handovers, the bot's conversations,
 * open conversations, tickets), #rapportage, and for editors #standaardantwoorden (canned
 * replies) and #niet-nuttig (answers residents called not helpful).
 * Times follow the server's clock (GET /v1/staff/me `now`; BALIE_NOW locally), not the browser's.
 * Text from residents, staff or the API is always set with textContent, never parsed as HTML.
 */
(function () {
  "use strict";

  var LIST_POLL_MS = 4000;
  var CONVERSATION_POLL_MS = 3000;
  var SVG = "http://www.w3.org/2000/svg";

  var dom = window.BalieDom; // dom.js: h, $, clear, meta, the stored session
  var h = dom.h, $ = dom.$, clear = dom.clear, meta = dom.meta;

  var session = dom.storedSession();
  var profile = null; // GET /v1/staff/me: name, municipality, roles, team names, the server's clock
  var clockOffset = 0; // server time minus browser time, in ms
  var open = {}; // conversation id -> card state
  var ticket = null; // the ticket record this staff member holds and works on
  var listTimer = null;
  var openCounter = 0;

  // ---- inline SVG for the report charts (text only) ---------------------------------------

  function s(tag, attrs, children) {
    var node = document.createElementNS(SVG, tag);
    Object.keys(attrs || {}).forEach(function (key) {
      if (key === "text") node.textContent = attrs[key]; else node.setAttribute(key, attrs[key]);
    });
    (children || []).forEach(function (child) { if (child) node.appendChild(child); });
    return node;
  }

  // The channels by the names residents and staff know them (core.models.CHANNEL_NAMES).
  var CHANNEL_NAMES = { web: "Website", whatsapp: "WhatsApp", messenger: "Messenger", instagram: "Instagram" };
  var MESSAGING = { whatsapp: true, messenger: true, instagram: true };  // staff answers go out on the app
  function channelName(channel) { return CHANNEL_NAMES[channel] || channel; }

  function serverNow() { return new Date(Date.now() + clockOffset); }

  function teamName(team) {
    var found = profile && profile.allTeams.filter(function (item) { return item.id === team; })[0];
    return found ? found.name : team || "geen team";
  }
  function hasRole(role) { return !!(profile && profile.roles.indexOf(role) >= 0); }

  // A member of staff as colleagues read it: the token's name, "u", or "een collega" (a login id
  // says nothing: tokens without a name, such as dev tokens).
  function staffName(name, id) { return name || (id === me() ? "u" : "een collega"); }

  // "4 min": from the request to the server's now.
  function waitingFor(iso) {
    var minutes = Math.floor((serverNow() - new Date(iso)) / 60000);
    if (!(minutes >= 1)) return "minder dan 1 min";
    if (minutes < 60) return minutes + " min";
    return Math.floor(minutes / 60) + " u " + (minutes % 60) + " min";
  }

  function formatTime(iso) {
    if (!iso) return "";
    return new Date(iso).toLocaleString("nl-NL", {
      weekday: "short", day: "numeric", month: "short", hour: "2-digit", minute: "2-digit", timeZone: "Europe/Amsterdam"
    });
  }
  function say(text) {
    var status = $("work-status");
    status.textContent = text;
    clearTimeout(say.timer);
    say.timer = setTimeout(function () { status.textContent = ""; }, 4000);
  }

  // ---- API -----------------------------------------------------------------------------

  function call(method, path, body) {
    return dom.authorizedFetch(session, path, {
      method: method,
      headers: body ? { "content-type": "application/json" } : {},
      body: body ? JSON.stringify(body) : undefined
    }).then(function (response) {
      return response.json().catch(function () { return null; }).then(function (data) {
        if (response.status === 401) { signOut("Uw sessie is verlopen. Log opnieuw in."); }
        if (!response.ok) {
          var error = new Error((data && data.error && data.error.message) || "De server gaf fout " + response.status + ".");
          error.status = response.status;
          throw error;
        }
        return data;
      });
    });
  }

  // ---- sign-in ---------------------------------------------------------------------------

  function claimsOf(token) {
    // A Cognito id token is a JWT; the local dev token is opaque (its tenant is in its name).
    var parts = token.split(".");
    if (parts.length === 3) {
      try { return JSON.parse(atob(parts[1].replace(/-/g, "+").replace(/_/g, "/"))); } catch (e) { /* opaque */ }
    }
    // balie_local.dev_auth: "dev-<tenant>-" + 24 URL-safe characters (the tenant may contain "-").
    var dev = /^dev-([a-z0-9-]+)-[A-Za-z0-9_-]{24}$/.exec(token);
    return dev ? { "custom:tenant": dev[1] } : {};
  }

  // The staff member's id as the API stores it in `claimedBy` (the token's `sub`; dev tokens: dev-<tenant>).
  function me() {
    if (session.subject) return session.subject; // learnt from a claim: exact for any token
    var claims = claimsOf(session.token);
    return claims.sub || (claims["custom:tenant"] ? "dev-" + claims["custom:tenant"] : "");
  }

  function signIn(token, api) {
    session.token = token;
    session.api = api || meta("balie-api") || location.origin;
    return loadProfile().then(function () {
      sessionStorage.setItem("balie-staff:token", session.token);
      sessionStorage.setItem("balie-staff:api", session.api);
      $("token").value = ""; // the token lives in sessionStorage only, not in a form field
      route();
    });
  }

  // Who is signed in, the names of the municipality and its teams, and the server's clock.
  function loadProfile() {
    return call("GET", "/v1/staff/me").then(function (data) {
      profile = data;
      session.subject = data.subject;
      clockOffset = new Date(data.now).getTime() - Date.now();
      var filter = $("team-filter");
      while (filter.options.length > 1) filter.remove(1);
      data.teams.forEach(function (team) { filter.appendChild(h("option", { value: team.id, text: team.name })); });
      defaultRange();
    });
  }

  function signOut(message) {
    session.token = "";
    session.subject = "";
    profile = null;
    seenWaiting = null;
    sessionStorage.removeItem("balie-staff:token");
    sessionStorage.removeItem("balie-staff:refresh");
    Object.keys(open).forEach(closeCard);
    clearTimeout(listTimer);
    $("signin-error").textContent = message || "";
    route();
  }

  $("signin-form").addEventListener("submit", function (event) {
    event.preventDefault();
    $("signin-error").textContent = "";
    signIn($("token").value.trim(), $("api-base").value.trim()).catch(function (error) {
      session.token = "";
      $("signin-error").textContent = error.status === 401 ? "Dit token is niet geldig." : error.message;
    });
  });
  $("signout").addEventListener("click", function () { signOut(""); });

  // Cognito Hosted UI: authorization code with PKCE (RFC 7636), never the implicit grant, so
  // no token travels in a URL. The verifier and state live in sessionStorage for the round trip;
  // the id token carries custom:tenant and custom:teams, the refresh token renews it (tokens
  // live 15 minutes, template StaffUserPoolClient; dom.js renews them for both staff pages).
  var cognito = { domain: meta("balie-cognito-domain"), client: meta("balie-cognito-client-id") };

  function base64url(bytes) {
    return btoa(String.fromCharCode.apply(null, new Uint8Array(bytes))).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  }
  function randomText() { return base64url(crypto.getRandomValues(new Uint8Array(32))); }
  function redirectUri() { return location.origin + location.pathname; }

  function startCognitoSignIn(event) {
    event.preventDefault();
    var verifier = randomText(), state = randomText();
    sessionStorage.setItem("balie-staff:pkce", JSON.stringify({ verifier: verifier, state: state }));
    crypto.subtle.digest("SHA-256", new TextEncoder().encode(verifier)).then(function (digest) {
      location.assign("https://" + cognito.domain + "/oauth2/authorize?" + new URLSearchParams({
        response_type: "code", client_id: cognito.client, redirect_uri: redirectUri(), scope: "openid email profile",
        state: state, code_challenge_method: "S256", code_challenge: base64url(digest)
      }).toString());
    });
  }

  (function finishCognitoSignIn() {
    if (!cognito.domain || !cognito.client) return;
    $("cognito").hidden = false;
    $("cognito-link").href = "https://" + cognito.domain + "/oauth2/authorize";
    $("cognito-link").addEventListener("click", startCognitoSignIn);
    var query = new URLSearchParams(location.search);
    var pending = JSON.parse(sessionStorage.getItem("balie-staff:pkce") || "null");
    if (!query.get("code")) return;
    sessionStorage.removeItem("balie-staff:pkce");
    history.replaceState(null, "", location.pathname + "#gesprekken"); // the code is used once, never kept
    if (!pending || query.get("state") !== pending.state) {
      $("signin-error").textContent = "Inloggen is niet gelukt (de aanvraag klopt niet). Probeer het opnieuw.";
      return;
    }
    dom.cognitoToken({ grant_type: "authorization_code", code: query.get("code"), redirect_uri: redirectUri(),
                       code_verifier: pending.verifier })
      .then(function (token) { session.token = token; route(); })
      .catch(function (error) { $("signin-error").textContent = error.message; });
  })();

  // ---- views -----------------------------------------------------------------------------

  var VIEWS = { "#rapportage": "reports", "#standaardantwoorden": "canned", "#niet-nuttig": "nothelpful" };
  var TITLES = { signin: "Inloggen", work: "Gesprekken", reports: "Rapportage", canned: "Standaardantwoorden",
                 nothelpful: "Niet nuttig" };

  function route() {
    var signedIn = !!session.token;
    if (signedIn && !profile) {
      loadProfile().then(route, function (error) { if (session.token) signOut(error.message); });
      return;
    }
    var view = !signedIn ? "signin" : VIEWS[location.hash] || "work";
    if ((view === "canned" || view === "nothelpful") && !hasRole("editor")) view = "work";
    ["signin", "work", "reports", "canned", "nothelpful"].forEach(function (name) { $("view-" + name).hidden = name !== view; });
    $("nav").hidden = !signedIn;
    $("signout").hidden = !signedIn;
    // What an account's roles do not allow is not shown (the API would answer 403): the editors' pages
    // and the knowledge base for `editor`, the callback requests (the resident's contact) for `kcc`.
    Array.prototype.forEach.call(document.querySelectorAll("[data-role]"), function (node) {
      node.hidden = !hasRole(node.getAttribute("data-role"));
    });
    // displayName: the token's name, else the account's roles and teams (never the login id).
    $("who").textContent = signedIn ? profile.displayName + " \u00b7 " + profile.tenantName : "";
    Array.prototype.forEach.call(document.querySelectorAll("nav a"), function (link) {
      if (link.getAttribute("data-view") === view) link.setAttribute("aria-current", "page");
      else link.removeAttribute("aria-current");
    });
    document.title = TITLES[view] + " - Balie medewerkers";
    if (view === "work") refreshLists();
    else clearTimeout(listTimer);
    if (view === "reports") loadReport();
    if (view === "canned") loadCanned();
    if (view === "nothelpful") loadNotHelpful();
  }
  window.addEventListener("hashchange", route);

  // ---- handover lists -------------------------------------------------------------------------

  var seenWaiting = null; // ids of waiting residents already announced (null: not loaded yet)
  var listRound = 0; // only the latest refresh schedules the next one: never two polling loops
  var listFailures = 0; // refreshes failed in a row: the next one waits longer (LIST_POLL_MS doubled, at most LIST_BACKOFF_MS)
  var LIST_BACKOFF_MS = 60000;

  // Every LIST_POLL_MS one request per list shown: the waiting and live handovers, the bot's conversations and,
  // for kcc, the open callback requests with their count in the same answer (loadOpen). Paused while the tab is
  // hidden (resumed by visibilitychange), unless desktop notifications are on: then only the waiting list, what
  // they announce (and the tab's title counts), is asked for; everything again as soon as the tab is shown.
  function refreshLists() {
    clearTimeout(listTimer);
    if (!session.token || $("view-work").hidden) return;
    var hidden = document.visibilityState === "hidden";
    if (hidden && !prefs.notify) return;
    var round = ++listRound;
    var team = $("team-filter").value;
    var query = team ? "&team=" + encodeURIComponent(team) : "";
    var asked = [call("GET", "/v1/staff/handovers?status=waiting" + query)];
    if (!hidden) {
      asked.push(call("GET", "/v1/staff/handovers?status=live" + query), call("GET", "/v1/staff/conversations?status=bot"),
                 loadOpen(true));
    }
    Promise.all(asked).then(function (results) {
      listFailures = 0;
      var waiting = results[0].handovers;
      announceNewlyWaiting(waiting);
      document.title = (waiting.length ? "(" + waiting.length + ") " : "") + "Gesprekken - Balie medewerkers";
      renderList($("waiting"), $("waiting-count"), waiting.map(handoverLabel), "Niemand wacht.");
      if (hidden) return;
      renderList($("live"), $("live-count"), results[1].handovers.map(handoverLabel), "Geen lopende gesprekken.");
      renderList($("bot"), $("bot-count"), results[2].conversations.map(botLabel), "De assistent voert nu geen gesprekken.");
    }).catch(function (error) {
      listFailures++;
      if (session.token) say(error.message);
    }).then(function () {
      var wait = Math.min(LIST_POLL_MS * Math.pow(2, listFailures), LIST_BACKOFF_MS);
      if (round === listRound) listTimer = setTimeout(refreshLists, wait);
    });
  }
  $("team-filter").addEventListener("change", function () {
    seenWaiting = null; // another team's residents are not newly waiting
    refreshLists();
    loadDone(false);
  });

  // The crisis behind an urgent handover (Handover.crisis, core.dialogue.crisis's kinds), in the
  // words of the help the resident was given; said in text, not by colour only.
  // "threat": the resident threatened the gemeente or its staff (core.dialogue.threats); the assistant put the
  // conversation in the queue itself.
  var CRISIS_NAMES = { suicide: "su\u00efcide", sexual: "seksueel geweld", violence: "huiselijk geweld",
                       danger: "acuut gevaar", homeless: "geen slaapplek", threat: "bedreiging van de gemeente" };
  function urgency(handover) {
    if (!handover.urgent) return "";
    return handover.crisis ? "Crisis: " + (CRISIS_NAMES[handover.crisis] || handover.crisis) : "Voorrang";
  }

  // A queue item: the topic, the resident's first real question, then team, channel and waiting time;
  // an urgent one starts with its crisis.
  function handoverLabel(item) {
    var meta = [item.teamName || teamName(item.team), channelName(item.channel)];
    if (item.status === "waiting") meta.push("wacht " + waitingFor(item.requestedAt));
    else if (item.claimedBy) meta.push("bij " + staffName(item.claimedByName, item.claimedBy));
    if (item.transferredFrom) meta.push("doorverbonden van " + teamName(item.transferredFrom));
    if (item.abusive) meta.push("schold");
    return { id: item.conversationId, urgent: item.urgent, flag: urgency(item),
             topic: item.topicTitle || "Onbekend onderwerp",
             quote: item.firstQuestion || item.lastResidentMessage || "(nog geen vraag)", meta: meta.join(" \u00b7 ") };
  }

  function botLabel(item) {
    var time = new Date(item.lastMessageAt).toLocaleTimeString("nl-NL", { hour: "2-digit", minute: "2-digit", timeZone: "Europe/Amsterdam" });
    return { id: item.conversationId, topic: item.topicTitle || "Nog geen onderwerp",
             quote: item.turns + (item.turns === 1 ? " bericht" : " berichten") + " van de inwoner",
             meta: [channelName(item.channel), item.language === "en" ? "Engels" : "Nederlands", "laatste bericht " + time].join(" \u00b7 ") };
  }

  // Redrawn only when something changed, and focus stays on the same conversation: a keyboard
  // user's place is not lost every few seconds.
  function renderList(list, count, items, emptyText) {
    var key = JSON.stringify(items);
    if (list.getAttribute("data-key") === key) return;
    list.setAttribute("data-key", key);
    var focused = list.contains(document.activeElement) ? document.activeElement.getAttribute("data-conversation") : null;
    count.textContent = String(items.length);
    clear(list);
    if (!items.length) { list.appendChild(h("li", { "class": "empty", text: emptyText })); return; }
    items.forEach(function (item) {
      list.appendChild(h("li", {}, [h("button", {
        type: "button", "data-conversation": item.id, "class": item.urgent ? "urgent" : null,
        on: { click: function () { openConversation(item.id); } }
      }, [
        item.flag ? h("span", { "class": "flag", text: item.flag }) : null,
        h("span", { "class": "topic", text: item.topic }),
        h("span", { "class": "quote", text: item.quote }),
        h("span", { "class": "meta", text: item.meta })
      ])]));
    });
    var again = focused && list.querySelector('button[data-conversation="' + CSS.escape(focused) + '"]');
    if (again) again.focus();
  }

  // ---- alerts: a status line always; a sound and a desktop notification when staff chose them ----

  var prefs = {
    sound: localStorage.getItem("balie-staff:sound") !== "off",
    notify: localStorage.getItem("balie-staff:notify") === "on" && "Notification" in window && Notification.permission === "granted"
  };
  $("alert-sound").checked = prefs.sound;
  $("alert-notify").checked = prefs.notify;
  $("alert-sound").addEventListener("change", function () {
    prefs.sound = $("alert-sound").checked;
    localStorage.setItem("balie-staff:sound", prefs.sound ? "on" : "off");
    if (prefs.sound) cue();
  });
  $("alert-notify").addEventListener("change", function () {
    var box = $("alert-notify");
    if (!box.checked) { prefs.notify = false; localStorage.setItem("balie-staff:notify", "off"); return; }
    if (!("Notification" in window)) { box.checked = false; say("Deze browser kan geen meldingen tonen."); return; }
    Notification.requestPermission().then(function (permission) {
      prefs.notify = permission === "granted";
      box.checked = prefs.notify;
      localStorage.setItem("balie-staff:notify", prefs.notify ? "on" : "off");
      say(prefs.notify ? "U krijgt een melding als een inwoner gaat wachten." : "De browser staat geen meldingen toe. Zet ze aan in de instellingen van de browser.");
    });
  });

  var audio = null;
  function cue() {
    // Two short tones from the Web Audio API: no sound file to fetch.
    var Context = window.AudioContext || window.webkitAudioContext;
    if (!Context) return;
    audio = audio || new Context();
    [0, 0.22].forEach(function (delay, i) {
      var tone = audio.createOscillator(), gain = audio.createGain();
      tone.frequency.value = i ? 660 : 880;
      gain.gain.value = 0.15;
      tone.connect(gain);
      gain.connect(audio.destination);
      tone.start(audio.currentTime + delay);
      tone.stop(audio.currentTime + delay + 0.15);
    });
  }

  function announceNewlyWaiting(waiting) {
    var fresh = seenWaiting ? waiting.filter(function (item) { return !seenWaiting[item.conversationId]; }) : [];
    seenWaiting = {};
    waiting.forEach(function (item) { seenWaiting[item.conversationId] = true; });
    if (!fresh.length) return;
    var first = fresh[0];
    var what = (urgency(first) ? urgency(first) + ", " : "") + (first.topicTitle || "onbekend onderwerp") + ", " +
      (first.teamName || teamName(first.team));
    say(fresh.length === 1 ? "Er wacht een inwoner: " + what + "." : fresh.length + " inwoners wachten op een medewerker.");
    if (prefs.sound) cue();
    if (prefs.notify && Notification.permission === "granted") {
      var note = new Notification("Een inwoner wacht op een medewerker", { body: what, tag: "balie-waiting" });
      note.onclick = function () { window.focus(); location.hash = "#gesprekken"; openConversation(first.conversationId); note.close(); };
    }
  }

  // ---- conversation cards ------------------------------------------------------------------------

  var ROLE = { resident: "Inwoner", bot: "Assistent", staff: "Medewerker", system: "Systeem" };
  var STATUS = { waiting: "Wacht", live: "Live", queued: "Terugbelverzoek", closed: "Afgesloten" };

  function openConversation(id) {
    if (open[id]) { (open[id].reply.disabled ? open[id].title : open[id].reply).focus(); return; }
    var n = ++openCounter;
    var card = { id: id, n: n, lastSeq: -1, lastResidentSeq: -1, timer: null, data: null, notesShown: -1 };
    var prefix = "conv-" + n + "-";
    // h3 under "Open gesprekken" (h2); focusable from script, so focus has a place after "Gesprek afsluiten".
    card.title = h("h3", { id: prefix + "title", tabindex: "-1" });
    card.badge = h("span", { "class": "badge" });
    card.facts = h("dl", { "class": "facts" });
    card.transcript = h("div", { "class": "transcript", role: "log", "aria-live": "polite", tabindex: "0",
      "aria-label": "Berichten van dit gesprek" });
    card.suggestions = h("ul", { "class": "suggestions" });
    card.reply = h("textarea", { id: prefix + "reply", maxlength: "2000" });
    card.error = h("p", { "class": "error", role: "alert" });
    card.claim = h("button", { type: "button", text: "Overnemen", on: { click: function () { act(card, "claim"); } } });
    card.takeover = h("button", { type: "button", text: "Overnemen van de assistent",
      on: { click: function () { act(card, "takeover"); } } });
    card.close = h("button", { type: "button", "class": "danger", text: "Gesprek afsluiten", on: { click: function () { askClose(card); } } });
    card.send = h("button", { type: "submit", text: "Versturen" });
    // Closing a chat in which the resident still waits for a person needs a second step.
    card.confirmText = h("p", { id: prefix + "confirm-text", tabindex: "-1",
      text: "De inwoner wacht nog op een medewerker. Wilt u het gesprek toch afsluiten? De assistent neemt het dan weer over." });
    card.confirmNo = h("button", { type: "button", "class": "secondary", text: "Nee, terug",
      on: { click: function () { card.confirm.hidden = true; card.close.focus(); } } });
    card.confirm = h("div", { "class": "confirm", role: "group", "aria-labelledby": card.confirmText.id, hidden: true }, [
      card.confirmText,
      h("div", { "class": "actions" }, [
        h("button", { type: "button", "class": "danger", text: "Ja, afsluiten", on: { click: function () { act(card, "close"); } } }),
        card.confirmNo
      ])
    ]);
    var form = h("form", { "class": "reply", on: { submit: function (event) { event.preventDefault(); sendReply(card); } } }, [
      h("label", { "for": card.reply.id, text: "Uw antwoord" }), card.reply,
      h("div", { "class": "actions" }, [card.send, card.claim, card.takeover, card.close]),
      card.confirm
    ]);
    card.team = h("select", { id: prefix + "team" });
    card.teamNote = h("input", { id: prefix + "team-note", type: "text", maxlength: "1000", autocomplete: "off" });
    card.transfer = h("form", { "class": "transfer", on: { submit: function (event) { event.preventDefault(); transfer(card); } } }, [
      h("h4", { text: "Doorverbinden" }),
      h("label", { "for": card.team.id, text: "Naar team" }), card.team,
      h("label", { "for": card.teamNote.id, text: "Toelichting voor het team (niet voor de inwoner)" }), card.teamNote,
      h("div", { "class": "actions" }, [h("button", { type: "submit", "class": "secondary", text: "Doorverbinden" })])
    ]);
    card.notes = h("ul", { "class": "notes" });
    card.note = h("textarea", { id: prefix + "note", maxlength: "2000", rows: "2" });
    var notes = h("form", { "class": "note", on: { submit: function (event) { event.preventDefault(); addNote(card); } } }, [
      h("h4", { text: "Interne notities" }), card.notes,
      h("label", { "for": card.note.id, text: "Nieuwe notitie (alleen voor medewerkers)" }), card.note,
      h("div", { "class": "actions" }, [h("button", { type: "submit", "class": "secondary", text: "Notitie opslaan" })])
    ]);
    card.node = h("article", { "class": "conv", "aria-labelledby": card.title.id, "data-conversation": id }, [
      h("header", {}, [
        h("div", {}, [card.title, card.badge]),
        h("button", { type: "button", "class": "secondary", "aria-label": "Venster sluiten",
          on: { click: function () { closeCard(id, true); } } }, [document.createTextNode("\u00d7")])
      ]),
      card.facts,
      card.transcript,
      h("div", { "class": "tools" }, [
        h("h4", { text: "Voorgestelde antwoorden" }), card.suggestions, form, card.error, card.transfer, notes
      ])
    ]);
    open[id] = card;
    $("conversations").appendChild(card.node);
    $("open-empty").hidden = true;
    refreshCard(card).then(function () { (card.reply.disabled ? card.title : card.reply).focus(); });
  }

  // `moveFocus`: closed with "Venster sluiten", so focus goes to the next card (else the previous
  // one, else the conversation in its list, else the hint), never to the page's start.
  function closeCard(id, moveFocus) {
    var card = open[id];
    if (!card) return;
    var cards = Array.prototype.slice.call($("conversations").children);
    var at = cards.indexOf(card.node);
    var neighbour = cards[at + 1] || cards[at - 1];
    clearTimeout(card.timer);
    card.node.remove();
    delete open[id];
    $("open-empty").hidden = Object.keys(open).length > 0;
    if (!moveFocus) return;
    var listed = document.querySelector('.items button[data-conversation="' + CSS.escape(id) + '"]');
    (neighbour ? neighbour.querySelector("h3") : listed || $("open-empty")).focus();
  }

  function refreshCard(card) {
    clearTimeout(card.timer);
    var round = card.round = (card.round || 0) + 1;
    return call("GET", "/v1/staff/conversations/" + encodeURIComponent(card.id)).then(function (data) {
      if (!open[card.id]) return;
      card.data = data;
      renderCard(card);
    }).catch(function (error) {
      card.error.textContent = error.message;
    }).then(function () {
      if (open[card.id] && document.visibilityState !== "hidden" && round === card.round) {
        card.timer = setTimeout(function () { refreshCard(card); }, CONVERSATION_POLL_MS);
      }
    });
  }

  // The dialogue's handover reasons: "asked" (the button), "not_understood" (repeated misses), "intent:<id>",
  // "crisis" / "crisis:<kind>" (the person offered with crisis help), "threat" (a threat against the gemeente).
  function reasonText(reason) {
    if (!reason) return "";
    if (reason === "asked") return "Inwoner koos 'Medewerker spreken'";
    if (reason === "not_understood") return "De assistent begreep de vraag niet";
    if (reason === "takeover") return "Overgenomen van de assistent";
    if (reason === "transfer") return "Doorverbonden door een collega";
    if (reason.indexOf("crisis") === 0) return "Inwoner wilde na crisishulp meteen een medewerker";
    if (reason === "threat") return "De assistent las een bedreiging van de gemeente of haar medewerkers";
    if (reason.indexOf("intent:medewerker") === 0) return "Inwoner vroeg om een medewerker";
    if (reason.indexOf("intent:") === 0) return "Onderwerp vraagt om een medewerker";
    return reason;
  }

  // The resident swore at the assistant or at staff (StaffConversation.abusive: how many messages; the assistant
  // asked calmly to stop, unless a person had the conversation already).
  function abuseText(count) {
    if (!count) return "";
    return "De inwoner schold in " + count + (count === 1 ? " bericht" : " berichten") +
      " tegen de assistent of medewerkers.";
  }

  // Topic, channel, team and time, numbered when two open cards would still read the same (WCAG 2.4.6).
  function cardTitle(card, data, handover) {
    var at = handover.requestedAt || data.updatedAt;
    var time = at ? new Date(at).toLocaleTimeString("nl-NL", { hour: "2-digit", minute: "2-digit", timeZone: "Europe/Amsterdam" }) : "";
    card.baseTitle = [urgency(handover), data.topicTitle || "Onbekend onderwerp", channelName(data.channel),
      handover.team ? teamName(handover.team) : "met de assistent", time].filter(Boolean).join(" \u00b7 ");
    var earlier = Object.keys(open).filter(function (id) {
      return open[id].baseTitle === card.baseTitle && open[id].n < card.n;
    }).length;
    return card.baseTitle + (earlier ? " (" + (earlier + 1) + ")" : "");
  }

  function renderCard(card) {
    var data = card.data;
    var handover = data.handover || {};
    var active = handover.status === "waiting" || handover.status === "live";
    card.title.textContent = cardTitle(card, data, handover);
    card.badge.textContent = STATUS[handover.status] || "Met de assistent";
    card.badge.className = "badge" + (handover.status === "live" ? " live" : "");
    card.node.classList.toggle("urgent", !!handover.urgent && active);
    clear(card.facts);
    var facts = [
      ["Voorrang", urgency(handover) && urgency(handover) + " (na crisishulp van de assistent)"],
      ["Onderwerp", data.topicTitle || "onbekend"],
      ["Kanaal", channelName(data.channel)],
      ["Taal", data.language === "en" ? "Engels" : "Nederlands"],
      ["Team", handover.team ? teamName(handover.team) : ""],
      ["Gevraagd", formatTime(handover.requestedAt)],
      ["Wachttijd", handover.status === "waiting" ? waitingFor(handover.requestedAt) : ""],
      ["Reden", reasonText(handover.reason)],
      ["Doorverbonden van", handover.transferredFrom ? teamName(handover.transferredFrom) : ""],
      ["Let op", abuseText(data.abusive)]
    ];
    if (handover.claimedBy) facts.push(["Medewerker", staffName(handover.claimedByName, handover.claimedBy)]);
    Object.keys(data.slots || {}).forEach(function (name) { facts.push([name, String(data.slots[name])]); });
    facts.forEach(function (fact) {
      if (!fact[1]) return;
      card.facts.appendChild(h("dt", { text: fact[0] }));
      card.facts.appendChild(h("dd", { text: fact[1] }));
    });
    var entries = data.transcript || [];
    entries.forEach(function (entry) {
      if (entry.seq <= card.lastSeq) return;
      var box = h("div", { "class": "entry " + entry.role }, [
        h("span", { "class": "role", text: (ROLE[entry.role] || entry.role) + " \u00b7 " + formatTime(entry.at) }),
        h("p", { text: entry.text })
      ]);
      card.transcript.appendChild(box);
      card.lastSeq = entry.seq;
      if (entry.role === "resident") card.lastResidentSeq = entry.seq;
    });
    card.transcript.scrollTop = card.transcript.scrollHeight;
    var mine = handover.status === "live" && handover.claimedBy === me();
    card.claim.hidden = handover.status !== "waiting";
    card.takeover.hidden = active || handover.status === "queued"; // a callback request is worked as a ticket
    card.close.hidden = !active;
    if (!active) card.confirm.hidden = true;
    card.send.disabled = !mine;
    card.reply.disabled = !mine;
    card.transfer.hidden = !active;
    renderTeams(card, handover.team);
    renderNotes(card, data.notes || []);
    if (card.lastResidentSeq !== card.suggestedFor) loadSuggestions(card);
  }

  // Transfer targets: every team of the municipality but the conversation's own.
  function renderTeams(card, current) {
    var key = current + "|" + (profile ? profile.allTeams.length : 0);
    if (card.team.getAttribute("data-key") === key) return;
    card.team.setAttribute("data-key", key);
    clear(card.team);
    (profile ? profile.allTeams : []).forEach(function (team) {
      if (team.id !== current) card.team.appendChild(h("option", { value: team.id, text: team.name }));
    });
  }

  function renderNotes(card, notes) {
    if (notes.length === card.notesShown) return;
    card.notesShown = notes.length;
    clear(card.notes);
    if (!notes.length) { card.notes.appendChild(h("li", { "class": "empty", text: "Nog geen notities." })); return; }
    notes.forEach(function (note) {
      card.notes.appendChild(h("li", {}, [
        h("span", { "class": "meta", text: staffName(note.authorName, note.author) + " \u00b7 " + formatTime(note.at) }),
        h("p", { text: note.text })
      ]));
    });
  }

  function loadSuggestions(card) {
    card.suggestedFor = card.lastResidentSeq;
    call("GET", "/v1/staff/suggestions/" + encodeURIComponent(card.id)).then(function (data) {
      clear(card.suggestions);
      var found = data.suggestions || [];
      if (!found.length) {
        card.suggestions.appendChild(h("li", { "class": "empty", text: "Geen suggesties voor dit gesprek." }));
      }
      found.forEach(function (suggestion) {
        var text = suggestion.text + (suggestion.links || []).map(function (link) {
          return "\n" + link.title + ": " + link.url;
        }).join("");
        card.suggestions.appendChild(h("li", {}, [
          h("strong", { text: suggestion.title }),
          h("span", { "class": "kind", text: suggestion.kind === "canned" ? "Standaardantwoord" : "Uit de kennisbank" }),
          h("p", { text: suggestion.text }),
          h("button", { type: "button", "class": "secondary", "aria-label": "Gebruik: " + suggestion.title, on: {
            click: function () {
              card.reply.value = text;
              if (!card.reply.disabled) card.reply.focus();
            }
          } }, [document.createTextNode("Gebruik")])
        ]));
      });
    }).catch(function (error) { card.error.textContent = error.message; });
  }

  function askClose(card) {
    if (card.data && card.data.handover && card.data.handover.status === "waiting") {
      card.confirm.hidden = false;
      card.confirmNo.focus();
      return;
    }
    act(card, "close");
  }

  var DONE = { claim: "U heeft het gesprek overgenomen.", takeover: "U heeft het gesprek overgenomen van de assistent.",
               close: "Het gesprek is afgesloten." };

  function act(card, action) {
    card.error.textContent = "";
    call("POST", "/v1/staff/conversations/" + encodeURIComponent(card.id) + "/" + action).then(function (data) {
      if (action !== "close" && data.handover) session.subject = data.handover.claimedBy;
      card.data = data;
      renderCard(card);
      say(DONE[action]);
      // The button pressed is gone now: focus stays in this card (WCAG 2.4.3).
      (action === "close" ? card.title : card.reply).focus();
      refreshLists();
    }).catch(function (error) { card.error.textContent = error.message; });
  }

  function transfer(card) {
    var team = card.team.value;
    if (!team) return;
    card.error.textContent = "";
    call("POST", "/v1/staff/conversations/" + encodeURIComponent(card.id) + "/transfer",
         { team: team, note: card.teamNote.value.trim() || null }).then(function (data) {
      card.teamNote.value = "";
      card.data = data;
      renderCard(card);
      say("Het gesprek is doorverbonden naar " + teamName(team) + ".");
      card.title.focus();
      refreshLists();
    }).catch(function (error) { card.error.textContent = error.message; });
  }

  function addNote(card) {
    var text = card.note.value.trim();
    if (!text) return;
    card.error.textContent = "";
    call("POST", "/v1/staff/conversations/" + encodeURIComponent(card.id) + "/notes", { text: text }).then(function () {
      card.note.value = "";
      say("De notitie is opgeslagen.");
      return refreshCard(card);
    }).catch(function (error) { card.error.textContent = error.message; }).then(function () { card.note.focus(); });
  }

  function sendReply(card) {
    var text = card.reply.value.trim();
    if (!text) return;
    card.error.textContent = "";
    card.send.disabled = true;
    call("POST", "/v1/staff/conversations/" + encodeURIComponent(card.id) + "/reply", { text: text }).then(function () {
      card.reply.value = "";
      return refreshCard(card);
    }).catch(function (error) {
      card.error.textContent = error.message;
    }).then(function () {
      card.send.disabled = card.reply.disabled;
      card.reply.focus();
    });
  }

  // ---- tickets (out-of-hours callback requests) ------------------------------------------------------

  var CONTACT_KIND = { phone: "telefoon", email: "e-mail", whatsapp: "WhatsApp" };
  // Messenger and Instagram addresses are app-scoped ids, nothing to dial: staff answer in the chat.
  var IN_CHAT = { messenger: true, instagram: true };
  // The outcomes that fit the way the resident is reached, with none chosen beforehand: a preselected
  // "Gebeld" was recorded for e-mail and WhatsApp requests that nobody called.
  var HELPED = { phone: "Gebeld, geholpen", email: "Gemaild, geholpen" };
  var NOT_HELPED = ["Niet bereikt", "Niet meer nodig", "Doorgestuurd naar een ander team"];
  function outcomes(data) {
    var helped = HELPED[data.contactKind] ? [HELPED[data.contactKind]] :
      MESSAGING[data.channel] ? ["Beantwoord via " + channelName(data.channel) + ", geholpen"] : [HELPED.phone, HELPED.email];
    return helped.concat(NOT_HELPED);
  }

  function ticketPath(action) { return "/v1/staff/tickets/" + encodeURIComponent(ticket.id) + "/" + action; }

  function renderTicket() {
    var box = $("ticket");
    clear(box);
    if (!ticket) return;
    var data = ticket;
    var contact = IN_CHAT[data.contactKind] ? "in het " + channelName(data.contactKind) + "-gesprek" :
      data.contact ? data.contact + (data.contactKind ? " (" + (CONTACT_KIND[data.contactKind] || data.contactKind) + ")" : "") : "geen";
    var outcome = h("select", { id: "ticket-outcome", required: true, on: { change: function () { outcome.removeAttribute("aria-invalid"); } } },
      [h("option", { value: "", text: "Kies de uitkomst" })]
      .concat(outcomes(data).map(function (text) { return h("option", { value: text, text: text }); })));
    var note = h("textarea", { id: "ticket-note", maxlength: "2000" });
    var parts = [
      h("h3", { tabindex: "-1", text: "Verzoek voor " + teamName(data.team) }),
      // An addition said it is urgent (TicketRecord.urgent): said in text, not by colour only.
      data.urgent ? h("p", { "class": "flag", text: "Dringend volgens de inwoner" }) : null,
      data.claimedBy ? h("p", { text: "Opgepakt door " + staffName(data.claimedByName, data.claimedBy) }) : null,
      h("dl", {}, [
        h("dt", { text: "Contact" }), h("dd", { text: contact }),
        h("dt", { text: "Beloofd" }), h("dd", { text: formatTime(data.expectedContactAt) }),
        h("dt", { text: "Kanaal" }), h("dd", { text: channelName(data.channel) }),
        h("dt", { text: "Taal" }), h("dd", { text: data.language === "en" ? "Engels" : "Nederlands" }),
        h("dt", { text: "Onderwerp" }), h("dd", { text: data.topicTitle || "onbekend" }), // the API names topics only (topicTitle)
        h("dt", { text: "Samenvatting" }), h("dd", { "class": "summary", text: data.summary })
      ])
    ];
    if (data.additions && data.additions.length) {
      // What the resident wrote after the callback was queued: another number, "het is dringend", a detail.
      parts.push(h("h4", { text: "Later toegevoegd door de inwoner" }), h("ul", { "class": "additions" },
        data.additions.map(function (added) {
          var contact = added.contact ? " (" + (CONTACT_KIND[added.contactKind] || added.contactKind) + ": " + added.contact + ")" : "";
          return h("li", { text: formatTime(added.at) + ": " + (added.urgent ? "(dringend) " : "") + added.text + contact });
        })));
    }
    if (MESSAGING[data.channel]) {
      // Answered on the resident's app: inside 24 hours as a message; later with WhatsApp's approved
      // template or Messenger's HUMAN_AGENT tag (7 days), where the municipality or the app has them.
      var app = channelName(data.channel);
      var answer = h("textarea", { id: "ticket-answer", maxlength: "2000" });
      parts.push(h("form", { "class": "reply", on: { submit: function (event) {
        event.preventDefault();
        var text = answer.value.trim();
        if (!text) return;
        call("POST", ticketPath("reply"), { text: text }).then(function () {
          answer.value = "";
          say("Uw antwoord is via " + app + " verstuurd. Het gesprek staat bij de lopende gesprekken.");
          openConversation(data.conversationId);
          refreshLists();
        }).catch(function (error) { say(error.message); });
      } } }, [
        h("label", { "for": "ticket-answer", text: "Antwoord via " + app }), answer,
        h("div", { "class": "actions" }, [h("button", { type: "submit", text: "Versturen via " + app })])
      ]));
    }
    parts.push(h("form", { "class": "done", novalidate: true, on: { submit: function (event) {
      event.preventDefault();
      if (!outcome.value) { // said in Dutch next to the work, not in the browser's own language
        outcome.setAttribute("aria-invalid", "true");
        say("Kies eerst de uitkomst van het verzoek.");
        outcome.focus();
        return;
      }
      call("POST", ticketPath("done"), { outcome: outcome.value, note: note.value.trim() || null }).then(function () {
        ticket = null;
        renderTicket();
        say("Het verzoek is afgehandeld.");
        $("ticket-next").focus();
        refreshLists();
        loadDone(false);
      }).catch(function (error) { say(error.message); });
    } } }, [
      h("label", { "for": "ticket-outcome", text: "Uitkomst" }), outcome,
      h("label", { "for": "ticket-note", text: "Notitie (alleen voor medewerkers)" }), note,
      h("div", { "class": "actions" }, [
        h("button", { type: "submit", text: "Klaar" }),
        h("button", { type: "button", "class": "secondary", on: { click: releaseTicket } }, [document.createTextNode("Teruggeven")]),
        h("button", { type: "button", "class": "secondary", on: {
          click: function () { openConversation(data.conversationId); } } }, [document.createTextNode("Gesprek bekijken")])
      ])
    ]));
    box.appendChild(h("div", { "class": data.urgent ? "ticket urgent" : "ticket" }, parts));
  }

  function ticketQuery(status) {
    var team = $("team-filter").value;
    return "/v1/staff/tickets?status=" + status + (team ? "&team=" + encodeURIComponent(team) : "");
  }

  // "Volgend verzoek" (POST /v1/staff/tickets/next/claim): a request this member of staff holds already comes back
  // first (`held`; the hint under the button says so), else the urgent ones, then the oldest.
  $("ticket-next").addEventListener("click", function () {
    var team = $("team-filter").value;
    call("POST", "/v1/staff/tickets/next/claim" + (team ? "?team=" + encodeURIComponent(team) : "")).then(function (data) {
      ticket = data.ticket;
      if (ticket) session.subject = ticket.claimedBy;
      renderTicket();
      if (!ticket) say("Er zijn geen terugbelverzoeken.");
      else if (data.held) say("U had dit verzoek al opgepakt. Maak het eerst af of geef het terug. Daarna krijgt u het volgende.");
      refreshLists();
    }).catch(function (error) { say(error.message); });
  });

  // The open requests, urgent first and then the oldest (order=urgent), a page at a time ("Meer tonen"),
  // and the ones taken, by whom: what staff need to choose one. Only the list's own fields, no contact:
  // that is shown once a request is taken. "Alleen dringend" asks the API (urgent=true).
  function openItem(item) {
    var held = item.status === "claimed";
    var mine = held && item.claimedBy === me();
    var title = item.topicTitle || "Onbekend onderwerp";
    var since = "wacht sinds " + formatTime(item.createdAt);
    var meta = [teamName(item.team), channelName(item.channel), since,
                "beloofd " + (item.contactBefore ? "v\u00f3\u00f3r " : "") + formatTime(item.expectedContactAt)];
    // Someone else's request is only shown; one's own is worked on again (claiming it again changes nothing).
    var take = held && !mine ? null : h("button", { type: "button", "class": "secondary", "data-ticket": item.id,
      on: { click: function () { takeTicket(item.id); } } },
      [document.createTextNode(mine ? "Verder werken" : "Oppakken"), h("span", { "class": "sr", text: ": " + title + ", " + since })]);
    return h("li", { "class": item.urgent ? "urgent" : null, "data-ticket": item.id, tabindex: "-1" }, [
      item.urgent ? h("p", { "class": "flag", text: "Dringend" }) : null,
      h("strong", { text: title }),
      h("p", { "class": "meta", text: meta.join(" \u00b7 ") }),
      held ? h("p", { text: "Opgepakt door " + staffName(item.claimedByName, item.claimedBy) }) : null,
      take
    ]);
  }

  // Redrawn only when something changed, with focus kept on the same request (its row or its button).
  function renderTickets(list, items, emptyText) {
    var key = JSON.stringify(items.map(function (item) {
      return [item.id, item.status, item.claimedBy, item.claimedByName, item.urgent, item.topicTitle, item.team];
    })) + emptyText;
    if (list.getAttribute("data-key") === key) return;
    list.setAttribute("data-key", key);
    var inside = list.contains(document.activeElement) ? document.activeElement : null;
    var focused = inside && inside.getAttribute("data-ticket");
    clear(list);
    if (!items.length) list.appendChild(h("li", { "class": "empty", text: emptyText }));
    items.forEach(function (item) { list.appendChild(openItem(item)); });
    var again = focused && list.querySelector(inside.tagName.toLowerCase() + '[data-ticket="' + CSS.escape(focused) + '"]');
    if (again) again.focus();
  }

  // "Nog niet opgepakt" shows OPEN_PAGE requests, and a page more each time "Meer tonen" is pressed (the API's
  // cursor: the next ones in the same urgent-first order); the refresh asks again for as many as are shown.
  var OPEN_PAGE = 20, MAX_LIMIT = 100;
  var openShown = [], openWanted = OPEN_PAGE, openNext = null;

  // The first `want` open requests in the urgent order, in pages of at most the API's limit; the first
  // page's answer also has the count of every open request (count=true), so the card's count costs no request.
  function openPages(query, want, found, cursor, count) {
    return call("GET", query + "&limit=" + Math.min(want - found.length, MAX_LIMIT) +
                (cursor ? "&cursor=" + encodeURIComponent(cursor) : "&count=true")).then(function (data) {
      var all = found.concat(data.tickets);
      count = count || data.count;
      return data.next && all.length < want ? openPages(query, want, all, data.next, count)
        : { tickets: all, next: data.next || null, count: count };
    });
  }

  // The card's title: every open request of the teams shown, and how many are urgent (whatever "Alleen dringend").
  function showCount(count) {
    $("tickets-count").textContent = String(count.total);
    $("tickets-urgent").textContent = count.urgent ? count.urgent + " dringend" : "";
    $("tickets-urgent").hidden = !count.urgent;
  }

  function showOpen(open, next, held, urgentOnly) {
    openShown = open;
    openNext = next;
    $("open-more").hidden = !next;
    renderTickets($("open-list"), open, urgentOnly ? "Geen dringende verzoeken." : "Geen openstaande verzoeken.");
    if (held) renderTickets($("held-list"), held, urgentOnly ? "Geen dringende verzoeken in behandeling." : "Niemand werkt nu aan een verzoek.");
    var heldCount = $("held-list").querySelectorAll("li[data-ticket]").length;
    $("open-status").textContent = (urgentOnly ? "Alleen dringende: " : "") + open.length + " nog niet opgepakt" +
      (next ? " getoond, er zijn er meer" : "") + ", " + heldCount + " in behandeling. Dringende eerst, dan de oudste.";
  }

  var openRound = 0; // only the latest answer is drawn
  // "Meer tonen"'s request while it is on its way: a refresh in the meantime waits for it instead of asking again
  // (its answer would be the latest and drop the page asked for, with the focus on its first request).
  var moreAsked = null;
  function openFilter() { return "&order=urgent" + ($("open-urgent-only").checked ? "&urgent=true" : ""); }

  // The open requests' count, and with the list unfolded the requests shown and the ones taken. `polled`: part
  // of refreshLists, which reports a failure (and backs off); else said here.
  function loadOpen(polled) {
    if (!hasRole("kcc")) return Promise.resolve(); // tickets: role kcc
    if (polled && moreAsked) return moreAsked;
    var urgentOnly = $("open-urgent-only").checked;
    var round = ++openRound;
    var listed = $("open-tickets").open;
    return Promise.all([
      // Folded: the count with the smallest page (the urgent order counts from the read its page needs: one
      // Query; the oldest-first order would page each team and count apart, benchmarks/ticket_refresh.py).
      openPages(ticketQuery("open") + openFilter(), listed ? Math.max(openWanted, OPEN_PAGE) : 1, [], null, null),
      listed ? call("GET", ticketQuery("claimed") + openFilter()) : null
    ]).then(function (results) {
      if (round !== openRound) return;
      showCount(results[0].count);
      if (listed) showOpen(results[0].tickets, results[0].next, results[1].tickets, urgentOnly);
    }, function (error) {
      if (polled) throw error;
      say(error.message);
    });
  }
  $("open-tickets").addEventListener("toggle", function () { if ($("open-tickets").open) loadOpen(false); });
  $("open-urgent-only").addEventListener("change", function () { openWanted = OPEN_PAGE; loadOpen(false); });

  // "Meer tonen": the next page after the last one shown, with focus on its first request.
  $("open-more").addEventListener("click", function () {
    if (!openNext) return;
    var urgentOnly = $("open-urgent-only").checked;
    var round = ++openRound;
    moreAsked = call("GET", ticketQuery("open") + openFilter() + "&limit=" + OPEN_PAGE + "&cursor=" + encodeURIComponent(openNext)).then(function (data) {
      if (round !== openRound) return;
      var known = {};
      openShown.forEach(function (item) { known[item.id] = true; });
      var added = data.tickets.filter(function (item) { return !known[item.id]; });
      openWanted = openShown.length + added.length;
      showOpen(openShown.concat(added), data.next || null, null, urgentOnly);
      var first = added.length && $("open-list").querySelector('li[data-ticket="' + CSS.escape(added[0].id) + '"]');
      if (first) first.focus();
    }).catch(function (error) { say(error.message); }).then(function () { moreAsked = null; });
  });

  // A request chosen in the list (the claim route; taken by a colleague a moment earlier: the API's 409 says so).
  function takeTicket(id) {
    call("POST", "/v1/staff/tickets/" + encodeURIComponent(id) + "/claim").then(function (data) {
      ticket = data.ticket;
      session.subject = data.ticket.claimedBy;
      renderTicket();
      $("ticket").querySelector("h3").focus();
      refreshLists();
    }).catch(function (error) {
      say(error.message);
      refreshLists();
    });
  }

  // Done requests, newest first, a page at a time (GET /v1/staff/tickets?status=done: `next`).
  var DONE_PAGE = 10;
  var doneNext = null;

  function doneItem(item) {
    var by = item.doneBy === me() ? " door u" : "";
    return h("li", { tabindex: "-1", "data-ticket": item.id }, [
      h("strong", { text: item.topicTitle || "Onbekend onderwerp" }),
      h("p", { "class": "meta", text: [teamName(item.team), channelName(item.channel),
                                       "afgehandeld " + formatTime(item.doneAt) + by].join(" \u00b7 ") }),
      h("p", { text: "Uitkomst: " + (item.outcome || "") }),
      item.note ? h("p", { text: "Notitie: " + item.note }) : null
    ]);
  }

  // `more`: the next page below the ones shown, with focus on its first request.
  function loadDone(more) {
    if (!$("done-tickets").open) return Promise.resolve();
    var query = ticketQuery("done") + "&order=newest&limit=" + DONE_PAGE +
      (more && doneNext ? "&cursor=" + encodeURIComponent(doneNext) : "");
    return call("GET", query).then(function (data) {
      var list = $("done-list");
      if (!more) clear(list);
      var items = data.tickets.map(doneItem);
      items.forEach(function (item) { list.appendChild(item); });
      doneNext = data.next || null; // absent on the last page
      $("done-more").hidden = !doneNext;
      var shown = list.querySelectorAll("li[tabindex]").length;
      if (!shown) list.appendChild(h("li", { "class": "empty", text: "Nog geen afgehandelde verzoeken." }));
      $("done-status").textContent = shown ? shown + (shown === 1 ? " verzoek getoond" : " verzoeken getoond") +
        (doneNext ? ", nieuwste eerst. Er zijn er meer." : ", nieuwste eerst. Dit zijn ze allemaal.") : "";
      if (more && items.length) items[0].focus();
    }).catch(function (error) { say(error.message); });
  }
  $("done-tickets").addEventListener("toggle", function () { loadDone(false); });
  $("done-more").addEventListener("click", function () { loadDone(true); });

  function releaseTicket() {
    if (!ticket) return;
    call("POST", ticketPath("release")).then(function () {
      ticket = null;
      renderTicket();
      say("Het verzoek staat weer in de rij.");
      $("ticket-next").focus();
      refreshLists();
    }).catch(function (error) { say(error.message); });
  }

  // ---- reports: inline SVG charts ----------------------------------------------------------------------

  function isoDay(date) { return date.toISOString().slice(0, 10); }
  // The last two weeks up to the server's today (Amsterdam), unless staff chose dates already.
  function defaultRange() {
    if ($("to").getAttribute("data-chosen")) return;
    var today = serverNow().toLocaleDateString("sv-SE", { timeZone: "Europe/Amsterdam" }); // YYYY-MM-DD
    $("to").value = today;
    $("from").value = isoDay(new Date(new Date(today + "T12:00:00Z").getTime() - 13 * 86400000));
  }
  ["from", "to"].forEach(function (id) {
    $(id).addEventListener("change", function () { $("to").setAttribute("data-chosen", "1"); });
  });
  $("report-form").addEventListener("submit", function (event) { event.preventDefault(); loadReport(); });

  function loadReport() {
    $("report-error").textContent = "";
    var report = $("report");
    call("GET", "/v1/staff/reports?from=" + $("from").value + "&to=" + $("to").value).then(function (data) {
      clear(report);
      renderReport(report, data);
    }).catch(function (error) {
      clear(report);
      $("report-error").textContent = "De rapportage kon niet worden geladen: " + error.message;
    });
  }

  function chartCard(title, description, figure, table) {
    var id = "chart-" + (++openCounter);
    return h("section", { "class": "card chart", "aria-labelledby": id }, [
      h("h2", { id: id, text: title }),
      description ? h("p", { "class": "hint", text: description }) : null,
      figure,
      table ? h("details", {}, [h("summary", { text: "Toon als tabel" }), table]) : null
    ]);
  }

  // In a keyboard-focusable scroller: a wide table never widens the page at 320 px.
  function table(headers, rows) {
    return h("div", { "class": "scroll", tabindex: "0", role: "group", "aria-label": "Tabel" }, [h("table", {}, [
      h("thead", {}, [h("tr", {}, headers.map(function (head, i) {
        return h("th", { scope: "col", "class": i ? "num" : null, text: head });
      }))]),
      h("tbody", {}, rows.map(function (row) {
        return h("tr", {}, row.map(function (cell, i) { return h("td", { "class": i ? "num" : null, text: String(cell) }); }));
      }))
    ])]);
  }

  function svgFigure(label, width, height, children) {
    return s("svg", { viewBox: "0 0 " + width + " " + height, role: "img", "aria-label": label }, [s("title", { text: label })].concat(children));
  }

  function shareChart(share, totals) {
    var percent = Math.round(share * 100);
    var radius = 52, circumference = 2 * Math.PI * radius;
    var label = percent + "% van de gesprekken opgelost door de assistent";
    var figure = svgFigure(label, 420, 140, [
      s("circle", { cx: 70, cy: 70, r: radius, fill: "none", stroke: "#d5dbe3", "stroke-width": 22 }),
      s("circle", { cx: 70, cy: 70, r: radius, fill: "none", stroke: "#1f4e8c", "stroke-width": 22,
        "stroke-dasharray": (circumference * share).toFixed(1) + " " + circumference.toFixed(1), transform: "rotate(-90 70 70)" }),
      s("text", { x: 70, y: 78, "text-anchor": "middle", "font-size": 24, "font-weight": 700, fill: "#1a1a1a", text: percent + "%" }),
      s("rect", { x: 150, y: 40, width: 14, height: 14, fill: "#1f4e8c" }),
      s("text", { x: 170, y: 52, "font-size": 13, fill: "#1a1a1a", text: "Opgelost door de assistent" }),
      s("rect", { x: 150, y: 70, width: 14, height: 14, fill: "#d5dbe3", stroke: "#6b6b6b" }),
      s("text", { x: 170, y: 82, "font-size": 13, fill: "#1a1a1a", text: "Overgedragen of niet opgelost" })
    ]);
    // Every conversation is exactly one of the three (core.reports).
    return chartCard("Opgelost door de assistent", "Van " + totals.conversations + " gesprekken: " + totals.resolvedByBot +
      " opgelost door de assistent, " + totals.handedOver + " overgedragen aan een medewerker, " + totals.unresolved +
      " niet opgelost (alleen \u2018niet begrepen\u2019, \u2018niet nuttig\u2019 of zonder antwoord).", figure, null);
  }

  function barChart(title, description, rows, color) {
    // Horizontal bars with the label above each bar: long labels (intent titles) stay whole at 320 px.
    var max = Math.max.apply(null, rows.map(function (r) { return r[1]; }).concat([1]));
    var rowHeight = 38, width = 420;
    var children = rows.map(function (row, i) {
      var y = i * rowHeight;
      var barWidth = Math.max(2, (width - 48) * row[1] / max);
      return s("g", {}, [
        s("text", { x: 0, y: y + 13, "font-size": 13, fill: "#1a1a1a", text: row[0] }),
        s("rect", { x: 0, y: y + 18, width: barWidth.toFixed(1), height: 14, fill: color, rx: 2 }),
        s("text", { x: barWidth + 6, y: y + 30, "font-size": 13, fill: "#1a1a1a", text: String(row[1]) })
      ]);
    });
    var label = title + ": " + rows.map(function (r) { return r[0] + " " + r[1]; }).join(", ");
    var figure = rows.length ? svgFigure(label, width, rows.length * rowHeight + 4, children)
      : h("p", { "class": "empty", text: "Geen gegevens in deze periode." });
    return chartCard(title, description, figure, rows.length ? table(["Onderwerp", "Aantal"], rows) : null);
  }

  function columnChart(title, description, rows, color) {
    // Vertical columns, one per day: a quarter (92 days) still fits one row; every
    // k-th day is labelled so labels never overlap.
    var max = Math.max.apply(null, rows.map(function (r) { return r[1]; }).concat([1]));
    var width = 420, top = 16, plot = 150, step = width / Math.max(rows.length, 1);
    var every = Math.ceil(rows.length / 7);
    var children = [s("line", { x1: 0, y1: top + plot, x2: width, y2: top + plot, stroke: "#6b6b6b" })];
    rows.forEach(function (row, i) {
      var height = row[1] ? Math.max(2, plot * row[1] / max) : 0;
      var x = i * step + step * 0.15;
      children.push(s("rect", { x: x.toFixed(1), y: (top + plot - height).toFixed(1), width: (step * 0.7).toFixed(1),
        height: height.toFixed(1), fill: color }));
      if (row[1] && rows.length <= 31) {
        children.push(s("text", { x: (x + step * 0.35).toFixed(1), y: (top + plot - height - 4).toFixed(1),
          "text-anchor": "middle", "font-size": 11, fill: "#1a1a1a", text: String(row[1]) }));
      }
      if (i % every === 0) {
        children.push(s("text", { x: (x + step * 0.35).toFixed(1), y: top + plot + 16, "text-anchor": "middle",
          "font-size": 11, fill: "#1a1a1a", text: row[2] }));
      }
    });
    var label = title + ": " + rows.map(function (r) { return r[0] + " " + r[1]; }).join(", ");
    return chartCard(title, description, svgFigure(label, width, top + plot + 24, children), table(["Dag", "Aantal"], rows.map(function (r) {
      return [r[0], r[1]];
    })));
  }

  function dayRange(from, to) {
    var days = [], day = new Date(from + "T12:00:00Z"), last = new Date(to + "T12:00:00Z");
    while (day <= last && days.length < 366) { days.push(isoDay(day)); day = new Date(day.getTime() + 86400000); }
    return days;
  }

  function intentName(id) { return id.charAt(0).toUpperCase() + id.slice(1).replace(/-/g, " "); }

  // Shape: GET /v1/staff/reports (core.reports.Report, camelCase): {from, to, totals: {conversations,
  // resolvedByBot, handedOver, unresolved, containmentRate, ...}, intents: [{intent, title, ...}],
  // days: [{day, handovers, ...}] (days without traffic left out), topIntents: [{intent, count}],
  // unanswered: [{text, count, examples}], handovers: [{team, name, live, queued, claimed, meanSecondsToClaim}],
  // channels: [{channel, name, conversations, resolvedByBot, handedOver, unresolved}]}.
  function renderReport(container, data) {
    var totals = data.totals || {};
    if (typeof totals.containmentRate === "number") {
      container.appendChild(shareChart(totals.containmentRate, totals));
    } else {
      container.appendChild(chartCard("Opgelost door de assistent", null,
        h("p", { "class": "empty", text: "Geen gesprekken in deze periode." }), null));
    }
    var titles = {};
    (data.intents || []).forEach(function (row) { titles[row.intent] = row.title; });
    var intents = (data.topIntents || []).slice(0, 10).map(function (item) {
      return [titles[item.intent] || intentName(item.intent), item.count];
    });
    container.appendChild(barChart("Meest gestelde onderwerpen", "De onderwerpen met de meeste vragen.", intents, "#1f4e8c"));
    var byDay = {};
    (data.days || []).forEach(function (day) { byDay[day.day] = day.handovers || 0; });
    var days = dayRange(data.from, data.to).map(function (day) {
      var date = new Date(day + "T12:00:00Z");
      return [date.toLocaleDateString("nl-NL", { weekday: "short", day: "numeric", month: "short", timeZone: "UTC" }),
        byDay[day] || 0, date.toLocaleDateString("nl-NL", { day: "numeric", month: "numeric", timeZone: "UTC" })];
    });
    container.appendChild(columnChart("Overdrachten per dag", "Gesprekken waarin een inwoner een medewerker kreeg of een terugbelverzoek deed.",
      days, "#1e6b34"));
    var unanswered = (data.unanswered || []).slice(0, 20);
    // Editors go from a question to a new example question in the editor: the link opens it with
    // the question in the unanswered list, its topic choice focused (then "Toevoegen aan concept").
    // The question travels in the fragment, which never reaches a server or its logs.
    var list = unanswered.length ? h("ul", { "class": "unanswered" }, unanswered.map(function (item) {
      return h("li", {}, [
        h("span", { text: item.text + (item.count > 1 ? " (" + item.count + "\u00d7)" : "") }),
        hasRole("editor") ? h("a", { href: "/staff/editor.html#vraag=" + encodeURIComponent(item.text),
                                     "class": "to-editor", text: "Maak er een voorbeeldvraag van",
                                     "aria-label": "Maak er een voorbeeldvraag van: " + item.text }) : null
      ]);
    })) : h("p", { "class": "empty", text: "Geen onbeantwoorde vragen in deze periode." });
    container.appendChild(chartCard("Onbeantwoorde vragen", "Vragen waarop de assistent geen antwoord wist. Persoonsgegevens zijn weggelaten." +
      (hasRole("editor") ? " Maak er in de kennisbank een voorbeeldvraag van, bij een onderwerp of als nieuw onderwerp." : ""),
      list, null));
    var teams = (data.handovers || []).map(function (team) {
      var wait = typeof team.meanSecondsToClaim === "number" ? Math.round(team.meanSecondsToClaim / 60) + " min" : "-";
      return [team.name || team.team, team.live, team.queued, team.claimed, wait];
    });
    container.appendChild(chartCard("Overdrachten per team", "Wachttijd: gemiddeld van vraag tot overname.", teams.length
      ? table(["Team", "Live", "Terugbellen", "Overgenomen", "Wachttijd"], teams)
      : h("p", { "class": "empty", text: "Geen overdrachten in deze periode." }), null));
    var channels = (data.channels || []).map(function (row) {
      return [row.name || channelName(row.channel), row.conversations, row.resolvedByBot, row.handedOver, row.unresolved];
    });
    container.appendChild(chartCard("Gesprekken per kanaal", "Website, WhatsApp, Messenger en Instagram: elk gesprek telt in één van de drie uitkomsten.",
      channels.length ? table(["Kanaal", "Gesprekken", "Door de assistent", "Overgedragen", "Niet opgelost"], channels)
        : h("p", { "class": "empty", text: "Geen gesprekken in deze periode." }), null));
  }

  // The CSV needs the Authorization header, so it is fetched and handed to the browser as a file.
  $("report-csv").addEventListener("click", function () {
    var query = "?format=csv&from=" + $("from").value + "&to=" + $("to").value;
    dom.authorizedFetch(session, "/v1/staff/reports" + query)
      .then(function (response) {
        if (!response.ok) throw new Error("De server gaf fout " + response.status + ".");
        return response.blob();
      }).then(function (blob) {
        var link = h("a", { href: URL.createObjectURL(blob), download: "balie-rapportage-" + $("from").value + "-" + $("to").value + ".csv" });
        document.body.appendChild(link);
        link.click();
        link.remove();
        setTimeout(function () { URL.revokeObjectURL(link.href); }, 1000);
      }).catch(function (error) { $("report-error").textContent = error.message; });
  });

  // ---- editors: canned replies ---------------------------------------------------------------------

  var cannedReplies = [];
  var topics = null; // [{id, title}] from the editor API, for the topics a canned reply is suggested with

  function loadCanned() {
    $("canned-error").textContent = "";
    var needTopics = topics ? Promise.resolve() : call("GET", "/v1/staff/kb/intents").then(function (data) {
      topics = data.intents.map(function (item) { return { id: item.id, title: item.title.nl || item.id }; });
    }, function () { topics = []; });
    return Promise.all([call("GET", "/v1/staff/canned-replies"), needTopics]).then(function (results) {
      cannedReplies = results[0].replies;
      renderCannedList();
      renderTopicChoices([]);
    }).catch(function (error) { $("canned-error").textContent = error.message; });
  }

  function topicTitle(id) {
    var found = (topics || []).filter(function (item) { return item.id === id; })[0];
    return found ? found.title : intentName(id);
  }

  function renderCannedList() {
    var list = $("canned-list");
    clear(list);
    if (!cannedReplies.length) { list.appendChild(h("li", { "class": "empty", text: "Er zijn nog geen standaardantwoorden." })); return; }
    cannedReplies.forEach(function (reply) {
      list.appendChild(h("li", { "class": "card" }, [
        h("h3", { text: reply.title }),
        h("p", { "class": "text", text: reply.text }),
        h("p", { "class": "hint", text: reply.intents.length ? "Voorgesteld bij: " + reply.intents.map(topicTitle).join(", ")
          : "Voorgesteld bij elk onderwerp" }),
        h("div", { "class": "actions" }, [
          h("button", { type: "button", "class": "secondary", "aria-label": "Bewerken: " + reply.title, text: "Bewerken",
            on: { click: function () { editCanned(reply); } } }),
          h("button", { type: "button", "class": "danger", "aria-label": "Verwijderen: " + reply.title, text: "Verwijderen",
            on: { click: function () { deleteCanned(reply); } } })
        ])
      ]));
    });
  }

  function renderTopicChoices(chosen) {
    var box = $("canned-topics");
    clear(box);
    (topics || []).forEach(function (topic, i) {
      var id = "canned-topic-" + i;
      box.appendChild(h("div", { "class": "check" }, [
        h("input", { type: "checkbox", id: id, value: topic.id, checked: chosen.indexOf(topic.id) >= 0 }),
        h("label", { "for": id, text: topic.title })
      ]));
    });
  }

  function editCanned(reply) {
    $("canned-id").value = reply.id;
    $("canned-title").value = reply.title;
    $("canned-text").value = reply.text;
    renderTopicChoices(reply.intents);
    $("canned-form-title").textContent = "Standaardantwoord bewerken";
    $("canned-title").focus();
  }

  function resetCannedForm() {
    $("canned-form").reset();
    $("canned-id").value = "";
    renderTopicChoices([]);
    $("canned-form-title").textContent = "Nieuw standaardantwoord";
  }

  // A new reply's id: from its title, made unique (lower-case letters, digits and hyphens).
  function cannedId(title) {
    var base = title.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "").slice(0, 50) || "antwoord";
    var id = base, n = 1;
    while (cannedReplies.some(function (reply) { return reply.id === id; })) id = base + "-" + (++n);
    return id;
  }

  $("canned-form").addEventListener("submit", function (event) {
    event.preventDefault();
    $("canned-error").textContent = "";
    var title = $("canned-title").value.trim(), text = $("canned-text").value.trim();
    var id = $("canned-id").value || cannedId(title);
    var intents = Array.prototype.map.call(document.querySelectorAll("#canned-topics input:checked"), function (box) { return box.value; });
    call("PUT", "/v1/staff/canned-replies/" + encodeURIComponent(id), { title: title, text: text, intents: intents }).then(function () {
      resetCannedForm();
      $("canned-status").textContent = "Het standaardantwoord \u2018" + title + "\u2019 is opgeslagen.";
      return loadCanned();
    }).catch(function (error) { $("canned-error").textContent = error.message; });
  });
  $("canned-cancel").addEventListener("click", resetCannedForm);

  function deleteCanned(reply) {
    call("DELETE", "/v1/staff/canned-replies/" + encodeURIComponent(reply.id)).then(function () {
      $("canned-status").textContent = "Het standaardantwoord \u2018" + reply.title + "\u2019 is verwijderd.";
      return loadCanned();
    }).then(function () { $("canned-form-title").focus(); })
      .catch(function (error) { $("canned-error").textContent = error.message; });
  }

  // ---- editors: the answers residents called not helpful --------------------------------------------

  function loadNotHelpful() {
    $("nothelpful-error").textContent = "";
    var to = serverNow().toLocaleDateString("sv-SE", { timeZone: "Europe/Amsterdam" });
    var from = isoDay(new Date(new Date(to + "T12:00:00Z").getTime() - 90 * 86400000));
    return call("GET", "/v1/staff/not-helpful?from=" + from + "&to=" + to + "&status=" + $("nothelpful-status").value)
      .then(function (data) { renderNotHelpful(data.answers); })
      .catch(function (error) { $("nothelpful-error").textContent = error.message; });
  }
  $("nothelpful-status").addEventListener("change", loadNotHelpful);

  function renderNotHelpful(answers) {
    var list = $("nothelpful-list");
    clear(list);
    $("nothelpful-count").textContent = String(answers.length);
    if (!answers.length) { list.appendChild(h("li", { "class": "empty", text: "Geen antwoorden in deze lijst." })); return; }
    answers.forEach(function (item, i) {
      var id = "nothelpful-" + i;
      var parts = [
        h("h3", { id: id, text: item.title || intentName(item.intent) }),
        h("p", { "class": "meta", text: formatTime(item.at) + " \u00b7 " + channelName(item.channel) }),
        h("dl", { "class": "facts" }, [
          h("dt", { text: "Vraag van de inwoner" }), h("dd", { text: item.question || "(geen vraag bewaard)" }),
          h("dt", { text: "Antwoord van de assistent" }), h("dd", { text: item.answer || "(geen antwoord bewaard)" })
        ])
      ];
      if (item.reviewedAt) {
        parts.push(h("p", { "class": "hint", text: "Bekeken " + formatTime(item.reviewedAt) + (item.reviewNote ? ": " + item.reviewNote : "") }));
      } else {
        var note = h("input", { id: id + "-note", type: "text", maxlength: "500", autocomplete: "off" });
        parts.push(h("form", { on: { submit: function (event) {
          event.preventDefault();
          call("POST", "/v1/staff/not-helpful/" + encodeURIComponent(item.id) + "/review", { note: note.value.trim() || null })
            .then(function () {
              $("nothelpful-status-line").textContent = "Gemarkeerd als bekeken.";
              return loadNotHelpful();
            }).then(function () { $("nothelpful-title").focus(); })
            .catch(function (error) { $("nothelpful-error").textContent = error.message; });
        } } }, [
          h("label", { "for": note.id, text: "Wat is er gedaan? (optioneel)" }), note,
          h("div", { "class": "actions" }, [h("button", { type: "submit", "class": "secondary", "aria-describedby": id, text: "Markeer als bekeken" })])
        ]));
      }
      list.appendChild(h("li", { "class": "card" }, parts));
    });
  }

  // ---- start -----------------------------------------------------------------------------------------

  document.addEventListener("visibilitychange", function () {
    if (document.visibilityState === "hidden") return;
    refreshLists();
    Object.keys(open).forEach(function (id) { refreshCard(open[id]); });
  });

  route();
})();
