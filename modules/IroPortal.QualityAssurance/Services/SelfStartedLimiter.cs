using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;

namespace IroPortal.QualityAssurance.Services;

/// <summary>How often the children's form may be sent from one address: enough for a review room's shared tablet
/// or a children's home's wifi, too few for a script to flood the feedback. QualityAssurance:SelfStartedPerTenMinutes
/// (default 20). Counted on this node's clock, in windows of ten minutes.</summary>
public sealed class SelfStartedLimiter(IConfiguration configuration, TimeProvider clock)
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(10);

    private readonly int _limit = Math.Max(1, configuration.GetValue("QualityAssurance:SelfStartedPerTenMinutes", 20));
    private readonly ConcurrentDictionary<string, (DateTime Start, int Count)> _windows = new();

    public bool TryAcquire(HttpContext context)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var address = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (_windows.Count > 10_000) Forget(now);
        var window = _windows.AddOrUpdate(address, _ => (now, 1),
            (_, current) => now - current.Start >= Window ? (now, 1) : (current.Start, current.Count + 1));
        return window.Count <= _limit;
    }

    /// <summary>Drops windows that have ended, so addresses seen once do not pile up.</summary>
    private void Forget(DateTime now)
    {
        foreach (var (address, window) in _windows)
            if (now - window.Start >= Window) _windows.TryRemove(address, out _);
    }
}
