#!/usr/bin/env bash
# Grants DanVan365's managed identity the Microsoft Graph access it needs, with least privilege.
# Documented and reviewed, not run in CI. Run it once per deployment (and again per added ward: it is idempotent).
#
# Who runs it: an admin who is Privileged Role Administrator (app role assignments), SharePoint Administrator
# (site grant, Sites.FullControl.All consent for Microsoft Graph PowerShell) and Exchange Administrator /
# Organization Management (RBAC for Applications). Nothing here stores or prints a secret.
#
# Needs: az (signed in to the subscription), pwsh 7 with the modules Microsoft.Graph.Authentication and
# ExchangeOnlineManagement (>= 3.2).
#
# Usage:
#   infra/grant-graph-permissions.sh -g <resource-group> --site-url https://contoso.sharepoint.com/sites/phuong-hai-an \
#       --mailbox danvan.haian@contoso.vn [--deployment main] [--site-role manage|write] [--teams-tab] [--dry-run]
#
# What it grants (application permissions on the user-assigned identity's service principal):
#
#   Sites.Selected         + per-site grant (POST /sites/{site-id}/permissions) on the ward's site only.
#                          Role "manage", not "write": the sync creates the lists, their unique/indexed columns and
#                          the "Báo cáo dân vận" library. Creating lists and adding columns is SharePoint's
#                          ManageLists right ("Create and delete lists, add or remove columns in a list", SP.PermissionKind,
#                          https://learn.microsoft.com/previous-versions/office/sharepoint-server/ee536458(v=office.15)),
#                          which the Contribute level behind "write" lacks ("Contributors cannot create new lists or
#                          document libraries", PnP Core RoleType). "fullcontrol" adds managing permissions and
#                          site settings, which the app never does, so it is not granted.
#                          Roles other than read/write are set by updating the grant (PATCH), as Microsoft's
#                          and PnP's samples do (https://learn.microsoft.com/graph/api/site-post-permissions,
#                          https://learn.microsoft.com/graph/api/site-update-permission,
#                          https://pnp.github.io/script-samples/samples/spo-grant-app-site-permission/).
#                          Once the first sync has created the lists, --site-role write narrows it further
#                          (a later decision that needs a new column then fails loudly until "manage" is back).
#   Tasks.ReadWrite.All    Planner: the plan, buckets, labels and tasks in the ward group's plan.
#   User.Read.All          resolve assignees (unit people) to user ids.
#   GroupMember.Read.All   read the ward group and its members (plan owner, assignees must be members).
#   TeamsTab.Create        (--teams-tab only) pin the Planner tab in the Team's General channel,
#   Channel.ReadBasic.All  (--teams-tab only) find that channel (GET /teams/{id}/primaryChannel).
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

usage() { sed -n '2,20p' "$0"; exit 2; }

resource_group=""
deployment="main"
site_url=""
mailboxes=()
site_role="manage"
teams_tab=0
dry_run=0
while [ $# -gt 0 ]; do
  case "$1" in
    -g|--resource-group) resource_group="$2"; shift 2 ;;
    --deployment) deployment="$2"; shift 2 ;;
    --site-url) site_url="$2"; shift 2 ;;
    --mailbox) mailboxes+=("$2"); shift 2 ;;
    --site-role) site_role="$2"; shift 2 ;;
    --teams-tab) teams_tab=1; shift ;;
    --dry-run) dry_run=1; shift ;;
    -h|--help) usage ;;
    *) echo "unknown option: $1" >&2; usage ;;
  esac
done
[ -n "$resource_group" ] && [ -n "$site_url" ] && [ "${#mailboxes[@]}" -gt 0 ] || usage
case "$site_role" in manage|write) ;; *) echo "--site-role must be manage or write" >&2; exit 2 ;; esac
case "$site_url" in https://*.sharepoint.com/sites/*|https://*.sharepoint.com/teams/*) ;; *) echo "--site-url must be https://<tenant>.sharepoint.com/sites/<name>" >&2; exit 2 ;; esac

