using System.Net;
using System.Net.Mail;
using System.Security.Cryptography;
using System.Text;
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
    /// <summary>STARTTLS on connecting; leave on except for a relay on the same machine.</summary>
    public bool EnableSsl { get; set; } = true;
    public string? UserName { get; set; }
    public string? Password { get; set; }
    public int TimeoutSeconds { get; set; } = 30;
}

public interface IMailTransport
{
    /// <summary>Returns once the server has accepted the message; throws if it did not.</summary>
    Task SendAsync(OutboxMessage message, CancellationToken cancellationToken);
}

public sealed class MailNotConfiguredException(string message) : Exception(message);

/// <summary>SMTP with System.Net.Mail (MailKit cannot be restored here). Plain text with an HTML alternative.</summary>
public sealed class SmtpMailTransport(IOptions<EmailOptions> options, IHostEnvironment environment) : IMailTransport
{
    public async Task SendAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        using var mail = new MailMessage
        {
            From = new MailAddress(settings.From, settings.FromName),
            Subject = message.Subject,
            SubjectEncoding = Encoding.UTF8,
            Body = message.TextBody,
            BodyEncoding = Encoding.UTF8,
        };
        mail.To.Add(new MailAddress(message.ToAddress, message.ToName));
        if (!string.IsNullOrWhiteSpace(settings.ReplyTo)) mail.ReplyToList.Add(settings.ReplyTo);
        mail.AlternateViews.Add(AlternateView.CreateAlternateViewFromString(message.HtmlBody, Encoding.UTF8, "text/html"));
        // The same reminder always carries the same Message-ID, so a mail system that sees it twice can tell.
        mail.Headers.Add("Message-ID", MessageId(message.IdempotencyKey));

        using var client = new SmtpClient();
        if (!string.IsNullOrWhiteSpace(settings.PickupDirectory))
        {
            var folder = Path.IsPathRooted(settings.PickupDirectory) ? settings.PickupDirectory : Path.Combine(environment.ContentRootPath, settings.PickupDirectory);
            Directory.CreateDirectory(folder);
            client.DeliveryMethod = SmtpDeliveryMethod.SpecifiedPickupDirectory;
            client.PickupDirectoryLocation = folder;
        }
        else if (!string.IsNullOrWhiteSpace(settings.Smtp.Host))
        {
            client.Host = settings.Smtp.Host;
            client.Port = settings.Smtp.Port;
            client.EnableSsl = settings.Smtp.EnableSsl;
            client.Timeout = settings.Smtp.TimeoutSeconds * 1000;
            if (!string.IsNullOrEmpty(settings.Smtp.UserName))
                client.Credentials = new NetworkCredential(settings.Smtp.UserName, settings.Smtp.Password);
        }
        else
            throw new MailNotConfiguredException("Email is not configured: set Email:Smtp:Host, or Email:PickupDirectory to write the messages to a folder.");

        await client.SendMailAsync(mail, cancellationToken);
    }

    public static string MessageId(string idempotencyKey) =>
        $"<{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(idempotencyKey)))[..32]}@iroportal>";
}

/// <summary>The words of an email, from the templates in Templates/: the same text as plain text and as HTML.</summary>
public sealed class MailComposer(IOptions<EmailOptions> options, IOptions<CouncilOptions> council)
{
    private static readonly string TextTemplate = Read("message.txt");
    private static readonly string HtmlTemplate = Read("message.html");

    public const string StaffFooter = "You get this because you use the IRO Portal. To choose between each reminder as it comes and one email a day, go to";
    public const string RespondentFooter = "You gave us this email address when we asked for your feedback. We will not send you another reminder. To ask us anything, email";

    /// <param name="items">Paragraphs, or for a digest one item per reminder.</param>
    public (string Subject, string Text, string Html) Compose(string title, string greetingName, IReadOnlyList<MailItem> items, bool forStaff)
    {
        var name = council.Value.Name;
        var footerLink = forStaff ? Absolute("/notifications/preferences") : council.Value.ContactEmail;
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
