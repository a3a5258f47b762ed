using IroPortal.Modularity.Navigation;
using IroPortal.Notifications.Contracts;
using Microsoft.AspNetCore.Routing;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;
using MimeKit.Text;
using IroPortal.Modularity;
using IroPortal.Notifications.Models;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace IroPortal.Notifications.Services;

/// <summary>The "Email" section of configuration.</summary>
public sealed class EmailOptions
{
    public string From { get; set; } = "iro.portal@northmoor.example";
    public string FromName { get; set; } = "IRO Portal";
    public string? ReplyTo { get; set; }
    /// <summary>The portal's address as people reach it, for the links in emails.</summary>
    public string PortalAddress { get; set; } = "http://localhost:5080";
    /// <summary>When set, messages are written here as .eml files instead of being sent: nothing leaves the machine.</summary>
    public string? PickupDirectory { get; set; }
    public SmtpSettings Smtp { get; set; } = new();
}

public sealed class SmtpSettings
{
    public string? Host { get; set; }
    public int Port { get; set; } = 587;
    /// <summary>Encryption: <see cref="SmtpSecurity.Auto"/> is TLS from the first byte on port 465 and STARTTLS
    /// (required) on any other.</summary>
    public SmtpSecurity Security { get; set; } = SmtpSecurity.Auto;
    /// <summary>False turns encryption off, for a relay on the same machine only (the older setting; the same as
    /// Security "None").</summary>
    public bool EnableSsl { get; set; } = true;
    public string? UserName { get; set; }
    public string? Password { get; set; }
    public int TimeoutSeconds { get; set; } = 30;
    /// <summary>A PEM file with the certificate (or the council's own certificate authority) that the mail server's
    /// certificate is checked against, for a relay with a certificate the machine does not already trust. The name
    /// on it must still match <see cref="Host"/>. The file may hold several certificates (a chain).</summary>
    public string? TrustedCertificateFile { get; set; }
}

public enum SmtpSecurity { Auto, StartTls, TlsOnConnect, None }

public interface IMailTransport
{
    /// <summary>A connection to the mail server (or the pickup folder) for a batch of messages.</summary>
    Task<IMailSession> OpenAsync(CancellationToken cancellationToken);
}

public interface IMailSession : IAsyncDisposable
{
    /// <summary>Returns once the server has accepted the message; throws if it did not
    /// (<see cref="MailRefusedException"/> when the server refused it for good).</summary>
    Task SendAsync(OutboxMessage message, CancellationToken cancellationToken);
}

public sealed class MailNotConfiguredException(string message) : Exception(message);

/// <summary>The server refused the message for good (a 5xx answer): sending it again would be refused again.</summary>
public sealed class MailRefusedException(string message, Exception inner) : Exception(message, inner);

