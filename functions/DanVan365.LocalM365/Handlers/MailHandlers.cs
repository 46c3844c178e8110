using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using DanVan365.LocalM365.Routing;
using MimeKit;

namespace DanVan365.LocalM365.Handlers;

/// <summary>sendMail: 202, the message kept in state and written as .eml (MimeKit) to the outbox folder.</summary>
internal static class MailHandlers
{
    public static void Register(Router router)
    {
        // https://learn.microsoft.com/en-us/graph/api/user-sendmail : 202 Accepted, no body.
        // POST /users/{id | userPrincipalName}/sendMail (docs repo: api-reference/v1.0/api/user-sendmail.md): by id or sign-in name only.
        router.Add("POST", "users/{}/sendMail", ctx =>
        {
            var user = DirectoryHandlers.RequireUser(ctx.Store, ctx[0]);
            if (IsMime(ctx.Request))
            {
                var mime = FromMime(ctx, user);
                return Accept(ctx, user, mime, new JsonObject { ["mime"] = true, ["subject"] = mime.Subject });
            }

            var body = ctx.Request.JsonBody();
            var message = body.Obj("message") ?? throw new GraphException(HttpStatusCode.BadRequest, "ErrorInvalidRequest",
                "The 'message' parameter is required.");
            var to = Recipients(message, "toRecipients");
            var cc = Recipients(message, "ccRecipients");
            var bcc = Recipients(message, "bccRecipients");
            if (to.Count + cc.Count + bcc.Count == 0)
            {
                throw new GraphException(HttpStatusCode.BadRequest, "ErrorInvalidRecipients",
                    "At least one recipient isn't valid. A message can't be sent because it contains no recipients.");
            }

            return Accept(ctx, user, ToMime(ctx, user, message, to, cc, bcc), message.DeepClone());
        });
    }

    private static GraphResponse Accept(OperationContext ctx, JsonObject user, MimeMessage mime, JsonNode message)
    {
        var seq = ctx.Store.NextCounter("mail");
        var id = Ids.NewGuid();
        var fileName = ctx.Now.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture) + "-" + seq.ToString("D5",
            CultureInfo.InvariantCulture) + ".eml";
        var stored = new JsonObject
        {
            ["id"] = id,
            ["from"] = user.Str("mail"),
            ["sentDateTime"] = ctx.NowText,
            ["file"] = fileName,
            ["message"] = message,
        };
        ctx.Store.Put("sentMail", id, user.Str("id")!, stored);
        if (ctx.Core.OutboxDirectory is { } outbox)
        {
            Directory.CreateDirectory(outbox);
            using var file = File.Create(Path.Combine(outbox, fileName));
            mime.WriteTo(file);
        }

        ctx.Core.CountMail();
        return new GraphResponse(202) { IsWrite = true };
    }

    /// <summary>
    /// The MIME form of sendMail (https://learn.microsoft.com/graph/outlook-send-mime-message): Content-Type text/plain,
    /// the body the base64 of an RFC 822 message. Graph sets From to the mailbox and answers 400 when the body is not
    /// base64 MIME or has no recipients.
    /// </summary>
    private static bool IsMime(GraphRequest request) =>
        request.Header("Content-Type") is { } type && type.TrimStart().StartsWith("text/plain", StringComparison.OrdinalIgnoreCase);

    private static MimeMessage FromMime(OperationContext ctx, JsonObject user)
    {
        MimeMessage mime;
        try
        {
            var bytes = Convert.FromBase64String(System.Text.Encoding.ASCII.GetString(ctx.Request.Body).Trim());
            using var stream = new MemoryStream(bytes);
            mime = MimeMessage.Load(stream);
        }
        catch (Exception ex) when (ex is FormatException or ParseException)
        {
            throw new GraphException(HttpStatusCode.BadRequest, "ErrorMimeContentInvalidBase64String",
                "Invalid base64 string for MIME content.");
        }

        if (mime.To.Count + mime.Cc.Count + mime.Bcc.Count == 0)
        {
            throw new GraphException(HttpStatusCode.BadRequest, "ErrorInvalidRecipients",
                "At least one recipient isn't valid. A message can't be sent because it contains no recipients.");
        }

        mime.From.Clear();
        mime.From.Add(new MailboxAddress(user.Str("displayName") ?? string.Empty, user.Str("mail") ?? user.Str("userPrincipalName")!));
        mime.Date = ctx.Now;
        if (string.IsNullOrEmpty(mime.MessageId))
        {
            mime.MessageId = MimeKit.Utils.MimeUtils.GenerateMessageId(ctx.Core.Seed.Domain);
        }

        return mime;
    }

    private static List<MailboxAddress> Recipients(JsonObject message, string property) =>
        (message[property] as JsonArray ?? [])
            .OfType<JsonObject>()
            .Select(r => r.Obj("emailAddress"))
            .OfType<JsonObject>()
            .Where(e => e.Str("address") is not null)
            .Select(e => new MailboxAddress(e.Str("name") ?? string.Empty, e.Str("address")!))
            .ToList();

    private static MimeMessage ToMime(OperationContext ctx, JsonObject user, JsonObject message, List<MailboxAddress> to,
        List<MailboxAddress> cc, List<MailboxAddress> bcc)
    {
        var mime = new MimeMessage
        {
            Subject = message.Str("subject") ?? string.Empty,
            Date = ctx.Now,
            MessageId = MimeKit.Utils.MimeUtils.GenerateMessageId(ctx.Core.Seed.Domain),
        };
        mime.From.Add(new MailboxAddress(user.Str("displayName") ?? string.Empty, user.Str("mail") ?? user.Str("userPrincipalName")!));
        mime.To.AddRange(to);
        mime.Cc.AddRange(cc);
        mime.Bcc.AddRange(bcc);
        foreach (var reply in Recipients(message, "replyTo"))
        {
            mime.ReplyTo.Add(reply);
        }

        if (message.Str("importance") is { } importance)
        {
            mime.Importance = importance.ToLowerInvariant() switch
            {
                "high" => MessageImportance.High,
                "low" => MessageImportance.Low,
                _ => MessageImportance.Normal,
            };
        }

        var builder = new BodyBuilder();
        var content = message.Obj("body");
        var text = content?.Str("content") ?? string.Empty;
        if (string.Equals(content?.Str("contentType"), "html", StringComparison.OrdinalIgnoreCase))
        {
            builder.HtmlBody = text;
        }
        else
        {
            builder.TextBody = text;
        }

        foreach (var attachment in (message["attachments"] as JsonArray ?? []).OfType<JsonObject>())
        {
            if (attachment.Str("contentBytes") is { } b64)
            {
                builder.Attachments.Add(attachment.Str("name") ?? "attachment", Convert.FromBase64String(b64),
                    ContentType.Parse(attachment.Str("contentType") ?? "application/octet-stream"));
            }
        }

        mime.Body = builder.ToMessageBody();
        return mime;
    }
}
