/*
 * What the staff pages (the dashboard, staff.js, and the knowledge-base editor, editor.js) share:
 * text-only DOM helpers and the signed-in session both read from sessionStorage. Loaded before
 * either page's script (both `defer`, so in document order); no framework. Text from residents,
 * staff or the API goes in with textContent (the "text" attribute of h()), never parsed as HTML.
 */
(function () {
  "use strict";

  function meta(name) {
    var node = document.querySelector('meta[name="' + name + '"]');
    return node ? node.getAttribute("content") || "" : "";
  }

  // h("p", { "class": "hint", text: "...", on: { click: fn } }, [children]): attributes, text and
  // listeners; null, undefined and false attributes and children are left out.
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

  function $(id) { return document.getElementById(id); }
  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }

  // The dashboard's sign-in is the editor's too: the token and the API's address live in
  // sessionStorage (this tab only); the page's <meta name="balie-api"> or this site otherwise.
  function storedSession() {
    return {
      token: sessionStorage.getItem("balie-staff:token") || "",
      api: sessionStorage.getItem("balie-staff:api") || meta("balie-api") || location.origin
    };
  }

  window.BalieDom = { meta: meta, h: h, $: $, clear: clear, storedSession: storedSession };
})();