/// <summary>SMTP with MailKit: STARTTLS (or TLS on 465), the server's certificate checked, sign-in when a user name is
/// set, one connection for a batch. Plain text with an HTML alternative. With a pickup folder, .eml files instead.</summary>
public sealed class SmtpMailTransport(IOptions<EmailOptions> options, IHostEnvironment environment) : IMailTransport
{
    public async Task<IMailSession> OpenAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!string.IsNullOrWhiteSpace(settings.PickupDirectory))
        {
            var folder = Path.IsPathRooted(settings.PickupDirectory) ? settings.PickupDirectory : Path.Combine(environment.ContentRootPath, settings.PickupDirectory);
            Directory.CreateDirectory(folder);
            return new PickupSession(folder, settings);
        }
        if (string.IsNullOrWhiteSpace(settings.Smtp.Host))
            throw new MailNotConfiguredException("Email is not configured: set Email:Smtp:Host, or Email:PickupDirectory to write the messages to a folder.");
        var session = new SmtpSession(settings);
        await session.ConnectAsync(cancellationToken);
        return session;
    }

    public static string MessageId(string idempotencyKey) =>
        $"<{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(idempotencyKey)))[..32]}@iroportal>";

    internal static MimeMessage Compose(OutboxMessage message, EmailOptions settings)
    {
        var mail = new MimeMessage { Subject = message.Subject };
        mail.From.Add(new MailboxAddress(settings.FromName, settings.From));
        mail.To.Add(new MailboxAddress(message.ToName, message.ToAddress));
        if (!string.IsNullOrWhiteSpace(settings.ReplyTo)) mail.ReplyTo.Add(MailboxAddress.Parse(settings.ReplyTo));
        // The same reminder always carries the same Message-ID, so a mail system that sees it twice can tell.
        mail.MessageId = MessageId(message.IdempotencyKey).Trim('<', '>');
        mail.Body = new MultipartAlternative
        {
            new TextPart(TextFormat.Plain) { Text = message.TextBody, ContentTransferEncoding = ContentEncoding.Base64 },
            new TextPart(TextFormat.Html) { Text = message.HtmlBody, ContentTransferEncoding = ContentEncoding.Base64 },
        };
        return mail;
    }

    private sealed class PickupSession(string folder, EmailOptions settings) : IMailSession
    {
        public async Task SendAsync(OutboxMessage message, CancellationToken cancellationToken)
        {
            // Written under a temporary name and renamed, so a reader of the folder never sees half a message.
            var path = Path.Combine(folder, $"{message.Id:N}.eml");
            var partial = path + ".partial";
            await Compose(message, settings).WriteToAsync(partial, cancellationToken);
            File.Move(partial, path, overwrite: true);
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    private sealed class SmtpSession(EmailOptions settings) : IMailSession
    {
        private readonly SmtpClient _client = new();

        public async Task ConnectAsync(CancellationToken cancellationToken)
        {
            var smtp = settings.Smtp;
            _client.Timeout = smtp.TimeoutSeconds * 1000;
            if (!string.IsNullOrWhiteSpace(smtp.TrustedCertificateFile))
            {
                var trusted = new X509Certificate2Collection();
                trusted.ImportFromPemFile(smtp.TrustedCertificateFile);
                _client.ServerCertificateValidationCallback = TrustedBy(trusted);
            }
            var security = !smtp.EnableSsl ? SecureSocketOptions.None : smtp.Security switch
            {
                SmtpSecurity.None => SecureSocketOptions.None,
                SmtpSecurity.TlsOnConnect => SecureSocketOptions.SslOnConnect,
                SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
                _ => smtp.Port == 465 ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTls,
            };
            try
            {
                await _client.ConnectAsync(smtp.Host!, smtp.Port, security, cancellationToken);
                if (!string.IsNullOrEmpty(smtp.UserName))
                    await _client.AuthenticateAsync(smtp.UserName, smtp.Password ?? "", cancellationToken);
            }
            catch (SslHandshakeException error)
            {
                throw new IOException($"The mail server {smtp.Host}:{smtp.Port} did not pass the certificate check (its certificate is not trusted, " +
                    "or not for that name): nothing was sent. Set Email:Smtp:TrustedCertificateFile for a council's own certificate authority.", error);
            }
            catch (AuthenticationException error)
            {
                throw new IOException($"The mail server did not accept the sign-in of {smtp.UserName} (Email:Smtp:UserName and Password): {error.Message}", error);
            }
        }

        public async Task SendAsync(OutboxMessage message, CancellationToken cancellationToken)
        {
            if (!_client.IsConnected) await ConnectAsync(cancellationToken);
            try
            {
                await _client.SendAsync(Compose(message, settings), cancellationToken);
            }
            catch (SmtpCommandException error) when ((int)error.StatusCode >= 500)
            {
                throw new MailRefusedException($"The mail server refused it ({(int)error.StatusCode}): {error.Message}", error);
            }
            catch (SmtpCommandException error)
            {
                throw new IOException($"The mail server said to try again later ({(int)error.StatusCode}): {error.Message}", error);
            }
            catch (Exception error) when (error is SmtpProtocolException or IOException or TimeoutException or System.Net.Sockets.SocketException
                                              or MailKit.ServiceNotConnectedException)
            {
                // The connection is in an unknown state: the next message starts a new one.
                await DisconnectQuietlyAsync();
                throw new IOException($"The connection to the mail server was lost before it accepted the message: {error.Message}", error);
            }
        }

        private async Task DisconnectQuietlyAsync()
        {
            try { await _client.DisconnectAsync(quit: false); } catch (Exception) { /* already gone */ }
        }

        public async ValueTask DisposeAsync()
        {
            if (_client.IsConnected)
                try { await _client.DisconnectAsync(quit: true); } catch (Exception) { /* sent is sent; closing is courtesy */ }
            _client.Dispose();
        }

        /// <summary>Accepts a certificate that chains to the council's own certificate, with the name matching.</summary>
        private static System.Net.Security.RemoteCertificateValidationCallback TrustedBy(X509Certificate2Collection trusted) => (_, certificate, _, errors) =>
        {
            if (errors == System.Net.Security.SslPolicyErrors.None) return true;
            if (certificate is null || errors.HasFlag(System.Net.Security.SslPolicyErrors.RemoteCertificateNameMismatch)) return false;
            using var chain = new X509Chain();
            chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
            chain.ChainPolicy.CustomTrustStore.AddRange(trusted);
            chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
            return chain.Build(certificate as X509Certificate2 ?? X509CertificateLoader.LoadCertificate(certificate.GetRawCertData()));
        };
    }
}

/// <summary>The words of an email, from the templates in Templates/: the same text as plain text and as HTML.</summary>
public sealed class MailComposer(IOptions<EmailOptions> options, IOptions<CouncilOptions> council, LinkGenerator links)
{
    private static readonly string TextTemplate = Read("message.txt");
    private static readonly string HtmlTemplate = Read("message.html");

    public const string StaffFooter = "You get this because you use the IRO Portal. To choose between each reminder as it comes and one email a day, go to";
    public const string RespondentFooter = "You gave us this email address when we asked for your feedback. We will not send you another reminder. To ask us anything, email";

    /// <param name="items">Paragraphs, or for a digest one item per reminder.</param>
    public (string Subject, string Text, string Html) Compose(string title, string greetingName, IReadOnlyList<MailItem> items, bool forStaff)
    {
        var name = council.Value.Name;
        var footerLink = forStaff ? Absolute(links.PathTo(NotificationRoutes.Preferences)) : council.Value.ContactEmail;
        var footer = (forStaff ? StaffFooter : RespondentFooter) + " " + footerLink;

        var text = new StringBuilder();
        foreach (var item in items)
        {
            if (item.Heading is not null) text.AppendLine(item.Heading).AppendLine();
            text.AppendLine(item.Text.Trim()).AppendLine();
            if (item.Link is not null) text.AppendLine(Absolute(item.Link)).AppendLine();
        }
        var html = new StringBuilder();
        foreach (var item in items)
        {
            if (item.Heading is not null) html.Append("<h2 style=\"font-size:19px;margin:24px 0 8px\">").Append(Encode(item.Heading)).Append("</h2>");
            foreach (var paragraph in item.Text.Trim().Split("\n\n"))
                html.Append("<p style=\"margin:0 0 16px\">").Append(Encode(paragraph).Replace("\n", "<br>")).Append("</p>");
            if (item.Link is not null)
                html.Append("<p style=\"margin:0 0 16px\"><a href=\"").Append(Encode(Absolute(item.Link))).Append("\" style=\"color:#1d70b8\">")
                    .Append(Encode(item.LinkText ?? "Open it in the IRO Portal")).Append("</a></p>");
        }

        string Fill(string template, Func<string, string> encode, string body) => template
            .Replace("{{title}}", encode(title)).Replace("{{greeting}}", encode($"Dear {greetingName},"))
            .Replace("{{body}}", body).Replace("{{council}}", encode(name)).Replace("{{footer}}", encode(footer));

        return ($"{title} – {name}", Fill(TextTemplate, s => s, text.ToString().TrimEnd()), Fill(HtmlTemplate, Encode, html.ToString()));
    }

    public string Absolute(string link) =>
        link.StartsWith('/') ? options.Value.PortalAddress.TrimEnd('/') + link : link;

    private static string Encode(string value) => WebUtility.HtmlEncode(value);

    private static string Read(string name)
    {
        using var stream = typeof(MailComposer).Assembly.GetManifestResourceStream("IroPortal.Notifications.Templates." + name)
            ?? throw new InvalidOperationException($"The email template {name} is missing from the module.");
        return new StreamReader(stream).ReadToEnd();
    }
}

public sealed record MailItem(string? Heading, string Text, string? Link, string? LinkText = null);
