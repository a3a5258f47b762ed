using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.RegularExpressions;
using IroPortal.Notifications.Models;
using IroPortal.Notifications.Services;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IroPortal.Notifications.Tests;

/// <summary>The outbox through MailKit to a real SMTP server (Debian's aiosmtpd) on loopback: STARTTLS or TLS from the
/// first byte with a certificate the portal is told to trust, sign-in, permanent and temporary refusals, and a server
/// that goes away in the middle of a message.</summary>
public sealed class EmailTests
{
    private static Dictionary<string, string?> Quiet(Dictionary<string, string?> more)
    {
        var settings = new Dictionary<string, string?>();
        foreach (var job in new[] { "notifications.outbox", "notifications.digest", "notifications.timetable" })
            settings[$"Scheduler:Schedules:{job}"] = CronText.Never;
        foreach (var (key, value) in more) settings[key] = value;
        return settings;
    }

    private static async Task Queue(PortalApp app, params string[] addresses) => await app.InDatabase(async db =>
    {
        foreach (var address in addresses)
            db.Add(Outbox.NewMessage($"test|{address}", address, "Someone", $"Hello {address}", $"Text for {address}", $"<p>HTML for {address}</p>", app.Clock.GetUtcNow().UtcDateTime));
        return await db.SaveChangesAsync();
    });

    /// <summary>The test's own messages (the demo's reminders may be in the outbox too).</summary>
    private static bool Mine(string mail) => mail.Contains("@example.org>", StringComparison.Ordinal);

    private static Task<string> SendOutbox(PortalApp app) => app.Services.GetRequiredService<JobRunner>().RunAsync(Outbox.Key, CancellationToken.None);

    private static Task<Dictionary<string, OutboxMessage>> Messages(PortalApp app) =>
        app.InDatabase(db => db.Set<OutboxMessage>().AsNoTracking().ToDictionaryAsync(m => m.ToAddress));

    [Fact]
    public async Task Over_STARTTLS_with_sign_in_it_delivers_fails_a_permanent_refusal_at_once_and_retries_a_temporary_one_and_a_dropped_connection()
    {
        await using var server = await SmtpServer.StartAsync("starttls", user: "portal", password: "s3cret-relay");
        await using var app = new PortalApp(settings: Quiet(server.Settings(new() { ["Email:Smtp:UserName"] = "portal", ["Email:Smtp:Password"] = "s3cret-relay" })));
        await Queue(app, "ok@example.org", "refuse-permanently@example.org", "refuse-once@example.org", "drop-once@example.org");

        await SendOutbox(app);
        var messages = await Messages(app);
        Assert.Equal(OutboxStatus.Sent, messages["ok@example.org"].Status);
        // 5xx: failed at once, with the server's words, never tried again on its own.
        var refused = messages["refuse-permanently@example.org"];
        Assert.Equal(OutboxStatus.Failed, refused.Status);
        Assert.Equal(1, refused.Attempts);
        Assert.Contains("550", refused.LastError);
        Assert.Contains("No such mailbox here", refused.LastError);
        // 4xx and a connection lost before the server answered: waiting to be tried again.
        Assert.Equal(OutboxStatus.Pending, messages["refuse-once@example.org"].Status);
        Assert.Contains("Greylisted, please try again later", messages["refuse-once@example.org"].LastError);
        Assert.True(messages["drop-once@example.org"].Status == OutboxStatus.Pending, messages["drop-once@example.org"].LastError);
        Assert.Contains("lost before it accepted", messages["drop-once@example.org"].LastError);
        Assert.Single(server.Received(Mine));

        app.Clock.Advance(TimeSpan.FromMinutes(2));
        await SendOutbox(app);
        messages = await Messages(app);
        Assert.Equal(OutboxStatus.Sent, messages["refuse-once@example.org"].Status);
        Assert.Equal(OutboxStatus.Sent, messages["drop-once@example.org"].Status);
        Assert.Equal(OutboxStatus.Failed, messages["refuse-permanently@example.org"].Status);
        var received = server.Received(Mine);
        Assert.Equal(3, received.Count);
        Assert.Equal(3, received.Select(m => Regex.Match(m, "^Message-Id:.+$", RegexOptions.Multiline | RegexOptions.IgnoreCase).Value).Distinct().Count());
        var ok = received.Single(m => m.Contains("To: Someone <ok@example.org>"));
        Assert.Contains("Content-Type: text/plain", ok);
        Assert.Contains("Content-Type: text/html", ok);

        // The administrators see the server's words and can send it again.
        var admin = await app.SignedInClient("admin@northmoor.example");
        var jobs = await admin.GetStringAsync("/admin/jobs");
        Assert.Contains("No such mailbox here", jobs);
    }

    [Fact]
    public async Task Over_TLS_from_the_first_byte_it_delivers()
    {
        await using var server = await SmtpServer.StartAsync("implicit");
        await using var app = new PortalApp(settings: Quiet(server.Settings(new() { ["Email:Smtp:Security"] = "TlsOnConnect" })));
        await Queue(app, "ok@example.org");
        await SendOutbox(app);
        Assert.Equal(OutboxStatus.Sent, (await Messages(app))["ok@example.org"].Status);
        Assert.Single(server.Received(Mine));
    }

