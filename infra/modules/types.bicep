// Shared types.

@export()
@description('One ward (phường/xã) served by the Function App: its own site, group, plan, mailbox and unit directory.')
type ward = {
  @description('Short, stable code of the ward, e.g. hai-an (queue messages and logs name the ward by it).')
  @minLength(2)
  @maxLength(40)
  code: string

  @description('Display name, e.g. Phường Hải An.')
  @minLength(1)
  name: string

  @description('The ward\'s SharePoint site, e.g. https://contoso.sharepoint.com/sites/phuong-hai-an.')
  @minLength(10)
  siteUrl: string

  @description('Object id (GUID) of the ward\'s Microsoft 365 group: owner of the Planner plan and the Team.')
  @minLength(36)
  @maxLength(36)
  groupId: string

  @description('Mailbox the reminders and escalations are sent from (UPN). Exchange RBAC for Applications limits Mail.Send to it.')
  @minLength(3)
  senderMailbox: string

  @description('Optional Planner plan id; leave out to let the sync find or create the plan in the group.')
  planId: string?

  @description('Optional path of the ward\'s unit directory file in the site library; leave out for the shipped default.')
  unitDirectory: string?
}