# 1. The identity, from the Bicep deployment's outputs (no ids typed by hand).
principal_id="$(az deployment group show -g "$resource_group" -n "$deployment" --query properties.outputs.identityPrincipalId.value -o tsv)"
client_id="$(az deployment group show -g "$resource_group" -n "$deployment" --query properties.outputs.identityClientId.value -o tsv)"
tenant_id="$(az account show --query tenantId -o tsv)"
[ -n "$principal_id" ] && [ -n "$client_id" ] || { echo "deployment outputs identityPrincipalId/identityClientId not found" >&2; exit 1; }

roles=(Sites.Selected Tasks.ReadWrite.All User.Read.All GroupMember.Read.All)
[ "$teams_tab" -eq 1 ] && roles+=(TeamsTab.Create Channel.ReadBasic.All)

echo "identity: principalId=$principal_id clientId=$client_id tenant=$tenant_id"
echo "Graph application permissions: ${roles[*]}"
echo "site grant: $site_url -> $site_role"
echo "Exchange RBAC: Application Mail.Send scoped to: ${mailboxes[*]}"
if [ "$dry_run" -eq 1 ]; then
  echo "(dry run: nothing changed)"
  exit 0
fi

command -v pwsh >/dev/null || { echo "pwsh (PowerShell 7) is required" >&2; exit 1; }

export DANVAN_PRINCIPAL_ID="$principal_id" DANVAN_CLIENT_ID="$client_id" DANVAN_TENANT_ID="$tenant_id"
export DANVAN_SITE_URL="$site_url" DANVAN_SITE_ROLE="$site_role"
DANVAN_ROLES="$(IFS=,; echo "${roles[*]}")"; export DANVAN_ROLES
DANVAN_MAILBOXES="$(IFS=,; echo "${mailboxes[*]}")"; export DANVAN_MAILBOXES

pwsh -NoProfile -NonInteractive -Command - <<'POWERSHELL'
$ErrorActionPreference = 'Stop'
$principalId = $env:DANVAN_PRINCIPAL_ID
$clientId    = $env:DANVAN_CLIENT_ID
$siteUrl     = [Uri]$env:DANVAN_SITE_URL
$siteRole    = $env:DANVAN_SITE_ROLE
$wanted      = $env:DANVAN_ROLES -split ','
$mailboxes   = $env:DANVAN_MAILBOXES -split ','
$graphAppId  = '00000003-0000-0000-c000-000000000000'   # Microsoft Graph

# --- 2. Graph app roles (Entra ID) ------------------------------------------------------------------------------
# Sites.FullControl.All is needed only by this admin session, for POST /sites/{id}/permissions (delegated, SharePoint admin).
Connect-MgGraph -TenantId $env:DANVAN_TENANT_ID -NoWelcome -Scopes 'AppRoleAssignment.ReadWrite.All','Application.Read.All','Sites.FullControl.All'

$graph = Invoke-MgGraphRequest GET "v1.0/servicePrincipals(appId='$graphAppId')?`$select=id,appRoles"
$assigned = (Invoke-MgGraphRequest GET "v1.0/servicePrincipals/$principalId/appRoleAssignments").value

foreach ($name in $wanted) {
  $role = $graph.appRoles | Where-Object { $_.value -eq $name -and $_.allowedMemberTypes -contains 'Application' }
  if (-not $role) { throw "Graph has no application permission '$name'" }
  if ($assigned | Where-Object { $_.appRoleId -eq $role.id -and $_.resourceId -eq $graph.id }) {
    Write-Host "ok      $name (already granted)"
    continue
  }
  Invoke-MgGraphRequest POST "v1.0/servicePrincipals/$principalId/appRoleAssignments" -Body (@{
      principalId = $principalId; resourceId = $graph.id; appRoleId = $role.id } | ConvertTo-Json) | Out-Null
  Write-Host "granted $name"
}