    [Fact]
    public async Task A_server_whose_certificate_is_not_trusted_gets_nothing_and_the_reason_is_shown()
    {
        await using var server = await SmtpServer.StartAsync("starttls");
        await using var app = new PortalApp(settings: Quiet(server.Settings(new() { ["Email:Smtp:TrustedCertificateFile"] = "" })));
        await AssertNothingSentAsync(app, server, "certificate");
    }

    [Fact]
    public async Task A_wrong_password_is_reported_as_the_sign_in_and_nothing_is_sent()
    {
        await using var server = await SmtpServer.StartAsync("starttls", user: "portal", password: "s3cret-relay");
        await using var app = new PortalApp(settings: Quiet(server.Settings(new() { ["Email:Smtp:UserName"] = "portal", ["Email:Smtp:Password"] = "wrong" })));
        await AssertNothingSentAsync(app, server, "did not accept the sign-in of portal");
    }

    /// <summary>An email the portal could not hand over at all: still waiting, the reason on it, nothing received.</summary>
    private static async Task AssertNothingSentAsync(PortalApp app, SmtpServer server, string reason)
    {
        await Queue(app, "ok@example.org");
        await SendOutbox(app);
        var message = (await Messages(app))["ok@example.org"];
        Assert.Equal(OutboxStatus.Pending, message.Status);
        Assert.Contains(reason, message.LastError);
        Assert.Empty(server.Received(Mine));
    }

    /// <summary>aiosmtpd as its own process, with a certificate made for 127.0.0.1 by the test.</summary>
    private sealed class SmtpServer : IAsyncDisposable
    {
        private readonly Process _process;
        private readonly string _folder;
        private readonly int _port;
        private readonly string _certificate;

        private SmtpServer(Process process, string folder, int port, string certificate) =>
            (_process, _folder, _port, _certificate) = (process, folder, port, certificate);

        public static async Task<SmtpServer> StartAsync(string tls, string? user = null, string? password = null)
        {
            var folder = Directory.CreateDirectory(Path.Combine(TestPaths.Scratch, $"smtp-{Guid.NewGuid():N}")).FullName;
            var received = Directory.CreateDirectory(Path.Combine(folder, "received")).FullName;
            var (certificate, key) = MakeCertificate(folder);
            var port = FreePort();
            var python = File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
            List<string> arguments = [Path.Combine(AppContext.BaseDirectory, "Smtp", "smtp_server.py"), "--port", port.ToString(), "--out", received,
                "--tls", tls, "--cert", certificate, "--key", key];
            if (user is not null) arguments.AddRange(["--user", user, "--password", password!]);
            var process = Process.Start(new ProcessStartInfo(python, arguments)
            {
                RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true,
            })!;
            var errors = process.StandardError.ReadToEndAsync();
            var ready = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30));
            if (ready != "ready")
                throw new InvalidOperationException($"aiosmtpd did not start (is python3-aiosmtpd installed? test.sh installs it): {await errors}");
            return new SmtpServer(process, received, port, certificate);
        }

        public Dictionary<string, string?> Settings(Dictionary<string, string?> more)
        {
            var settings = new Dictionary<string, string?>
            {
                ["Email:PickupDirectory"] = "",
                ["Email:Smtp:Host"] = "127.0.0.1",
                ["Email:Smtp:Port"] = _port.ToString(),
                ["Email:Smtp:TimeoutSeconds"] = "5",
                ["Email:Smtp:TrustedCertificateFile"] = _certificate,
            };
            foreach (var (key, value) in more) settings[key] = value;
            return settings;
        }

        /// <summary>The messages the server accepted, as it wrote them, that <paramref name="which"/> picks.</summary>
        public IReadOnlyList<string> Received(Func<string, bool> which) =>
            [.. Directory.GetFiles(_folder, "*.eml").Order().Select(File.ReadAllText).Where(which)];

        private static (string Certificate, string Key) MakeCertificate(string folder)
        {
            using var rsa = RSA.Create(2048);
            var request = new CertificateRequest("CN=IroPortal test mail server", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            var names = new SubjectAlternativeNameBuilder();
            names.AddIpAddress(IPAddress.Loopback);
            names.AddDnsName("localhost");
            request.CertificateExtensions.Add(names.Build());
            request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
            using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(7));
            var certificatePath = Path.Combine(folder, "server.pem");
            var keyPath = Path.Combine(folder, "server.key");
            File.WriteAllText(certificatePath, certificate.ExportCertificatePem());
            File.WriteAllText(keyPath, rsa.ExportPkcs8PrivateKeyPem());
            return (certificatePath, keyPath);
        }

        private static int FreePort()
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        public async ValueTask DisposeAsync()
        {
            if (!_process.HasExited)
            {
                _process.StandardInput.Close();
                if (!_process.WaitForExit(5000)) _process.Kill(entireProcessTree: true);
            }
            await Task.CompletedTask;
            _process.Dispose();
        }
    }
}
