using System.Net;
using System.Text.Json.Nodes;
using DanVan365.LocalM365.Routing;
using DanVan365.LocalM365.Storage;

namespace DanVan365.LocalM365.Handlers;

/// <summary>Users, groups, group members, and the team behind the ward group (channels, tabs).</summary>
internal static class DirectoryHandlers
{
    public static void Register(Router router)
    {
        // https://learn.microsoft.com/en-us/graph/api/user-list ($filter on displayName, mail, userPrincipalName)
        router.Add("GET", "users", ctx => Filtered(ctx, "user", "users"));

        // https://learn.microsoft.com/en-us/graph/api/user-get : GET /users/{id | userPrincipalName} only; a mail address
        // that is not the sign-in name is not found (docs repo: api-reference/v1.0/api/user-get.md, "HTTP request").
        router.Add("GET", "users/{}", ctx => GraphResponse.Ok(Present(ctx, RequireUser(ctx.Store, ctx[0]), "users/$entity",
            "#microsoft.graph.user")));

        // https://learn.microsoft.com/en-us/graph/api/group-list
        router.Add("GET", "groups", ctx => Filtered(ctx, "group", "groups"));
        router.Add("GET", "groups/{}", ctx => GraphResponse.Ok(Present(ctx, RequireGroup(ctx, ctx[0]), "groups/$entity",
            "#microsoft.graph.group")));

        // https://learn.microsoft.com/en-us/graph/api/group-list-members
        router.Add("GET", "groups/{}/members", ctx => Members(ctx, "_members"));
        router.Add("GET", "groups/{}/owners", ctx => Members(ctx, "_owners"));
        router.Add("GET", "groups/{}/sites/root", ctx =>
        {
            var group = RequireGroup(ctx, ctx[0]);
            var siteId = group.Str("_site") ?? throw GraphException.NotFound("itemNotFound", "The group has no site.");
            return GraphResponse.Ok(SiteHandlers.RequireSite(ctx, siteId).Public());
        });
        router.Add("GET", "groups/{}/drive", ctx =>
        {
            var group = RequireGroup(ctx, ctx[0]);
            var siteId = group.Str("_site") ?? throw GraphException.NotFound("itemNotFound", "The group has no site.");
            return GraphResponse.Ok(DriveHandlers.PresentDrive(ctx, DriveHandlers.RequireDrive(ctx, SiteHandlers.RequireSite(ctx,
                siteId).Str("_drive")!)));
        });

        // https://learn.microsoft.com/en-us/graph/api/team-get
        router.Add("GET", "teams/{}", ctx =>
        {
            var group = RequireTeam(ctx, ctx[0]);
            return GraphResponse.Ok(new JsonObject
            {
                ["@odata.context"] = ctx.BaseUrl + "/$metadata#teams/$entity",
                ["id"] = group.Str("id"),
                ["displayName"] = group.Str("displayName"),
                ["description"] = group.Str("description"),
                ["isArchived"] = false,
                ["visibility"] = group.Str("visibility")?.ToLowerInvariant() ?? "private",
                ["webUrl"] =
                    "https://teams.microsoft.com/l/team/" + Uri.EscapeDataString(ctx.Store.GetMeta("channel:general:" + group.Str("id"))
                    ?? string.Empty) + "/conversations?groupId=" + group.Str("id"),
                ["createdDateTime"] = group.Str("createdDateTime"),
                ["memberSettings"] = Settings("allowCreateUpdateChannels", "allowDeleteChannels", "allowAddRemoveApps",
                    "allowCreateUpdateRemoveTabs", "allowCreateUpdateRemoveConnectors"),
                ["guestSettings"] = Settings("allowCreateUpdateChannels", "allowDeleteChannels"),
                ["messagingSettings"] = Settings("allowUserEditMessages", "allowUserDeleteMessages", "allowOwnerDeleteMessages",
                    "allowTeamMentions", "allowChannelMentions"),
                ["funSettings"] = new JsonObject
                {
                    ["allowGiphy"] = true,
                    ["giphyContentRating"] = "strict",
                    ["allowStickersAndMemes"] = true,
                    ["allowCustomMemes"] = true,
                },
                ["summary"] = Summary(group),
            });
        });

        // https://learn.microsoft.com/en-us/graph/api/channel-list
        router.Add("GET", "teams/{}/channels", ctx =>
        {
            var group = RequireTeam(ctx, ctx[0]);
            var channels = ctx.Store.Children("channel", group.Str("id")!).Select(c => (JsonNode)ODataQuery.Select(c.Public(),
                ctx.Request.QueryValue("$select")));
            if (ctx.Request.QueryValue("$filter") is { Length: > 0 } filterText)
            {
                var filter = ODataFilter.Parse(filterText);
                channels = channels.Where(c => filter.Matches(p => ((JsonObject)c)[p]));
            }

            return GraphResponse.Ok(ctx.Collection(channels, "teams('" + group.Str("id") + "')/channels"));
        });
        router.Add("GET", "teams/{}/channels/{}", ctx => GraphResponse.Ok(RequireChannel(ctx).Public()));
        router.Add("GET", "teams/{}/primaryChannel", ctx =>
        {
            var group = RequireTeam(ctx, ctx[0]);
            var id = ctx.Store.GetMeta("channel:general:" + group.Str("id")) ?? throw GraphException.NotFound("NotFound",
                "No primary channel.");
            // team-get-primarychannel.md: the answer names its context, teams('{id}')/primaryChannel/$entity.
            var channel = ctx.Store.Get("channel", id)!.Public();
            channel["@odata.context"] = ctx.BaseUrl + "/$metadata#teams('" + group.Str("id") + "')/primaryChannel/$entity";
            return GraphResponse.Ok(channel);
        });

        // https://learn.microsoft.com/en-us/graph/api/channel-list-tabs , https://learn.microsoft.com/en-us/graph/api/channel-post-tabs
        router.Add("GET", "teams/{}/channels/{}/tabs", ctx =>
        {
            var channel = RequireChannel(ctx);
            var expandApp = ODataQuery.Expand(ctx.Request.QueryValue("$expand")).ContainsKey("teamsApp");
            var tabs = ctx.Store.Children("tab", channel.Str("id")!).Select(t => (JsonNode)PresentTab(t, expandApp));
            return GraphResponse.Ok(ctx.Collection(tabs, "teams('" + ctx[0] + "')/channels('" + channel.Str("id") + "')/tabs"));
        });
        router.Add("POST", "teams/{}/channels/{}/tabs", ctx =>
        {
            var channel = RequireChannel(ctx);
            var body = ctx.Request.JsonBody();
            var bind = body.Str("teamsApp@odata.bind") ?? throw GraphException.BadRequest("teamsApp@odata.bind is required.");
            var appId = bind.TrimEnd('/');
            appId = appId[(appId.LastIndexOf('/') + 1)..].Trim('\'', '(', ')');
            if (UnconfigurableTabApps.Contains(appId) && body.Obj("configuration") is { Count: > 0 })
            {
                throw GraphException.BadRequest($"Creating or updating tab configuration for app '{appId}' is not supported.");
            }

            if (string.Equals(appId, "com.microsoft.teamspace.tab.web", StringComparison.OrdinalIgnoreCase)
                && string.IsNullOrEmpty(body.Obj("configuration")?.Str("contentUrl")))
            {
                // teams-configuring-builtin-tabs.md, "Website tabs": contentUrl is the URL of the website.
                throw GraphException.BadRequest("A website tab needs configuration.contentUrl.");
            }

            var id = Ids.NewGuid();
            var tab = new JsonObject
            {
                ["id"] = id,
                ["displayName"] = body.Str("displayName") ?? string.Empty,
                ["webUrl"] = "https://teams.microsoft.com/l/entity/" + appId + "/_djb2_msteams_prefix_" + id,
                ["configuration"] = body.Obj("configuration")?.DeepClone() ?? new JsonObject(),
                ["_app"] = appId,
            };
            ctx.Store.Put("tab", id, channel.Str("id")!, tab);
            return GraphResponse.Created(PresentTab(tab, expandApp: true));
        });
        router.Add("GET", "teams/{}/channels/{}/tabs/{}", ctx =>
        {
            RequireChannel(ctx);
            var tab = ctx.Store.Get("tab", ctx[2]) ?? throw GraphException.NotFound("NotFound", "The tab was not found.");
            return GraphResponse.Ok(PresentTab(tab, ODataQuery.Expand(ctx.Request.QueryValue("$expand")).ContainsKey("teamsApp")));
        });
    }

