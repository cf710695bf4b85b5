/*
 * What the staff pages (the dashboard, staff.js, and the knowledge-base editor, editor.js) share:
 * text-only DOM helpers, the signed-in session both read from sessionStorage, and API calls that
 * renew a Cognito token when it has run out. Loaded before
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

  // Cognito's tokens live 15 minutes (template StaffUserPoolClient). The page that signs in keeps
  // the refresh token and the Hosted UI's address in sessionStorage, so the other page renews the
  // same way without its own settings: on a 401, once, and then the request is sent again.
  function cognitoSettings() {
    return JSON.parse(sessionStorage.getItem("balie-staff:cognito") || "null")
      || { domain: meta("balie-cognito-domain"), client: meta("balie-cognito-client-id") };
  }

  // The token endpoint for a grant (authorization code or refresh token); resolves to the id token.
  function cognitoToken(form) {
    var cognito = cognitoSettings();
    return fetch("https://" + cognito.domain + "/oauth2/token", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams(Object.assign({ client_id: cognito.client }, form)).toString()
    }).then(function (response) {
      if (!response.ok) throw new Error("Inloggen is niet gelukt. Probeer het opnieuw.");
      return response.json();
    }).then(function (tokens) {
      sessionStorage.setItem("balie-staff:token", tokens.id_token);
      sessionStorage.setItem("balie-staff:cognito", JSON.stringify(cognito));
      if (tokens.refresh_token) sessionStorage.setItem("balie-staff:refresh", tokens.refresh_token);
      return tokens.id_token;
    });
  }

  // fetch() of an API path with the session's token. A 401 with a refresh token at hand renews the
  // token once and sends the request again; if renewing fails, the caller gets the first 401.
  function authorizedFetch(session, path, init) {
    function send() {
      var headers = Object.assign({ authorization: "Bearer " + session.token }, (init && init.headers) || {});
      return fetch(session.api.replace(/\/+$/, "") + path, Object.assign({}, init, { headers: headers }));
    }
    return send().then(function (response) {
      var refresh = sessionStorage.getItem("balie-staff:refresh");
      if (response.status !== 401 || !refresh || !cognitoSettings().domain) return response;
      return cognitoToken({ grant_type: "refresh_token", refresh_token: refresh }).then(function (token) {
        session.token = token;
        return send();
      }, function () { return response; });
    });
  }

  window.BalieDom = {
    meta: meta, h: h, $: $, clear: clear, storedSession: storedSession,
    cognitoToken: cognitoToken, authorizedFetch: authorizedFetch
  };
})();
