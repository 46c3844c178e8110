using Microsoft.Graph.Users.Item.SendMail;
using MimeKit;

namespace DanVan365.LocalM365.Tests.Handlers;

public sealed class MailTests
{
    [Fact]
    public async Task SendMail_Accepted_WritesEmlToOutboxAndCounts()
    {
        var outbox = Path.Combine(Path.GetTempPath(), "danvan365-outbox-" + Guid.NewGuid().ToString("N"));
        try
        {
            await using var fx = await LocalGraphFixture.StartAsync(new LocalGraphServerOptions { OutboxDirectory = outbox });
            await fx.Client.Users["ubnd@haian.example.vn"].SendMail.PostAsync(new SendMailPostRequestBody
            {
                Message = new Message
                {
                    Subject = "Nhắc hạn báo cáo đợt 1",
                    Body = new ItemBody { ContentType = BodyType.Html, Content = "<p>Kính gửi Phòng Văn hóa - Xã hội</p>" },
                    ToRecipients =
                        [new Recipient { EmailAddress = new EmailAddress { Address = "vhxh.truong@haian.example.vn",
                        Name = "Phạm Thị Hồng" } }],
                    CcRecipients = [new Recipient { EmailAddress = new EmailAddress { Address = "pct.ngan@haian.example.vn" } }],
                },
                SaveToSentItems = false,
            });

            Assert.Equal(1, fx.Stats.MailsSent);
            var file = Assert.Single(Directory.GetFiles(outbox, "*.eml"));
            var message = await MimeMessage.LoadAsync(file);
            Assert.Equal("Nhắc hạn báo cáo đợt 1", message.Subject);
            Assert.Equal("ubnd@haian.example.vn", message.From.Mailboxes.Single().Address);
            Assert.Equal("vhxh.truong@haian.example.vn", message.To.Mailboxes.Single().Address);
            Assert.Contains("Kính gửi", message.HtmlBody);
        }
        finally
        {
            if (Directory.Exists(outbox))
            {
                Directory.Delete(outbox, recursive: true);
            }
        }
    }

    [Fact]
    public async Task SendMail_NoRecipients_Throws400()
    {
        await using var fx = await LocalGraphFixture.StartAsync();
        var error = await Assert.ThrowsAsync<ODataError>(()
            => fx.Client.Users["ubnd@haian.example.vn"].SendMail.PostAsync(new SendMailPostRequestBody
            {
                Message = new Message { Subject = "x" },
            }));
        Assert.Equal(400, error.ResponseStatusCode);
        Assert.Equal(0, fx.Stats.MailsSent);
    }

    [Fact]
    public async Task SendMail_MimeBase64_WritesHtmlAndTextPartsWithServerFrom()
    {
        var outbox = Path.Combine(Path.GetTempPath(), "danvan365-outbox-" + Guid.NewGuid().ToString("N"));
        try
        {
            await using var fx = await LocalGraphFixture.StartAsync(new LocalGraphServerOptions { OutboxDirectory = outbox });
            var mime = new MimeMessage();
            mime.From.Add(new MailboxAddress("Giả mạo", "someone.else@example.com"));
            mime.To.Add(new MailboxAddress("Phạm Thị Hồng", "vhxh.truong@haian.example.vn"));
            mime.Subject = "[Dân vận] 1 quá hạn";
            mime.Body =
                new BodyBuilder { TextBody = "Nhắc việc &lt;script&gt;", HtmlBody = "<p>Nhắc việc &lt;script&gt;</p>" }.ToMessageBody();
            using var buffer = new MemoryStream();
            await mime.WriteToAsync(buffer);

            using var http = new HttpClient();
            using var request = new HttpRequestMessage(HttpMethod.Post, fx.Server.BaseUrl + "/users/ubnd@haian.example.vn/sendMail")
            {
                Content = new StringContent(Convert.ToBase64String(buffer.ToArray()), System.Text.Encoding.ASCII, "text/plain"),
            };
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "t");
            using var response = await http.SendAsync(request);

            Assert.Equal(202, (int)response.StatusCode);
            Assert.Equal(1, fx.Stats.MailsSent);
            var saved = await MimeMessage.LoadAsync(Assert.Single(Directory.GetFiles(outbox, "*.eml")));
            Assert.Equal("[Dân vận] 1 quá hạn", saved.Subject);
            Assert.Equal("ubnd@haian.example.vn", saved.From.Mailboxes.Single().Address);
            Assert.Equal("Phạm Thị Hồng", saved.To.Mailboxes.Single().Name);
            Assert.Contains("Nhắc việc", saved.TextBody);
            Assert.Contains("<p>Nhắc việc", saved.HtmlBody);
        }
        finally
        {
            if (Directory.Exists(outbox))
            {
                Directory.Delete(outbox, recursive: true);
            }
        }
    }

    [Fact]
    public async Task SendMail_MimeNotBase64_Throws400()
    {
        await using var fx = await LocalGraphFixture.StartAsync();
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, fx.Server.BaseUrl + "/users/ubnd@haian.example.vn/sendMail")
        {
            Content = new StringContent("not base64 ***", System.Text.Encoding.ASCII, "text/plain"),
        };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "t");
        using var response = await http.SendAsync(request);

        Assert.Equal(400, (int)response.StatusCode);
        Assert.Equal(0, fx.Stats.MailsSent);
    }
}
