using System.Reflection;
using DanVan365.M365.Client;

namespace DanVan365.M365.Tests.Client;

/// <summary>A ward's copy of the tenant's options keeps every tenant setting and takes the ward's site, group and mailbox.</summary>
public class M365OptionsForWardTests
{
    private static readonly string[] WardProperties =
        [nameof(M365Options.SiteUrl), nameof(M365Options.GroupId), nameof(M365Options.SenderMailbox)];

    [Fact]
    public void ForWard_EverySettingChangedFromItsDefault_CopiedExceptTheWardsOwn()
    {
        var tenant = new M365Options();
        var defaults = new M365Options();
        var settable = Settable().ToList();
        foreach (var property in settable)
        {
            property.SetValue(tenant, Changed(property.PropertyType, property.GetValue(defaults), property.Name));
        }

        var ward = tenant.ForWard("https://contoso.sharepoint.com/sites/phuong-x", "group-x", "phuongx@contoso.vn");

        Assert.Equal("https://contoso.sharepoint.com/sites/phuong-x", ward.SiteUrl);
        Assert.Equal("group-x", ward.GroupId);
        Assert.Equal("phuongx@contoso.vn", ward.SenderMailbox);
        var notCopied = settable.Where(p => !WardProperties.Contains(p.Name) && !Equals(p.GetValue(tenant), p.GetValue(ward)))
            .Select(p => p.Name).ToList();
        Assert.True(notCopied.Count == 0, "not copied: " + string.Join(", ", notCopied));
        Assert.True(settable.Count > 15, "the options should have their settings: " + settable.Count);
    }

    [Fact]
    public void ForWard_TenantOptionsAfterward_Unchanged()
    {
        var tenant = new M365Options { SiteUrl = "https://contoso.sharepoint.com/sites/tenant", GroupId = "g" };

        _ = tenant.ForWard("https://contoso.sharepoint.com/sites/phuong-x", "group-x", null);

        Assert.Equal("https://contoso.sharepoint.com/sites/tenant", tenant.SiteUrl);
        Assert.Equal("g", tenant.GroupId);
    }

    private static IEnumerable<PropertyInfo> Settable() =>
        typeof(M365Options).GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanRead && p.CanWrite
            && p.SetMethod!.IsPublic);

    private static object? Changed(Type type, object? current, string name) => type switch
    {
        _ when type == typeof(string) => name + "-tenant",
        _ when type == typeof(bool) => !(bool)current!,
        _ when type == typeof(int) => (int)current! + 7,
        _ when type == typeof(TimeSpan) => (TimeSpan)current! + TimeSpan.FromSeconds(7),
        _ when type.IsEnum => Enum.GetValues(type).Cast<object>().First(v => !v.Equals(current)),
        _ => throw new InvalidOperationException($"M365Options.{name}: add a changed value for {type.Name} to this test."),
    };
}
