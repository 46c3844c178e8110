namespace DanVan365.Core.Errors;

/// <summary>Root of DanVan365's small exception tree. Per-item failures go into results, not exceptions.</summary>
public abstract class DanVanException : Exception
{
    protected DanVanException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }
}

/// <summary>
/// Bad input: a file that cannot be accepted. Carries file, page (PDFs) and line (1-based; 0 when the whole file is at fault).
/// </summary>
public sealed class InvalidInputException : DanVanException
{
    public InvalidInputException(string file, int line, string reason, Exception? inner = null)
        : base($"{file}:{line}: {reason}", inner)
    {
        File = file;
        Line = line;
        Reason = reason;
    }

    /// <summary>Bad input in a paged file (a PDF): the message reads "file:page:line: reason", the line counted on that page.</summary>
    public InvalidInputException(string file, int page, int line, string reason, Exception? inner = null)
        : base($"{file}:{page}:{line}: {reason}", inner)
    {
        File = file;
        Page = page;
        Line = line;
        Reason = reason;
    }

    public string File { get; }

    /// <summary>The (logical) page, 1-based, for paged files; null otherwise.</summary>
    public int? Page { get; }

    public int Line { get; }

    public string Reason { get; }
}

/// <summary>A setting that is missing or malformed; names the setting.</summary>
public sealed class ConfigurationException : DanVanException
{
    public ConfigurationException(string setting, string reason)
        : base($"Setting '{setting}': {reason}")
    {
        Setting = setting;
    }

    public string Setting { get; }
}

/// <summary>A call to Microsoft 365 failed for good (after retries). Carries Graph's status, error code and request id.</summary>
public class RemoteServiceException : DanVanException
{
    public RemoteServiceException(string operation, int status, string? errorCode, string? requestId, string message,
        Exception? inner = null)
        : base($"{operation} failed: HTTP {status} {errorCode} (request-id {requestId ?? "-"}): {message}", inner)
    {
        Operation = operation;
        Status = status;
        ErrorCode = errorCode;
        RequestId = requestId;
    }

    public string Operation { get; }

    public int Status { get; }

    public string? ErrorCode { get; }

    public string? RequestId { get; }
}
