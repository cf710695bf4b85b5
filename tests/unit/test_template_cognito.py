"""The staff identity settings in template.yaml (Cognito): what a staff member can and
cannot change about themselves, how the dashboard signs in, how long a token is worth."""
from __future__ import annotations

from balie_local.template_resources import expanded_resources, load_template

TEMPLATE = load_template()
RESOURCES = expanded_resources(TEMPLATE)
POOL = RESOURCES["StaffUserPool"]["Properties"]
CLIENT = RESOURCES["StaffUserPoolClient"]["Properties"]
AUTHORIZATION_ATTRIBUTES = {"custom:tenant", "custom:teams", "custom:roles"}


def test_only_one_user_pool_and_one_client() -> None:
    kinds = [resource["Type"] for resource in RESOURCES.values()]
    assert kinds.count("AWS::Cognito::UserPool") == 1 and kinds.count("AWS::Cognito::UserPoolClient") == 1


def test_staff_cannot_write_their_tenant_teams_or_roles() -> None:
    # Without WriteAttributes a client may write every mutable attribute, custom:tenant too:
    # a staff member could move themselves to another municipality with UpdateUserAttributes.
    assert "WriteAttributes" in CLIENT
    writable = set(CLIENT["WriteAttributes"])
    assert not any(name.startswith("custom:") for name in writable), writable
    assert writable <= {"name", "given_name", "family_name", "locale", "zoneinfo"}
    # The authorizer's claims come from these; administrators set them (AdminUpdateUserAttributes).
    custom = {f"custom:{attribute['Name']}" for attribute in POOL["Schema"]}
    assert custom == AUTHORIZATION_ATTRIBUTES


def test_the_dashboard_reads_exactly_what_it_needs() -> None:
    readable = set(CLIENT["ReadAttributes"])
    assert AUTHORIZATION_ATTRIBUTES <= readable and "email" in readable
    assert not readable - AUTHORIZATION_ATTRIBUTES - {"email", "email_verified", "name"}


def test_mfa_is_required_and_only_administrators_create_accounts() -> None:
    assert POOL["MfaConfiguration"] == "ON"
    assert POOL["EnabledMfas"] == ["SOFTWARE_TOKEN_MFA"]  # an authenticator app; no SMS (SIM swapping)
    assert POOL["AdminCreateUserConfig"]["AllowAdminCreateUserOnly"] is True
    assert POOL["Policies"]["PasswordPolicy"]["MinimumLength"] >= 12


def client_as_deployed(dashboard_url: str) -> dict:
    from balie_local.template_resources import Resolver, parameter_values

    resolver = Resolver(TEMPLATE, region="eu-west-1", stack_name="balie",
                        parameter_values=parameter_values(TEMPLATE, {"StaffDashboardUrl": dashboard_url}))
    settings = {k: v for k, v in CLIENT.items() if k != "UserPoolId"}  # the pool is not provisioned here
    return {name: value for name, value in ((k, resolver.resolve(v)) for k, v in settings.items())
            if value is not _no_value()}


def _no_value():
    from balie_local.template_resources import _NO_VALUE

    return _NO_VALUE


def test_the_dashboard_signs_in_with_the_authorization_code_and_pkce() -> None:
    client = client_as_deployed("https://balie.gemeente.example/staff/")
    assert client["AllowedOAuthFlows"] == ["code"]  # never "implicit": no token in a URL
    assert client["AllowedOAuthFlowsUserPoolClient"] is True
    assert client["GenerateSecret"] is False  # a browser keeps no secret: PKCE protects the code
    assert "openid" in client["AllowedOAuthScopes"]
    assert client["SupportedIdentityProviders"] == ["COGNITO"]
    assert client["CallbackURLs"] == ["https://balie.gemeente.example/staff/"]
    # Before the dashboard has an address there is no Hosted UI sign-in at all, implicit or not.
    assert "AllowedOAuthFlows" not in client_as_deployed("") and client_as_deployed("")["AllowedOAuthFlowsUserPoolClient"] is False
    pattern = TEMPLATE["Parameters"]["StaffDashboardUrl"]["AllowedPattern"]
    import re

    assert re.fullmatch(pattern, "https://x.example/staff/") and re.fullmatch(pattern, "http://127.0.0.1:3000/staff")
    assert not re.fullmatch(pattern, "http://x.example/staff/")
    assert set(CLIENT["ExplicitAuthFlows"]) <= {"ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"}  # no plain passwords
    assert RESOURCES["StaffUserPoolDomain"]["Properties"]["UserPoolId"] == {"Ref": "StaffUserPool"}


def test_tokens_are_short_lived_and_revocable() -> None:
    units = CLIENT["TokenValidityUnits"]
    minutes = {"minutes": 1, "hours": 60, "days": 1440}
    assert CLIENT["AccessTokenValidity"] * minutes[units["AccessToken"]] <= 60
    assert CLIENT["IdTokenValidity"] * minutes[units["IdToken"]] <= 60
    assert CLIENT["RefreshTokenValidity"] * minutes[units["RefreshToken"]] <= 12 * 60  # one working day
    assert CLIENT["EnableTokenRevocation"] is True
    assert CLIENT["PreventUserExistenceErrors"] == "ENABLED"


def test_the_staff_api_trusts_only_this_pool_and_client() -> None:
    # The staff functions check the token themselves (handlers/staff_token.py), against these.
    variables = TEMPLATE["Globals"]["Function"]["Environment"]["Variables"]
    assert variables["STAFF_TOKEN_AUDIENCE"] == {"Ref": "StaffUserPoolClient"}
    assert variables["STAFF_TOKEN_ISSUER"]["Fn::Sub"] == "https://cognito-idp.${AWS::Region}.amazonaws.com/${StaffUserPool}"