# Remove what must not be there: tenant-wide Mail.Send (and broader site/mail permissions someone may have added).
$forbidden = 'Mail.Send','Mail.ReadWrite','Sites.ReadWrite.All','Sites.Manage.All','Sites.FullControl.All','Group.ReadWrite.All'
foreach ($name in $forbidden) {
  $role = $graph.appRoles | Where-Object { $_.value -eq $name -and $_.allowedMemberTypes -contains 'Application' }
  foreach ($a in @($assigned | Where-Object { $_.appRoleId -eq $role.id -and $_.resourceId -eq $graph.id })) {
    Invoke-MgGraphRequest DELETE "v1.0/servicePrincipals/$principalId/appRoleAssignments/$($a.id)" | Out-Null
    Write-Host "removed $name (tenant-wide; replaced by scoped grants)"
  }
}

# --- 3. Per-site grant (Sites.Selected) ---------------------------------------------------------------------------
$site = Invoke-MgGraphRequest GET "v1.0/sites/$($siteUrl.Host):$($siteUrl.AbsolutePath)?`$select=id,webUrl"
$grants = (Invoke-MgGraphRequest GET "v1.0/sites/$($site.id)/permissions").value
$mine = $grants | Where-Object { $_.grantedToIdentitiesV2.application.id -contains $clientId -or $_.grantedToIdentities.application.id -contains $clientId }
if (-not $mine) {
  $mine = Invoke-MgGraphRequest POST "v1.0/sites/$($site.id)/permissions" -Body (@{
      roles = @('write')
      grantedToIdentities = @(@{ application = @{ id = $clientId; displayName = 'DanVan365' } })
    } | ConvertTo-Json -Depth 5)
  Write-Host "granted site $($site.webUrl): write"
}
if (@($mine.roles) -notcontains $siteRole -or @($mine.roles).Count -ne 1) {
  Invoke-MgGraphRequest PATCH "v1.0/sites/$($site.id)/permissions/$($mine.id)" -Body (@{ roles = @($siteRole) } | ConvertTo-Json) | Out-Null
  Write-Host "set site $($site.webUrl): $siteRole"
} else {
  Write-Host "ok      site $($site.webUrl): $siteRole"
}

# Fail if a tenant-wide Mail.Send is still there (Entra and Exchange RBAC grants are additive).
$mailSend = ($graph.appRoles | Where-Object { $_.value -eq 'Mail.Send' -and $_.allowedMemberTypes -contains 'Application' }).id
$still = (Invoke-MgGraphRequest GET "v1.0/servicePrincipals/$principalId/appRoleAssignments").value | Where-Object { $_.appRoleId -eq $mailSend }
if ($still) { throw 'The identity still holds tenant-wide Mail.Send in Entra ID: it could send as anyone. Remove it.' }
Disconnect-MgGraph | Out-Null

# --- 4. Mail.Send on the ward mailbox(es) only: Exchange Online RBAC for Applications ------------------------------
# https://learn.microsoft.com/exchange/permissions-exo/application-rbac
Connect-ExchangeOnline -ShowBanner:$false
# The Exchange pointer to the Entra service principal: AppId = client id, ObjectId = the service principal's object id.
$sp = Get-ServicePrincipal -Identity $principalId -ErrorAction SilentlyContinue
if (-not $sp) { $sp = New-ServicePrincipal -AppId $clientId -ObjectId $principalId -DisplayName 'DanVan365' }

# One management scope and one role assignment per ward mailbox, so running the script for another ward adds to
# what is there and never widens or overwrites an earlier ward's grant.
foreach ($m in $mailboxes) {
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
}

# Check: in scope for each ward mailbox (RBAC changes can take 30 min to 2 h to apply to new tokens).
foreach ($m in $mailboxes) {
  Test-ServicePrincipalAuthorization -Identity $sp.Identity -Resource $m | Where-Object RoleName -eq 'Application Mail.Send' | Format-Table RoleName, AllowedResourceScope, InScope
}
Disconnect-ExchangeOnline -Confirm:$false
Write-Host 'done'
POWERSHELL
