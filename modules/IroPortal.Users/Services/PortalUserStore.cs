using System.Security.Cryptography;
using System.Text;
using IroPortal.Data;
using IroPortal.Data.Seeding;
using IroPortal.Users.Models;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace IroPortal.Users.Services;

/// <summary>
/// Identity's store, keeping two-factor secrets as secrets: the authenticator key encrypted with the portal's
/// data-protection keys (kept in the database, and protected by a certificate where one is configured), and the
/// recovery codes only as salted PBKDF2 hashes, each matched in constant time and accepted once.
/// </summary>
public sealed class PortalUserStore(PortalDbContext context, IDataProtectionProvider protection, IdentityErrorDescriber? describer = null)
    : UserStore<PortalUser, PortalRole, PortalDbContext, Guid>(context, describer)
{
    internal const string Provider = "[AspNetUserStore]";
    internal const string AuthenticatorKeyName = "AuthenticatorKey";
    internal const string RecoveryCodesName = "RecoveryCodes";

    private readonly AccountSecrets _secrets = new(protection);

    public override Task SetAuthenticatorKeyAsync(PortalUser user, string key, CancellationToken cancellationToken) =>
        SetTokenAsync(user, Provider, AuthenticatorKeyName, _secrets.ProtectKey(key), cancellationToken);

    public override async Task<string?> GetAuthenticatorKeyAsync(PortalUser user, CancellationToken cancellationToken) =>
        await GetTokenAsync(user, Provider, AuthenticatorKeyName, cancellationToken) is { } stored ? _secrets.UnprotectKey(stored) : null;

    public override Task ReplaceCodesAsync(PortalUser user, IEnumerable<string> recoveryCodes, CancellationToken cancellationToken) =>
        SetTokenAsync(user, Provider, RecoveryCodesName, AccountSecrets.HashCodes(recoveryCodes), cancellationToken);

    public override async Task<bool> RedeemCodeAsync(PortalUser user, string code, CancellationToken cancellationToken)
    {
        var stored = await GetTokenAsync(user, Provider, RecoveryCodesName, cancellationToken);
        if (stored is null || AccountSecrets.Redeem(stored, code) is not { } remaining) return false;
        await SetTokenAsync(user, Provider, RecoveryCodesName, remaining, cancellationToken);
        return true;
    }

    public override async Task<int> CountCodesAsync(PortalUser user, CancellationToken cancellationToken) =>
        AccountSecrets.Count(await GetTokenAsync(user, Provider, RecoveryCodesName, cancellationToken));
}

/// <summary>How the two-factor secrets are written down. Values from before (plain text) are still read, and
/// <see cref="AccountSecretsUpgrade"/> rewrites them at start-up.</summary>
internal sealed class AccountSecrets(IDataProtectionProvider protection)
{
    private const string KeyPrefix = "dp1:";
    private const string CodesPrefix = "pbkdf2-sha256$";
    // Each sign-in with a recovery code costs one of these (about 40 ms); the codes carry 50 random bits each.
    private const int Iterations = 100_000;

    private readonly IDataProtector _protector = protection.CreateProtector("IroPortal.Users.AuthenticatorKey");

    public string ProtectKey(string key) => KeyPrefix + _protector.Protect(key);

    public string UnprotectKey(string stored) => stored.StartsWith(KeyPrefix, StringComparison.Ordinal) ? _protector.Unprotect(stored[KeyPrefix.Length..]) : stored;

    public static bool IsProtectedKey(string stored) => stored.StartsWith(KeyPrefix, StringComparison.Ordinal);

    public static bool AreHashedCodes(string stored) => stored.Length == 0 || stored.StartsWith(CodesPrefix, StringComparison.Ordinal);

    /// <summary>"pbkdf2-sha256$100000$salt$hash,hash,…": one salt for the set, so checking a code costs one derivation.</summary>
    public static string HashCodes(IEnumerable<string> codes)
    {
        var list = codes.ToList();
        if (list.Count == 0) return "";
        var salt = RandomNumberGenerator.GetBytes(16);
        return $"{CodesPrefix}{Iterations}${Convert.ToBase64String(salt)}${string.Join(',', list.Select(c => Convert.ToBase64String(Derive(c, salt, Iterations))))}";
    }

