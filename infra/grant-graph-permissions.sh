#!/usr/bin/env bash
# Grants DanVan365's managed identity the Microsoft Graph access it needs, with least privilege.
# Documented and reviewed, not run in CI. Run it once per deployment (and again per added ward: it is idempotent).
#
# Who runs it: an admin who is Privileged Role Administrator (app role assignments) and Exchange Administrator /
# Organization Management (RBAC for Applications), with the certificate of an admin app registration that holds
# Sites.FullControl.All (application) for the site grant. Nothing here stores or prints a secret.
#
# Needs: az (signed in to the subscription), pwsh 7 with the modules Microsoft.Graph.Authentication and
# ExchangeOnlineManagement (>= 3.2).
#
# Usage:
#   infra/grant-graph-permissions.sh -g <resource-group> --site-url https://contoso.sharepoint.com/sites/phuong-hai-an \
#       --mailbox danvan.haian@contoso.vn --admin-app-id <client id> --admin-cert-thumbprint <thumbprint> \
#       [--deployment main] [--dry-run]
#
# What it grants: exactly the application permissions of the permissions manifest,
# functions/DanVan365.M365/Permissions/GraphPermissionManifest.cs (one row per Graph call the app makes, each citing its
# API page; tests/DanVan365.Cli.Tests/Infra/GrantScriptTests.cs fails when the list below and the manifest differ).
# The README's permission table is printed from the same manifest.
#
#   Sites.Selected         + per-site grant on the ward's site only, role "manage" (GraphPermissionManifest.SiteRole).
#                          Roles (concepts/permissions-selected-overview.md): read, write ("read and modify the metadata
#                          and contents"), owner, fullcontrol. Creating lists and columns is documented with
#                          Sites.Manage.All (api/list-create), above Sites.ReadWrite.All, so "write" cannot create the
#                          lists; "manage" is the narrowest role SharePoint takes above "write" (the role the CLI for
#                          Microsoft 365 `spo site apppermission add --permission` and PnP's samples set) and, unlike
#                          "fullcontrol", does not manage permissions. "manage" is not in Microsoft's role table: verify
#                          in the tenant (docs/deploy.md); if SharePoint refuses it, "fullcontrol" is the documented fallback.
#                          HOW: POST /sites/{id}/permissions supports APPLICATION Sites.FullControl.All only; delegated is
#                          "Not supported" (api/site-post-permissions). So this step signs in as an administrator's own
#                          app registration holding Sites.FullControl.All (application, admin-consented) with a
#                          certificate (--admin-app-id, --admin-cert-thumbprint; Connect-MgGraph -ClientId -TenantId
#                          -CertificateThumbprint, https://learn.microsoft.com/powershell/module/microsoft.graph.authentication/connect-mggraph),
#                          creates the grant as "write" (the role of the page's example) and sets the role with
#                          PATCH /sites/{id}/permissions/{id} (api/site-update-permission), then reads it back.
#                          That admin app is the administrator's tool, not DanVan365's: remove its consent afterwards.
#   Tasks.ReadWrite.All    Planner: the plan, buckets, labels and tasks in the ward group's plan.
#   User.Read.All          resolve assignees (unit people) to user ids (GET /users, api/user-list).
#   Team.ReadBasic.All     read the ward's team (GET /teams/{id}, api/team-get).
#   Channel.ReadBasic.All  find the General channel (GET /teams/{id}/primaryChannel, api/team-get-primarychannel).
#   TeamsTab.Read.All      list the channel's tabs so a re-run adds none twice (api/channel-list-tabs).
#   TeamsTab.Create        pin the tab (api/channel-post-tabs).
#
# Idempotent: every step reads what is there first and only adds what is missing. Each step is independent: a failed
# step is reported ("FAILED  <step>: <why>") and the next ones still run; the script ends with the list of failures
# and exit code 1 when there is any, 0 only when everything is in place.
#
# Mail is NOT granted in Entra ID. Mail.Send is granted with Exchange Online RBAC for Applications, scoped to the
# ward mailbox(es) only (role "Application Mail.Send" + a management scope):
#   https://learn.microsoft.com/exchange/permissions-exo/application-rbac
#   New-ServicePrincipal:            https://learn.microsoft.com/powershell/module/exchange/new-serviceprincipal
#   New-ManagementScope:             https://learn.microsoft.com/powershell/module/exchange/new-managementscope
#   New-ManagementRoleAssignment:    https://learn.microsoft.com/powershell/module/exchange/new-managementroleassignment
#   Test-ServicePrincipalAuthorization: https://learn.microsoft.com/powershell/module/exchange/test-serviceprincipalauthorization
# Why the tenant-wide Mail.Send grant must then be removed: Entra ID application permissions and Exchange RBAC for
# Applications are evaluated independently and are ADDITIVE (the application-rbac page says so). A token that carries
# Graph's Mail.Send app role may send as ANY mailbox in the tenant, whatever the RBAC scope says; the scope narrows
# only what RBAC itself grants. So the script removes any Entra Mail.Send assignment from the identity, and refuses
# to report success while one remains.
set -euo pipefail