    /// <summary>
    /// Built-in tab apps whose configuration Graph does not support (docs repo concepts/teams-configuring-builtin-tabs.md:
    /// Planner, Microsoft Stream, Microsoft Forms, OneNote, Power BI and SharePoint page and list tabs "Configuration is not
    /// supported"; wiki tabs "do not support configuration through Microsoft Graph"). A configuration posted for one of them
    /// is refused with 400 (the page names no status; 400 is what channel-post-tabs.md answers for a body it will not take).
    /// Website, document library and Word/Excel/PowerPoint/PDF tabs are configurable.
    /// </summary>
    private static readonly HashSet<string> UnconfigurableTabApps = new(StringComparer.OrdinalIgnoreCase)
    {
        "com.microsoft.teamspace.tab.planner",
        "com.microsoftstream.embed.skypeteamstab",
        "81fef3a6-72aa-4648-a763-de824aeafb7d",
        "0d820ecd-def2-4297-adad-78056cde7c78",
        "com.microsoft.teamspace.tab.powerbi",
        "com.microsoft.teamspace.tab.wiki",
        "2a527703-1f6f-4559-a332-d8a7d288cd88",
    };

    public static JsonObject? FindUser(GraphStore store, string reference)
    {
        var id = store.GetMeta("upn:" + reference.ToLowerInvariant()) ?? store.GetMeta("mail:" + reference.ToLowerInvariant()) ?? reference;
        return store.Get("user", id);
    }

