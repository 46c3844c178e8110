using Microsoft.Extensions.Logging;

namespace DanVan365.Functions.Security;

/// <summary>Log lines of the authentication middleware (event ids 31xx); never tokens, names or addresses.</summary>
internal static partial class SecurityLog
{
    [LoggerMessage(EventId = 3101, Level = LogLevel.Warning, Message = "{Function}: refused (401) before it ran: {Reason}")]
    public static partial void Unauthenticated(ILogger logger, string function, string reason);
}