usage() { sed -n '2,23p' "$0"; exit 2; }

# = GraphPermissionManifest.GraphAppRoles (sorted) and GraphPermissionManifest.SiteRole; GrantScriptTests keeps them equal.
readonly GRAPH_APP_ROLES=(Channel.ReadBasic.All Sites.Selected Tasks.ReadWrite.All Team.ReadBasic.All TeamsTab.Create TeamsTab.Read.All User.Read.All)
readonly SITE_ROLE="manage"

resource_group=""
deployment="main"
site_url=""
mailboxes=()
admin_app_id=""
admin_cert=""
dry_run=0
while [ $# -gt 0 ]; do
  case "$1" in
    -g|--resource-group) resource_group="${2:?$1 needs a value}"; shift 2 ;;
    --deployment) deployment="${2:?$1 needs a value}"; shift 2 ;;
    --site-url) site_url="${2:?$1 needs a value}"; shift 2 ;;
    --mailbox) mailboxes+=("${2:?$1 needs a value}"); shift 2 ;;
    --admin-app-id) admin_app_id="${2:?$1 needs a value}"; shift 2 ;;
    --admin-cert-thumbprint) admin_cert="${2:?$1 needs a value}"; shift 2 ;;
    --dry-run) dry_run=1; shift ;;
    -h|--help) usage ;;
    *) echo "unknown option: $1" >&2; usage ;;
  esac
done
[ -n "$resource_group" ] && [ -n "$site_url" ] && [ "${#mailboxes[@]}" -gt 0 ] || usage
case "$site_url" in
  https://*.sharepoint.com/sites/*|https://*.sharepoint.com/teams/*) ;;
  *) echo "--site-url must be https://<tenant>.sharepoint.com/sites/<name>" >&2; exit 2 ;;
esac
guid='^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$'
if [ -n "$admin_app_id" ] && ! [[ "$admin_app_id" =~ $guid ]]; then
  echo "--admin-app-id must be the admin app registration's client id (a GUID)" >&2; exit 2
fi
if [ -n "$admin_app_id" ] && [ -z "$admin_cert" ]; then
  echo "--admin-app-id needs --admin-cert-thumbprint (its certificate in your CurrentUser\\My store)" >&2; exit 2
fi

# 1. The identity, from the Bicep deployment's outputs (no ids typed by hand). Everything below depends on it.
command -v az >/dev/null || { echo "az (Azure CLI) is required" >&2; exit 1; }
if ! principal_id="$(az deployment group show -g "$resource_group" -n "$deployment" \
    --query properties.outputs.identityPrincipalId.value -o tsv)" || [ -z "$principal_id" ]; then
  echo "FAILED  deployment outputs: no identityPrincipalId in deployment '$deployment' of '$resource_group' (az login? deployed?)" >&2
  exit 1
fi
client_id="$(az deployment group show -g "$resource_group" -n "$deployment" --query properties.outputs.identityClientId.value -o tsv)"
tenant_id="$(az account show --query tenantId -o tsv)"
[ -n "$client_id" ] && [ -n "$tenant_id" ] || { echo "FAILED  deployment outputs: identityClientId or tenant not found" >&2; exit 1; }

echo "identity: principalId=$principal_id clientId=$client_id tenant=$tenant_id"
for role in "${GRAPH_APP_ROLES[@]}"; do echo "graph app role: $role"; done
echo "site grant: $site_url -> $SITE_ROLE (app-only, admin app ${admin_app_id:-<missing: --admin-app-id>})"
echo "exchange rbac: Application Mail.Send scoped to: ${mailboxes[*]}"
if [ "$dry_run" -eq 1 ]; then
  echo "(dry run: nothing changed)"
  exit 0
fi

command -v pwsh >/dev/null || { echo "pwsh (PowerShell 7) is required" >&2; exit 1; }

