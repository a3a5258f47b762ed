using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;

namespace IroPortal.Testing;

/// <summary>
/// A real SMTP listener on a free loopback port, enough of RFC 5321 for System.Net.Mail. A message counts
/// as received only when the sink has answered 250 to its data, as a real server commits it. It can refuse
/// the first messages (451, try again later), slow down its answers, and pause a chosen message after DATA
/// so a test can stop the sender mid-send.
/// </summary>
public sealed partial class SmtpSink : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;
    private int _refusalsLeft;
    private int _dataCommands;

    public ConcurrentQueue<ReceivedMail> Received { get; } = new();
    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;
    public int Refused { get; private set; }

    /// <summary>How long to wait before answering each DATA command.</summary>
    public TimeSpan DataDelay { get; set; } = TimeSpan.Zero;

    /// <summary>Called with the number of the DATA command (from 1) before it is answered; the sender waits meanwhile.</summary>
    public Func<int, Task>? OnData { get; set; }

    public SmtpSink(int refuseFirst = 0)
    {
        _refusalsLeft = refuseFirst;
        _listener.Start();
        _accepting = AcceptAsync();
    }

    /// <summary>The settings that point the portal's email at this sink.</summary>
    public Dictionary<string, string?> Settings() => new()
    {
        ["Email:Smtp:Host"] = "127.0.0.1",
        ["Email:Smtp:Port"] = Port.ToString(),
        ["Email:Smtp:EnableSsl"] = "false",
        ["Email:PickupDirectory"] = "",
    };

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try { client = await _listener.AcceptTcpClientAsync(_stop.Token); }
            catch (OperationCanceledException) { return; }
            catch (ObjectDisposedException) { return; }
            _ = Task.Run(() => ConverseAsync(client));
        }
    }

    private async Task ConverseAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                var stream = client.GetStream();
                var reader = new StreamReader(stream, Encoding.ASCII);
                var writer = new StreamWriter(stream, Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };
                await writer.WriteLineAsync("220 sink.test ESMTP");
                string? from = null;
                var to = new List<string>();
                while (await reader.ReadLineAsync() is { } line)
                {
                    var command = line.Length >= 4 ? line[..4].ToUpperInvariant() : line.ToUpperInvariant();
                    switch (command)
                    {
                        case "EHLO" or "HELO": await writer.WriteLineAsync("250 sink.test"); break;
                        case "MAIL":
                            if (Interlocked.Decrement(ref _refusalsLeft) >= 0)
                            {
                                Refused++;
                                await writer.WriteLineAsync("451 4.3.0 Temporarily unable to accept mail, try again later");
                                break;
                            }
                            from = line[10..].Trim();
                            to.Clear();
                            await writer.WriteLineAsync("250 2.1.0 OK");
                            break;
                        case "RCPT": to.Add(line[8..].Trim()); await writer.WriteLineAsync("250 2.1.5 OK"); break;
                        case "DATA":
                            var number = Interlocked.Increment(ref _dataCommands);
                            if (DataDelay > TimeSpan.Zero) await Task.Delay(DataDelay);
                            if (OnData is { } hook) await hook(number);
                            await writer.WriteLineAsync("354 End data with <CR><LF>.<CR><LF>");
                            var data = new StringBuilder();
                            while (await reader.ReadLineAsync() is { } dataLine && dataLine != ".")
                                data.AppendLine(dataLine.StartsWith("..") ? dataLine[1..] : dataLine);
                            await writer.WriteLineAsync("250 2.0.0 OK queued");
                            Received.Enqueue(new ReceivedMail(from ?? "", [.. to], data.ToString()));
                            break;
                        case "RSET": from = null; to.Clear(); await writer.WriteLineAsync("250 OK"); break;
                        case "NOOP": await writer.WriteLineAsync("250 OK"); break;
                        case "QUIT": await writer.WriteLineAsync("221 Bye"); return;
                        default: await writer.WriteLineAsync("502 5.5.2 Command not recognised"); break;
                    }
                }
            }
            catch (IOException) { /* the sender went away mid-conversation: nothing was committed */ }
            catch (ObjectDisposedException) { }
        }
    }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _listener.Stop();
        try { await _accepting; } catch (OperationCanceledException) { }
    }

    [GeneratedRegex(@"^Message-ID:\s*(<[^>]+>)", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex MessageIdHeader();

    public sealed record ReceivedMail(string From, IReadOnlyList<string> To, string Data)
    {
        public string? MessageId => MessageIdHeader().Match(Data) is { Success: true } m ? m.Groups[1].Value : null;
        /// <summary>The message with its base64 parts decoded, as a reader would see it.</summary>
        public string Readable => Data + string.Concat(Regex.Matches(Data, @"Content-Transfer-Encoding: base64\s*\n\s*\n([A-Za-z0-9+/=\r\n]+)", RegexOptions.IgnoreCase)
            .Select(m => Encoding.UTF8.GetString(Convert.FromBase64String(m.Groups[1].Value.Replace("\r", "").Replace("\n", "")))));

        public string? Subject => Regex.Match(Data, @"^Subject:\s*(.+)$", RegexOptions.Multiline) is { Success: true } m ? m.Groups[1].Value.Trim() : null;
    }
}
