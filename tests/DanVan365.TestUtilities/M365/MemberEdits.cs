using DanVan365.Core.Sync;
using Microsoft.Graph.Models;

namespace DanVan365.TestUtilities.M365;

/// <summary>Edits as a member of the ward's group makes them in SharePoint's own list views (issue 22's forgeries).</summary>
public static class MemberEdits
{
    /// <summary>Overwrites <paramref name="fields"/> of the row <paramref name="key"/> of <paramref name="list"/>.</summary>
    public static async Task PatchAsync(WardHarness.Session member, ListDefinition list, string key,
        IReadOnlyDictionary<string, object> fields)
    {
        ArgumentNullException.ThrowIfNull(member);
        var row = (await member.Lists.ReadAsync(list, CancellationToken.None)).Single(r => r.Key == key);
        var siteId = await member.Site.SiteIdAsync(CancellationToken.None);
        var listId = await member.Site.ListIdAsync(list, CancellationToken.None);
        await member.Connection.Client.Sites[siteId].Lists[listId].Items[row.ItemId].Fields.PatchAsync(
            new FieldValueSet { AdditionalData = new Dictionary<string, object>(fields) });
    }

    /// <summary>Adds a row with <paramref name="fields"/> to <paramref name="list"/>.</summary>
    public static async Task AddAsync(WardHarness.Session member, ListDefinition list, IReadOnlyDictionary<string, object> fields)
    {
        ArgumentNullException.ThrowIfNull(member);
        var siteId = await member.Site.SiteIdAsync(CancellationToken.None);
        var listId = await member.Site.ListIdAsync(list, CancellationToken.None);
        await member.Connection.Client.Sites[siteId].Lists[listId].Items.PostAsync(
            new ListItem { Fields = new FieldValueSet { AdditionalData = new Dictionary<string, object>(fields) } });
    }
}