export DANVAN_PRINCIPAL_ID="$principal_id" DANVAN_CLIENT_ID="$client_id" DANVAN_TENANT_ID="$tenant_id"
export DANVAN_SITE_URL="$site_url" DANVAN_SITE_ROLE="$SITE_ROLE"
export DANVAN_ADMIN_APP_ID="$admin_app_id" DANVAN_ADMIN_CERT="$admin_cert"
DANVAN_ROLES="$(IFS=,; echo "${GRAPH_APP_ROLES[*]}")"; export DANVAN_ROLES
DANVAN_MAILBOXES="$(IFS=,; echo "${mailboxes[*]}")"; export DANVAN_MAILBOXES

pwsh -NoProfile -NonInteractive -Command - <<'POWERSHELL'
$ErrorActionPreference = 'Stop'
$principalId = $env:DANVAN_PRINCIPAL_ID
$clientId    = $env:DANVAN_CLIENT_ID
$tenantId    = $env:DANVAN_TENANT_ID
$siteUrl     = [Uri]$env:DANVAN_SITE_URL
$siteRole    = $env:DANVAN_SITE_ROLE
$wanted      = $env:DANVAN_ROLES -split ','
$mailboxes   = $env:DANVAN_MAILBOXES -split ','
$graphAppId  = '00000003-0000-0000-c000-000000000000'   # Microsoft Graph
$failures    = [System.Collections.Generic.List[string]]::new()

# Runs one independent step; a failure is recorded and printed, and the next step still runs.
function Step([string]$name, [scriptblock]$body) {
  try { & $body }
  catch {
    $why = $_.Exception.Message
    $failures.Add("${name}: $why")
    Write-Host "FAILED  ${name}: $why"
  }
}

# --- 2. Graph app roles (Entra ID), delegated admin session ---------------------------------------------------------
# POST /servicePrincipals/{id}/appRoleAssignments (api/serviceprincipal-post-approleassignments).
Step 'Graph app roles' {
  Connect-MgGraph -TenantId $tenantId -NoWelcome -Scopes 'AppRoleAssignment.ReadWrite.All','Application.Read.All'
  try {
    $graph = Invoke-MgGraphRequest GET "v1.0/servicePrincipals(appId='$graphAppId')?`$select=id,appRoles"
    $assigned = (Invoke-MgGraphRequest GET "v1.0/servicePrincipals/$principalId/appRoleAssignments").value
    foreach ($name in $wanted) {
      Step "Graph app role $name" {
        $role = $graph.appRoles | Where-Object { $_.value -eq $name -and $_.allowedMemberTypes -contains 'Application' }
        if (-not $role) { throw "Microsoft Graph has no application permission '$name'" }
        if ($assigned | Where-Object { $_.appRoleId -eq $role.id -and $_.resourceId -eq $graph.id }) {
          Write-Host "ok      $name (already granted)"
        } else {
          Invoke-MgGraphRequest POST "v1.0/servicePrincipals/$principalId/appRoleAssignments" -Body (@{
              principalId = $principalId; resourceId = $graph.id; appRoleId = $role.id } | ConvertTo-Json) | Out-Null
          Write-Host "granted $name"
        }
      }
    }

    # Remove what must not be there: tenant-wide Mail.Send (Entra and Exchange RBAC grants are additive, so it would let
    # the app send as anyone) and broader site/mail/group permissions someone may have added by hand.
    $forbidden = 'Mail.Send','Mail.ReadWrite','Sites.ReadWrite.All','Sites.Manage.All','Sites.FullControl.All','Group.ReadWrite.All','GroupMember.Read.All'
    foreach ($name in $forbidden) {
      $role = $graph.appRoles | Where-Object { $_.value -eq $name -and $_.allowedMemberTypes -contains 'Application' }
      foreach ($a in @($assigned | Where-Object { $_.appRoleId -eq $role.id -and $_.resourceId -eq $graph.id })) {
        Step "remove $name" {
          Invoke-MgGraphRequest DELETE "v1.0/servicePrincipals/$principalId/appRoleAssignments/$($a.id)" | Out-Null
          Write-Host "removed $name (not in the permissions manifest)"
        }
      }
    }
    $mailSend = ($graph.appRoles | Where-Object { $_.value -eq 'Mail.Send' -and $_.allowedMemberTypes -contains 'Application' }).id
    $still = (Invoke-MgGraphRequest GET "v1.0/servicePrincipals/$principalId/appRoleAssignments").value | Where-Object { $_.appRoleId -eq $mailSend }
    if ($still) { throw 'the identity still holds tenant-wide Mail.Send in Entra ID: it could send as anyone. Remove it.' }
  } finally { Disconnect-MgGraph | Out-Null }
}

