using System.Reflection;
using IroPortal.Users.Models;
using Microsoft.AspNetCore.Identity;

namespace IroPortal.Users.Services;

/// <summary>
/// Length is the rule that matters (12 characters, set in the identity options); there are no composition
/// rules. This refuses what attackers try first: passwords on the shipped list of common and breached
/// passwords, the same with digits or symbols added or letters swapped for look-alikes, runs such as
/// "aaaaaaaaaaaa" or "123456789012", and the user's own name or email address.
/// </summary>
public sealed class CommonPasswordValidator : IPasswordValidator<PortalUser>
{
    private static readonly Lazy<HashSet<string>> Common = new(Load);

    public static bool IsCommon(string password) => Common.Value.Contains(password.ToLowerInvariant()) || Common.Value.Contains(Base(password));

    public Task<IdentityResult> ValidateAsync(UserManager<PortalUser> manager, PortalUser user, string? password)
    {
        if (string.IsNullOrEmpty(password)) return Task.FromResult(IdentityResult.Success);
        var lower = password.ToLowerInvariant();
        if (IsCommon(password))
            return Fail("CommonPassword", "This password is too common and would be guessed quickly. Try three or four random words together.");
        if (lower.Distinct().Count() <= 2 || IsSequence(lower))
            return Fail("PredictablePassword", "This password is a simple pattern that would be guessed quickly. Try three or four random words together.");
        var personal = new[] { user.Email?.Split('@')[0], user.UserName?.Split('@')[0] }
            .Concat(user.DisplayName.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(part => part is { Length: >= 4 })
            .Select(part => part!.ToLowerInvariant());
        if (personal.Any(lower.Contains))
            return Fail("PersonalPassword", "The password must not contain your name or email address.");
        return Task.FromResult(IdentityResult.Success);
    }

    private static Task<IdentityResult> Fail(string code, string message) =>
        Task.FromResult(IdentityResult.Failed(new IdentityError { Code = code, Description = message }));

    /// <summary>"P@ssw0rd2024!" becomes "password": look-alikes swapped back, trailing digits and symbols dropped.</summary>
    private static string Base(string password)
    {
        var swapped = password.ToLowerInvariant()
            .Replace('@', 'a').Replace('4', 'a').Replace('3', 'e').Replace('1', 'i').Replace('!', 'i')
            .Replace('0', 'o').Replace('$', 's').Replace('5', 's').Replace('7', 't');
        var original = password.ToLowerInvariant();
        var end = original.Length;
        while (end > 0 && !char.IsLetter(original[end - 1])) end--;
        var start = 0;
        while (start < end && !char.IsLetter(original[start])) start++;
        return end > start ? swapped[start..end] : original;
    }

    private static bool IsSequence(string value)
    {
        int up = 0, down = 0;
        for (var i = 1; i < value.Length; i++)
        {
            if (value[i] == value[i - 1] + 1) up++;
            if (value[i] == value[i - 1] - 1) down++;
        }
        return up >= value.Length - 2 || down >= value.Length - 2;
    }

    private static HashSet<string> Load()
    {
        using var stream = typeof(CommonPasswordValidator).Assembly.GetManifestResourceStream("IroPortal.Users.common-passwords.txt")
            ?? throw new InvalidOperationException("The common password list is missing from the Users module.");
        using var reader = new StreamReader(stream);
        var set = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
            if (line.Length > 0 && line[0] != '#') set.Add(line.Trim().ToLowerInvariant());
        return set;
    }
}