    /// <summary>What to store once the code is used, or null when it matches none. Every stored code is compared,
    /// in constant time, so the time taken does not say how near a guess came.</summary>
    public static string? Redeem(string stored, string code)
    {
        if (!AreHashedCodes(stored))
        {
            // Plain text from before the upgrade: compared as carefully, and stored hashed from now on.
            var plain = stored.Split(';', StringSplitOptions.RemoveEmptyEntries);
            var at = Match(plain.Select(p => Encoding.UTF8.GetBytes(Normal(p))).ToList(), Encoding.UTF8.GetBytes(Normal(code)));
            return at < 0 ? null : HashCodes(plain.Where((_, i) => i != at));
        }
        if (stored.Length == 0) return null;
        var parts = stored[CodesPrefix.Length..].Split('$');
        var (iterations, salt) = (int.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture), Convert.FromBase64String(parts[1]));
        var hashes = parts[2].Split(',', StringSplitOptions.RemoveEmptyEntries).ToList();
        var found = Match(hashes.Select(Convert.FromBase64String).ToList(), Derive(code, salt, iterations));
        if (found < 0) return null;
        hashes.RemoveAt(found);
        return hashes.Count == 0 ? "" : $"{CodesPrefix}{iterations}${parts[1]}${string.Join(',', hashes)}";
    }

    public static int Count(string? stored) => string.IsNullOrEmpty(stored) ? 0
        : AreHashedCodes(stored) ? stored.Split('$')[3].Split(',', StringSplitOptions.RemoveEmptyEntries).Length
        : stored.Split(';', StringSplitOptions.RemoveEmptyEntries).Length;

    private static int Match(IReadOnlyList<byte[]> candidates, byte[] given)
    {
        var found = -1;
        for (var i = 0; i < candidates.Count; i++)
            if (CryptographicOperations.FixedTimeEquals(candidates[i], given) & found < 0) found = i;
        return found;
    }

    // Codes are shown as "ABCDE-12345"; people type them with or without the dash, spaces or capitals.
    private static string Normal(string code) => new(code.Where(char.IsLetterOrDigit).Select(char.ToUpperInvariant).ToArray());

    private static byte[] Derive(string code, byte[] salt, int iterations) =>
        Rfc2898DeriveBytes.Pbkdf2(Normal(code), salt, iterations, HashAlgorithmName.SHA256, 32);
}

/// <summary>At every start, encrypts any authenticator key and hashes any recovery codes still stored in plain text
/// (from before they were kept as secrets), so existing users keep their app and their codes.</summary>
internal sealed class AccountSecretsUpgrade(PortalDbContext db, IDataProtectionProvider protection) : IPortalSeeder
{
    public int Order => 0;

    public async Task SeedAsync(SeedContext context, CancellationToken cancellationToken)
    {
        var secrets = new AccountSecrets(protection);
        var tokens = await db.Set<IdentityUserToken<Guid>>()
            .Where(t => t.LoginProvider == PortalUserStore.Provider && (t.Name == PortalUserStore.AuthenticatorKeyName || t.Name == PortalUserStore.RecoveryCodesName))
            .ToListAsync(cancellationToken);
        foreach (var token in tokens.Where(t => t.Value is { Length: > 0 }))
        {
            if (token.Name == PortalUserStore.AuthenticatorKeyName && !AccountSecrets.IsProtectedKey(token.Value!))
                token.Value = secrets.ProtectKey(token.Value!);
            else if (token.Name == PortalUserStore.RecoveryCodesName && !AccountSecrets.AreHashedCodes(token.Value!))
                token.Value = AccountSecrets.HashCodes(token.Value!.Split(';', StringSplitOptions.RemoveEmptyEntries));
        }
        await db.SaveChangesAsync(cancellationToken);
    }
}