# --- 3. Per-site grant (Sites.Selected), app-only as the administrator's app with Sites.FullControl.All ---------------
Step "site grant $siteUrl" {
  if (-not $env:DANVAN_ADMIN_APP_ID) {
    throw 'no --admin-app-id: POST /sites/{id}/permissions supports application Sites.FullControl.All only (not delegated); see docs/deploy.md'
  }
  Connect-MgGraph -ClientId $env:DANVAN_ADMIN_APP_ID -TenantId $tenantId -CertificateThumbprint $env:DANVAN_ADMIN_CERT -NoWelcome
  try {
    if ((Get-MgContext).AuthType -ne 'AppOnly') { throw 'the admin app did not sign in app-only' }
    $site = Invoke-MgGraphRequest GET "v1.0/sites/$($siteUrl.Host):$($siteUrl.AbsolutePath)?`$select=id,webUrl"
    $mine = { (Invoke-MgGraphRequest GET "v1.0/sites/$($site.id)/permissions").value |
      Where-Object { $_.grantedToIdentitiesV2.application.id -contains $clientId -or $_.grantedToIdentities.application.id -contains $clientId } }
    $grant = & $mine
    if (-not $grant) {
      $grant = Invoke-MgGraphRequest POST "v1.0/sites/$($site.id)/permissions" -Body (@{
          roles = @('write')
          grantedToIdentities = @(@{ application = @{ id = $clientId; displayName = 'DanVan365' } })
        } | ConvertTo-Json -Depth 5)
      Write-Host "granted site $($site.webUrl): write (then $siteRole)"
    }
    if (@($grant.roles) -notcontains $siteRole -or @($grant.roles).Count -ne 1) {
      Invoke-MgGraphRequest PATCH "v1.0/sites/$($site.id)/permissions/$($grant.id)" -Body (@{ roles = @($siteRole) } | ConvertTo-Json) | Out-Null
    }
    $check = & $mine
    if (@($check.roles) -join ',' -ne $siteRole) { throw "the site grant reads back as '$(@($check.roles) -join ',')', not '$siteRole'" }
    Write-Host "ok      site $($site.webUrl): $siteRole"
  } finally { Disconnect-MgGraph | Out-Null }
}

# --- 4. Mail.Send on the ward mailbox(es) only: Exchange Online RBAC for Applications ------------------------------
# https://learn.microsoft.com/exchange/permissions-exo/application-rbac
Step 'Exchange RBAC for Applications' {
  Connect-ExchangeOnline -ShowBanner:$false
  try {
    # The Exchange pointer to the Entra service principal: AppId = client id, ObjectId = the service principal's object id.
    $sp = Get-ServicePrincipal -Identity $principalId -ErrorAction SilentlyContinue
    if (-not $sp) { $sp = New-ServicePrincipal -AppId $clientId -ObjectId $principalId -DisplayName 'DanVan365' }
    # One management scope and one role assignment per ward mailbox: another ward's run adds, never widens.
    foreach ($m in $mailboxes) {
      Step "Mail.Send scoped to $m" {
        $key = ($m -replace '[^A-Za-z0-9@._-]', '')
        $scopeName = ('DanVan365 scope ' + $key)
        if ($scopeName.Length -gt 64) { $scopeName = $scopeName.Substring(0, 64) }
        $assignmentName = ('DanVan365 Mail.Send ' + $key)
        if ($assignmentName.Length -gt 64) { $assignmentName = $assignmentName.Substring(0, 64) }
        if (-not (Get-ManagementScope -Identity $scopeName -ErrorAction SilentlyContinue)) {
          New-ManagementScope -Name $scopeName -RecipientRestrictionFilter "PrimarySmtpAddress -eq '$m'" | Out-Null
        }
        if (-not (Get-ManagementRoleAssignment -Identity $assignmentName -ErrorAction SilentlyContinue)) {
          New-ManagementRoleAssignment -Name $assignmentName -App $sp.AppId -Role 'Application Mail.Send' -CustomResourceScope $scopeName | Out-Null
        }
        Write-Host "ok      Application Mail.Send scoped to $m"
        # In scope? (RBAC changes can take 30 min to 2 h to reach new tokens.)
        Test-ServicePrincipalAuthorization -Identity $sp.Identity -Resource $m | Where-Object RoleName -eq 'Application Mail.Send' |
          Format-Table RoleName, AllowedResourceScope, InScope
      }
    }
  } finally { Disconnect-ExchangeOnline -Confirm:$false }
}

if ($failures.Count -gt 0) {
  Write-Host ''
  Write-Host "$($failures.Count) step(s) failed; fix each and run the script again (it keeps what is done):"
  $failures | ForEach-Object { Write-Host "  - $_" }
  exit 1
}
Write-Host 'done: every permission of the manifest is in place'
POWERSHELL