    /// <summary>A user by id or userPrincipalName, as the /users/{id | userPrincipalName} routes address one.</summary>
    public static JsonObject? FindUserByIdOrUpn(GraphStore store, string reference) =>
        store.Get("user", store.GetMeta("upn:" + reference.ToLowerInvariant()) ?? reference);

    public static JsonObject RequireUser(GraphStore store, string reference) =>
        FindUserByIdOrUpn(store, reference) ?? throw GraphException.NotFound("Request_ResourceNotFound",
            $"Resource '{reference}' does not exist or one of its queried reference-property objects are not present.");

    public static void CreateGroup(EmulatorCore core, JsonObject seed, string now)
    {
        var store = core.Store;
        var nickname = seed.Str("mailNickname") ?? throw new InvalidDataException("seed: a group has no mailNickname.");
        var id = seed.Str("id") ?? Ids.FromName("group:" + nickname);
        var allUsers = store.Children("user", string.Empty).Select(u => u.Str("id")!).ToList();
        List<string> Resolve(string property) => (seed[property] as JsonArray ?? [])
            .Select(n => n!.GetValue<string>())
            .SelectMany(r => r == "*" ? allUsers : [FindUser(store,
                r)?.Str("id") ?? throw new InvalidDataException($"seed: group {nickname} names unknown user {r}.")])
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var isTeam = seed["team"] is JsonValue t && t.GetValue<bool>();
        var group = new JsonObject
        {
            ["id"] = id,
            ["displayName"] = seed.Str("displayName") ?? nickname,
            ["description"] = seed.Str("description"),
            ["mail"] = nickname + "@" + core.Seed.Domain,
            ["mailNickname"] = nickname,
            ["mailEnabled"] = true,
            ["securityEnabled"] = false,
            ["groupTypes"] = new JsonArray("Unified"),
            ["visibility"] = seed.Str("visibility") ?? "Private",
            ["createdDateTime"] = now,
            ["resourceProvisioningOptions"] = isTeam ? new JsonArray("Team") : new JsonArray(),
            ["_members"] = new JsonArray([.. Resolve("members").Select(m => (JsonNode)m)]),
            ["_owners"] = new JsonArray([.. Resolve("owners").Select(m => (JsonNode)m)]),
        };
        if (seed.Str("site") is { } sitePath && store.GetMeta("sitepath:" + sitePath.ToLowerInvariant()) is { } siteId)
        {
            group["_site"] = siteId;
        }

        store.Put("group", id, string.Empty, group);
        if (nickname == core.Seed.WardGroup)
        {
            store.PutMeta("group:ward", id);
        }

        if (isTeam)
        {
            var channelId = "19:" + Ids.FromName("channel:" + nickname).Replace("-", string.Empty,
                StringComparison.Ordinal) + "@thread.tacv2";
            store.Put("channel", channelId, id, new JsonObject
            {
                ["id"] = channelId,
                ["displayName"] = "General",
                ["description"] = group.Str("description"),
                ["membershipType"] = "standard",
                ["isFavoriteByDefault"] = true,
                ["email"] = string.Empty,
                ["createdDateTime"] = now,
                ["webUrl"] = "https://teams.microsoft.com/l/channel/" + Uri.EscapeDataString(channelId) + "/General?groupId=" + id,
            });
            store.PutMeta("channel:general:" + id, channelId);
        }
    }

    private static JsonObject RequireGroup(OperationContext ctx, string id) =>
        ctx.Store.Get("group", id) ?? throw GraphException.NotFound("Request_ResourceNotFound",
            $"Resource '{id}' does not exist or one of its queried reference-property objects are not present.");

    private static JsonObject RequireTeam(OperationContext ctx, string id)
    {
        var group = ctx.Store.Get("group", id);
        if (group is null || group["resourceProvisioningOptions"] is not JsonArray options
            || !options.Any(o => o!.GetValue<string>() == "Team"))
        {
            throw GraphException.NotFound("NotFound", $"No team found with Group Id {id}");
        }

        return group;
    }

