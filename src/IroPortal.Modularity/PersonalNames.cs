using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace IroPortal.Modularity;

/// <summary>
/// What may stand in a published text without being taken for a child's name. People (staff, board members) are
/// approved as whole names: "Grace Murphy" passes, a lone "Grace" does not, since a child may share it. Words
/// (a charity, a place, "Commissioner") are approved as not names, with their possessive and plural forms.
/// </summary>
public sealed class ApprovedNames
{
    public static readonly ApprovedNames None = new([], []);

    private readonly List<(string Name, string[] Tokens)> people = [];
    private readonly List<string[]> phrases = [];
    private readonly HashSet<string> words = new(StringComparer.Ordinal);
    private readonly HashSet<string> emailDomains = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> phones = new(StringComparer.Ordinal);

    /// <param name="councilContacts">The council's own email addresses or web addresses (their domain is the
    /// council's: staff and team addresses there are nobody's child's) and phone numbers.</param>
    public ApprovedNames(IEnumerable<string> people, IEnumerable<string> words, IEnumerable<string>? councilContacts = null)
    {
        foreach (var contact in councilContacts ?? [])
        {
            if (contact.Contains('@')) emailDomains.Add(contact[(contact.LastIndexOf('@') + 1)..].Trim());
            else if (Uri.TryCreate(contact, UriKind.Absolute, out var site)) emailDomains.Add(site.Host.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ? site.Host[4..] : site.Host);
            else if (contact.Count(char.IsAsciiDigit) >= 9) phones.Add(PhoneDigits(contact));
        }
        foreach (var person in people)
            if (PersonalNames.Tokens(person).SkipWhile(PersonalNames.IsTitle).ToArray() is { Length: > 0 } tokens) this.people.Add((person.Trim(), tokens));
        foreach (var word in words)
        {
            var tokens = PersonalNames.Tokens(word);
            if (tokens.Length == 1) this.words.Add(tokens[0]);
            else if (tokens.Length > 1) phrases.Add(tokens);
        }
    }

    public static ApprovedNames ForPeople(IEnumerable<string> people) => new(people, []);

    /// <summary>The council's own address or number, which identifies no child.</summary>
    internal bool IsCouncilContact(string kind, string text) => kind switch
    {
        IdentifyingText.EmailKind => text.Contains('@') && emailDomains.Contains(text[(text.LastIndexOf('@') + 1)..].Trim()),
        IdentifyingText.PhoneKind => phones.Contains(PhoneDigits(text)),
        _ => false,
    };

    private static string PhoneDigits(string text)
    {
        var digits = new string(text.Where(char.IsAsciiDigit).ToArray());
        if (digits.StartsWith("44", StringComparison.Ordinal)) digits = digits[2..];
        return digits.TrimStart('0');
    }

    internal IEnumerable<string[]> WholeNames => people.Select(p => p.Tokens).Concat(phrases);

    /// <summary>A word approved as not a name, or its possessive or plural ("Commissioners", "Barnardo's").</summary>
    internal bool IsApprovedWord(string normalised) =>
        words.Contains(normalised)
        || normalised.EndsWith('s') && words.Contains(normalised[..^1])
        || normalised.EndsWith("es", StringComparison.Ordinal) && words.Contains(normalised[..^2]);

    /// <summary>The approved person a lone first name or surname may be.</summary>
    internal string? PersonWith(string normalised) =>
        people.FirstOrDefault(p => p.Tokens.Length > 1 && p.Tokens.Contains(normalised)).Name;
}

/// <summary>Finds words that may be personal names wherever they stand: at the start of a sentence, a line or a
/// table cell as well as inside one. A capitalised word is a possible name unless it is an ordinary English word
/// (from a real dictionary, built in) and not a known given name; words that are both (Grace, Hope, Rose) are
/// possible names. Names in lower case are found where the words around them say so ("a boy called tyler").</summary>
public static partial class PersonalNames
{
    private static readonly Lazy<HashSet<string>> English = new(() => Load("english-words.txt"));
    private static readonly Lazy<HashSet<string>> Given = new(() => Load("given-names.txt"));

