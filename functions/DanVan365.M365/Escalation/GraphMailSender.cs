using System.Text;
using DanVan365.Core.Escalation;
using DanVan365.M365.Client;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Graph.Users.Item.SendMail;
using Microsoft.Kiota.Abstractions.Serialization;
using MimeKit;

namespace DanVan365.M365.Escalation;

/// <summary>
/// Sends a digest through Graph sendMail from the configured ward mailbox (<see cref="M365Options.SenderMailbox"/>), as
/// MIME so the message carries both the HTML and the plain-text part (https://learn.microsoft.com/graph/outlook-send-mime-message:
/// POST /users/{id}/sendMail, Content-Type text/plain, body the base64 of the MIME message). MimeKit writes the headers:
/// display names and subject are already single-line (<see cref="MailText.HeaderSafe"/>) and are RFC 2047-encoded, so no
/// name or catalogue text can add a header. Only a 429 is retried (the Polly pipeline, honouring Retry-After): a 5xx or a
/// timeout may come after the message went out, so it is never sent again and the escalation ledger stays at-most-once
/// (https://learn.microsoft.com/graph/throttling: 429 means the request was not processed).
/// </summary>
public sealed class GraphMailSender(GraphConnection connection) : IEscalationMailSender
{
    private static readonly Dictionary<string, ParsableFactory<IParsable>> ErrorMapping = new(StringComparer.Ordinal)
    {
        ["XXX"] = ODataError.CreateFromDiscriminatorValue,
    };

    /// <summary>The MIME message of a digest (From: the ward mailbox; To: the recipient).</summary>
    public static MimeMessage ToMime(EscalationDigest digest, string senderMailbox)
    {
        ArgumentNullException.ThrowIfNull(digest);
        ArgumentException.ThrowIfNullOrWhiteSpace(senderMailbox);
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(string.Empty, senderMailbox.Trim()));
        message.To.Add(new MailboxAddress(MailText.HeaderSafe(digest.Recipient.DisplayName), digest.Recipient.Address));
        message.Subject = MailText.HeaderSafe(digest.Subject);
        message.Headers.Add("Content-Language", "vi");
        message.Body = new BodyBuilder { TextBody = digest.TextBody, HtmlBody = digest.HtmlBody }.ToMessageBody();
        return message;
    }

    public async Task SendAsync(EscalationDigest digest, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(digest);
        var sender = connection.Options.SenderMailbox;
        if (string.IsNullOrWhiteSpace(sender))
        {
            throw new Core.Errors.ConfigurationException("SenderMailbox", "no mailbox to send reminders from.");
        }

        using var mime = ToMime(digest, sender);
        using var buffer = new MemoryStream();
        await mime.WriteToAsync(buffer, cancellationToken).ConfigureAwait(false);
        var base64 = Encoding.ASCII.GetBytes(Convert.ToBase64String(buffer.GetBuffer(), 0, (int)buffer.Length));

        // The SDK's request for the URL and headers; the body replaced by the base64 MIME text.
        var request = connection.Client.Users[sender.Trim()].SendMail.ToPostRequestInformation(new SendMailPostRequestBody());
        request.Headers.Remove("Content-Type");
        request.SetStreamContent(new MemoryStream(base64), "text/plain");
        request.AddRequestOptions([RetriedOnlyWhenThrottled]);
        await GraphErrors.Call("sendMail", async () =>
        {
            await connection.Client.RequestAdapter.SendNoContentAsync(request, ErrorMapping, cancellationToken).ConfigureAwait(false);
            return true;
        }).ConfigureAwait(false);
    }

    /// <summary>
    /// The retry option for sendMail: the pipeline repeats it only after a 429, once its Retry-After has passed (a 429 means
    /// the request was not processed, https://learn.microsoft.com/graph/throttling); never after a 5xx or a timeout, which
    /// may come after the message left (issue 12, difference 11). EscalationRun keeps the claim of a mail whose answer is
    /// unclear, so the ledger stays at most once.
    /// </summary>
    public static NoRetryOption RetriedOnlyWhenThrottled => new() { RetryThrottling = true };
}
