// Shared types.

@export()
@description('''One ward (phường/xã) served by the Function App: its own site, group, plan, mailbox and unit directory.
Each property becomes the app setting Wards__<i>__<Property> that DanVan365.Functions binds (WardSettings).''')
type ward = {
  @description('Stable id of the ward: lower-case letters, digits and "-", e.g. hai-an (queue messages, ?ward=, logs).')
  @minLength(1)
  @maxLength(40)
  id: string

  @description('Display name, e.g. Phường Hải An.')
  @minLength(1)
  name: string

  @description('Title of the ward\'s Planner plan, e.g. Dân vận 2026 – Phường Hải An (the sync finds or creates it).')
  @minLength(1)
  @maxLength(255)
  planTitle: string

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

  @description('''Path of the ward's unit directory JSON in the published app (relative to the app's folder, e.g.
wards/hai-an/units.json). Left out: the directory bundled with the app (Hải An's). With more than one ward every
ward must give its own: the app refuses to start otherwise (Wards:N:UnitsFile).''')
  @minLength(1)
  unitsFile: string?
}
