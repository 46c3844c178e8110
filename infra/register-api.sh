#!/usr/bin/env bash
# Registers (or updates) the Entra ID app that protects DanVan365's HTTP functions, the "API" registration.
# Documented and reviewed, not run in CI. Idempotent: run it again after an upgrade; it never removes what it made.
#
# Who runs it: an Application Administrator (or Cloud Application Administrator) of the Microsoft 365 tenant.
# Needs: az (signed in to that tenant: az login --tenant <tenant> --allow-no-subscriptions).
#
# Usage:
#   infra/register-api.sh [--display-name "DanVan365 API"] [--dry-run]
#
# What it sets up, and why each piece is there (least privilege: the API gets no permission of its own; it only
# defines what callers may be given):
#
#   App ID URI           api://<client id>. Microsoft.Identity.Web accepts tokens whose audience is the client id or
#                        this URI (AzureAd__ClientId; AzureAd__Audience not needed).
#   Access tokens v2     api.requestedAccessTokenVersion = 2: the audience is always the client id.
#   Delegated scope      user_impersonation ("Truy cập DanVan365 với tư cách người dùng"), admin consent only.
#                        The SharePoint web part asks for it in its package (webApiPermissionRequests:
#                        { "resource": "<display name>", "scope": "user_impersonation" }); a SharePoint admin
#                        approves it once on the API access page (see infra/README.md). The scope only lets the
#                        web part call the API AS the signed-in person: what they may do is still decided by
#                        their app role below and, for a reporter, by their unit.
#   App roles            DanVan.Admin (people and applications: sync, compile, dispatch) and DanVan.Reporter (people
#                        only: submit and read their unit's reports), as the Functions check them.
#   Assignment required  appRoleAssignmentRequired = true on the service principal: a person with no role gets no
#                        token for the API at all (deny by default), not only a 403.
#   Pre-authorised admin client
#                        api.preAuthorizedApplications = [{ appId: Azure CLI, permissionIds: [user_impersonation] }]:
#                        "Users are not required to consent to any pre-authorized application (for the permissions
#                        specified)" (Graph, resources/preauthorizedapplication). Without it the administrator's
#                        `az account get-access-token --scope api://<client id>/.default` (the manual first sync and the
#                        poison-queue recovery, docs/deploy.md) fails with AADSTS65001 (no consent). The Azure CLI's
#                        client id 04b07795-8ddb-461a-bbee-02f9e1bf7b46 is Microsoft's first-party "Microsoft Azure CLI"
#                        (https://learn.microsoft.com/troubleshoot/azure/entra/entra-id/governance/verify-first-party-apps-sign-in).
#                        The token still carries only the signed-in person's app roles: only a DanVan.Admin can sync.
#                        The script sets exactly this list (deny by default): a client added by hand is removed on re-run.
#   No secret, no certificate: the API validates tokens, it never asks for one.
#
# Graph: applications (api, appRoles): https://learn.microsoft.com/graph/api/resources/application
#        apiApplication (oauth2PermissionScopes, requestedAccessTokenVersion):
#        https://learn.microsoft.com/graph/api/resources/apiapplication
# SharePoint API access: https://learn.microsoft.com/sharepoint/api-access
set -euo pipefail
trap 'echo "FAILED  line $LINENO: $BASH_COMMAND (nothing after it ran; fix and run the script again: it is idempotent)" >&2' ERR

usage() { sed -n '2,9p' "$0"; exit 2; }

display_name="DanVan365 API"
dry_run=0
while [ $# -gt 0 ]; do
  case "$1" in
    --display-name) display_name="$2"; shift 2 ;;
    --dry-run) dry_run=1; shift ;;
    -h|--help) usage ;;
    *) echo "unknown option: $1" >&2; usage ;;
  esac
done

# Stable ids: a re-run updates the same scope and roles (Entra refuses to remove an enabled scope or role, so
# changing an id would fail). An app made by hand earlier keeps its own ids: they are read back below.
scope_id_default="beaf6a66-b186-4798-a6c5-b66b01378cba"
admin_role_id_default="6a764722-c00d-42e4-9ecb-69fd5c935dd6"
reporter_role_id_default="20e43e88-631a-49ca-ba5f-3574e54388d8"
readonly AZURE_CLI_APP_ID="04b07795-8ddb-461a-bbee-02f9e1bf7b46"   # Microsoft Azure CLI (first-party public client)

app_id="$(az ad app list --display-name "$display_name" --query '[0].appId' -o tsv)"
if [ -z "$app_id" ]; then
  if [ "$dry_run" -eq 1 ]; then
    echo "would create app registration \"$display_name\" (single tenant), then set its scope and roles"
    exit 0
  fi
  app_id="$(az ad app create --display-name "$display_name" --sign-in-audience AzureADMyOrg --query appId -o tsv)"
  echo "created app registration \"$display_name\": $app_id"
