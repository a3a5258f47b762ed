using IroPortal.Publishing.Services;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Playwright;

namespace IroPortal.Publishing.Tests;

/// <summary>The one Chromium the portal prints with, in real Chromium: shared by the prints that follow one another,
/// started again when it has gone or could not start, and closed after a quiet minute.</summary>
public sealed class PdfBrowserTests
{
    private static readonly ReleaseSection[] Sections = [new("summary", "Summary", "<p class=\"govuk-body\">Reviews were held on time.</p>")];

    [Fact]
    public async Task Prints_share_one_Chromium_which_is_started_again_when_it_has_gone_and_closed_when_quiet()
    {
        var timers = new ManualTimers();
        var options = Options.Create(new PdfOptions { ChromiumPath = PortalApp.ChromiumPath });
        await using var browser = new PdfBrowser(options, timers);
        var printer = new PdfPrinter(options, browser, new BareEnvironment(), NullLogger<PdfPrinter>.Instance);

        var first = await printer.PrintAsync("Northmoor annual report", "Published", Sections);
        Assert.NotNull(first.Pdf);
        Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString(first.Pdf, 0, 4));
        var chromium = await browser.WithBrowserAsync(Task.FromResult);
        Assert.NotNull((await printer.PrintAsync("Northmoor annual report", "Published", Sections)).Pdf);
        Assert.Same(chromium, await browser.WithBrowserAsync(Task.FromResult));

        // Gone between prints (crashed, killed): the next print starts another.
        await chromium.CloseAsync();
        Assert.False(browser.IsRunning);
        Assert.NotNull((await printer.PrintAsync("Northmoor annual report", "Published", Sections)).Pdf);
        Assert.True(browser.IsRunning);
        Assert.NotSame(chromium, await browser.WithBrowserAsync(Task.FromResult));

        // A quiet minute after the last print: closed, and started again by the next.
        Assert.Equal(PdfBrowser.KeptFor, timers.Due);
        timers.Fire();
        Assert.False(browser.IsRunning);
        Assert.NotNull((await printer.PrintAsync("Northmoor annual report", "Published", Sections)).Pdf);
        Assert.True(browser.IsRunning);
    }

    [Fact]
    public async Task A_Chromium_that_cannot_start_gives_the_reader_a_reason_and_the_next_print_tries_again()
    {
        var settings = new PdfOptions { ChromiumPath = "/bin/true" };
        var options = Options.Create(settings);
        await using var browser = new PdfBrowser(options, new ManualTimers());
        var printer = new PdfPrinter(options, browser, new BareEnvironment(), NullLogger<PdfPrinter>.Instance);

        var failed = await printer.PrintAsync("Northmoor annual report", "Published", Sections);
        Assert.Null(failed.Pdf);
        Assert.Equal(PdfPrinter.Failed, failed.Problem);

        settings.ChromiumPath = PortalApp.ChromiumPath;
        Assert.NotNull((await printer.PrintAsync("Northmoor annual report", "Published", Sections)).Pdf);
    }

    [Fact]
    public async Task Getting_Chromium_ready_ahead_of_a_print_starts_it_and_the_print_uses_it()
    {
        var timers = new ManualTimers();
        await using var browser = new PdfBrowser(Options.Create(new PdfOptions { ChromiumPath = PortalApp.ChromiumPath }), timers);
        browser.Prepare();
        for (var waited = 0; waited < 300 && !browser.IsRunning; waited++) await Task.Delay(100);
        Assert.True(browser.IsRunning);
        var chromium = await browser.WithBrowserAsync(Task.FromResult);
        browser.Prepare();
        Assert.Same(chromium, await browser.WithBrowserAsync(Task.FromResult));
        timers.Fire();
        for (var waited = 0; waited < 100 && chromium.IsConnected; waited++) await Task.Delay(100);
        Assert.False(chromium.IsConnected);
    }

    /// <summary>Timers that go off when the test says: the minute is not waited for.</summary>
    private sealed class ManualTimers : TimeProvider
    {
        private ManualTimer? timer;

        public TimeSpan Due => timer?.Due ?? Timeout.InfiniteTimeSpan;

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
            timer = new ManualTimer(callback, state) { Due = dueTime };

        public void Fire()
        {
            Assert.NotEqual(Timeout.InfiniteTimeSpan, Due);
            timer!.Fire();
        }
    }

    private sealed class ManualTimer(TimerCallback callback, object? state) : ITimer
    {
        public TimeSpan Due { get; set; }

        public void Fire()
        {
            Due = Timeout.InfiniteTimeSpan;
            callback(state);
        }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            Due = dueTime;
            return true;
        }

        public void Dispose() { }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
