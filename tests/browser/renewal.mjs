// Cognito's id tokens live 15 minutes. Both staff pages renew an expired token with the refresh
// token once and repeat the request, so an editor who signed in on the dashboard is not signed
// out after a quarter of an hour. The Hosted UI's token endpoint is played by the browser's
// request routing; the API is the local stack, which refuses the expired token with 401.
import { BASE, main, newPage, check, noErrors } from "./lib.mjs";

const DOMAIN = "inloggen.voorbeeld.test";

async function devToken(roles) {
  const response = await fetch(BASE + "/dev/token", {
    method: "POST", headers: { "content-type": "application/json" },
    body: JSON.stringify({ tenant: "voorbeeld", teams: "*", roles }),
  });
  return (await response.json()).token;
}

// The state a Cognito sign-in on the dashboard leaves in this tab, with a token that has run out.
async function expiredSignIn(page, refreshToken) {
  await page.evaluate(({ domain, refresh }) => {
    sessionStorage.setItem("balie-staff:token", "verlopen-token");
    sessionStorage.setItem("balie-staff:refresh", refresh);
    sessionStorage.setItem("balie-staff:cognito", JSON.stringify({ domain, client: "balie-staff-client" }));
  }, { domain: DOMAIN, refresh: refreshToken });
}

await main(async (browser) => {
  const fresh = await devToken(["kcc", "editor"]);
  const grants = [];
  let renewals = "work";
  const page = await newPage(browser, { viewport: { width: 1400, height: 1000 } });
  await page.route(`https://${DOMAIN}/oauth2/token`, async (route) => {
    grants.push(Object.fromEntries(new URLSearchParams(route.request().postData() || "")));
    const cors = { "access-control-allow-origin": "*" };
    if (renewals !== "work") return route.fulfill({ status: 400, headers: cors, contentType: "application/json", body: '{"error":"invalid_grant"}' });
    return route.fulfill({ status: 200, headers: cors, contentType: "application/json",
                           body: JSON.stringify({ id_token: fresh, access_token: "a", expires_in: 900, token_type: "Bearer" }) });
  });

  // The editor: the expired token is renewed once, and the list of topics loads.
  await page.goto(BASE + "/staff/editor.html");
  await expiredSignIn(page, "verversing-1");
  await page.reload();
  await page.locator("#editor").waitFor({ state: "visible" });
  check(await page.locator("#intents li").count() > 10, "the editor shows the topics after renewing");
  check(grants.length === 1, `one renewal for the editor, not ${grants.length}`);
  check(grants[0].grant_type === "refresh_token" && grants[0].refresh_token === "verversing-1"
        && grants[0].client_id === "balie-staff-client", "the editor renews with the stored refresh token and client: " + JSON.stringify(grants[0]));
  check(await page.evaluate(() => sessionStorage.getItem("balie-staff:token")) === fresh, "the renewed token is kept");

  // The dashboard, in the same tab: the same renewal, then the working view.
  await expiredSignIn(page, "verversing-2");
  await page.goto(BASE + "/staff/#gesprekken");
  await page.locator("#signout").waitFor({ state: "visible" });
  check(grants.length === 2 && grants[1].refresh_token === "verversing-2", "the dashboard renews too");

  // A refresh token that no longer works: back to the sign-in, with the reason, and no loop.
  renewals = "refused";
  await expiredSignIn(page, "verversing-3");
  await page.goto(BASE + "/staff/editor.html");
  await page.getByText("Uw sessie is verlopen").waitFor();
  check(await page.locator("#signin").isVisible(), "the editor asks to sign in again");
  check(grants.length === 3, `one failed renewal, not ${grants.length - 2}`);
  noErrors(page, [/401/, /400/]);
});
