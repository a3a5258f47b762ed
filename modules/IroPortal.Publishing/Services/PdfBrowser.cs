using Microsoft.Extensions.Options;
using Microsoft.Playwright;

namespace IroPortal.Publishing.Services;

/// <summary>The headless Chromium that prints the portal's PDFs: started when a print needs it (or when one is sure to
/// come), shared by the prints that follow, and closed after a quiet minute. Starting Playwright and Chromium took
/// about 2 of the 2.5 s of each print when every print started its own.</summary>
public sealed class PdfBrowser : IAsyncDisposable
{
    /// <summary>How long Chromium is kept after the last print, for the next one.</summary>
    public static readonly TimeSpan KeptFor = TimeSpan.FromMinutes(1);

    private readonly IOptions<PdfOptions> options;
    private readonly ITimer idle;
    private readonly Lock state = new();
    private Task<Running>? running;
    private int printing;
    private bool disposed;

    private sealed record Running(IPlaywright Playwright, IBrowser Browser);

    public PdfBrowser(IOptions<PdfOptions> options, TimeProvider clock)
    {
        this.options = options;
        idle = clock.CreateTimer(_ => _ = CloseIfIdleAsync(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Whether Chromium is running now.</summary>
    public bool IsRunning
    {
        get
        {
            lock (state) return running is { IsCompletedSuccessfully: true } task && task.Result.Browser.IsConnected;
        }
    }

    /// <summary>Starts Chromium without waiting for it, so that a print sure to come finds it ready.</summary>
    public void Prepare()
    {
        lock (state)
        {
            if (disposed) return;
            running ??= LaunchAsync();
            // Closed after a quiet minute even if the print never comes.
            if (printing == 0) idle.Change(KeptFor, Timeout.InfiniteTimeSpan);
        }
    }

    /// <summary>Runs <paramref name="print"/> with the browser, starting it if needed, or again if it has gone
    /// (crashed or killed) since the last print.</summary>
    public async Task<T> WithBrowserAsync<T>(Func<IBrowser, Task<T>> print)
    {
        Task<Running> task;
        lock (state)
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            task = running ??= LaunchAsync();
            printing++;
        }
        try
        {
            var browser = await StartedAsync(task);
            if (!browser.Browser.IsConnected)
            {
                var gone = task;
                lock (state)
                {
                    if (running == task) running = LaunchAsync();
                    task = running!;
                }
                _ = CloseAsync(gone); // its Playwright driver is still running
                browser = await StartedAsync(task);
            }
            return await print(browser.Browser);
        }
        finally
        {
            lock (state)
                if (--printing == 0 && !disposed) idle.Change(KeptFor, Timeout.InfiniteTimeSpan);
        }
    }

    /// <summary>A start that failed is forgotten, so that the next print tries again.</summary>
    private async Task<Running> StartedAsync(Task<Running> task)
    {
        try
        {
            return await task;
        }
        catch
        {
            lock (state)
                if (running == task) running = null;
            throw;
        }
    }

    private async Task<Running> LaunchAsync()
    {
        var playwright = await Playwright.CreateAsync();
        try
        {
            var browser = await playwright.Chromium.LaunchAsync(new()
            {
                ExecutablePath = options.Value.ChromiumPath,
                Headless = true,
                Timeout = options.Value.TimeoutSeconds * 1000,
                // No network is needed: the documents carry their own styles and pictures.
                Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
            });
            return new(playwright, browser);
        }
        catch
        {
            playwright.Dispose();
            throw;
        }
    }

    private async Task CloseIfIdleAsync()
    {
        Task<Running>? task;
        lock (state)
        {
            if (printing > 0) return;
            task = running;
            running = null;
        }
        await CloseAsync(task);
    }

    /// <summary>Closes Chromium and its Playwright driver; never throws, as it runs when nobody waits for it.</summary>
    private static async Task CloseAsync(Task<Running>? task)
    {
        if (task is null) return;
        Running browser;
        try
        {
            browser = await task;
        }
        catch (Exception)
        {
            return; // it never started, and the print that waited for it was told why
        }
        try
        {
            await browser.Browser.CloseAsync();
        }
        catch (Exception e) when (e is PlaywrightException or TimeoutException or IOException)
        {
            // Gone already.
        }
        finally
        {
            browser.Playwright.Dispose();
        }
    }

    public async ValueTask DisposeAsync()
    {
        Task<Running>? task;
        lock (state)
        {
            disposed = true;
            task = running;
            running = null;
        }
        await idle.DisposeAsync();
        await CloseAsync(task);
    }
}
