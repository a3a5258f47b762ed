using System.Reflection;
using IroPortal.Users.Models;
using IroPortal.Modularity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace IroPortal.Users.Services;

/// <summary>
/// Length is the rule that matters (12 characters, set in the identity options); there are no composition
/// rules. This refuses what attackers try first: passwords on the shipped list of common and breached
/// passwords, the same with digits or symbols added or letters swapped for look-alikes, runs such as
/// "aaaaaaaaaaaa" or "123456789012", the user's own name or email address, words an attacker would try against
/// this portal (the council's name, the service's and the portal's, "IRO") alone or together with digits and
/// symbols, and anything the zxcvbn estimator reckons could be guessed in under about 10^8 tries.
/// </summary>
public sealed class CommonPasswordValidator(IOptions<CouncilOptions>? council = null) : IPasswordValidator<PortalUser>
{
    private static readonly Lazy<HashSet<string>> Common = new(Load);

    /// <summary>zxcvbn's score 3: about 10^8 guesses, "safely unguessable" against an online attack with throttling.</summary>
    private const int MinimumStrength = 3;

    private static readonly string[] PortalWords = ["iro", "iros", "portal", "iroportal", "council", "independent", "reviewing", "officer", "officers", "service"];

    /// <summary>Words an attacker would try first here, in lower case.</summary>
    private IReadOnlyList<string> ContextWords()
    {
        var options = council?.Value ?? new CouncilOptions();
        return PortalWords
            .Concat($"{options.Name} {options.ServiceName}".Split([' ', '-', '\'', ','], StringSplitOptions.RemoveEmptyEntries))
            .Select(w => w.ToLowerInvariant()).Where(w => w.Length >= 3).Distinct().ToList();
    }

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
        var personalWords = personal.ToList();
        if (personalWords.Any(lower.Contains))
            return Fail("PersonalPassword", "The password must not contain your name or email address.");
        var context = ContextWords();
        if (MadeOnlyOf(Letters(password), context))
            return Fail("ContextPassword", "The password must not be made of the council's, the service's or the portal's name with digits or symbols. Try three or four random words together.");
        if (Zxcvbn.Zxcvbn.MatchPassword(password, context.Concat(personalWords)).Score < MinimumStrength)
            return Fail("WeakPassword", "This password could be guessed too easily: it is short, or made of common words, names, dates or keyboard patterns. Try three or four random words together.");
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

    /// <summary>The password's letters, look-alikes read as letters ("N0rthm00r" is "northmoor"), digits and symbols dropped.</summary>
    private static string Letters(string password) => new(password.ToLowerInvariant()
        .Replace('@', 'a').Replace('4', 'a').Replace('3', 'e').Replace('1', 'i').Replace('!', 'i')
        .Replace('0', 'o').Replace('$', 's').Replace('5', 's').Replace('7', 't').Where(char.IsLetter).ToArray());

    /// <summary>Whether the letters are nothing but the given words run together (in any order, any repeated).</summary>
    private static bool MadeOnlyOf(string letters, IReadOnlyList<string> words)
    {
        if (letters.Length == 0) return false;
        var reachable = new bool[letters.Length + 1];
        reachable[0] = true;
        for (var i = 0; i < letters.Length; i++)
            if (reachable[i])
                foreach (var word in words)
                    if (string.CompareOrdinal(letters, i, word, 0, word.Length) == 0 && i + word.Length <= letters.Length)
                        reachable[i + word.Length] = true;
        return reachable[letters.Length];
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
