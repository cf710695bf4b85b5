/*
 * Balie staff dashboard: no framework, nothing fetched from outside this site and the API.
 * Views (by URL hash): sign-in, #gesprekken (handovers, open conversations, tickets), #rapportage.
 * Text from residents, staff or the API is always set with textContent, never parsed as HTML.
 */
(function () {
  "use strict";

  var LIST_POLL_MS = 4000;
  var CONVERSATION_POLL_MS = 3000;
  var SVG = "http://www.w3.org/2000/svg";

  function meta(name) {
    var node = document.querySelector('meta[name="' + name + '"]');
    return node ? node.getAttribute("content") || "" : "";
  }

  var session = {
    token: sessionStorage.getItem("balie-staff:token") || "",
    api: sessionStorage.getItem("balie-staff:api") || meta("balie-api") || location.origin
  };
  var open = {}; // conversation id -> card state
  var ticket = null; // the ticket record this staff member holds and works on
  var listTimer = null;
  var openCounter = 0;

  // ---- small DOM helpers (text only) ---------------------------------------------------

  function h(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (key) {
      var value = attrs[key];
      if (value == null || value === false) return;
      if (key === "text") node.textContent = value;
      else if (key === "on") Object.keys(value).forEach(function (type) { node.addEventListener(type, value[type]); });
      else node.setAttribute(key, value === true ? "" : value);
    });
    (children || []).forEach(function (child) { if (child) node.appendChild(child); });
    return node;
  }
  function s(tag, attrs, children) {
    var node = document.createElementNS(SVG, tag);
    Object.keys(attrs || {}).forEach(function (key) {
      if (key === "text") node.textContent = attrs[key]; else node.setAttribute(key, attrs[key]);
    });
    (children || []).forEach(function (child) { if (child) node.appendChild(child); });
    return node;
  }
  function $(id) { return document.getElementById(id); }
  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }

  // The channels by the names residents and staff know them (core.models.CHANNEL_NAMES).
  var CHANNEL_NAMES = { web: "Website", whatsapp: "WhatsApp", messenger: "Messenger", instagram: "Instagram" };
  var MESSAGING = { whatsapp: true, messenger: true, instagram: true };  // staff answers go out on the app
  function channelName(channel) { return CHANNEL_NAMES[channel] || channel; }

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

  function call(method, path, body, refreshed) {
    return fetch(session.api.replace(/\/+$/, "") + path, {
      method: method,
      headers: Object.assign({ authorization: "Bearer " + session.token }, body ? { "content-type": "application/json" } : {}),
      body: body ? JSON.stringify(body) : undefined
    }).then(function (response) {
      if (response.status === 401 && !refreshed && sessionStorage.getItem("balie-staff:refresh")) {
        // Tokens are short-lived: renew once with the refresh token, then ask again.
        return refreshSession().then(function () { return call(method, path, body, true); },
                                     function () { return call(method, path, body, true); });
      }
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
    return call("GET", "/v1/staff/handovers?status=waiting").then(function () {
      sessionStorage.setItem("balie-staff:token", session.token);
      sessionStorage.setItem("balie-staff:api", session.api);
      $("token").value = ""; // the token lives in sessionStorage only, not in a form field
      route();
    });
  }

  function signOut(message) {
    session.token = "";
    session.subject = "";
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
  // live 15 minutes, template StaffUserPoolClient).
  var cognito = { domain: meta("balie-cognito-domain"), client: meta("balie-cognito-client-id") };

  function base64url(bytes) {
    return btoa(String.fromCharCode.apply(null, new Uint8Array(bytes))).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  }
  function randomText() { return base64url(crypto.getRandomValues(new Uint8Array(32))); }
  function redirectUri() { return location.origin + location.pathname; }

  function cognitoToken(form) {
    return fetch("https://" + cognito.domain + "/oauth2/token", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams(Object.assign({ client_id: cognito.client }, form)).toString()
    }).then(function (response) {
      if (!response.ok) throw new Error("Inloggen is niet gelukt. Probeer het opnieuw.");
      return response.json();
    }).then(function (tokens) {
      session.token = tokens.id_token;
      sessionStorage.setItem("balie-staff:token", session.token);
      if (tokens.refresh_token) sessionStorage.setItem("balie-staff:refresh", tokens.refresh_token);
    });
  }

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

  function refreshSession() {
    var refresh = sessionStorage.getItem("balie-staff:refresh");
    if (!refresh || !cognito.domain) return Promise.reject(new Error("no refresh token"));
    return cognitoToken({ grant_type: "refresh_token", refresh_token: refresh });
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
    cognitoToken({ grant_type: "authorization_code", code: query.get("code"), redirect_uri: redirectUri(),
                   code_verifier: pending.verifier })
      .then(route)
      .catch(function (error) { $("signin-error").textContent = error.message; });
  })();

  // ---- views -----------------------------------------------------------------------------

  function route() {
    var signedIn = !!session.token;
    var view = !signedIn ? "signin" : location.hash === "#rapportage" ? "reports" : "work";
    ["signin", "work", "reports"].forEach(function (name) { $("view-" + name).hidden = name !== view; });
    $("nav").hidden = !signedIn;
    $("signout").hidden = !signedIn;
    var claims = claimsOf(session.token);
    $("who").textContent = signedIn ? "Gemeente: " + (claims["custom:tenant"] || "onbekend") : "";
    Array.prototype.forEach.call(document.querySelectorAll("nav a"), function (link) {
      if (link.getAttribute("data-view") === view) link.setAttribute("aria-current", "page");
      else link.removeAttribute("aria-current");
    });
    document.title = { signin: "Inloggen", work: "Gesprekken", reports: "Rapportage" }[view] + " - Balie medewerkers";
    if (view === "work") refreshLists();
    else clearTimeout(listTimer);
    if (view === "reports") loadReport();
  }
  window.addEventListener("hashchange", route);

  // ---- handover lists -------------------------------------------------------------------------

  var knownTeams = {};
  var lastWaiting = null; // to announce newly waiting residents (not the ones there at sign-in)
  var listRound = 0; // only the latest refresh schedules the next one: never two polling loops

  function refreshLists() {
    clearTimeout(listTimer);
    if (!session.token || $("view-work").hidden) return;
    if (document.hidden) return; // resumed by visibilitychange
    var round = ++listRound;
    var team = $("team-filter").value;
    var query = team ? "&team=" + encodeURIComponent(team) : "";
    Promise.all([
      call("GET", "/v1/staff/handovers?status=waiting" + query),
      call("GET", "/v1/staff/handovers?status=live" + query),
      call("GET", ticketQuery("open"))
    ]).then(function (results) {
      $("tickets-count").textContent = String(results[2].tickets.length);
      var waiting = results[0].handovers.length;
      if (lastWaiting !== null && waiting > lastWaiting) say("Er wacht een inwoner op een medewerker.");
      lastWaiting = waiting;
      document.title = (waiting ? "(" + waiting + ") " : "") + "Gesprekken - Balie medewerkers";
      renderList($("waiting"), $("waiting-count"), results[0].handovers, "Niemand wacht.");
      renderList($("live"), $("live-count"), results[1].handovers, "Geen lopende gesprekken.");
      results[0].handovers.concat(results[1].handovers).forEach(function (item) { addTeam(item.team); });
    }).catch(function (error) {
      if (session.token) say(error.message);
    }).then(function () {
      if (round === listRound) listTimer = setTimeout(refreshLists, LIST_POLL_MS);
    });
  }

  function addTeam(team) {
    if (!team || knownTeams[team]) return;
    knownTeams[team] = true;
    $("team-filter").appendChild(h("option", { value: team, text: team }));
  }
  $("team-filter").addEventListener("change", refreshLists);

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
      var channel = channelName(item.channel);
      list.appendChild(h("li", {}, [h("button", {
        type: "button", "data-conversation": item.conversationId,
        on: { click: function () { openConversation(item.conversationId); } }
      }, [
        h("span", { "class": "quote", text: item.lastResidentMessage || "(geen bericht)" }),
        h("span", { "class": "meta", text: item.team + " \u00b7 " + channel + " \u00b7 " + formatTime(item.requestedAt) +
          (item.claimedBy ? " \u00b7 " + item.claimedBy : "") })
      ])]));
    });
    var again = focused && list.querySelector('button[data-conversation="' + CSS.escape(focused) + '"]');
    if (again) again.focus();
  }

  // ---- conversation cards ------------------------------------------------------------------------

  var ROLE = { resident: "Inwoner", bot: "Assistent", staff: "Medewerker", system: "Systeem" };
  var STATUS = { waiting: "Wacht", live: "Live", queued: "Terugbelverzoek", closed: "Afgesloten" };

  function openConversation(id) {
    if (open[id]) { open[id].reply.focus(); return; }
    var n = ++openCounter;
    var card = { id: id, n: n, lastSeq: -1, lastResidentSeq: -1, timer: null, data: null };
    // h3 under "Open gesprekken" (h2); focusable from script, so focus has a place after "Gesprek afsluiten".
    card.title = h("h3", { id: "conv-" + n + "-title", tabindex: "-1" });
    card.badge = h("span", { "class": "badge" });
    card.facts = h("dl", { "class": "facts" });
    card.transcript = h("div", { "class": "transcript", role: "log", "aria-live": "polite", tabindex: "0",
      "aria-label": "Berichten van dit gesprek" });
    card.suggestions = h("ul", { "class": "suggestions" });
    card.reply = h("textarea", { id: "conv-" + n + "-reply", maxlength: "2000" });
    card.error = h("p", { "class": "error", role: "alert" });
    card.claim = h("button", { type: "button", on: { click: function () { act(card, "claim"); } } });
    card.claim.textContent = "Overnemen";
    card.close = h("button", { type: "button", "class": "danger", on: { click: function () { act(card, "close"); } } });
    card.close.textContent = "Gesprek afsluiten";
    card.send = h("button", { type: "submit", text: "Versturen" });
    var form = h("form", { "class": "reply", on: { submit: function (event) { event.preventDefault(); sendReply(card); } } }, [
      h("label", { "for": card.reply.id, text: "Uw antwoord" }), card.reply,
      h("div", { "class": "actions" }, [card.send, card.claim, card.close])
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
        h("h4", { text: "Voorgestelde antwoorden" }), card.suggestions, form, card.error
      ])
    ]);
    open[id] = card;
    $("conversations").appendChild(card.node);
    $("open-empty").hidden = true;
    refreshCard(card).then(function () { card.reply.focus(); });
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
      if (open[card.id] && !document.hidden && round === card.round) {
        card.timer = setTimeout(function () { refreshCard(card); }, CONVERSATION_POLL_MS);
      }
    });
  }

  // core.engine's handover reasons: "asked" (the button), "not_understood" (repeated misses), "intent:<id>".
  function reasonText(reason) {
    if (!reason) return "";
    if (reason === "asked") return "Inwoner koos 'Medewerker spreken'";
    if (reason === "not_understood") return "De assistent begreep de vraag niet";
    if (reason.indexOf("intent:medewerker") === 0) return "Inwoner vroeg om een medewerker";
    if (reason.indexOf("intent:") === 0) return "Onderwerp vraagt om een medewerker: " + reason.slice(7);
    return reason;
  }

  // Topic, channel, team and time, numbered when two open cards would still read the same (WCAG 2.4.6).
  function cardTitle(card, data, handover) {
    var time = handover.requestedAt ? new Date(handover.requestedAt).toLocaleTimeString("nl-NL", {
      hour: "2-digit", minute: "2-digit", timeZone: "Europe/Amsterdam" }) : "";
    card.baseTitle = [data.intent ? intentName(data.intent) : "Onbekend onderwerp",
      channelName(data.channel), handover.team || "geen team", time].filter(Boolean).join(" \u00b7 ");
    var earlier = Object.keys(open).filter(function (id) {
      return open[id].baseTitle === card.baseTitle && open[id].n < card.n;
    }).length;
    return card.baseTitle + (earlier ? " (" + (earlier + 1) + ")" : "");
  }

  function renderCard(card) {
    var data = card.data;
    var handover = data.handover || {};
    card.title.textContent = cardTitle(card, data, handover);
    card.badge.textContent = STATUS[handover.status] || "Bot";
    card.badge.className = "badge" + (handover.status === "live" ? " live" : "");
    clear(card.facts);
    var facts = [
      ["Onderwerp", data.intent || "onbekend"],
      ["Taal", data.language === "en" ? "Engels" : "Nederlands"],
      ["Gevraagd", formatTime(handover.requestedAt)],
      ["Reden", reasonText(handover.reason)]
    ];
    if (handover.claimedBy) facts.push(["Medewerker", handover.claimedBy]);
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
    card.close.hidden = !(handover.status === "waiting" || handover.status === "live");
    card.send.disabled = !mine;
    card.reply.disabled = !mine;
    if (card.lastResidentSeq !== card.suggestedFor) loadSuggestions(card);
  }

  function loadSuggestions(card) {
    card.suggestedFor = card.lastResidentSeq;
    call("GET", "/v1/staff/suggestions/" + encodeURIComponent(card.id)).then(function (data) {
      clear(card.suggestions);
      var found = data.suggestions || [];
      if (!found.length) {
        card.suggestions.appendChild(h("li", { "class": "empty", text: "Geen suggesties voor het laatste bericht." }));
      }
      found.forEach(function (suggestion) {
        var text = suggestion.text + (suggestion.links || []).map(function (link) {
          return "\n" + link.title + ": " + link.url;
        }).join("");
        card.suggestions.appendChild(h("li", {}, [
          h("strong", { text: suggestion.title }),
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

  function act(card, action) {
    card.error.textContent = "";
    call("POST", "/v1/staff/conversations/" + encodeURIComponent(card.id) + "/" + action).then(function (data) {
      if (action === "claim" && data.handover) session.subject = data.handover.claimedBy;
      card.data = data;
      renderCard(card);
      say(action === "claim" ? "U heeft het gesprek overgenomen." : "Het gesprek is afgesloten.");
      // The button pressed is gone now: focus stays in this card (WCAG 2.4.3).
      (action === "claim" ? card.reply : card.title).focus();
      refreshLists();
    }).catch(function (error) { card.error.textContent = error.message; });
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
  var OUTCOMES = ["Gebeld, geholpen", "Gemaild, geholpen", "Niet bereikt", "Niet meer nodig", "Doorgestuurd naar een ander team"];

  function ticketPath(action) { return "/v1/staff/tickets/" + encodeURIComponent(ticket.id) + "/" + action; }

  function renderTicket() {
    var box = $("ticket");
    clear(box);
    if (!ticket) return;
    var data = ticket;
    var contact = IN_CHAT[data.contactKind] ? "in het " + channelName(data.contactKind) + "-gesprek" :
      data.contact ? data.contact + (data.contactKind ? " (" + (CONTACT_KIND[data.contactKind] || data.contactKind) + ")" : "") : "geen";
    var outcome = h("select", { id: "ticket-outcome" }, OUTCOMES.map(function (text) { return h("option", { value: text, text: text }); }));
    var note = h("textarea", { id: "ticket-note", maxlength: "2000" });
    var parts = [
      h("h3", { text: "Verzoek voor " + data.team }),
      h("dl", {}, [
        h("dt", { text: "Contact" }), h("dd", { text: contact }),
        h("dt", { text: "Beloofd" }), h("dd", { text: formatTime(data.expectedContactAt) }),
        h("dt", { text: "Kanaal" }), h("dd", { text: channelName(data.channel) }),
        h("dt", { text: "Taal" }), h("dd", { text: data.language === "en" ? "Engels" : "Nederlands" }),
        h("dt", { text: "Onderwerp" }), h("dd", { text: data.intent || "onbekend" }),
        h("dt", { text: "Samenvatting" }), h("dd", { text: data.summary })
      ])
    ];
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
    parts.push(h("form", { "class": "done", on: { submit: function (event) {
      event.preventDefault();
      call("POST", ticketPath("done"), { outcome: outcome.value, note: note.value.trim() || null }).then(function () {
        ticket = null;
        renderTicket();
        say("Het verzoek is afgehandeld.");
        $("ticket-next").focus();
        refreshLists();
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
    box.appendChild(h("div", { "class": "ticket" }, parts));
  }

  function ticketQuery(status) {
    var team = $("team-filter").value;
    return "/v1/staff/tickets?status=" + status + (team ? "&team=" + encodeURIComponent(team) : "");
  }

  // The next request: one this member of staff already holds, else the oldest open one of their
  // teams (taken by someone else a moment earlier: the next one).
  function takeNext(open) {
    if (!open.length) return Promise.resolve(null);
    return call("POST", "/v1/staff/tickets/" + encodeURIComponent(open[0].id) + "/claim").then(function (data) {
      return data.ticket;
    }).catch(function (error) {
      if (error.status === 409) return takeNext(open.slice(1));
      throw error;
    });
  }

  $("ticket-next").addEventListener("click", function () {
    call("GET", ticketQuery("claimed")).then(function (data) {
      var held = data.tickets.filter(function (item) { return item.claimedBy === me(); });
      if (held.length) return held[0];
      return call("GET", ticketQuery("open")).then(function (openTickets) { return takeNext(openTickets.tickets); });
    }).then(function (taken) {
      ticket = taken;
      if (taken) session.subject = taken.claimedBy;
      renderTicket();
      if (!taken) say("Er zijn geen terugbelverzoeken.");
      refreshLists();
    }).catch(function (error) { say(error.message); });
  });

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
  (function defaultRange() {
    var today = new Date();
    $("to").value = isoDay(today);
    $("from").value = isoDay(new Date(today.getTime() - 13 * 86400000));
  })();
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
    var label = percent + "% van de gesprekken afgehandeld door de assistent";
    var figure = svgFigure(label, 300, 140, [
      s("circle", { cx: 70, cy: 70, r: radius, fill: "none", stroke: "#d5dbe3", "stroke-width": 22 }),
      s("circle", { cx: 70, cy: 70, r: radius, fill: "none", stroke: "#1f4e8c", "stroke-width": 22,
        "stroke-dasharray": (circumference * share).toFixed(1) + " " + circumference.toFixed(1), transform: "rotate(-90 70 70)" }),
      s("text", { x: 70, y: 78, "text-anchor": "middle", "font-size": 24, "font-weight": 700, fill: "#1a1a1a", text: percent + "%" }),
      s("rect", { x: 150, y: 40, width: 14, height: 14, fill: "#1f4e8c" }),
      s("text", { x: 170, y: 52, "font-size": 13, fill: "#1a1a1a", text: "Assistent" }),
      s("rect", { x: 150, y: 70, width: 14, height: 14, fill: "#d5dbe3", stroke: "#6b6b6b" }),
      s("text", { x: 170, y: 82, "font-size": 13, fill: "#1a1a1a", text: "Medewerker" })
    ]);
    return chartCard("Afgehandeld door de assistent", "Gesprekken zonder medewerker: " +
      Math.max(0, totals.conversations - totals.handovers) + " van " + totals.conversations + ".", figure, null);
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
  // handovers, botHandledShare, ...}, days: [{day, handovers, ...}] (days without traffic left out),
  // topIntents: [{intent, count}], unanswered: [{text, count, examples}], handovers: [{team, live,
  // queued, claimed, meanSecondsToClaim}], channels: [{channel, name, conversations, resolvedByBot,
  // handedOver, unresolved}]}.
  function renderReport(container, data) {
    var totals = data.totals || {};
    var conversations = totals.conversations || 0;
    var handovers = totals.handoverRequested || 0; // the report's bot-handled share counts requests
    if (typeof totals.botHandledShare === "number") {
      container.appendChild(shareChart(totals.botHandledShare, { conversations: conversations, handovers: handovers }));
    } else {
      container.appendChild(chartCard("Afgehandeld door de assistent", null,
        h("p", { "class": "empty", text: "Geen gesprekken in deze periode." }), null));
    }
    var intents = (data.topIntents || []).slice(0, 10).map(function (item) { return [intentName(item.intent), item.count]; });
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
    var list = unanswered.length ? h("ul", {}, unanswered.map(function (item) {
      return h("li", { text: item.text + (item.count > 1 ? " (" + item.count + "\u00d7)" : "") });
    })) : h("p", { "class": "empty", text: "Geen onbeantwoorde vragen in deze periode." });
    container.appendChild(chartCard("Onbeantwoorde vragen", "Vragen waarop de assistent geen antwoord wist. Persoonsgegevens zijn weggelaten.",
      list, null));
    var teams = (data.handovers || []).map(function (team) {
      var wait = typeof team.meanSecondsToClaim === "number" ? Math.round(team.meanSecondsToClaim / 60) + " min" : "-";
      return [team.team, team.live, team.queued, team.claimed, wait];
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
    fetch(session.api.replace(/\/+$/, "") + "/v1/staff/reports" + query, { headers: { authorization: "Bearer " + session.token } })
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

  // ---- start -----------------------------------------------------------------------------------------

  document.addEventListener("visibilitychange", function () {
    if (document.hidden) return;
    refreshLists();
    Object.keys(open).forEach(function (id) { refreshCard(open[id]); });
  });

  route();
})();