    /// <summary>Capitalised words that are nobody's name but are not in the dictionary in lower case: acronyms
    /// written in mixed case, sector bodies, days and festivals, countries, nationalities and ethnic groups.</summary>
    private static readonly HashSet<string> NotNames = new(StringComparer.Ordinal)
    {
        "i", "iro", "iros", "mum", "mummy", "mam", "dad", "daddy", "nan", "nana", "nanna", "gran", "granny", "grandad", "grandma", "grandpa", "auntie", "aunty",
        "mr", "mrs", "ms", "miss", "mx", "dr", "sir", "cllr", "ok", "okay", "tv", "xbox", "playstation", "youtube", "nintendo", "minecraft", "fortnite", "roblox",
        "christmas", "easter", "eid", "diwali", "ramadan", "hanukkah", "halloween", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "january", "february", "march", "july", "september", "october", "november", "december",
        "english", "england", "british", "britain", "scotland", "scottish", "wales", "welsh", "ireland", "irish", "uk", "europe", "european", "london",
        "african", "asian", "caribbean", "arab", "arabic", "afghan", "afghanistan", "albania", "albanian", "eritrea", "eritrean", "sudan", "sudanese", "syria",
        "syrian", "iran", "iranian", "iraq", "iraqi", "kurdish", "vietnam", "vietnamese", "ethiopia", "ethiopian", "somali", "somalia", "polish", "poland",
        "romanian", "romania", "pakistani", "pakistan", "bangladeshi", "bangladesh", "indian", "india", "chinese", "china", "roma", "traveller", "travellers",
        "gypsy", "muslim", "christian", "sikh", "hindu", "jewish", "islam", "god", "allah", "farsi", "pashto", "dari", "tigrinya", "kurdi", "urdu", "punjabi",
        "cafcass", "camhs", "ofsted", "nhs", "gp", "lac", "pep", "peps", "sen", "send", "ehcp", "ehcps", "uasc", "dfe", "nspcc", "barnardo", "barnardos",
        "coram", "childline", "unicef", "uncrc", "nairo", "covid", "zoom", "teams", "whatsapp", "instagram", "tiktok", "snapchat", "facebook", "google",
        "internet", "microsoft", "ipad", "iphone", "wifi", "email", "emails", "online", "handbook", "wellbeing", "lgbtq", "lgbt", "bame", "sgo", "sgos",
        "co", "non", "pre", "post", "sub", "anti", "multi", "inter", "semi", "self", "ex", "mid", "cross", "re", "de", "un",
    };

    // Months that are also given names: a name unless a date stands around them ("in May", "1 April").
    private static readonly HashSet<string> MonthNames = new(StringComparer.Ordinal) { "april", "may", "june", "august" };
    private static readonly HashSet<string> MonthContext = new(StringComparer.Ordinal)
    {
        "in", "since", "until", "till", "by", "from", "during", "before", "after", "early", "late", "mid", "end", "of", "each", "every", "last", "next", "this",
        "to", "between", "and", "on", "start", "beginning",
    };

    private static readonly HashSet<string> Titles = new(StringComparer.Ordinal) { "mr", "mrs", "ms", "miss", "mx", "dr", "master", "cllr", "councillor", "prof", "professor" };

    /// <summary>"Cllr", "Mrs": a person is approved by their name, however the title is written.</summary>
    internal static bool IsTitle(string normalised) => Titles.Contains(normalised);
    private static readonly HashSet<string> Introducers = new(StringComparer.Ordinal) { "called", "named", "nicknamed", "name's", "names" };
    private static readonly HashSet<string> Relations = new(StringComparer.Ordinal)
    {
        "son", "daughter", "brother", "sister", "cousin", "nephew", "niece", "grandson", "granddaughter", "stepson", "stepdaughter", "stepbrother",
        "stepsister", "half-brother", "half-sister", "boyfriend", "girlfriend", "friend", "baby", "child", "twin", "mate", "partner",
    };
    private static readonly HashSet<string> Possessives = new(StringComparer.Ordinal) { "my", "her", "his", "their", "our", "your", "little", "big", "older", "younger" };