    /// <summary>
    /// A team's settings (resources/team.md: memberSettings, guestSettings, messagingSettings, funSettings), every flag
    /// set as the example in team-get.md shows it; the local Graph does not change them.
    /// </summary>
    private static JsonObject Settings(params string[] flags) => new([.. flags.Select(f =>
        new KeyValuePair<string, JsonNode?>(f, true))]);

    /// <summary>
    /// The team's summary (resources/teamsummary.md: counts of owners, members and guests). Owners are counted once, as
    /// owners; the seeded tenant has no guests.
    /// </summary>
    private static JsonObject Summary(JsonObject group)
    {
        var owners = (group["_owners"] as JsonArray ?? []).Select(o => o!.GetValue<string>()).ToHashSet(StringComparer.Ordinal);
        var members = (group["_members"] as JsonArray ?? []).Select(m => m!.GetValue<string>()).Where(m => !owners.Contains(m))
            .Distinct(StringComparer.Ordinal).Count();
        return new JsonObject { ["ownersCount"] = owners.Count, ["membersCount"] = members, ["guestsCount"] = 0 };
    }

    private static JsonObject RequireChannel(OperationContext ctx)
    {
        var team = RequireTeam(ctx, ctx[0]);
        var channel = ctx.Store.Get("channel", ctx[1]);
        if (channel is null || ctx.Store.Children("channel", team.Str("id")!).All(c => c.Str("id") != channel.Str("id")))
        {
            throw GraphException.NotFound("NotFound", "Channel not found.");
        }

        return channel;
    }

    private static JsonObject PresentTab(JsonObject tab, bool expandApp)
    {
        var result = tab.Public();
        if (expandApp)
        {
            var appId = tab.Str("_app")!;
            result["teamsApp"] = new JsonObject
            {
                ["id"] = appId,
                ["externalId"] = null,
                ["displayName"] = appId == "com.microsoft.teamspace.tab.planner" ? "Tasks by Planner and To Do" : appId,
                ["distributionMethod"] = "store",
            };
        }

        return result;
    }

    private static GraphResponse Members(OperationContext ctx, string property)
    {
        var group = RequireGroup(ctx, ctx[0]);
        var members = (group[property] as JsonArray ?? [])
            .Select(m => ctx.Store.Get("user", m!.GetValue<string>()))
            .Where(u => u is not null)
            .Select(u => (JsonNode)Present(ctx, u!, null, "#microsoft.graph.user"));
        return GraphResponse.Ok(ctx.Collection(members, "directoryObjects"));
    }

    private static GraphResponse Filtered(OperationContext ctx, string kind, string context)
    {
        IEnumerable<JsonObject> items = ctx.Store.Children(kind, string.Empty);
        if (ctx.Request.QueryValue("$filter") is { Length: > 0 } filterText)
        {
            var filter = ODataFilter.Parse(filterText);
            foreach (var path in filter.Paths)
            {
                if (path is not ("displayName" or "mail" or "userPrincipalName" or "mailNickname" or "id"
                    or "jobTitle" or "department" or "groupTypes"))
                {
                    throw new GraphException(HttpStatusCode.BadRequest, "Request_UnsupportedQuery",
                        $"Unsupported or invalid query filter clause specified for property '{path}' of resource " +
                        $"'{(kind == "user" ? "User" : "Group")}'.");
                }
            }

            items = items.Where(i => filter.Matches(p => i[p]));
        }

        var top = ODataQuery.Top(ctx.Request, 100, 999);
        var skip = int.TryParse(ODataQuery.DecodeToken(ctx.Request.QueryValue("$skiptoken")), out var s) ? s : 0;
        var all = items.ToList();
        var page = all.Skip(skip).Take(top).ToList();
        var next = skip + top < all.Count
            ? ctx.SelfLink(new Dictionary<string, string?>
            {
                ["$skiptoken"] = ODataQuery.EncodeToken((skip + top)
                .ToString(System.Globalization.CultureInfo.InvariantCulture))
            })
            : null;
        var odataType = kind == "user" ? "#microsoft.graph.user" : "#microsoft.graph.group";
        return GraphResponse.Ok(ctx.Collection(page.Select(i => (JsonNode)Present(ctx, i, null, odataType)), context, next));
    }

    private static JsonObject Present(OperationContext ctx, JsonObject entity, string? context, string odataType)
    {
        var result = new JsonObject();
        if (context is not null)
        {
            result["@odata.context"] = ctx.BaseUrl + "/$metadata#" + context;
        }

        result["@odata.type"] = odataType;
        foreach (var (k, v) in entity.Public())
        {
            result[k] = v?.DeepClone();
        }

        return ODataQuery.Select(result, ctx.Request.QueryValue("$select"));
    }
}
