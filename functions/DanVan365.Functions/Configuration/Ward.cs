using DanVan365.Core.Units;
using DanVan365.M365.Client;

namespace DanVan365.Functions.Configuration;

/// <summary>A validated ward: its Graph options (tenant settings + the ward's site, group and mailbox) and its unit directory.</summary>
public sealed record Ward(string Id, string Name, string PlanTitle, M365Options Graph, UnitDirectory Units);
