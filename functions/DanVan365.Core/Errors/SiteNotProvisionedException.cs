namespace DanVan365.Core.Errors;

/// <summary>
/// The ward's site lacks a list DanVan365 needs (<c>danvan365 provision</c> or a first sync creates it): callers that can
/// wait for provisioning (a job finding no decision yet) catch this type, never an error-code string.
/// </summary>
public sealed class SiteNotProvisionedException : RemoteServiceException
{
    public SiteNotProvisionedException(string listName, Exception? inner = null)
        : base("find list", 404, "listNotFound", null, $"List '{listName}' does not exist: run `danvan365 provision`.", inner)
    {
        ListName = listName;
    }

    /// <summary>The missing list's display name.</summary>
    public string ListName { get; }
}
