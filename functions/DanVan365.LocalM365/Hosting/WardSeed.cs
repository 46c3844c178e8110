using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using DanVan365.LocalM365.Routing;

namespace DanVan365.LocalM365;

/// <summary>One seeded ward: its site and its Microsoft 365 group.</summary>
/// <param name="Number">1-based; ward 1 is the seed file's own (Hải An).</param>
/// <param name="Name">e.g. "Phường An Dương".</param>
/// <param name="SitePath">e.g. /sites/phuong-an-duong.</param>
/// <param name="GroupId">The group's object id.</param>
/// <param name="Mailbox">The ward's sending mailbox.</param>
public sealed record SeededWard(int Number, string Name, string SitePath, string GroupId, string Mailbox);

/// <summary>
/// Adds wards 2..N to a seed: a site, a group (team) with the seed's owners and a mailbox each, named from a generated
/// list (two name syllables; a number once the list is spent). Ward 1 stays the seed's own.
/// </summary>
internal static class WardSeed
{
    private static readonly string[] First =
    [
        "An", "Bình", "Cát", "Đông", "Hòa", "Hưng", "Kiến", "Lạc", "Minh", "Nam",
        "Ngọc", "Quang", "Tân", "Thạnh", "Thủy", "Trung", "Vĩnh", "Xuân", "Yên", "Phú",
    ];

    private static readonly string[] Second = ["Dương", "Lợi", "Sơn", "Thành", "Thịnh", "Tiến", "Phong", "Hòa", "Lâm", "Khê"];

    /// <summary>The generated ward names for wards 2..N (deterministic).</summary>
    public static IReadOnlyList<string> Names(int wards)
    {
        var names = new List<string>();
        for (var i = 0; names.Count < wards - 1; i++)
        {
            var word = i < First.Length * Second.Length
                ? First[i % First.Length] + " " + Second[i / First.Length % Second.Length]
                : "Số " + (i + 2).ToString(CultureInfo.InvariantCulture);
            if (!string.Equals(First[i % First.Length], Second[i / First.Length % Second.Length], StringComparison.Ordinal))
            {
                names.Add("Phường " + word);
            }
        }

        return names;
    }

    /// <summary>Adds the wards to the seed's sites, users and groups.</summary>
    public static void Apply(SeedDocument seed, int wards)
    {
        if (wards <= 1)
        {
            return;
        }

        var root = seed.Root;
        var sites = root["sites"] as JsonArray ?? [];
        var users = root["users"] as JsonArray ?? [];
        var groups = root["groups"] as JsonArray ?? [];
        var owners = (groups.FirstOrDefault() as JsonObject)?["owners"]?.DeepClone() as JsonArray ?? [];
        foreach (var name in Names(wards))
        {
            var slug = Slug(name);
            var mailbox = "ubnd." + slug.Replace("phuong-", string.Empty, StringComparison.Ordinal) + "@" + seed.Domain;
            sites.Add(new JsonObject
            {
                ["path"] = "/sites/" + slug,
                ["displayName"] = name,
                ["description"] = "Trang công việc của UBND " + name + "."
            });
            users.Add(new JsonObject { ["userPrincipalName"] = mailbox, ["displayName"] = "UBND " + name, ["jobTitle"] = "Hộp thư UBND" });
            groups.Add(new JsonObject
            {
                ["id"] = Ids.FromName("group:" + slug),
                ["mailNickname"] = slug,
                ["displayName"] = "UBND " + name,
                ["visibility"] = "Private",
                ["members"] = new JsonArray(mailbox),
                ["owners"] = owners.DeepClone(),
                ["team"] = true,
                ["site"] = "/sites/" + slug,
            });
        }

        root["sites"] = sites;
        root["users"] = users;
        root["groups"] = groups;
    }

    /// <summary>The seeded wards, ward 1 first.</summary>
    public static IReadOnlyList<SeededWard> Describe(SeedDocument seed, SeededTenant tenant, int wards)
    {
        var list = new List<SeededWard>
        {
            new(1, seed.Root.Obj("tenant")?.Str("displayName") ?? "Phường Hải An", tenant.WardSitePath, tenant.WardGroupId,
                "ubnd@" + seed.Domain),
        };
        var n = 2;
        foreach (var name in wards > 1 ? Names(wards) : [])
        {
            var slug = Slug(name);
            list.Add(new SeededWard(n++, name, "/sites/" + slug, Ids.FromName("group:" + slug),
                "ubnd." + slug.Replace("phuong-", string.Empty, StringComparison.Ordinal) + "@" + seed.Domain));
        }

        return list;
    }

    /// <summary>"Phường Đông Hòa" → "phuong-dong-hoa".</summary>
    public static string Slug(string name)
    {
        var text = name.Replace('Đ', 'D').Replace('đ', 'd').Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder();
        foreach (var c in text)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            builder.Append(char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : '-');
        }

        return builder.ToString().Trim('-');
    }
}