    // A word: letters (any alphabet, with accents), joined by apostrophes or hyphens (O'Connor, Mary-Jane, Zoë).
    // Never a run of letters inside a code of letters and digits ("3f9eb2").
    [GeneratedRegex(@"(?<![\p{L}\p{M}\p{N}])\p{L}[\p{L}\p{M}]*(?:['’\-]\p{L}[\p{L}\p{M}]*)*['’]?(?![\p{N}])")]
    private static partial Regex Word();

    [GeneratedRegex(@"^[\s\-‐]*$")]
    private static partial Regex OnlySpace();

    [GeneratedRegex(@"^\.?\s{1,2}$")]
    private static partial Regex AfterTitle();

    [GeneratedRegex(@"\d")]
    private static partial Regex Digit();

    private sealed record Token(int Index, int Length, string Raw, string Bare, string Norm);

    /// <summary>A name or phrase as the words it is compared by: lower case, accents and possessives removed.</summary>
    public static string[] Tokens(string? text) =>
        Word().Matches(text ?? "").Select(m => Normalise(Bare(m.Value))).Where(t => t.Length > 0).ToArray();

    internal static IEnumerable<IdentifyingFinding> Find(string text, ApprovedNames approved, Func<int, int, bool> taken)
    {
        var tokens = Word().Matches(text).Select(m => { var bare = Bare(m.Value); return new Token(m.Index, m.Length, m.Value, bare, Normalise(bare)); }).ToList();
        var cleared = new bool[tokens.Count];
        foreach (var whole in approved.WholeNames)
            for (var i = 0; i + whole.Length <= tokens.Count; i++)
                if (Enumerable.Range(0, whole.Length).All(k => tokens[i + k].Norm == whole[k] && (k == 0 || Adjacent(text, tokens[i + k - 1], tokens[i + k]))))
                    for (var k = 0; k < whole.Length; k++) cleared[i + k] = true;

        var names = new bool[tokens.Count];
        for (var i = 0; i < tokens.Count; i++)
            names[i] = !cleared[i] && !taken(tokens[i].Index, tokens[i].Index + tokens[i].Length) && IsPossibleName(text, tokens, i, approved);

        for (var i = 0; i < tokens.Count; i++)
        {
            if (!names[i]) continue;
            var end = i;
            // A surname after a first name is part of the same name, even when it is also an ordinary word ("Grace Wood").
            while (end + 1 < tokens.Count && !cleared[end + 1] && Adjacent(text, tokens[end], tokens[end + 1])
                   && (names[end + 1] || char.IsUpper(tokens[end + 1].Raw[0]) && !NotNames.Contains(tokens[end + 1].Norm)))
                end++;
            var start = tokens[i].Index;
            var shown = text[start..(tokens[end].Index + tokens[end].Bare.Length)]; // "Tyler", not "Tyler's"
            var person = end == i ? approved.PersonWith(tokens[i].Norm) : null;
            yield return new IdentifyingFinding(IdentifyingText.NameKind, shown.TrimEnd('\'', '’'), true, person) { Index = start };
            i = end;
        }
    }

    private static bool IsPossibleName(string text, List<Token> tokens, int i, ApprovedNames approved)
    {
        var token = tokens[i];
        var norm = token.Norm;
        var before = i > 0 && Adjacent(text, tokens[i - 1], token) ? tokens[i - 1].Norm : "";
        var twoBefore = i > 1 && before.Length > 0 && Adjacent(text, tokens[i - 2], tokens[i - 1]) ? tokens[i - 2].Norm : "";
        var title = i > 0 && Titles.Contains(tokens[i - 1].Norm) && AfterTitle().IsMatch(Gap(text, tokens[i - 1], token));
        if (norm.Length == 0) return false;

        if (!char.IsUpper(token.Raw[0]))
        {
            var introduced = Introducers.Contains(before) || (twoBefore, before) is ("known", "as") or ("name", "is") or ("names", "are") or ("name", "was")
                || Relations.Contains(before) && Possessives.Contains(twoBefore);
            if (approved.IsApprovedWord(norm) || NotNames.Contains(norm)) return false;
            // A given name that is no English word is a name even in lower case ("said ellie-mae"); one that is a word
            // only where the words before introduce a name ("my son jack").
            if (Given.Value.Contains(norm)) return introduced || !IsWord(norm);
            if (IsWord(norm)) return false;
            return introduced || norm.Split('-').All(Given.Value.Contains);
        }
        if (token.Bare.Length == 1) return false;
        if (approved.IsApprovedWord(norm)) return false;
        if (title) return true; // "Mrs Wood": a surname, even when it is also a word
        if (token.Bare.All(c => !char.IsLetter(c) || char.IsUpper(c)) || IsAcronymPlural(token.Bare))
            return norm.Length > 2 && Given.Value.Contains(norm); // an acronym, unless it is a name in capitals ("TYLER")
        if (MonthNames.Contains(norm)) return !NearDate(text, tokens, i, before) && !AsksAQuestion(text, tokens, i);
        if (norm is "will" or "can" && AsksAQuestion(text, tokens, i)) return false;
        if (NotNames.Contains(norm)) return false;
        var parts = norm.Split('-');
        if (parts.Any(Given.Value.Contains)) return true;
        if (approved.PersonWith(norm) is not null) return true;
        return !(IsWord(norm) || parts.All(p => IsWord(p) || NotNames.Contains(p)) || IsContraction(norm));
    }

