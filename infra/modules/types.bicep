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
wards/hai-an/units.json; format in the main README). Required: on a real tenant the app refuses to start on the bundled
directory or on placeholder people (Wards:N:UnitsFile).''')
  @minLength(1)
  unitsFile: string

  @description('''The ward's holiday files in the published app, one per year (e.g. wards/hai-an/holidays-2027.json). Left out:
the bundled Hải An 2026 file; a year without a file counts weekends only and is logged at start.''')
  holidayFiles: string[]?

  @description('The ward\'s scoring model in the published app (docs/scoring.md). Left out: the bundled model.')
  @minLength(1)
  scoringFile: string?

  @description('How the ward closes its compiled report; what is left out comes from the decision.')
  report: wardReport?

  @description('The year-end round\'s days ("dd/MM"); left out: 15/12 and 14/12.')
  yearEnd: wardYearEnd?
}

@export()
@description('How a ward closes its compiled report (Wards__<i>__Report__<Property>, ReportOptions).')
type wardReport = {
  @description('The report\'s "Nơi nhận" lines, in order.')
  recipients: string[]?

  @description('Who signs the report (name).')
  @minLength(1)
  signer: string?

  @description('The signer\'s capacity lines, e.g. ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"].')
  signerCapacity: string[]?

  @description('The filing line (e.g. "Lưu: VT, VHXH").')
  @minLength(1)
  filing: string?

  @description('The place in the date line, e.g. Hải An.')
  @minLength(1)
  place: string?
}

@export()
@description('The year-end round of a ward (Wards__<i>__YearEnd__<Property>, YearEndOptions).')
type wardYearEnd = {
  @description('Last day of the year-end round, "dd/MM".')
  @minLength(5)
  @maxLength(5)
  lastDay: string?

  @description('Data cut-off of the year-end review, "dd/MM".')
  @minLength(5)
  @maxLength(5)
  dataCutOff: string?
}
