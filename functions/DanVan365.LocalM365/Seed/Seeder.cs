using System.Text.Json.Nodes;
using DanVan365.LocalM365.Handlers;
using DanVan365.LocalM365.Routing;

namespace DanVan365.LocalM365;

/// <summary>The seed file: tenant, SharePoint host, sites, users, groups, and which site and group are the ward's.</summary>
internal sealed class SeedDocument
{
    private SeedDocument(JsonObject root) => Root = root;

    public JsonObject Root { get; }

    public string Domain => Root.Obj("tenant")?.Str("domain") ?? "haian.example.vn";

    public string Hostname => Root.Obj("sharePoint")?.Str("hostname") ?? "haian.sharepoint.com";

    /// <summary>
    /// The sites' time zone (regional settings; "sharePoint.timeZone" in the seed, IANA or Windows id): Indochina Time
    /// unless the seed or <see cref="LocalGraphServerOptions.SiteTimeZone"/> says otherwise.
    /// </summary>
    public TimeZoneInfo SiteZone => TimeZoneInfo.FindSystemTimeZoneById(Root.Obj("sharePoint")?.Str("timeZone") ?? "Asia/Ho_Chi_Minh");

    public string WardSitePath => Root.Obj("ward")?.Str("site") ?? "/sites/phuong-hai-an";

    public string WardGroup => Root.Obj("ward")?.Str("group") ?? "phuong-hai-an";

    /// <summary>The embedded default (Seed/seed.json), or the given file.</summary>
    public static SeedDocument Load(string? path)
    {
        if (path is not null)
        {
            return Parse(File.ReadAllBytes(path), path);
        }

        using var stream = typeof(SeedDocument).Assembly.GetManifestResourceStream("DanVan365.LocalM365.Seed.seed.json")
            ?? throw new InvalidOperationException("Embedded seed.json is missing.");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return Parse(buffer.ToArray(), "embedded seed.json");
    }

    /// <summary>The embedded default seed's text (for `danvan365 emulator` users who want to copy and edit it).</summary>
    public static string EmbeddedText()
    {
        using var stream = typeof(SeedDocument).Assembly.GetManifestResourceStream("DanVan365.LocalM365.Seed.seed.json")!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static SeedDocument Parse(byte[] bytes, string name)
    {
        try
        {
            return new SeedDocument(JsonNode.Parse(bytes) as JsonObject
                ?? throw new InvalidDataException($"{name}: a JSON object is expected."));
        }
        catch (System.Text.Json.JsonException ex)
        {
            throw new InvalidDataException($"{name}: {ex.Message}", ex);
        }
    }
}

/// <summary>Writes the seed into an empty store.</summary>
internal static class Seeder
{
    public static int Apply(EmulatorCore core)
    {
        var seed = core.Seed;
        var store = core.Store;
        var now = GraphJson.Timestamp(core.Clock.GetUtcNow());
        store.PutMeta("tenant:domain", seed.Domain);
        store.PutMeta("tenant:hostname", seed.Hostname);

        var rootSite = SiteHandlers.CreateSite(core, string.Empty,
            seed.Root.Obj("sharePoint")?.Str("rootSiteDisplayName") ?? "Communication site", null, now);
        store.PutMeta("site:root", rootSite);

        foreach (var node in seed.Root["sites"] as JsonArray ?? [])
        {
            var site = (JsonObject)node!;
            SiteHandlers.CreateSite(core, site.Str("path")!, site.Str("displayName") ?? site.Str("path")!, site.Str("description"), now);
        }

        foreach (var node in seed.Root["users"] as JsonArray ?? [])
        {
            var u = (JsonObject)node!;
            AddUser(core, new EmulatorUser(
                u.Str("userPrincipalName") ?? throw new InvalidDataException("seed: a user has no userPrincipalName."),
                u.Str("displayName") ?? u.Str("userPrincipalName")!,
                u.Str("mail"),
                u.Str("jobTitle"),
                u.Str("department"),
                u.Str("id"),
                MemberOfWardGroup: false));
        }

        foreach (var node in seed.Root["groups"] as JsonArray ?? [])
        {
            var g = (JsonObject)node!;
            DirectoryHandlers.CreateGroup(core, g, now);
        }

        store.PutMeta("seeded", now);
        return 0;
    }

    public static string AddUser(EmulatorCore core, EmulatorUser user)
    {
        var store = core.Store;
        var upn = user.UserPrincipalName.Trim();
        var existing = DirectoryHandlers.FindUser(store, upn);
        var id = existing?.Str("id") ?? user.Id ?? Ids.FromName("user:" + upn.ToLowerInvariant());
        var at = upn.IndexOf('@', StringComparison.Ordinal);
        var json = new JsonObject
        {
            ["id"] = id,
            ["displayName"] = user.DisplayName,
            ["userPrincipalName"] = upn,
            ["mail"] = user.Mail ?? upn,
            ["mailNickname"] = at > 0 ? upn[..at] : upn,
            ["jobTitle"] = user.JobTitle,
            ["department"] = user.Department,
            ["accountEnabled"] = true,
            ["preferredLanguage"] = "vi-VN",
            ["usageLocation"] = "VN",
        };
        store.Put("user", id, string.Empty, json);
        store.PutMeta("upn:" + upn.ToLowerInvariant(), id);
        if ((user.Mail ?? upn) is { } mail)
        {
            store.PutMeta("mail:" + mail.ToLowerInvariant(), id);
        }

        if (user.MemberOfWardGroup && store.GetMeta("group:ward") is { } groupId && store.Get("group", groupId) is { } group)
        {
            var members = group["_members"] as JsonArray ?? [];
            if (!members.Any(m => m!.GetValue<string>() == id))
            {
                members.Add(id);
            }

            group["_members"] = members.DeepClone();
            store.Put("group", groupId, string.Empty, group);
        }

        return id;
    }

    public static SeededTenant Describe(EmulatorCore core)
    {
        var store = core.Store;
        var wardSite = store.GetMeta("sitepath:" + core.Seed.WardSitePath.ToLowerInvariant()) ?? string.Empty;
        var wardGroup = store.GetMeta("group:ward") ?? string.Empty;
        return new SeededTenant(
            store.GetMeta("tenant:domain") ?? core.Seed.Domain,
            store.GetMeta("tenant:hostname") ?? core.Seed.Hostname,
            store.GetMeta("site:root") ?? string.Empty,
            wardSite,
            core.Seed.WardSitePath,
            wardGroup,
            store.GetMeta("channel:general:" + wardGroup) ?? string.Empty);
    }
}