    // "Will the board...?", "May we...": the verb that starts a question, not Will or May.
    private static readonly HashSet<string> QuestionSubjects = new(StringComparer.Ordinal) { "the", "we", "you", "it", "this", "they", "i", "our", "there", "a", "an", "these", "those", "that", "all", "every", "each", "any" };

    private static bool AsksAQuestion(string text, List<Token> tokens, int i) =>
        i + 1 < tokens.Count && Adjacent(text, tokens[i], tokens[i + 1]) && QuestionSubjects.Contains(tokens[i + 1].Norm);

    private static bool IsAcronymPlural(string bare) =>
        bare.Length > 2 && bare[^1] == 's' && bare[..^1].All(c => !char.IsLetter(c) || char.IsUpper(c));

    private static bool NearDate(string text, List<Token> tokens, int i, string before)
    {
        if (MonthContext.Contains(before)) return true;
        var from = Math.Max(0, tokens[i].Index - 6);
        var to = Math.Min(text.Length, tokens[i].Index + tokens[i].Length + 6);
        return Digit().IsMatch(text[from..to]);
    }

    private static bool IsContraction(string norm)
    {
        foreach (var ending in (string[])["n't", "'re", "'ve", "'ll", "'d", "'m"])
            if (norm.EndsWith(ending, StringComparison.Ordinal))
            {
                var stem = norm[..^ending.Length];
                return stem.Length > 0 && (IsWord(stem) || NotNames.Contains(stem) || stem is "wo" or "ca" or "sha");
            }
        return false;
    }

    private static bool IsWord(string norm) => English.Value.Contains(norm);

    /// <summary>Nothing but a space (or a hyphen) between two words: the same name, or the same phrase.</summary>
    private static bool Adjacent(string text, Token left, Token right) =>
        right.Index - left.Index - left.Length <= 3 && OnlySpace().IsMatch(Gap(text, left, right));

    private static string Gap(string text, Token left, Token right) => text[(left.Index + left.Length)..right.Index];

    /// <summary>The word without a possessive: "Grace's" and "Jones'" are Grace and Jones.</summary>
    private static string Bare(string word)
    {
        var w = word.Replace('’', '\'');
        if (w.EndsWith("'s", StringComparison.OrdinalIgnoreCase) && w.Length > 2) return w[..^2];
        return w.TrimEnd('\'');
    }

    private static string Normalise(string word)
    {
        var decomposed = word.ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var plain = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark) plain.Append(c == '’' ? '\'' : c);
        return plain.ToString().Normalize(NormalizationForm.FormC);
    }

    private static HashSet<string> Load(string file)
    {
        using var stream = typeof(PersonalNames).Assembly.GetManifestResourceStream("IroPortal.Modularity." + file)
            ?? throw new InvalidOperationException($"The built-in word list {file} is missing from the build.");
        using var reader = new StreamReader(stream);
        var set = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
            if (line.Length > 0 && line[0] != '#') set.Add(Normalise(line.Trim()));
        return set;
    }
}
