// The widget embedded on a municipal site as a gemeente's web team would: the site on its own
// origin (http://localhost:3000, served here with route()) hosting widget.js itself, the API on
// another origin (the local stack), and the site's strict Content-Security-Policy without
// 'unsafe-inline' (README "Embedding"). Then the fallback for browsers without constructable
// stylesheets (<style nonce>), the gemeente's look from page tokens and tenant settings with the
// contrast fallback, and the per-page settings (data-open, a page that hides the widget, data-topic).
import { BASE, main, newPage, check, widget, say, axe, noErrors, screenshotPath } from "./lib.mjs";

const SITE = "http://localhost:3000"; // one of voorbeeld's widget_origins, and in the template's CORS origins
const CSP = `default-src 'self'; script-src 'self' ${BASE}; style-src 'self'; connect-src ${BASE}`;

function municipalPage({ title = "Paspoort - Gemeente Voorbeeld", head = "", tag = 'data-tenant="voorbeeld"', lang = "nl" } = {}) {
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title>
    <link rel="icon" href="/favicon.svg"><link rel="stylesheet" href="/site.css">${head}</head>
    <body><a class="skip" href="#inhoud">Naar de inhoud</a>
    <main id="inhoud" class="wrap"><h1>${title}</h1><p>Vraag uw paspoort aan bij de gemeente.</p>
    <p><a href="/">Home</a></p></main>
    <script src="/widget.js" ${tag} data-api="${BASE}" async></script></body></html>`;
}

// The site: pages from `pages` with their CSP; its static files (widget.js, site.css) fetched from web/.
async function serveSite(page, pages) {
  await page.route(SITE + "/**", async (route) => {
    const path = new URL(route.request().url()).pathname;
    const entry = pages[path];
    if (entry) {
      await route.fulfill({ contentType: entry.type || "text/html; charset=utf-8", body: entry.body,
        headers: entry.csp === false ? {} : { "content-security-policy": entry.csp || CSP } });
    } else {
      const upstream = await route.fetch({ url: BASE + path });
      await route.fulfill({ response: upstream, headers: { ...upstream.headers(), "content-security-policy": CSP } });
    }
  });
  // Every refusal by the policy is collected (and Chromium logs it as a console error too).
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener("securitypolicyviolation", (event) => {
      window.__violations.push(event.violatedDirective + " " + (event.blockedURI || "inline"));
    }, true);
  });
}

async function violations(page) {
  return page.evaluate(() => window.__violations);
}

async function launcherStyle(page) {
  return widget.launcher(page).evaluate((button) => {
    const style = getComputedStyle(button);
    return { position: style.position, background: style.backgroundColor, color: style.color,
             radius: style.borderTopLeftRadius, font: style.fontFamily };
  });
}

await main(async (browser) => {
  // The site is served by route() (no address) and the API on loopback: Chromium's Local Network
  // Access would ask the resident's permission, which a public site calling a public API never needs.
  await browser.grantPermissions(["local-network-access"], { origin: SITE });
  // 1. Strict CSP, API on another origin: styled and answering, nothing refused.
  const strict = await newPage(browser);
  await serveSite(strict, { "/paspoort": { body: municipalPage() } });
  const apiCalls = [];
  strict.on("request", (request) => { if (request.url().includes("/v1/")) apiCalls.push(request.url()); });
  await strict.goto(SITE + "/paspoort");
  await widget.launcher(strict).waitFor();
  const styled = await launcherStyle(strict);
  check(styled.position === "fixed" && styled.background === "rgb(31, 78, 140)" && styled.radius === "24px",
    "the launcher is styled under style-src 'self': " + JSON.stringify(styled));
  await widget.launcher(strict).click();
  await say(strict, "Hoe verleng ik mijn paspoort?");
  const answer = (await widget.messages(strict, "bot").allInnerTexts()).join(" ");
  check(/paspoort/i.test(answer), "the widget answers under the CSP: " + answer);
  const panel = await widget.panel(strict).evaluate((node) => [getComputedStyle(node).position, getComputedStyle(node).display]);
  check(panel[0] === "fixed" && panel[1] === "flex", "the panel is styled: " + panel);
  check(apiCalls.length >= 2 && apiCalls.every((url) => url.startsWith(BASE + "/v1/")), "the API is called on its own origin");
  check((await violations(strict)).length === 0, "no CSP violations: " + (await violations(strict)).join(", "));
  await axe(strict, "municipal page under a strict CSP, widget open");
  // The detector is not blind: an inline <style> in the widget's shadow root is refused and seen.
  await strict.evaluate(() => document.getElementById("balie-widget").shadowRoot.appendChild(document.createElement("style")).textContent = "p{}");
  await strict.waitForFunction(() => window.__violations.length > 0);
  check((await violations(strict))[0].startsWith("style-src"), "an inline style would have been reported");
  noErrors(strict, [/Applying inline style violates/]);

  // 2. No constructable stylesheets (older browsers): <style> with the page's nonce, and the
  //    tenant's look (voorbeeld-noord: green, Verdana, 4 px) applied through it after loading.
  const old = await newPage(browser);
  await serveSite(old, { "/oud": {
    csp: CSP.replace("style-src 'self'", "style-src 'self' 'nonce-c2l0ZW5vbmNl'"),
    body: municipalPage({ tag: 'data-tenant="voorbeeld-noord" data-nonce="c2l0ZW5vbmNl"' }) } });
  await old.addInitScript(() => { delete Document.prototype.adoptedStyleSheets; delete ShadowRoot.prototype.adoptedStyleSheets; });
  await old.goto(SITE + "/oud");
  await widget.launcher(old).waitFor();
  check(await old.evaluate(() => document.getElementById("balie-widget").shadowRoot.querySelectorAll("style[nonce]").length === 2),
    "styles come in <style nonce> elements");
  const noord = await launcherStyle(old);
  check(noord.background === "rgb(11, 110, 79)" && noord.radius === "8px" && noord.font.startsWith("Verdana"),
    "the tenant's look through the nonce'd style: " + JSON.stringify(noord));
  check((await violations(old)).length === 0, "no CSP violations with the nonce: " + (await violations(old)).join(", "));
  await widget.launcher(old).click();
  await say(old, "Ik wil verhuizen, hoe geef ik dat door?");
  await old.screenshot({ path: screenshotPath("widget-look.png"), animations: "disabled" });
  noErrors(old);

  // 3. The gemeente's NL Design System tokens on the page. Precedence: the page's --balie-* tokens,
  //    then the tenant's look (voorbeeld sets only its primary pair), then --utrecht-* tokens.
  const themed = await newPage(browser);
  await serveSite(themed, {
    "/thema": { body: municipalPage({ head: '<link rel="stylesheet" href="/thema.css">' }) },
    "/thema.css": { type: "text/css", csp: false, body: `:root {
      --balie-primary-background-color: #ffd500; --balie-primary-color: #ffffff; /* 1.4:1: white text will not do */
      --balie-border-radius: 0; --balie-focus-outline-color: #fff2a8; /* too light against white */
      --utrecht-button-primary-action-background-color: #8b0000; /* loses to --balie-* */
      --utrecht-document-font-family: Georgia, serif; --utrecht-link-color: rgb(106 27 154); }` },
  });
  await themed.goto(SITE + "/thema");
  await widget.launcher(themed).waitFor();
  const theme = await launcherStyle(themed);
  check(theme.background === "rgb(255, 213, 0)" && theme.color === "rgb(0, 0, 0)" && theme.radius === "0px" &&
    theme.font.startsWith("Georgia"), "page tokens, contrast fallback and NL Design System font: " + JSON.stringify(theme));
  await widget.launcher(themed).click();
  await say(themed, "paspoort verlengen");
  const link = themed.locator("#balie-widget .links a").first();
  await link.focus();
  const linkStyle = await link.evaluate((a) => [getComputedStyle(a).color, getComputedStyle(a).outlineColor]);
  check(linkStyle[0] === "rgb(106, 27, 154)" && linkStyle[1] === "rgb(106, 27, 154)",
    "link colour from --utrecht-link-color; the too light focus colour falls back to it: " + linkStyle);
  await axe(themed, "widget in the gemeente's NL Design System look");
  noErrors(themed);

  // 4. Per-page settings: data-open opens the chat on a wide screen without taking focus, once per
  //    visit (closing it is remembered); never as a full-screen modal; a page can hide the widget.
  const visitor = await newPage(browser);
  await serveSite(visitor, {
    "/contact": { body: municipalPage({ title: "Contact", tag: 'data-tenant="voorbeeld" data-open' }) },
    "/afspraak": { body: municipalPage({ title: "Afspraak", tag: 'data-tenant="voorbeeld" data-open' }) },
    "/formulier": { body: municipalPage({ title: "Formulier", head: '<meta name="balie-widget" content="hidden">' }) },
  });
  await visitor.goto(SITE + "/contact");
  await widget.panel(visitor).waitFor({ state: "visible" });
  check(await visitor.evaluate(() => document.activeElement === document.body), "data-open moves no focus");
  check(!(await widget.panel(visitor).evaluate((node) => node.matches(":modal"))), "a corner panel is not modal");
  await visitor.locator("#balie-widget .close").click();
  await visitor.goto(SITE + "/afspraak");
  await widget.launcher(visitor).waitFor();
  check(!(await widget.panel(visitor).isVisible()), "closed by the resident: the next data-open page leaves it closed");
  const phone = await newPage(browser, { viewport: { width: 320, height: 640 } });
  await serveSite(phone, { "/contact": { body: municipalPage({ title: "Contact", tag: 'data-tenant="voorbeeld" data-open' }) } });
  await phone.goto(SITE + "/contact");
  await widget.launcher(phone).waitFor();
  check(!(await widget.panel(phone).isVisible()), "data-open never covers a phone screen");
  const requests = [];
  visitor.on("request", (request) => requests.push(request.url()));
  await visitor.goto(SITE + "/formulier");
  await visitor.waitForTimeout(300);
  check((await visitor.locator("#balie-widget").count()) === 0, "<meta name=balie-widget content=hidden>: no widget");
  check(!requests.some((url) => url.includes("/v1/")), "and no request to the API");
  // data-topic: on the passport page (web/paspoort.html) a bare "wat kost het?" is about passports.
  const topical = await newPage(browser);
  await topical.goto(BASE + "/paspoort");
  await widget.launcher(topical).click();
  const turn = topical.waitForResponse((response) => response.url().endsWith("/v1/chat") && response.request().method() === "POST");
  await say(topical, "Wat kost het?");
  const response = await turn;
  check(JSON.parse(response.request().postData()).topic === "paspoort", "the widget sends the page's topic");
  check((await response.json()).intent === "paspoort", "a follow-up question on a topic page is about that topic");
  for (const page of [visitor, phone, topical]) noErrors(page);
});