fi
object_id="$(az ad app show --id "$app_id" --query id -o tsv)"

existing() { az ad app show --id "$app_id" --query "$1" -o tsv; }
scope_id="$(existing "api.oauth2PermissionScopes[?value=='user_impersonation'].id | [0]")"
admin_role_id="$(existing "appRoles[?value=='DanVan.Admin'].id | [0]")"
reporter_role_id="$(existing "appRoles[?value=='DanVan.Reporter'].id | [0]")"
scope_id="${scope_id:-$scope_id_default}"
admin_role_id="${admin_role_id:-$admin_role_id_default}"
reporter_role_id="${reporter_role_id:-$reporter_role_id_default}"

scopes="$(cat <<JSON
[{
      "id": "$scope_id",
      "value": "user_impersonation",
      "type": "Admin",
      "isEnabled": true,
      "adminConsentDisplayName": "Access DanVan365 as the signed-in user",
      "adminConsentDescription": "Lets the DanVan365 web part call the DanVan365 API as the signed-in person (their role and unit decide).",
      "userConsentDisplayName": "Truy cập DanVan365 với tư cách của bạn",
      "userConsentDescription": "Cho phép web part DanVan365 gọi DanVan365 thay mặt bạn."
    }]
JSON
)"
body="$(cat <<JSON
{
  "identifierUris": ["api://$app_id"],
  "api": {
    "requestedAccessTokenVersion": 2,
    "oauth2PermissionScopes": $scopes
  },
  "appRoles": [
    {
      "id": "$admin_role_id",
      "value": "DanVan.Admin",
      "displayName": "DanVan.Admin",
      "description": "Run sync, compile reports and dispatch ward jobs",
      "allowedMemberTypes": ["User", "Application"],
      "isEnabled": true
    },
    {
      "id": "$reporter_role_id",
      "value": "DanVan.Reporter",
      "displayName": "DanVan.Reporter",
      "description": "Submit and read the reports of one's own unit",
      "allowedMemberTypes": ["User"],
      "isEnabled": true
    }
  ]
}
JSON
)"

echo "app registration: \"$display_name\" client id $app_id (object $object_id)"
echo "App ID URI: api://$app_id; delegated scope user_impersonation ($scope_id, admin consent)"
echo "app roles: DanVan.Admin ($admin_role_id), DanVan.Reporter ($reporter_role_id); assignment required"
echo "pre-authorised client: Azure CLI ($AZURE_CLI_APP_ID) for user_impersonation"
# The scope must exist before a client can be pre-authorised for it, so this is a second PATCH (same scope, same id).
preauth_body="$(cat <<JSON
{
  "api": {
    "requestedAccessTokenVersion": 2,
    "oauth2PermissionScopes": $scopes,
    "preAuthorizedApplications": [{ "appId": "$AZURE_CLI_APP_ID", "permissionIds": ["$scope_id"] }]
  }
}
JSON
)"
if [ "$dry_run" -eq 1 ]; then
  echo "$body"
  echo "$preauth_body"
  echo "(dry run: nothing changed)"
  exit 0
fi

az rest --method PATCH --uri "https://graph.microsoft.com/v1.0/applications/$object_id" \
  --headers 'Content-Type=application/json' --body "$body" >/dev/null
echo "ok      scope, roles and App ID URI set"
if ! az rest --method PATCH --uri "https://graph.microsoft.com/v1.0/applications/$object_id" \
    --headers 'Content-Type=application/json' --body "$preauth_body" >/dev/null; then
  echo "FAILED  pre-authorising the Azure CLI: the scope and roles are set; run the script again" >&2
  exit 1
fi
echo "ok      Azure CLI pre-authorised for user_impersonation (az account get-access-token --scope api://$app_id/.default)"

if ! az ad sp show --id "$app_id" --query id -o tsv >/dev/null 2>&1; then
  az ad sp create --id "$app_id" >/dev/null
  echo "created service principal (Enterprise application) \"$display_name\""
fi
az ad sp update --id "$app_id" --set appRoleAssignmentRequired=true
echo "ok      assignment required: only people given DanVan.Admin or DanVan.Reporter get a token"

cat <<EOF

Next:
  1. export DANVAN_API_CLIENT_ID=$app_id    # the Bicep's apiClientId (AzureAd__ClientId), then deploy
  2. Entra admin center > Enterprise applications > $display_name > Users and groups: give ward staff
     DanVan.Reporter (their unit comes from the unit directory) and the ward's administrators DanVan.Admin.
  3. After the web part's .sppkg is uploaded to the app catalog: SharePoint admin center > Advanced > API access >
     approve "$display_name" / user_impersonation (infra/README.md, "The web part's API permission").
EOF
