/*
 * Balie knowledge-base editor (role redacteur): the gemeente's answers, links, follow-up and detail answers
 * and example questions over the shared knowledge base, its own topics, a preview chat that answers with the draft,
 * publishing, versions and rollback, and unanswered questions into the draft. No framework;
 * everything from the API is set with textContent, never parsed as HTML.
 */
(function () {
  "use strict";

  var FIELD_LABELS = {
    "title.nl": "Titel (Nederlands)", "title.en": "Titel (Engels)", "answer.nl": "Antwoord (Nederlands)",
    "answer.en": "Antwoord (Engels)", "examples.nl": "Voorbeeldvragen (Nederlands)",
    "examples.en": "Voorbeeldvragen (Engels)", enabled: "Aan of uit", team: "Team", draft: "Concept"
  };

  var dom = window.BalieDom; // dom.js: h, $, clear, the stored session
  var h = dom.h, $ = dom.$, clear = dom.clear;

  var session = dom.storedSession();
  var intents = [];
  var current = null; // the intent detail the form shows
  var creating = false;
  var history = []; // the resident's earlier messages in the preview conversation

  function lines(text) { return text.split("\n").map(function (line) { return line.trim(); }).filter(Boolean); }
  function when(iso) {
    return new Date(iso).toLocaleString("nl-NL", { day: "numeric", month: "short", year: "numeric", hour: "2-digit",
                                                   minute: "2-digit", timeZone: "Europe/Amsterdam" });
  }
  function say(text) {
    $("status").textContent = text;
    clearTimeout(say.timer);
    say.timer = setTimeout(function () { $("status").textContent = ""; }, 6000);
  }
  function fail(error) { $("error").textContent = error.message; }

  function call(method, path, body) {
    $("error").textContent = "";
    return dom.authorizedFetch(session, path, {
      method: method,
      headers: body ? { "content-type": "application/json" } : {},
      body: body ? JSON.stringify(body) : undefined
    }).then(function (response) {
      return response.json().catch(function () { return null; }).then(function (data) {
        if (response.status === 401) {
          // The error is what the caller shows, so the reason must be in it, not the API's text.
          showSignIn("");
          throw new Error("Uw sessie is verlopen. Log opnieuw in.");
        }
        if (response.status === 403) throw new Error("U heeft geen toegang tot de kennisbank. Daarvoor is de rol redacteur nodig.");
        if (!response.ok) throw new Error((data && data.error && data.error.message) || "De server gaf fout " + response.status + ".");
        return data;
      });
    });
  }

  // ---- sign-in (the same session as the dashboard) ---------------------------------------

  function showSignIn(message) {
    sessionStorage.removeItem("balie-staff:token");
    session.token = "";
    $("editor").hidden = true;
    $("signin").hidden = false;
    if (message) $("error").textContent = message;
  }
  $("signin").addEventListener("submit", function (event) {
    event.preventDefault();
    session.token = $("token").value.trim();
    $("token").value = "";
    start().then(function () { sessionStorage.setItem("balie-staff:token", session.token); });
  });

  function start() {
    return loadIntents().then(function () {
      $("signin").hidden = true;
      $("editor").hidden = false;
      loadVersions();
      loadUnanswered();
    }, function (error) {
      fail(error);
      if (!session.token) $("signin").hidden = false;
    });
  }

  // ---- the list of intents ---------------------------------------------------------------

  function loadIntents() {
    return call("GET", "/v1/staff/kb/intents").then(function (list) {
      intents = list.intents;
      renderDraft(list);
      renderIntents();
    });
  }

  function renderDraft(list) {
    var changes = list.changes || [];
    $("draft-summary").textContent = changes.length
      ? changes.length + (changes.length === 1 ? " wijziging" : " wijzigingen") + " sinds de laatste publicatie (versie " + list.baseVersion + "). Live: versie " + list.liveVersion + "."
      : "Geen wijzigingen. Live: versie " + list.liveVersion + ".";
    $("publish").disabled = changes.length === 0;
    renderFindings($("draft-findings"), list.findings, false);
  }

  function badge(text, kind) { return h("span", { "class": "tag " + (kind || ""), text: text }); }

  function renderIntents() {
    var filter = $("filter").value.trim().toLowerCase();
    var list = $("intents");
    clear(list);
    intents.filter(function (item) {
      return !filter || item.title.nl.toLowerCase().indexOf(filter) >= 0 || item.id.indexOf(filter) >= 0;
    }).forEach(function (item) {
      var tags = [];
      if (item.edited) tags.push(badge("concept", "draft"));
      if (item.own) tags.push(badge("eigen"));
      else if (item.overlay) tags.push(badge("aangepast"));
      if (!item.enabled) tags.push(badge("uit", "off"));
      if (item.errors) tags.push(badge(item.errors + (item.errors === 1 ? " fout" : " fouten"), "bad"));
      list.appendChild(h("li", {}, [h("button", {
        type: "button", "aria-current": current && current.id === item.id ? "true" : null,
        on: { click: function () { openIntent(item.id); } }
      }, [h("span", { "class": "name", text: item.title.nl })].concat(tags).concat([
        h("span", { "class": "meta", text: item.answer ? item.answer.nl : "Nog geen antwoord" })]))]));
    });
  }
  $("filter").addEventListener("input", renderIntents);

  // ---- one intent --------------------------------------------------------------------------

  function openIntent(id) {
    return call("GET", "/v1/staff/kb/intents/" + encodeURIComponent(id)).then(function (detail) {
      creating = false;
      showIntent(detail);
      $("form-title").focus();
    }).catch(fail);
  }

  function showIntent(detail) {
    current = detail;
    $("form-title").textContent = detail.title.nl + (detail.own ? " (eigen onderwerp)" : "");
    $("form-hint").textContent = detail.own ? "Dit onderwerp is van uw gemeente alleen." :
      "Gedeeld onderwerp. Wat u hier invult, geldt alleen voor uw gemeente; de rest komt uit de gedeelde kennisbank.";
    $("intent-form").hidden = false;
    $("new-fields").hidden = !creating;
    $("title-fields").hidden = !detail.own;
    $("use-shared").hidden = detail.own;
    $("shared-links").hidden = detail.own;
    $("title-nl").value = detail.draft.title ? detail.draft.title.nl : "";
    $("title-en").value = detail.draft.title ? detail.draft.title.en : "";
    $("enabled").checked = detail.enabled;
    var answer = detail.draft.answer || (detail.shared ? detail.shared.answer : { nl: "", en: "" });
    $("answer-nl").value = answer.nl;
    $("answer-en").value = answer.en;
    renderLinks(detail.draft.links || (detail.shared ? detail.shared.links.map(function (link) {
      return { title: link.title, url: link.url || "" };
    }) : []), detail.draft.links !== null && detail.draft.links !== undefined);
    $("examples-nl").value = detail.draft.examples.nl.join("\n");
    $("examples-en").value = detail.draft.examples.en.join("\n");
    renderDifference(detail);
    renderOwnAnswers("followups", detail.followupAnswers || []);
    renderFollowupChoices();
    renderOwnAnswers("details", detail.detailAnswers || []);
    renderFindings($("findings"), detail.findings, true);
    $("export").hidden = creating;
    $("export").href = "#";
    loadOthers(detail);
    renderIntents();
  }

  function renderDifference(detail) {
    var parts = detail.difference && detail.difference.nl;
    var changed = parts && parts.some(function (part) { return part.op !== "same"; });
    $("difference").hidden = !changed;
    var target = $("difference-nl");
    clear(target);
    (parts || []).forEach(function (part, index) {
      if (index) target.appendChild(document.createTextNode(" "));
      var tag = part.op === "added" ? "ins" : part.op === "removed" ? "del" : "span";
      var node = h(tag, { text: part.text });
      if (part.op !== "same") node.appendChild(h("span", { "class": "sr", text: part.op === "added" ? " (nieuw)" : " (weg)" }));
      target.appendChild(node);
    });
  }

  // A shared topic's follow-up and detail answers: the dialogue gives them instead of the answer above when a
  // resident asks that ("Wat kost het?", a passport lost abroad), so each has its own field: the gemeente's own
  // text, else the shared one; the same text as the shared one (or none) is sent as "the shared one".
  var OWN_PARTS = { followups: { prefix: "followup-", items: "followupAnswers" },
                    details: { prefix: "detail-", items: "detailAnswers" } };

  function filled(field, value) { field.value = value; return field; } // a textarea's text is no attribute

  // Each item is a disclosure (the question and whether the text is the gemeente's own), open when it is the
  // gemeente's own or a check is about it: a topic has up to 16, and closed ones are one Tab stop each. A detail
  // also lists its own answers to follow-ups ("Kan het online?" after a passport stolen abroad).
  function renderOwnAnswers(part, items) {
    var list = $(part + "-list");
    clear(list);
    items.forEach(function (item) { list.appendChild(ownAnswer(part, item, false)); });
    $(part).hidden = items.length === 0;
  }

  // One follow-up's or detail's disclosure; `added`: chosen just now under "Vervolgvraag toevoegen", so open.
  function ownAnswer(part, item, added) {
    var id = OWN_PARTS[part].prefix + item.key;
    var nested = item.followups || [];
    var ownLinks = part === "details" && item.ownLinks !== null && item.ownLinks !== undefined;
    var own = !!item.own || nested.some(function (followup) { return !!followup.own; });
    var checked = (current.findings || []).some(function (finding) {
      return finding.field.indexOf(part + "." + item.key + ".") === 0
        || (part === "details" && (finding.field.indexOf("detail_followups." + item.key + ".") === 0
                                   || finding.field.indexOf("detail_links." + item.key + ".") === 0));
    });
    var followups = nested.length ? [h("p", { "class": "subtitle", text: "Vervolgvragen bij dit detail" })].concat(
      nested.map(function (followup) {
        var sub = id + "-followup-" + followup.key;
        return h("div", { "class": "detail-followup", role: "group", "aria-labelledby": sub + "-title" },
                 [h("p", { id: sub + "-title", "class": "subtitle", text: followup.asked + " (na dit detail)" })]
                   .concat(answerFields(sub, followup)));
      })) : [];
    var links = part === "details" ? [detailLinks(id, item)] : [];
    return h("details", { "class": "own-answer", "data-key": item.key, open: own || ownLinks || checked || added }, [
      h("summary", { id: id + "-title" }, [h("span", { text: item.asked }),
                                            own ? badge("eigen tekst van uw gemeente", "draft") : null,
                                            ownLinks ? badge("eigen links van uw gemeente", "draft") : null]),
      h("div", { role: "group", "aria-labelledby": id + "-title" }, answerFields(id, item).concat(links, followups))
    ]);
  }

  // "Vervolgvraag toevoegen" (session 23): the follow-up kinds the topic does not answer yet (the API's
  // `followupChoices`, every kind the PUT's `followups` takes); the one chosen gets its fields under the others,
  // open and empty, and is saved with the gemeente's text as `followups.<kind>` (left empty, nothing is saved).
  function renderFollowupChoices() {
    var choices = (current.followupChoices || []).filter(function (choice) {
      return !(current.followupAnswers || []).some(function (item) { return item.key === choice.key; });
    });
    var select = $("followup-add-kind");
    clear(select);
    choices.forEach(function (choice) { select.appendChild(h("option", { value: choice.key, text: choice.asked })); });
    $("followup-add").hidden = choices.length === 0;
    $("followups").hidden = !(current.followupAnswers || []).length && !choices.length;
  }
  $("followup-add-button").addEventListener("click", function () {
    var key = $("followup-add-kind").value;
    var choice = (current.followupChoices || []).filter(function (item) { return item.key === key; })[0];
    if (!choice) return;
    current.followupAnswers = (current.followupAnswers || []).concat([choice]);
    $("followups-list").appendChild(ownAnswer("followups", choice, true));
    renderFollowupChoices();
    say(choice.asked + " is toegevoegd. Vul het antwoord van uw gemeente in en sla op in het concept.");
    $(OWN_PARTS.followups.prefix + key + "-nl").focus();
  });

  // A detail's links (session 22): the shared ones named, the fields hold the gemeente's own (else the shared ones);
  // sent as `detailLinks[name]` only once the editor changed them, and "Terug naar de gedeelde link" leaves them out.
  var detailLinksOwn = {}; // detail name -> the editor set links of the gemeente's own
  function detailLinks(id, item) {
    var own = item.ownLinks !== null && item.ownLinks !== undefined;
    var shared = item.sharedLinks.map(function (link) { return { title: link.title, url: link.url || "" }; });
    var list = h("ol", { id: id + "-links", "class": "links" });
    var named = h("span", { "class": "sr", text: " (" + item.asked + ")" });
    function changed() { detailLinksOwn[item.key] = true; }
    var add = h("button", { type: "button", "class": "secondary", on: { click: function () {
      changed();
      var row = linkRow({ title: { nl: "", en: "" }, url: "https://" }, list.children.length, id + "-link", changed, add);
      list.appendChild(row);
      row.querySelector("input").focus();
    } } }, [document.createTextNode("Link toevoegen"), named.cloneNode(true)]);
    function fill(links) {
      clear(list);
      links.forEach(function (link, index) { list.appendChild(linkRow(link, index, id + "-link", changed, add)); });
    }
    detailLinksOwn[item.key] = own;
    fill(own ? item.ownLinks : shared);
    return h("div", { "class": "detail-links", role: "group", "aria-labelledby": id + "-links-title" }, [
      h("p", { id: id + "-links-title", "class": "subtitle", text: "Links bij dit detail" }),
      h("p", { "class": "hint", text: shared.length ? "Gedeelde links: " + shared.map(function (link) { return link.title.nl; }).join(", ")
                                                    : "Geen gedeelde links bij dit detail." }),
      list, add,
      h("button", { type: "button", "class": "secondary", on: { click: function () {
        detailLinksOwn[item.key] = false;
        fill(shared);
        say("De gedeelde links van dit detail komen terug zodra u opslaat.");
      } } }, [document.createTextNode("Terug naar de gedeelde link"), named])
    ]);
  }
  function ownDetailLinks() {
    var found = {};
    ((current && current.detailAnswers) || []).forEach(function (detail) {
      if (detailLinksOwn[detail.key]) found[detail.key] = linksIn($("detail-" + detail.key + "-links"));
    });
    return found;
  }

  // The shared text, a note, the Dutch and English fields (the own text, else the shared one) and "Terug naar de
  // gedeelde tekst" of one answer; `id` names its fields (`<id>-nl`, `<id>-en`).
  function answerFields(id, item) {
    var text = item.own || item.shared || { nl: "", en: "" };
    return [
      item.shared ? h("div", { "class": "shared" }, [
        h("p", {}, [h("strong", { text: "Gedeelde tekst: " }), document.createTextNode(item.shared.nl)]),
        h("p", { lang: "en", text: item.shared.en })])
        : h("p", { "class": "hint", text: "Geen gedeelde tekst: alleen uw gemeente geeft dit antwoord." }),
      item.note ? h("p", { "class": "note", id: id + "-note", text: item.note }) : null,
      h("label", { "for": id + "-nl", text: "Nederlands" }),
      filled(h("textarea", { id: id + "-nl", rows: "4", "aria-describedby": item.note ? id + "-note" : null }), text.nl),
      h("label", { "for": id + "-en", text: "Engels" }),
      filled(h("textarea", { id: id + "-en", rows: "4", lang: "en" }), text.en),
      h("button", { type: "button", "class": "secondary", on: { click: function () {
        $(id + "-nl").value = item.shared ? item.shared.nl : "";
        $(id + "-en").value = item.shared ? item.shared.en : "";
        say("De gedeelde tekst komt terug zodra u opslaat.");
      } } }, [document.createTextNode("Terug naar de gedeelde tekst"), h("span", { "class": "sr", text: " (" + item.asked + ")" })])
    ];
  }

  // The texts that differ from the shared ones, by key (a kind or a detail's name); `prefix` names their fields.
  function changedTexts(items, prefix) {
    var found = {};
    items.forEach(function (item) {
      var text = { nl: $(prefix + item.key + "-nl").value.trim(), en: $(prefix + item.key + "-en").value.trim() };
      var shared = item.shared || { nl: "", en: "" };
      if (text.nl !== shared.nl || text.en !== shared.en) found[item.key] = text;
    });
    return found;
  }
  function ownAnswers(part) {
    return changedTexts((current && current[OWN_PARTS[part].items]) || [], OWN_PARTS[part].prefix);
  }
  function ownDetailFollowups() {
    var found = {};
    ((current && current.detailAnswers) || []).forEach(function (detail) {
      var texts = changedTexts(detail.followups || [], "detail-" + detail.key + "-followup-");
      if (Object.keys(texts).length) found[detail.key] = texts;
    });
    return found;
  }

  var linksOwn = false; // the editor set links of the gemeente's own (else: the shared ones)
  function renderLinks(links, own) {
    linksOwn = own;
    var list = $("links");
    clear(list);
    links.forEach(function (link, index) { list.appendChild(linkRow(link, index, "link", topicLinksChanged, $("add-link"))); });
  }
  function topicLinksChanged() { linksOwn = true; }
  // One link's fields, ids `<prefix>-<n>-nl|en|url`; `changed` is called on any edit, `add` gets focus after removal.
  function linkRow(link, index, prefix, changed, add) {
    var n = index + 1;
    function field(name, label, value, type) {
      var id = prefix + "-" + n + "-" + name;
      return h("div", {}, [h("label", { "for": id, text: label + " van link " + n }),
        h("input", { id: id, type: type || "text", value: value, "data-field": name, autocomplete: "off",
                     on: { input: changed } })]);
    }
    return h("li", { "class": "link" }, [
      field("nl", "Titel (Nederlands)", link.title.nl || ""), field("en", "Titel (Engels)", link.title.en || ""),
      field("url", "Adres", link.url || "", "url"),
      h("button", { type: "button", "class": "danger", text: "Link " + n + " weghalen", on: { click: function (event) {
        changed();
        event.target.closest("li").remove();
        add.focus();
      } } })
    ]);
  }
  // The links in a list of link rows, as the API takes them.
  function linksIn(list) {
    return Array.prototype.map.call(list.children, function (row) {
      function value(name) { return row.querySelector('[data-field="' + name + '"]').value.trim(); }
      return { title: { nl: value("nl"), en: value("en") }, url: value("url") };
    });
  }
  $("add-link").addEventListener("click", function () {
    linksOwn = true;
    var row = linkRow({ title: { nl: "", en: "" }, url: "https://" }, $("links").children.length, "link", topicLinksChanged, $("add-link"));
    $("links").appendChild(row);
    row.querySelector("input").focus();
  });
  $("shared-links").addEventListener("click", function () {
    if (!current || !current.shared) return;
    renderLinks(current.shared.links.map(function (link) { return { title: link.title, url: link.url || "" }; }), false);
    say("De gedeelde links komen terug zodra u opslaat.");
  });
  $("use-shared").addEventListener("click", function () {
    if (!current || !current.shared) return;
    $("answer-nl").value = current.shared.answer.nl;
    $("answer-en").value = current.shared.answer.en;
    say("Het gedeelde antwoord komt terug zodra u opslaat.");
  });

  function formBody() {
    var body = {
      enabled: $("enabled").checked,
      examples: { nl: lines($("examples-nl").value), en: lines($("examples-en").value) }
    };
    var answer = { nl: $("answer-nl").value.trim(), en: $("answer-en").value.trim() };
    var shared = current && current.shared && current.shared.answer;
    body.answer = shared && answer.nl === shared.nl && answer.en === shared.en ? null : answer;
    if (linksOwn || !current || current.own) {
      body.links = linksIn($("links"));
    } else {
      body.links = null;
    }
    if (creating || (current && current.own)) body.title = { nl: $("title-nl").value.trim(), en: $("title-en").value.trim() };
    else {
      body.followups = ownAnswers("followups");
      body.details = ownAnswers("details");
      body.detailFollowups = ownDetailFollowups();
      body.detailLinks = ownDetailLinks();
    }
    return body;
  }

  $("intent-form").addEventListener("submit", function (event) {
    event.preventDefault();
    var id = creating ? $("intent-id").value.trim() : current.id;
    if (!id) { $("error").textContent = "Geef het onderwerp een korte naam."; $("intent-id").focus(); return; }
    call("PUT", "/v1/staff/kb/intents/" + encodeURIComponent(id), formBody()).then(function (detail) {
      creating = false;
      showIntent(detail);
      var errors = detail.findings.filter(function (finding) { return finding.severity === "error"; }).length;
      say(!detail.edited ? "Dit onderwerp is weer zoals het gepubliceerd is. Het staat niet meer in het concept." : errors ? "Opgeslagen in het concept. Er " + (errors === 1 ? "is 1 fout" : "zijn " + errors + " fouten") + " om op te lossen voor u publiceert."
                 : "Opgeslagen in het concept. Probeer het rechts in het voorbeeld.");
      return loadIntents();
    }).catch(fail);
  });

  $("new-intent").addEventListener("click", function () {
    creating = true;
    showIntent({ id: "", title: { nl: "Nieuw onderwerp", en: "New topic" }, own: true, enabled: true, shared: null,
                 draft: { title: { nl: "", en: "" }, answer: { nl: "", en: "" }, links: [], examples: { nl: [], en: [] } },
                 findings: [], difference: {} });
    $("intent-id").value = "";
    $("intent-id").focus();
  });

  function renderFindings(list, findings, linked) {
    clear(list);
    document.querySelectorAll("[aria-invalid]").forEach(function (node) { if (linked) node.removeAttribute("aria-invalid"); });
    (findings || []).forEach(function (finding) {
      var label = FIELD_LABELS[finding.field] || fieldLabel(finding.field);
      var item = h("li", { "class": finding.severity }, [
        h("strong", { text: (finding.severity === "error" ? "Fout" : "Let op") + (label ? " - " + label : "") + ": " }),
        h("span", { text: finding.message })]);
      var target = linked ? fieldNode(finding.field) : null;
      if (target) {
        if (finding.severity === "error") target.setAttribute("aria-invalid", "true");
        item.appendChild(h("button", { type: "button", "class": "plain", text: "Ga naar het veld",
                                       on: { click: function () {
                                         var closed = target.closest("details"); // a follow-up or detail answer
                                         if (closed) closed.open = true;
                                         target.focus();
                                       } } }));
      }
      list.appendChild(item);
    });
    if (linked && !list.children.length) list.appendChild(h("li", { "class": "ok", text: "Geen fouten gevonden." }));
  }
  function fieldLabel(field) {
    var own = ownAnswerOf(field);
    if (own) return own.label + " (" + (own.lang === "nl" ? "Nederlands" : "Engels") + ")";
    var detailLink = /^detail_links\.(\w+)\.(\d+)\./.exec(field);
    if (detailLink) {
      var detail = ((current && current.detailAnswers) || []).filter(function (each) { return each.key === detailLink[1]; })[0];
      return "Link " + (Number(detailLink[2]) + 1) + " bij " + (detail ? detail.asked : detailLink[1]);
    }
    var match = /^(examples|links)\.(\w+)\.(\w+)/.exec(field);
    if (!match) return "";
    return match[1] === "examples" ? "Voorbeeldvraag " + (Number(match[3]) + 1) + " (" + (match[2] === "nl" ? "Nederlands" : "Engels") + ")"
                                   : "Link " + (Number(match[2]) + 1);
  }
  // "followups.kosten.en", "details.kwijt_buitenland.nl", "detail_followups.kwijt_buitenland.online.nl": the item of
  // the open topic (for a detail's follow-up also the detail), the language and the field's id.
  function ownAnswerOf(field) {
    var match = /^(followups|details|detail_followups)\.(\w+)\.(?:(\w+)\.)?(nl|en)$/.exec(field);
    if (!match || !current || (match[1] === "detail_followups") !== !!match[3]) return null;
    function find(items, key) { return (items || []).filter(function (each) { return each.key === key; })[0]; }
    var item = find(current[OWN_PARTS[match[1] === "followups" ? "followups" : "details"].items], match[2]);
    if (!item) return null;
    if (!match[3]) return { label: item.asked, lang: match[4], id: OWN_PARTS[match[1]].prefix + item.key + "-" + match[4] };
    var followup = find(item.followups, match[3]);
    return followup ? { label: item.asked + ", " + followup.asked, lang: match[4],
                        id: "detail-" + item.key + "-followup-" + followup.key + "-" + match[4] } : null;
  }
  function fieldNode(field) {
    var own = ownAnswerOf(field);
    if (own) return $(own.id);
    var ids = { "title.nl": "title-nl", "title.en": "title-en", "answer.nl": "answer-nl", "answer.en": "answer-en",
                "examples.nl": "examples-nl", "examples.en": "examples-en", enabled: "enabled" };
    if (ids[field]) return $(ids[field]);
    var example = /^examples\.(nl|en)\.\d+$/.exec(field);
    if (example) return $("examples-" + example[1]);
    var link = /^links\.(\d+)\.(url|title)(?:\.(nl|en))?$/.exec(field);
    if (link) return $("link-" + (Number(link[1]) + 1) + "-" + (link[2] === "url" ? "url" : link[3] || "nl"));
    var detailLink = /^detail_links\.(\w+)\.(\d+)\.(url|title)(?:\.(nl|en))?$/.exec(field);
    if (detailLink) return $("detail-" + detailLink[1] + "-link-" + (Number(detailLink[2]) + 1) + "-" +
                             (detailLink[3] === "url" ? "url" : detailLink[4] || "nl"));
    return null;
  }

  // ---- "van gemeenten voor gemeenten" ------------------------------------------------------

  $("export").addEventListener("click", function (event) {
    event.preventDefault();
    dom.authorizedFetch(session, "/v1/staff/kb/intents/" + encodeURIComponent(current.id) + "/export").then(function (response) {
      if (!response.ok) throw new Error("Het voorstel kon niet worden gemaakt (fout " + response.status + ").");
      return response.blob();
    }).then(function (blob) {
      var link = h("a", { href: URL.createObjectURL(blob), download: current.id + ".yaml" });
      document.body.appendChild(link);
      link.click();
      link.remove();
      say("Het voorstel voor de gedeelde kennisbank is gedownload (" + current.id + ".yaml). Stuur het naar de beheerders.");
    }).catch(fail);
  });

  function loadOthers(detail) {
    $("others").hidden = true;
    if (creating || !detail.id) return;
    call("GET", "/v1/staff/kb/intents/" + encodeURIComponent(detail.id) + "/others").then(function (found) {
      var list = $("others-list");
      clear(list);
      found.answers.forEach(function (other) {
        list.appendChild(h("li", {}, [h("strong", { text: other.name }), h("p", { text: other.answer.nl })]));
      });
      $("others").hidden = found.answers.length === 0;
    }).catch(function () { $("others").hidden = true; });
  }

  // ---- preview -------------------------------------------------------------------------------

  function addEntry(role, text, extra) {
    var entry = h("div", { "class": "entry " + role }, [h("span", { "class": "role", text: role === "resident" ? "U (als inwoner)" : "Chatbot (concept)" }),
                                                          h("p", { text: text })].concat(extra || []));
    $("preview-log").appendChild(entry);
    $("preview-log").scrollTop = $("preview-log").scrollHeight;
  }
  $("preview-form").addEventListener("submit", function (event) {
    event.preventDefault();
    var message = $("preview-input").value.trim();
    if (!message) return;
    addEntry("resident", message);
    $("preview-input").value = "";
    call("POST", "/v1/staff/kb/preview", { message: message, history: history.slice(-10) }).then(function (answer) {
      history.push(message);
      answer.reply.messages.forEach(function (reply) {
        var links = reply.links.map(function (link) {
          return h("a", { href: link.url, target: "_blank", rel: "noopener noreferrer", text: link.title });
        });
        var buttons = reply.buttons.length ? [h("p", { "class": "hint", text: "Knoppen: " + reply.buttons.map(function (b) { return b.title; }).join(", ") })] : [];
        addEntry("bot", reply.text, links.concat(buttons));
      });
      if (answer.matcher === "live") {
        addEntry("system", "De chatbot leert uw nieuwe voorbeeldvragen nog; dit antwoord komt van de huidige herkenning. Probeer het over een minuut opnieuw.");
      }
    }).catch(fail);
  });
  $("preview-reset").addEventListener("click", function () {
    history = [];
    clear($("preview-log"));
    $("preview-input").focus();
  });

  // ---- publish, versions, rollback -----------------------------------------------------------

  $("publish").addEventListener("click", function () {
    $("publish").disabled = true;
    call("POST", "/v1/staff/kb/publish").then(function (published) {
      say("Versie " + published.version + " wordt gebouwd. Inwoners zien hem binnen een minuut.");
      return loadIntents().then(loadVersions);
    }).catch(function (error) { fail(error); $("publish").disabled = false; });
  });

  function describe(version) {
    if (version.action === "rollback") return "Teruggezet naar versie " + version.restored;
    if (version.action === "admin") return "Instellingen door een beheerder";
    var fields = {}; // intent -> the parts changed, in the order they were first changed
    version.changes.forEach(function (change) {
      var seen = fields[change.intent] = fields[change.intent] || [];
      change.fields.forEach(function (field) { if (seen.indexOf(field) < 0) seen.push(field); });
    });
    return Object.keys(fields).map(function (intent) {
      var title = (intents.filter(function (item) { return item.id === intent; })[0] || { title: { nl: intent } }).title.nl;
      return title + " (" + fields[intent].map(fieldName).join(", ") + ")";
    }).join("; ");
  }
  var FIELD_NAMES = { answer: "antwoord", links: "links", examples: "voorbeeldvragen", enabled: "aan/uit",
                      title: "titel", team: "team", "new": "nieuw" };
  var FOLLOWUP_NAMES = { kosten: "wat kost het", duur: "hoe lang duurt het", kind: "voor een kind",
                         meenemen: "wat meenemen", online: "online", termijn: "hoe lang van tevoren" };
  // The audit's "followups.kosten" / "details.kwijt_buitenland" as editors read them.
  function fieldName(field) {
    var own = /^(followups|details|detail_followups|detail_links)\.(\w+)(?:\.(\w+))?$/.exec(field);
    function followup(kind) { return "vervolgvraag \u2018" + (FOLLOWUP_NAMES[kind] || kind) + "\u2019"; }
    function detail(name) { return "detail " + name.replace(/_/g, " "); }
    if (own && own[1] === "followups") return followup(own[2]);
    if (own && own[1] === "details") return detail(own[2]);
    if (own && own[1] === "detail_links") return "links bij " + detail(own[2]);
    if (own && own[3]) return followup(own[3]) + " bij " + detail(own[2]);
    return FIELD_NAMES[field] || field;
  }
  var STATUS = { live: "live", building: "wordt gebouwd", failed: "mislukt", superseded: "vervangen" };

  // Who made a version: the name in their token, else what they were (a login id means nothing here).
  function byWhom(version) {
    return version.byName || (version.action === "admin" ? "Beheerder" : "Redacteur");
  }

  function loadVersions() {
    return call("GET", "/v1/staff/kb/versions").then(function (found) {
      var body = $("versions").querySelector("tbody");
      clear(body);
      found.versions.forEach(function (version) {
        var action = version.live || version.status === "failed" || version.status === "building" ? null :
          h("button", { type: "button", "class": "secondary", text: "Terugzetten naar versie " + version.version,
                        on: { click: function () { rollback(version.version); } } });
        body.appendChild(h("tr", {}, [
          h("td", { text: String(version.version) }), h("td", { text: when(version.createdAt) }),
          h("td", { text: byWhom(version) }), h("td", { text: describe(version) }),
          h("td", { text: (STATUS[version.status] || version.status) + (version.error ? ": " + version.error : "") }),
          h("td", {}, [action])]));
      });
      if (found.versions.some(function (version) { return version.status === "building"; })) {
        setTimeout(loadVersions, 3000);
      }
    }).catch(fail);
  }
  function rollback(number) {
    call("POST", "/v1/staff/kb/rollback", { version: number }).then(function (published) {
      say("Versie " + number + " komt terug als versie " + published.version + ". Inwoners zien hem binnen een minuut.");
      return loadIntents().then(loadVersions);
    }).catch(fail);
  }

  // ---- unanswered questions into the draft ------------------------------------------------------

  // A question from the dashboard's report (editor.html#vraag=<question>): asked for once.
  function askedQuestion() {
    var match = /^#vraag=(.+)$/.exec(location.hash);
    if (!match) return null;
    window.history.replaceState(null, "", location.pathname); // `history` here is the preview's
    try { return decodeURIComponent(match[1]).trim().slice(0, 1000) || null; } catch (e) { return null; }
  }
  var fromReport = askedQuestion();

  function loadUnanswered() {
    return call("GET", "/v1/staff/kb/unanswered").then(function (found) {
      var list = $("unanswered");
      clear(list);
      var groups = found.groups;
      var asked = fromReport;
      fromReport = null;
      // The report's question is one of the last 30 days' groups, else (an older period) its own group.
      var target = asked ? groups.filter(function (group) { return group.questions.indexOf(asked) >= 0; })[0] : null;
      if (asked && !target) {
        target = { text: asked, count: 0, questions: [asked], suggestion: null };
        groups = [target].concat(groups);
      }
      if (!groups.length) list.appendChild(h("li", { "class": "empty", text: "Geen onbeantwoorde vragen." }));
      groups.forEach(function (group, index) {
        var id = "group-" + index;
        var select = h("select", { id: id }, [h("option", { value: "", text: "Nieuw onderwerp" })].concat(
          intents.filter(function (item) { return item.enabled; }).map(function (item) {
            return h("option", { value: item.id, text: item.title.nl, selected: group.suggestion === item.id });
          })));
        list.appendChild(h("li", { "class": group === target ? "asked" : null }, [
          h("p", {}, [h("strong", { text: group.text }),
                      h("span", { "class": "hint", text: group.count ? " - " + group.count + "x" : " - uit de rapportage" })]),
          group.questions.length > 1 ? h("p", { "class": "hint", text: "Ook: " + group.questions.slice(1).join(" / ") }) : null,
          h("label", { "for": id, text: "Voeg toe aan" }), select,
          h("button", { type: "button", text: "Toevoegen aan concept", on: { click: function () {
            addGroup(group, select.value);
          } } })]));
      });
      if (target) {
        var choice = $("group-" + groups.indexOf(target));
        choice.scrollIntoView({ block: "center" });
        choice.focus();
        say("Kies het onderwerp voor \u2018" + target.text + "\u2019 en kies \u2018Toevoegen aan concept\u2019.");
      }
    }).catch(fail);
  }
  function addGroup(group, intentId) {
    call("POST", "/v1/staff/kb/unanswered/adopt", { questions: group.questions, intent: intentId || null })
      .then(function (detail) {
        creating = false;
        showIntent(detail);
        say(detail.own && !intentId ? "Nieuw onderwerp gemaakt met deze vragen. Vul de titel en het antwoord aan."
                                     : "De vragen staan nu bij " + detail.title.nl + " in het concept.");
        $("form-title").focus();
        return loadIntents().then(loadUnanswered);
      }).catch(fail);
  }

  if (session.token) start(); else showSignIn("");
})();
