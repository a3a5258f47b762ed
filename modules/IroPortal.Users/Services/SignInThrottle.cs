using System.Security.Cryptography;
using System.Text;
using IroPortal.Data;
using IroPortal.Users.Models;
using Microsoft.EntityFrameworkCore;

namespace IroPortal.Users.Services;

/// <summary>
/// Five failed sign-ins (password or code) for one account from one address pause sign-in for that account from
/// that address for fifteen minutes. Only the address that failed waits: someone typing a colleague's email
/// with wrong passwords cannot lock the colleague out. Unknown emails are counted the same way, so the answer
/// and the work done never show whether an account exists.
/// </summary>
public sealed class SignInThrottle(PortalDbContext db, TimeProvider clock)
{
    public const int FailuresAllowed = 5;
    public static readonly TimeSpan Pause = TimeSpan.FromMinutes(15);

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<bool> IsPausedAsync(string email, string address)
    {
        var id = Key(email, address);
        var now = Now;
        return await db.Set<SignInFailure>().AnyAsync(f => f.Id == id && f.HeldUntilUtc > now);
    }

    /// <summary>Counts a failure; true when it is the one that starts the pause.</summary>
    public async Task<bool> FailedAsync(string email, Guid? userId, string address)
    {
        var id = Key(email, address);
        var now = Now;
        var failure = await db.Set<SignInFailure>().FirstOrDefaultAsync(f => f.Id == id);
        if (failure is null)
            db.Set<SignInFailure>().Add(failure = new SignInFailure { Id = id, UserId = userId, IpAddress = address });
        // Failures older than a pause, or from before a pause that has ended, start the count again.
        if (now - failure.LastFailedUtc > Pause || failure.HeldUntilUtc <= now)
            (failure.Failures, failure.HeldUntilUtc) = (0, null);
        failure.Failures++;
        failure.LastFailedUtc = now;
        var startsPause = failure.Failures == FailuresAllowed;
        if (startsPause) failure.HeldUntilUtc = now + Pause;
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException)
        {
            // Two failures at once from the same place: the other one was counted.
            db.ChangeTracker.Clear();
        }
        return startsPause;
    }

    public Task SucceededAsync(string email, string address)
    {
        var id = Key(email, address);
        return db.Set<SignInFailure>().Where(f => f.Id == id).ExecuteDeleteAsync();
    }

    /// <summary>An administrator's "unlock": every paused address for the user may try again.</summary>
    public Task ClearAsync(Guid userId) => db.Set<SignInFailure>().Where(f => f.UserId == userId).ExecuteDeleteAsync();

    public Task<bool> IsUserPausedAsync(Guid userId)
    {
        var now = Now;
        return db.Set<SignInFailure>().AnyAsync(f => f.UserId == userId && f.HeldUntilUtc > now);
    }

    public async Task<IReadOnlySet<Guid>> PausedUsersAsync()
    {
        var now = Now;
        return (await db.Set<SignInFailure>().Where(f => f.HeldUntilUtc > now && f.UserId != null).Select(f => f.UserId!.Value).ToListAsync()).ToHashSet();
    }

    private static string Key(string email, string address) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(email.Trim().ToUpperInvariant() + "\n" + address)));
}
